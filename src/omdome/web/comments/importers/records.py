"""What every importer produces, and the errors it raises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

MAX_FILE_BYTES = 200 * 1024 * 1024


class ImportFileError(ValueError):
    """The file cannot be imported; the message says what is wrong and where."""


@dataclass(slots=True)
class ImportedComment:
    source_id: str
    thread_url: str
    thread_title: str
    author: str
    email: str
    text: str
    created: datetime | None
    parent_id: str | None = None
    skip_reason: str | None = None  # "spam", "deleted", "pingback"
    held: bool = False  # not approved in the old system: imported, but pending review


@dataclass
class ImportReport:
    comments: list[ImportedComment] = field(default_factory=list)
    threads: int = 0
    problems: list[str] = field(default_factory=list)


# What an export may declare: UTF-8 (the docs promise nothing else is read) and its subset ASCII.
ACCEPTED_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii"}
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def check_file(path: Path) -> None:
    """A readable, non-empty UTF-8 file within the size limit, or ImportFileError saying why not."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(256)
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read the file ({error.strerror})") from None
    if size == 0:
        raise ImportFileError(f"{path}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path}: the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        raise ImportFileError(f"{path}: the file is in UTF-16 or UTF-32; export it as UTF-8")
    declared = _DECLARATION.match(head.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).decode().lower() not in ACCEPTED_ENCODINGS:
        raise ImportFileError(f"{path}:1: the file declares the encoding {declared.group(1).decode()}; "
                              f"only UTF-8 is read: export it as UTF-8")


def iter_elements(path: Path, expected: str, depth: int, root_tag: str,
                  namespaces: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Each element ``depth`` levels below the root, as the file is read.

    Parsed with defusedxml (no entity expansion, no external entities, no network) a piece at a
    time: each element is handed over when it is complete and then cleared, so a large export
    never sits in memory whole. The root must be ``root_tag``; the namespaces the file declares
    are collected into ``namespaces`` (prefix: URI) as they come.
    """
    import xml.etree.ElementTree as ET

    import defusedxml
    import defusedxml.ElementTree as SafeET

    check_file(path)
    level = -1
    try:
        for event, item in SafeET.iterparse(str(path), events=("start", "end", "start-ns")):
            if event == "start-ns":
                if namespaces is not None:
                    namespaces.setdefault(*item)
                continue
            if event == "start":
                level += 1
                if level == 0 and item.tag != root_tag:
                    raise ImportFileError(f"{path}: not a {expected} export (the root element is "
                                          f"<{item.tag.split('}')[-1]}>, expected <{root_tag.split('}')[-1]}>)")
                continue
            if level == depth:
                yield item
                item.clear()
            level -= 1
    except defusedxml.DefusedXmlException as error:
        raise ImportFileError(f"{path}: refused: the file declares entities or external references "
                              f"({type(error).__name__}); a real {expected} export has none") from None
    except ET.ParseError as error:
        line, column = error.position
        raise ImportFileError(f"{path}:{line}:{column}: broken XML: {_reason(error)}; "
                              f"is the file complete and in UTF-8?") from None
    except (UnicodeError, LookupError) as error:
        raise ImportFileError(f"{path}: the file is not UTF-8 ({error}); export it as UTF-8") from None


def _reason(error: Exception) -> str:
    return str(error).split(":")[0]


class _TextOfHTML(HTMLParser):
    """HTML of an exported comment to the Markdown-ish plain text Omdöme stores."""

    SKIP = {"script", "style", "iframe", "object", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.href: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in ("br",):
            self.parts.append("\n")
        elif tag in ("p", "div", "blockquote", "li") and self.parts:
            self.parts.append("\n\n")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.parts.append("[")
        elif tag in ("b", "strong"):
            self.parts.append("**")
        elif tag in ("i", "em"):
            self.parts.append("*")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "a":
            href = self.href or ""
            self.parts.append(f"]({href})" if href.startswith(("http://", "https://")) else "]")
            self.href = None
        elif tag in ("b", "strong"):
            self.parts.append("**")
        elif tag in ("i", "em"):
            self.parts.append("*")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHTML()
    parser.feed(html or "")
    parser.close()
    lines = "".join(parser.parts).replace("\r\n", "\n").split("\n")
    text = "\n".join(line.strip() for line in lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


# Comments on the web are younger than this; one from the future is a broken date.
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)


def parse_date(value: str | None) -> datetime | None:
    """The date of an exported comment, or None when it is missing, unreadable or impossible
    (before 1990 or more than a day ahead); the import time is used then."""
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            parsed = datetime.strptime(value, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
        return parsed if EARLIEST <= parsed <= datetime.now(UTC) + timedelta(days=1) else None
    return None
