"""What every importer produces, and the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

MAX_FILE_BYTES = 200 * 1024 * 1024


class ImportFileError(ValueError):
    """The file cannot be imported; the message says what is wrong and where."""


@dataclass
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


def parse_xml(path: Path, expected: str):  # type: ignore[no-untyped-def]
    """Parse with defusedxml: no entity expansion, no external entities, no network."""
    import xml.etree.ElementTree as ET

    import defusedxml
    import defusedxml.ElementTree as SafeET

    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read the file ({error.strerror})") from None
    if size == 0:
        raise ImportFileError(f"{path}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path}: the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        return SafeET.parse(path).getroot()
    except defusedxml.DefusedXmlException as error:
        raise ImportFileError(f"{path}: refused: the file declares entities or external references "
                              f"({type(error).__name__}); a real {expected} export has none") from None
    except ET.ParseError as error:
        line, column = error.position
        raise ImportFileError(f"{path}:{line}:{column}: broken XML: {_reason(error)}; "
                              f"is the file complete and in UTF-8?") from None


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


def parse_date(value: str | None) -> datetime | None:
    from datetime import UTC

    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None
