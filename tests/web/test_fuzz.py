"""Fuzzing: arbitrary Unicode, control characters and lengths at every public endpoint and both importers.

What is thrown: NUL and other C0/C1 controls, lone surrogates (as JSON escapes, as raw invalid UTF-8,
as %-escapes), bidi and zero-width characters, combining marks, characters that grow under NFC/NFKC,
case mapping or %-encoding ("å", "ﷺ", "ﬃ"), lengths at, around and far over each limit, wrong JSON
types, huge numbers, deeply nested JSON, garbage headers (Origin, X-Forwarded-For, Idempotency-Key,
Accept-Language, Cookie, the client's address) and garbage path parameters; export files with
arbitrary fields in declared encodings (UTF-7, latin-1, UTF-16 with and without BOM, unknown ones).

What must hold after every example:

- no 5xx and no traceback (the client does not re-raise; server errors are caught from the
  ``got_request_exception`` signal and reported with where they were raised);
- a 4xx of an API route has the project's JSON error shape (``code``, ``message``, optional ``field``);
- nothing half-stored: a refused request stores no comment, thread or log entry, an accepted POST
  exactly one comment (and at most one thread); every stored comment and thread has no control
  characters other than \\n and \\t, fits its database columns and hangs in a consistent tree;
  an accepted comment reads back through the API;
- the Atom feeds of every thread and site still render as well-formed XML;
- an import either fails with an ImportFileError that names the file, storing nothing, or stores
  only clean rows (never any other exception).

Each kind of failure raises its own exception class, so Hypothesis reports (and shrinks) every
kind it finds in one run instead of only the first. Each example runs in a savepoint that is
rolled back, so examples never see each other's rows. Examples are derandomised (the same ones
every run); a longer run with new random examples each time:

    OMDOME_FUZZ_EXAMPLES=2000 OMDOME_FUZZ_RANDOM=1 uv run --frozen pytest tests/web/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
import unicodedata
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from urllib.parse import quote, unquote
from xml.sax.saxutils import escape, quoteattr

import pytest
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import models, transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, Phase, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from omdome.web.comments.importers.records import ImportedComment, ImportFileError, ImportReport
from omdome.web.comments.importing import import_file, store
from omdome.web.comments.models import Comment, ModerationEvent, Site, Status, Thread
from omdome.web.comments.pipeline import MAX_DEPTH
from omdome.web.core import ratelimit
from omdome.web.thinktwice import services as thinktwice
from web.factories import HOST, make_comment, make_site, make_thread, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # hundreds of generated inputs per test

PAGE = f"{HOST}/nyheter/vagarbete"
IMPORT_ORIGINS = ("https://www.example.se", "https://blogg.example.se")


def fuzz(examples: int):
    """Hypothesis settings: a modest default; OMDOME_FUZZ_EXAMPLES=N for a long run, OMDOME_FUZZ_RANDOM=1
    for new random examples each run (and Hypothesis' example database) instead of the same ones."""
    random = os.environ.get("OMDOME_FUZZ_RANDOM", "0") not in ("", "0")
    extra = {} if random else {"derandomize": True, "database": None}
    return hypothesis_settings(
        max_examples=int(os.environ.get("OMDOME_FUZZ_EXAMPLES") or examples), deadline=None, print_blob=True,
        # No "explain" phase: it replays a failure hundreds of times to say which parts vary.
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                               HealthCheck.data_too_large, HealthCheck.large_base_example,
                               HealthCheck.filter_too_much],
        **extra)


# --- Failures, one class per kind -------------------------------------------------------------------------

class FuzzFailure(AssertionError):
    """A broken property; each kind is a subclass of its own."""


_KINDS: dict[str, type[FuzzFailure]] = {}


def fail(kind: str, message: str):
    """Raise the failure class of ``kind``: Hypothesis tells bugs apart by exception type and place."""
    cls = _KINDS.setdefault(kind, type("FuzzFailure", (FuzzFailure,), {"kind": kind}))
    raise cls(f"[{kind}] {message}")


def _frames(exc_info) -> tuple[str, str]:
    """(innermost frame, innermost frame in omdome's own code) of an exception, as file:line (function)."""
    frames = traceback.extract_tb(exc_info[2])
    own = [f for f in frames if "omdome" in f.filename and "/tests/" not in f.filename]

    def short(f) -> str:
        name = f.filename.split("site-packages/")[-1].split("/src/")[-1]
        return f"{name}:{f.lineno} ({f.name})"

    return (short(frames[-1]) if frames else "?"), (short(own[-1]) if own else "")


def _where(exc_info) -> str:
    innermost, own = _frames(exc_info)
    text = f"{type(exc_info[1]).__name__}: {str(exc_info[1])[:200]} at {innermost}"
    return text + (f", from {own}" if own and own != innermost else "")


def _kind_of(exc_info) -> str:
    innermost, own = _frames(exc_info)
    return f"{type(exc_info[1]).__name__} at {own or innermost}"


# --- Strategies -------------------------------------------------------------------------------------------

CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9f"]
INVISIBLE = ["\u202e", "\u202d", "\u2066", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029",
             "\ufffe", "\uffff"]  # bidi, zero-width, soft hyphen, line separators, noncharacters
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
# Longer after NFC/NFKC, case mapping or %-encoding: "ﷺ" is 18 characters under NFKC, "å" 6 when %-encoded.
GROWING = ["å", "ﷺ", "ﬃ", "ẞ", "ǰ", "ΐ", "\u0301", "\u0344", "ﹽ", "\U0001d49c", "\U0001f600", "ß", "İ"]
SPACES = [" ", "\t", "\n", "\r", "\r\n", "\xa0", "\u3000", "\u2003"]
SYNTAX = ["%", "%00", "%zz", "%ED%A0%80", "#", "?", "&", "=", "/", "\\", "@", ":", ";", "<", ">", '"', "'", "`",
          "[", "]", "{", "}", "]]>", "&amp;", "&#0;", "..", "*", "_", "[x](javascript:alert(1))", "<script>",
          "http://", "%(n)d", "%s", "{0}"]
PIECES = CONTROLS + INVISIBLE + SURROGATES + GROWING + SPACES + SYNTAX
HUGE = [0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63) - 1, -(10**30)]
words = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzåäöÅÄÖ0123456789 .,!-"), min_size=1, max_size=8)


def garbage(max_size: int = 12) -> st.SearchStrategy[str]:
    """Short text of plain words, awkward pieces and arbitrary characters (lone surrogates included)."""
    part = st.one_of(words, words, st.sampled_from(PIECES), st.characters(),
                     st.characters(categories=["Cs", "Cc", "Cf", "Mn", "Zl", "Zp"]))
    return st.lists(part, max_size=max_size).map("".join)


def sized(*limits: int) -> st.SearchStrategy[str]:
    """Text of a length at, just around or far over one of ``limits``, of a repeated (awkward) unit."""
    unit = st.lists(st.one_of(words, st.sampled_from(PIECES), st.characters()), min_size=1, max_size=3).map("".join)
    lengths = sorted({n for limit in limits for n in (limit, limit - 1, limit + 1, 3 * limit + 7, 0, 1)},
                     key=lambda n: (n < 2, n))
    return st.builds(lambda u, n: (u * (n // len(u) + 1))[:n], unit, st.sampled_from(lengths))


def text_field(*limits: int) -> st.SearchStrategy[str]:
    return st.one_of(garbage(), sized(*limits))


# How much of one example is fuzzed: the same for every field of the example, from a field now and
# then (most requests get past the first check, so the code behind it is reached) to every field.
intensity = st.shared(st.sampled_from([1, 3, 8, 20]), key="omdome-fuzz-intensity")


@st.composite
def mostly(draw, usual: st.SearchStrategy, fuzzed: st.SearchStrategy):
    """The usual value, or (as often as the example's intensity says) a fuzzed one; shrinking goes
    back to the usual value for every field that does not matter."""
    fuzz = draw(st.integers(0, 19)) >= 20 - draw(intensity)
    return draw(fuzzed if fuzz else usual)


def url_near(prefix: str, *lengths: int) -> st.SearchStrategy[str]:
    """``prefix`` followed by a repeated unit, cut to one of ``lengths`` characters."""
    unit = st.lists(st.one_of(st.sampled_from(GROWING + INVISIBLE + CONTROLS + SYNTAX), words),
                    min_size=1, max_size=2).map("".join)
    return st.builds(lambda u, n: (prefix + u * n)[:n], unit, st.sampled_from(lengths))


URL_PREFIXES = [PAGE, f"{PAGE}?a=", f"{HOST}/", "HTTPS://WWW.SUNDBY.SE:443/", "https://sundby.se/",
                "http://www.sundby.se/", "https://evil.example/", "https://www.sundby.se:99999/", "https://[::1/",
                "https://user:pw@www.sundby.se/", "javascript:alert(1)//", "//www.sundby.se/", " https://www.sundby.se/",
                "https://www.sundby.se\u3002/", "https://www.sundby.se\uff0f", ""]
thread_urls = st.one_of(
    st.builds(str.__add__, st.sampled_from(URL_PREFIXES), garbage()),
    url_near(f"{PAGE}?q=", 1000, 999, 1001, 1500),
    url_near(f"{HOST}/", 1000, 999, 1001),
    garbage(),
)
emails = st.one_of(garbage(6).map(lambda s: f"{s}@sundby.se"), text_field(254),
                   url_near("lena", 245, 246, 247).map(lambda s: s + "@sundby.se"))

json_scalars = st.one_of(st.none(), st.booleans(), st.sampled_from(HUGE), st.integers(), st.floats(), garbage(8))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(garbage(5), inner, max_size=3), max_leaves=6)


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()  # the key is left out of the JSON body
PARENT, OWN, OTHER = "<existing comment>", "<own comment>", "<another comment>"


@st.composite
def json_objects(draw, fields: dict[str, tuple[st.SearchStrategy, st.SearchStrategy]]) -> dict:
    """Each field mostly usual, else fuzzed text of the right type; one body in five also gets other
    JSON types, left-out keys and unknown keys."""
    chaos = draw(st.integers(0, 4), label="chaos") == 4
    obj = draw(st.dictionaries(garbage(8), json_values, max_size=2), label="unknown keys") if chaos else {}
    for name, (usual, fuzzed) in fields.items():
        value = draw(mostly(usual, st.one_of(fuzzed, json_values, st.just(MISSING)) if chaos else fuzzed), label=name)
        if value is MISSING:
            obj.pop(name, None)
        else:
            obj[name] = value
    return obj


BODY_MODES = ["json"] * 12 + ["raw-utf8", "utf-16", "nested", "not-an-object", "bytes"]
CONTENT_TYPES = ["application/json"] * 12 + ["application/json; charset=utf-16", "application/json; charset=x-bogus",
                                             "text/plain", "application/x-www-form-urlencoded",
                                             "multipart/form-data; boundary=x", ""]


@dataclass
class Body:
    """A request body: ``obj`` as JSON (escaped, raw UTF-8 with lone surrogates as invalid bytes, or
    UTF-16), ``obj`` with one field nested ``depth`` deep, another JSON value, or ``raw`` bytes."""

    mode: str
    obj: dict
    depth: int = 0
    raw: object = None

    def encode(self, sentinels: dict | None = None) -> bytes:
        obj = {k: (sentinels or {}).get(v, v) if isinstance(v, str) else v for k, v in self.obj.items()}
        if self.mode == "json":
            return json.dumps(obj).encode()
        if self.mode == "raw-utf8":
            return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if self.mode == "utf-16":
            return json.dumps(obj).encode("utf-16")
        if self.mode == "nested":
            key, (opener, closer) = self.raw
            head = json.dumps({k: v for k, v in obj.items() if k != key})[:-1]
            nested = f"{opener * self.depth}1{closer * self.depth}"
            return f'{head}{", " if len(head) > 1 else ""}"{key}": {nested}}}'.encode()
        if self.mode == "not-an-object":
            return json.dumps(self.raw).encode()
        return self.raw


@st.composite
def json_bodies(draw, fields: dict[str, tuple[st.SearchStrategy, st.SearchStrategy]]) -> Body:
    mode = draw(st.sampled_from(BODY_MODES), label="body mode")
    obj = draw(json_objects(fields))
    if mode == "nested":
        return Body(mode, obj, draw(st.sampled_from([2, 100, 1000, 50_000]), label="depth"),
                    (draw(st.sampled_from(list(fields))), draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))))
    if mode == "not-an-object":
        return Body(mode, {}, raw=draw(json_values))
    if mode == "bytes":
        return Body(mode, {}, raw=draw(st.binary(max_size=64)))
    return Body(mode, obj)


def _transport(value: str) -> str:
    """A header value as a WSGI server hands it on: bytes read as latin-1, no CR, LF or NUL, trimmed."""
    raw = value.encode("utf-8", "surrogatepass").decode("latin-1")
    return "".join(c for c in raw if c not in "\r\n\x00").strip(" \t")


header_text = st.one_of(
    st.text(st.characters(min_codepoint=1, max_codepoint=255), max_size=40).map(_transport),
    garbage(15).map(_transport),
)
origins = mostly(st.just(HOST), st.one_of(
    st.none(), st.sampled_from(["https://sundby.se", "HTTPS://WWW.SUNDBY.SE:443/", "null", "https://evil.example",
                                "http://localhost", f"{HOST}/", f"{HOST}:443"]),
    header_text, header_text.map(lambda s: _transport(HOST + s))))
ADDRESSES = ["1.2.3.4", "::1", "::ffff:1.2.3.4", "2001:db8::1", "fe80::1%eth0", "", " ", "unknown", "1.2.3.4:80",
             "[::1]", "999.1.1.1", "0.0.0.0", "255.255.255.255"]
forwarded_for = mostly(st.none(), st.one_of(
    header_text, st.lists(st.one_of(st.sampled_from(ADDRESSES), header_text), max_size=4).map(", ".join)))
# REMOTE_ADDR as servers set it: Python's socket gives link-local IPv6 peers with their scope (%eth0).
remote_addrs = mostly(st.just("127.0.0.1"), st.sampled_from(["", "::1", "2001:db8::5", "::ffff:10.0.0.1",
                                                              "fe80::1%eth0"]))
idempotency_keys = mostly(st.one_of(st.none(), st.uuids().map(str)),
                          st.one_of(header_text, sized(200).map(_transport)))
accept_languages = mostly(st.none(), st.sampled_from(["sv", "en", "*", "en-US,en;q=0.5"]) | header_text)
cookies = mostly(st.none(), header_text.map(lambda s: f"sessionid={s}; csrftoken={s}"))


@st.composite
def client_headers(draw) -> tuple[dict[str, str], int]:
    """(WSGI environ extras, OMDOME_TRUSTED_PROXIES) of a request from anywhere."""
    meta = {"REMOTE_ADDR": draw(remote_addrs, label="REMOTE_ADDR")}
    for key, strategy in [("HTTP_ORIGIN", origins), ("HTTP_X_FORWARDED_FOR", forwarded_for),
                          ("HTTP_IDEMPOTENCY_KEY", idempotency_keys), ("HTTP_ACCEPT_LANGUAGE", accept_languages),
                          ("HTTP_COOKIE", cookies)]:
        value = draw(strategy, label=key)
        if value is not None:
            meta[key] = value
    return meta, draw(mostly(st.just(0), st.sampled_from([1, 2])), label="OMDOME_TRUSTED_PROXIES")


def percent(value: str) -> str:
    """``value`` %-encoded as UTF-8 (lone surrogates as the invalid bytes they would be)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


raw_query = st.text(st.characters(min_codepoint=1, max_codepoint=255), max_size=40).map(_transport)


# --- Checks -----------------------------------------------------------------------------------------------

@dataclass
class Exchange:
    method: str
    path: str
    query: str
    status: int
    content: bytes
    content_type: str
    errors: list

    @property
    def label(self) -> str:
        return f"{self.method} {self.path!r}" + (f" ?{self.query!r}" if self.query else "")


@pytest.fixture
def server_errors():
    """Exceptions the handler turned into 500 responses, with their tracebacks."""
    errors: list = []

    def caught(sender, request=None, **kwargs):
        errors.append(sys.exc_info())

    got_request_exception.connect(caught, weak=False, dispatch_uid="omdome-fuzz")
    yield errors
    got_request_exception.disconnect(dispatch_uid="omdome-fuzz")


def send(client: Client, errors: list, method: str, path: str, *, query: str = "", body: bytes = b"",
         content_type: str = "application/octet-stream", meta: dict | None = None) -> Exchange:
    errors.clear()
    response = client.generic(method, path, body, content_type=content_type, QUERY_STRING=query, **(meta or {}))
    # The client closes the response itself (a streaming one once read); closing it again here would
    # close the database connection in the middle of the test's transaction.
    content = b"".join(response.streaming_content) if response.streaming else response.content
    why = ""
    if response.status_code >= 400 and response.get("Content-Type", "").startswith("application/json"):
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            problem = json.loads(content)
            why = f" {problem.get('code')} {problem.get('field') or ''}".rstrip()
    if currently_in_test_context():  # statistics for --hypothesis-show-statistics
        event(f"{method} {route_of(path) or '(no route)'}: {response.status_code}{why}")
    return Exchange(method, path, query, response.status_code, content, response.get("Content-Type", ""),
                    list(errors))


def route_of(path: str) -> str | None:
    try:
        match = resolve(unquote(path, errors="replace"))
    except Resolver404:
        return None
    return match.route


def is_api_route(path: str) -> bool:
    try:
        return "api" in resolve(unquote(path, errors="replace")).namespaces
    except Resolver404:
        return False


def check_exchange(x: Exchange) -> None:
    """No server error, no traceback; an API route's 4xx in the project's error shape."""
    if x.errors:
        fail(f"{x.status}: {_kind_of(x.errors[0])}", f"{x.label} -> {x.status}: {_where(x.errors[0])}")
    if x.status >= 500:
        fail(f"{x.status} without an exception", f"{x.label} -> {x.status}: {x.content[:300]!r}")
    if b"Traceback (most recent call last)" in x.content:
        fail("traceback in a response", f"{x.label} -> {x.status}: {x.content[:300]!r}")
    if is_api_route(x.path) and 400 <= x.status < 500:
        if not x.content_type.startswith("application/json"):
            fail(f"{route_of(x.path)} {x.status} not JSON",
                 f"{x.label} -> {x.status} {x.content_type!r}: {x.content[:200]!r}")
        problem = json.loads(x.content)
        if not (isinstance(problem, dict) and isinstance(problem.get("code"), str) and problem["code"]
                and isinstance(problem.get("message"), str) and problem["message"]
                and (problem.get("field") is None or isinstance(problem["field"], str))):
            fail(f"{route_of(x.path)} {x.status} not in the error shape", f"{x.label} -> {x.status}: {problem!r}")
    elif x.content and x.content_type.startswith("application/json"):
        json.loads(x.content)


def snapshot() -> dict[str, int]:
    return {"comments": Comment.objects.count(), "threads": Thread.objects.count(),
            "events": ModerationEvent.objects.count()}


def _snapshot_or_why() -> object:
    try:
        return snapshot()
    except Exception as error:  # an aborted PostgreSQL transaction, say
        return f"(cannot count: {type(error).__name__})"


def _bad_characters(value: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in value if unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t"})


def check_stored() -> None:
    """Every stored thread, comment and log entry: no control characters but \\n and \\t, within its
    columns; the comments in a consistent reply tree."""
    for model in (Thread, Comment, ModerationEvent):
        text_fields = [f for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))]
        for row in model.objects.all():
            for f in text_fields:
                value = getattr(row, f.attname)
                if value is None:
                    continue
                if bad := _bad_characters(value):
                    fail(f"control characters in {model.__name__}.{f.name}",
                         f"{model.__name__} {row.pk} {f.name} holds {bad}: {value[:200]!r}")
                if f.max_length is not None and len(value) > f.max_length:
                    fail(f"{model.__name__}.{f.name} longer than its column",
                         f"{model.__name__} {row.pk} {f.name} has {len(value)} characters, the column "
                         f"{f.max_length}: {value[:100]!r}…")
    for comment in Comment.objects.select_related("parent"):
        parent = comment.parent
        if (comment.depth != (parent.depth + 1 if parent else 0) or comment.depth >= MAX_DEPTH
                or (parent is not None and parent.thread_id != comment.thread_id)):
            fail("inconsistent reply tree", f"comment {comment.pk} depth {comment.depth}, parent "
                 f"{parent and (parent.pk, parent.depth, parent.thread_id)}, thread {comment.thread_id}")


def check_feeds(client: Client, errors: list) -> None:
    """The Atom feed of every thread and site renders as well-formed XML."""
    paths = [f"/feeds/threads/{pk}.atom" for pk in Thread.objects.values_list("pk", flat=True)]
    paths += [f"/feeds/sites/{pk}.atom" for pk in Site.objects.values_list("pk", flat=True)]
    for path in paths:
        x = send(client, errors, "GET", path)
        check_exchange(x)
        if x.status != 200:
            fail(f"feed {x.status}", f"{path} -> {x.status}")
        try:
            ET.fromstring(x.content)
        except ET.ParseError as error:
            fail(f"{route_of(path)} not well-formed XML", f"{path} ({error}): {x.content[:600]!r}")


def check_readable(client: Client, errors: list, comment: Comment, token: str | None = None) -> None:
    """A stored comment reads back: its page through the API, its source with the edit token."""
    x = send(client, errors, "GET", "/api/comments", query=f"thread={percent(comment.thread.url)}")
    check_exchange(x)
    page = json.loads(x.content)
    if x.status != 200 or page["thread"]["url"] != comment.thread.url:
        fail("stored page not found by its address", f"{comment.thread.url!r} -> {x.status}: {x.content[:300]!r}")
    if comment.status == Status.PUBLISHED and comment.pk not in _ids(page["comments"]):
        fail("published comment not on its page", f"comment {comment.pk} on {comment.thread.url!r}")
    if token is not None:
        x = send(client, errors, "GET", f"/api/comments/{comment.pk}/source", meta={"HTTP_X_OMDOME_EDIT_TOKEN": token})
        check_exchange(x)
        if x.status != 200 or json.loads(x.content)["text"] != comment.text:
            fail("source does not read back", f"comment {comment.pk} -> {x.status}: {x.content[:300]!r}")


def _ids(tree: list[dict]) -> set[int]:
    found = set()
    for node in tree:
        found |= {node["id"], *_ids(node["replies"])}
    return found


@contextmanager
def isolated(trusted_proxies: int = 0):
    """One example: fresh rate counters and cache, its own rows (rolled back after), the proxies it is behind."""
    cache.clear()
    ratelimit.counters().clear()
    with override_settings(OMDOME_TRUSTED_PROXIES=trusted_proxies), transaction.atomic():
        yield
        transaction.set_rollback(True)


# --- Fixtures ---------------------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """The limits are tested elsewhere; here they would only stop the fuzzing with 429s."""
    scopes = {**ratelimit.DEFAULT_LIMITS, **settings.OMDOME_RATE_LIMITS}
    settings.OMDOME_RATE_LIMITS = {scope: (10**9, window) for scope, (_n, window) in scopes.items()}


@dataclass
class World:
    client: Client
    site: Site
    thread: Thread
    comment: Comment
    token: str
    other: Comment
    other_token: str
    review_secret: str


@pytest.fixture
def world(db) -> World:
    site = make_site()
    thread = make_thread(site)
    first = make_comment(thread)
    second = make_comment(thread, "Jag håller med.", author="Per", parent=first.comment.pk)
    user = make_user("ulla", "admin")
    _token, secret = thinktwice.create_token(user=user, name="fuzz")
    return World(Client(raise_request_exception=False), site, thread, first.comment, first.edit_token,
                  second.comment, second.edit_token, secret)


# --- The comment API --------------------------------------------------------------------------------------

usual_text = st.sampled_from(["Tack för informationen!", "Bra att ni hör av er.", "När öppnar vägen igen?"])
COMMENT_FIELDS = {  # name: (usual, fuzzed)
    "thread": (st.sampled_from([PAGE, PAGE, PAGE, f"{HOST}/ny-sida"]), thread_urls),
    "title": (st.sampled_from([MISSING, "Ny sida"]), text_field(300)),
    "text": (usual_text, text_field(5000, 20000)),
    "author": (st.sampled_from(["Lena", "Per Ek"]), text_field(80, 200)),
    "email": (st.sampled_from([MISSING, "lena@example.se"]), emails),
    "parent": (st.sampled_from([MISSING, MISSING, PARENT]), st.one_of(st.none(), st.sampled_from(HUGE))),
    "website": (st.just(MISSING), st.one_of(st.just(""), garbage())),
    "confirmed": (st.just(MISSING), st.booleans()),
}


def check_unchanged(x: Exchange, before: dict, after: dict) -> None:
    if after != before:
        fail(f"{x.status} stored something", f"{x.label} -> {x.status}: {before} -> {after}")


@fuzz(120)
@given(body=json_bodies(COMMENT_FIELDS), content_type=st.sampled_from(CONTENT_TYPES), headers=client_headers())
def test_posting_a_comment_never_fails_or_half_stores(world, server_errors, body, content_type, headers):
    meta, proxies = headers
    raw = body.encode({PARENT: world.comment.pk})
    with isolated(proxies):
        before = snapshot()
        x = send(world.client, server_errors, "POST", "/api/comments", body=raw, content_type=content_type, meta=meta)
        check_exchange(x)
        after = snapshot()
        if x.status == 201:
            posted = json.loads(x.content)
            if after["comments"] != before["comments"] + 1 or after["threads"] - before["threads"] not in (0, 1):
                fail("201 stored other than one comment", f"{before} -> {after}")
            check_stored()
            comment = Comment.objects.select_related("thread").get(pk=posted["id"])
            check_readable(world.client, server_errors, comment, posted["edit_token"])
            if meta.get("HTTP_IDEMPOTENCY_KEY"):  # a retry with the same key stores nothing new
                again = send(world.client, server_errors, "POST", "/api/comments", body=raw,
                             content_type=content_type, meta=meta)
                check_exchange(again)
                if again.status != 201 or json.loads(again.content)["id"] != posted["id"] or snapshot() != after:
                    fail("a retry with the same Idempotency-Key is not the same comment",
                         f"{x.status} {posted['id']} then {again.status} {again.content[:200]!r}: {after} -> "
                         f"{snapshot()}")
        else:
            check_unchanged(x, before, after)
            check_stored()
        check_feeds(world.client, server_errors)


OWN_METHODS = ["PATCH", "PATCH", "DELETE", "GET /source"]  # other methods: see the test after this one
comment_ids = st.one_of(st.just(OWN), st.just(OTHER), st.sampled_from(HUGE).map(str),
                        st.sampled_from(["1.0", "1e3", "0x1", " 1", "１", "١", "+1", ""]), garbage(8).map(percent))
edit_tokens = st.one_of(st.just(OWN), st.just(OTHER), st.none(), header_text, header_text.map(lambda s: f"{OWN}{s}"))
EDIT_FIELDS = {"text": (usual_text, text_field(5000, 20000)), "confirmed": (st.just(MISSING), st.booleans())}


@fuzz(100)
@given(method=st.sampled_from(OWN_METHODS), comment_id=comment_ids, token=edit_tokens, body=json_bodies(EDIT_FIELDS),
       content_type=st.sampled_from(CONTENT_TYPES), headers=client_headers())
def test_editing_removing_and_reading_ones_own_comment_never_fails(world, server_errors, method, comment_id, token,
                                                                     body, content_type, headers):
    meta, proxies = headers
    segment = {OWN: str(world.comment.pk), OTHER: str(world.other.pk)}.get(comment_id, comment_id)
    if token is not None:
        meta["HTTP_X_OMDOME_EDIT_TOKEN"] = {OTHER: world.other_token}.get(token) or token.replace(OWN, world.token)
    verb, _sep, suffix = method.partition(" ")
    path = f"/api/comments/{segment}{suffix}"
    with isolated(proxies):
        before = snapshot()
        rows = {c.pk: (c.text, c.html, c.status, c.edited) for c in Comment.objects.all()}
        x = send(world.client, server_errors, verb, path, body=body.encode() if verb != "GET" else b"",
                 content_type=content_type, meta=meta)
        check_exchange(x)
        after = snapshot()
        changed = {c.pk for c in Comment.objects.all() if rows[c.pk] != (c.text, c.html, c.status, c.edited)}
        if 200 <= x.status < 300 and verb in ("PATCH", "DELETE"):
            answer = json.loads(x.content)
            if (after["comments"], after["threads"]) != (before["comments"], before["threads"]) \
                    or not changed <= {answer["id"]}:
                fail(f"{verb} changed other rows", f"{before} -> {after}, changed {changed}")
            comment = Comment.objects.select_related("thread").get(pk=answer["id"])
            if verb == "DELETE" and comment.status != Status.DELETED:
                fail("DELETE did not remove", f"comment {comment.pk} is {comment.status}")
            if verb == "PATCH":
                check_stored()
                check_readable(world.client, server_errors, comment, meta["HTTP_X_OMDOME_EDIT_TOKEN"])
        else:
            check_unchanged(x, before, after)
            if changed:
                fail(f"{x.status} changed a comment", f"{x.label} -> {x.status} changed {changed}")
        check_stored()
        check_feeds(world.client, server_errors)


OTHER_METHODS = [("PUT", "/api/comments"), ("DELETE", "/api/comments"), ("OPTIONS", "/api/comments"),
                 ("PUT", "/api/comments/1"), ("POST", "/api/comments/1"), ("GET", "/api/comments/1"),
                 ("OPTIONS", "/api/comments/1"), ("POST", "/api/comments/1/source"), ("GET", "/api/review"),
                 ("PUT", "/api/review")]


@pytest.mark.parametrize(("method", "path"), OTHER_METHODS)
def test_api_routes_refuse_other_methods_in_the_error_shape(world, server_errors, method, path):
    """A method a route does not have (an OPTIONS that is no CORS preflight included): a 4xx in the
    API's JSON error shape. Apart from the fuzzing, so that it does not hide what the fuzzing finds."""
    check_exchange(send(world.client, server_errors, method, path, body=b"{}", content_type="application/json",
                        meta={"HTTP_ORIGIN": HOST}))


# --- Everything else a visitor can reach ------------------------------------------------------------------

GET_TARGETS = [
    ("GET", "/api/comments", "thread={q}"),
    ("GET", "/api/comments", "thread={page}{q}"),
    ("GET", "/api/comments", "thread={long}"),
    ("GET", "/api/comments", "{q}={q}&thread={page}"),
    ("GET", "/api/comments", "thread={page}&offset={n}&limit={n}&order={q}"),
    ("GET", "/api/comments", "{raw}"),
    ("GET", "/api/comments/{p}/source", ""),
    ("GET", "/api/comments/{n}/source", ""),
    ("DELETE", "/api/comments/{n}", ""),
    ("PATCH", "/api/comments/{p}", ""),
    ("OPTIONS", "/api/comments", ""),  # CORS preflights (always with Access-Control-Request-Method)
    ("OPTIONS", "/api/comments/{p}", ""),
    ("GET", "/api/openapi.json", "{raw}"),
    ("GET", "/api/docs", "{raw}"),
    ("GET", "/feeds/threads/{n}.atom", ""),
    ("GET", "/feeds/sites/{n}.atom", "{raw}"),
    ("GET", "/feeds/threads/{p}.atom", ""),
    ("GET", "/healthz", "{raw}"),
    ("HEAD", "/healthz", ""),
    ("GET", "/widget.js", "{raw}"),
    ("GET", "/widget.css", ""),
    ("GET", "/widget.{p}", ""),
    ("GET", "/demo/{p}/", ""),
    ("GET", "/login/", "next={q}"),
    ("GET", "/logout/", ""),
    ("GET", "/password/reset/", "{raw}"),
    ("GET", "/password/reset/{p}/{p}/", ""),
    ("GET", "/password/reset/MQ/set-password/", ""),
    ("GET", "/password/reset/sent/", ""),
    ("GET", "/password/reset/done/", ""),
    ("GET", "/", "{raw}"),
    ("GET", "/{p}", ""),
    ("GET", "/staff/threads/{n}/", ""),
    ("GET", "/people/{p}/", ""),
    ("GET", "/policy/versions/{n}/{p}.toml", ""),
    ("GET", "/think-twice/", ""),
    ("GET", "/admin/login/", "next={q}"),
    ("GET", "/i18n/setlang/", "{raw}"),
    ("GET", "/static/{p}", ""),
]


@st.composite
def visits(draw) -> tuple[str, str, str]:
    method, path, query = draw(st.sampled_from(GET_TARGETS), label="target")

    def fill(template: str) -> str:
        for slot, strategy in [("{q}", garbage().map(percent)), ("{p}", garbage(12).map(percent)),
                               ("{n}", st.one_of(st.integers(0, 5), st.sampled_from(HUGE)).map(str)),
                               ("{raw}", raw_query), ("{page}", st.just(percent(PAGE))),
                               ("{long}", url_near(f"{PAGE}?q=", 1000, 999, 1001, 3000).map(percent))]:
            while slot in template:
                template = template.replace(slot, draw(strategy, label=slot), 1)
        return template

    return method, fill(path), fill(query)


@fuzz(150)
@given(visit=visits(), headers=client_headers(),
       preflight=mostly(st.sampled_from(["POST", "PATCH"]), header_text))
def test_every_public_page_answers_garbage_without_a_server_error(world, server_errors, visit, headers, preflight):
    method, path, query = visit
    meta, proxies = headers
    if method == "OPTIONS":  # a preflight: others are in the test above
        meta["HTTP_ACCESS_CONTROL_REQUEST_METHOD"] = preflight
        meta["HTTP_ORIGIN"] = meta.get("HTTP_ORIGIN") or HOST
    with isolated(proxies):
        before = snapshot()
        x = send(world.client, server_errors, method, path, query=query, meta=meta)
        check_exchange(x)
        check_unchanged(x, before, snapshot())


FORM_TARGETS = {
    "/login/": ["username", "password", "next"],
    "/admin/login/": ["username", "password", "next"],
    "/password/reset/": ["email"],
    "/password/reset/MQ/set-password/": ["new_password1", "new_password2"],
    "/password/reset/{p}/{p}/": ["new_password1", "new_password2"],
    "/i18n/setlang/": ["language", "next"],
    "/logout/": ["next"],
    "/think-twice/": ["text", "account"],
}
form_values = st.one_of(st.sampled_from(["ulla", "ulla@sundby.se", "ULLA@SUNDBY.SE", "sv", "en", "/", "//evil.example",
                                         ""]), garbage(), sized(150, 254))


@fuzz(60)
@given(target=st.sampled_from(sorted(FORM_TARGETS)), data=st.data(), headers=client_headers(),
       segment=garbage(12).map(percent),
       content_type=st.sampled_from(["application/x-www-form-urlencoded"] * 3 + [
           "application/x-www-form-urlencoded; charset=latin-1", "application/x-www-form-urlencoded; charset=x-bogus",
           "multipart/form-data; boundary=x", "application/json", "text/plain"]))
def test_login_password_reset_and_language_forms_take_any_fields(world, server_errors, target, data, headers,
                                                                   segment, content_type):
    fields = {name: data.draw(form_values, label=name) for name in FORM_TARGETS[target]}
    fields |= data.draw(st.dictionaries(garbage(8), form_values, max_size=2), label="extra fields")
    raw = "&".join(f"{percent(k)}={percent(v)}" for k, v in fields.items()).encode()
    if data.draw(st.booleans(), label="raw latin-1 body"):
        raw = "&".join(f"{_transport(k)}={_transport(v)}" for k, v in fields.items()).encode("latin-1")
    meta, proxies = headers
    with isolated(proxies):
        before = snapshot()
        x = send(world.client, server_errors, "POST", target.replace("{p}", segment), body=raw,
                 content_type=content_type, meta=meta)
        check_exchange(x)
        check_unchanged(x, before, snapshot())


REVIEW_FIELDS = {"text": (usual_text, text_field(20000)),
                 "account": (st.sampled_from(["personal", "official"]),
                             st.one_of(st.sampled_from(["Personal", "personal "]), garbage()))}


@fuzz(60)
@given(body=json_bodies(REVIEW_FIELDS), content_type=st.sampled_from(CONTENT_TYPES), headers=client_headers(),
       auth=mostly(st.just("Bearer {secret}"), st.one_of(
           st.none(), header_text.map(lambda s: "Bearer " + s), header_text,
           header_text.map(lambda s: "Bearer {secret}" + s), st.just("bearer {secret}"))))
def test_the_review_api_takes_any_draft(world, server_errors, body, content_type, headers, auth):
    meta, proxies = headers
    if auth is not None:
        meta["HTTP_AUTHORIZATION"] = auth.replace("{secret}", world.review_secret)
    with isolated(proxies):
        before = snapshot()
        x = send(world.client, server_errors, "POST", "/api/review", body=body.encode(), content_type=content_type,
                 meta=meta)
        check_exchange(x)
        check_unchanged(x, before, snapshot())
        if x.status == 200:
            review = json.loads(x.content)
            if review["verdict"] not in ("block", "warn", "ok") or any(
                    not 0 <= f["start"] <= f["end"] for f in review["findings"]):
                fail("review answer out of shape", repr(review)[:400])


# --- The importers ----------------------------------------------------------------------------------------

ids = mostly(st.sampled_from(["1", "2", "3"]),
             st.one_of(st.integers(-5, 2**70).map(str), garbage(8), sized(200)))
links = mostly(
    st.builds(lambda origin, path: f"{origin}/{path}", st.sampled_from(IMPORT_ORIGINS),
              st.sampled_from(["", "a", "b/"])),
    st.one_of(
        st.builds(str.__add__, st.sampled_from([f"{o}/" for o in IMPORT_ORIGINS]
                                               + ["HTTPS://WWW.EXAMPLE.SE:443/", "https://www.example.se/nyheter?",
                                                  "https://evil.example/", "www.example.se/", ""]), garbage()),
        url_near("https://www.example.se/?q=", 1000, 999, 1001),
        url_near("https://blogg.example.se/", 1000, 999, 1001),
        garbage(),
    ))
html_messages = mostly(
    usual_text,
    st.one_of(
        text_field(5000),
        st.lists(st.one_of(garbage(8), st.sampled_from(["<p>", "</p>", "<br>", "<b>", "</b>", "<em>", "</em>",
                                                        '<a href="https://x.se/">', '<a href="javascript:alert(1)">',
                                                        "</a>", "<script>", "</script>", "<blockquote>", "<li>",
                                                        "&amp;", "&lt;", "&#x7f;", "&#128;", "&nbsp;", "&bogus;"])),
                 max_size=12).map("".join),
    ))
names = mostly(st.sampled_from(["Lena", "Per Ek"]), text_field(80, 200))
mail = mostly(st.sampled_from(["", "lena@example.se"]), text_field(254))
titles = mostly(st.sampled_from(["", "Vägarbete"]), text_field(300))
DATE_FORMATS = ["{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z", "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}",
                "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}"]  # the formats the readers know
dates = mostly(st.just("2021-03-01T07:30:00Z"), st.one_of(
    st.builds(lambda d, f: f.format(d.year, d.month, d.day, d.hour, d.minute, d.second),
              st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59)), st.sampled_from(DATE_FORMATS)),
    st.sampled_from(["", "0000-00-00 00:00:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                     "2021-02-29T00:00:00Z", "2021-03-01T07:30:00+02:00"]),
    garbage(),
))
# (declared encoding or None, the codec the bytes are really in)
ENCODINGS = [("utf-8", "utf-8"), ("utf-8", "utf-8"), ("utf-8", "utf-8"), (None, "utf-8"), ("utf-8", "utf-8-sig"),
             ("ISO-8859-1", "latin-1"), ("latin-1", "latin-1"), ("windows-1252", "cp1252"), ("utf-16", "utf-16"),
             ("utf-16", "utf-16-le"), ("UTF-16BE", "utf-16-be"), ("utf-7", "utf-7"), ("us-ascii", "ascii"),
             ("latin-1", "utf-8"), ("utf-8", "latin-1"), ("x-unknown", "utf-8"), ("shift_jis", "shift_jis"),
             ("utf-32", "utf-32")]


def xml_text(value: str, cdata: bool) -> str:
    return f"<![CDATA[{value}]]>" if cdata else escape(value)


def encoded(document: str, declared: str | None, codec: str) -> bytes:
    """The document with its XML declaration, in ``codec``; what the codec cannot hold as character
    references (lone surrogates raw in the UTF codecs: the invalid bytes a broken exporter writes)."""
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else '<?xml version="1.0"?>\n'
    for errors in ("surrogatepass" if codec.startswith("utf") else "xmlcharrefreplace", "xmlcharrefreplace",
                   "replace"):
        try:
            return (head + document).encode(codec, errors)
        except UnicodeError:
            continue
    raise AssertionError("unreachable")


@st.composite
def disqus_exports(draw) -> bytes:
    cdata = draw(st.booleans(), label="CDATA")
    threads = draw(st.lists(st.tuples(ids, links, titles), min_size=1, max_size=2), label="threads")
    thread_ids = [t[0] for t in threads]
    parts = ['<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">']
    for tid, link, title in threads:
        parts.append(f"<thread dsq:id={quoteattr(tid)}><link>{xml_text(link, cdata)}</link>"
                     f"<title>{xml_text(title, cdata)}</title></thread>")
    for _ in range(draw(st.integers(1, 3), label="posts")):
        pid = draw(ids, label="post id")
        tref = draw(mostly(st.sampled_from(thread_ids), ids), label="thread ref")
        parent = draw(mostly(st.none(), ids), label="parent ref")
        name, username = (draw(names, label=label) for label in ("name", "username"))
        email = draw(mail, label="email")
        flags = [draw(mostly(st.just("false"), st.sampled_from(["true", " TRUE ", ""]) | garbage(4)), label=f)
                 for f in ("isDeleted", "isSpam")]
        parts.append(
            f"<post dsq:id={quoteattr(pid)}><message>{xml_text(draw(html_messages, label='message'), cdata)}</message>"
            f"<createdAt>{xml_text(draw(dates, label='createdAt'), cdata)}</createdAt>"
            f"<isDeleted>{escape(flags[0])}</isDeleted><isSpam>{escape(flags[1])}</isSpam>"
            f"<author><name>{xml_text(name, cdata)}</name><email>{xml_text(email, cdata)}</email>"
            f"<username>{xml_text(username, cdata)}</username></author>"
            f"<thread dsq:id={quoteattr(tref)}/>" + (f"<parent dsq:id={quoteattr(parent)}/>" if parent else "")
            + "</post>")
    parts.append("</disqus>")
    declared, codec = draw(mostly(st.just(ENCODINGS[0]), st.sampled_from(ENCODINGS)), label="encoding")
    return encoded("\n".join(parts), declared, codec)


@st.composite
def wordpress_exports(draw) -> bytes:
    cdata = draw(st.booleans(), label="CDATA")
    version = draw(st.sampled_from(["1.2", "1.1", "1.0"]), label="WXR version")
    wp = f"http://wordpress.org/export/{version}/"
    parts = [f'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="{wp}">',
             f"<channel><wp:wxr_version>{version}</wp:wxr_version>"]
    for _ in range(draw(st.integers(1, 2), label="items")):
        parts.append(f"<item><title>{xml_text(draw(titles, label='title'), cdata)}</title>"
                     f"<link>{xml_text(draw(links, label='link'), cdata)}</link>")
        for _ in range(draw(st.integers(1, 3), label="comments")):
            values = {
                "comment_id": draw(ids, label="id"),
                "comment_author": draw(names, label="author"),
                "comment_author_email": draw(mail, label="email"),
                "comment_content": draw(html_messages, label="content"),
                "comment_date_gmt": draw(dates, label="date"),
                "comment_approved": draw(mostly(st.just("1"), st.sampled_from(["0", "spam", "trash"]) | garbage(4)),
                                         label="approved"),
                "comment_type": draw(mostly(st.sampled_from(["", "comment"]),
                                            st.sampled_from(["pingback", "trackback"]) | garbage(4)), label="type"),
                "comment_parent": draw(mostly(st.just("0"), ids), label="parent"),
            }
            parts.append("<wp:comment>" + "".join(f"<wp:{k}>{xml_text(v, cdata)}</wp:{k}>" for k, v in values.items())
                         + "</wp:comment>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    declared, codec = draw(mostly(st.just(ENCODINGS[0]), st.sampled_from(ENCODINGS)), label="encoding")
    return encoded("\n".join(parts), declared, codec)


_files = count()


@pytest.fixture
def import_world(db, tmp_path):
    site = make_site(name="Exempelstad", origins="\n".join(IMPORT_ORIGINS))
    return site, tmp_path, Client(raise_request_exception=False)


def check_import(kind: str, content: bytes, site: Site, folder, client: Client, errors: list) -> None:
    path = folder / f"export-{next(_files)}.xml"
    path.write_bytes(content)
    before = snapshot()
    try:
        result = import_file(kind, path, site)
    except ImportFileError as error:
        event(f"{kind}: ImportFileError {str(error).split(': ', 1)[-1][:30]}")
        if path.name not in str(error):
            fail("ImportFileError does not name the file", str(error))
        if (after := snapshot()) != before:
            fail("a failed import stored something", f"{before} -> {after}: {error}")
        return
    except Exception:
        fail(f"import_file({kind!r}) raised {_kind_of(sys.exc_info())}",
             f"{_where(sys.exc_info())} (stored {before} -> {_snapshot_or_why()})")
    event(f"{kind}: imported {'some' if result.imported else 'none'}")
    check_stored_import(result, before, site, client, errors)


def check_stored_import(result, before: dict, site: Site, client: Client, errors: list) -> None:
    after = snapshot()
    if after["comments"] - before["comments"] != result.imported + result.placeholders:
        fail("import stored another number of comments than it says", f"{result} but {before} -> {after}")
    check_stored()
    for comment in Comment.objects.filter(thread__site=site).select_related("thread"):
        check_readable(client, errors, comment)
    check_feeds(client, errors)


@fuzz(60)
@given(content=disqus_exports())
def test_any_disqus_export_is_imported_cleanly_or_refused(import_world, server_errors, content):
    site, folder, client = import_world
    with isolated():
        check_import("disqus", content, site, folder, client, server_errors)


@fuzz(60)
@given(content=wordpress_exports())
def test_any_wordpress_export_is_imported_cleanly_or_refused(import_world, server_errors, content):
    site, folder, client = import_world
    with isolated():
        check_import("wordpress", content, site, folder, client, server_errors)


imported_comments = st.builds(
    ImportedComment,
    source_id=mostly(st.sampled_from(["x:1", "x:2", "x:3"]), ids.map(lambda s: f"x:{s}")),
    thread_url=links, thread_title=titles, author=names, email=mail, text=html_messages,
    created=mostly(st.none(), st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31), timezones=st.just(UTC))),
    parent_id=mostly(st.none(), st.one_of(st.sampled_from(["x:1", "x:2", "x:3"]), garbage(8))),
    skip_reason=mostly(st.none(), st.one_of(st.sampled_from(["spam", "deleted", "pingback"]), garbage(5))),
    held=st.booleans(),
)


@fuzz(50)
@given(comments=st.lists(imported_comments, min_size=1, max_size=4))
def test_store_takes_any_records_a_reader_could_hand_it(import_world, server_errors, comments):
    """``store`` on records straight from a reader (NUL and lone surrogates included: a reader of
    another format, or a bug in one, must not be able to get them past it)."""
    site, _folder, client = import_world
    with isolated():
        before = snapshot()
        try:
            result = store(ImportReport(comments=comments, threads=1), site)
        except ImportFileError as error:
            if (after := snapshot()) != before:
                fail("a failed store() stored something", f"{before} -> {after}: {error}")
            return
        except Exception:
            fail(f"store() raised {_kind_of(sys.exc_info())}",
                 f"{_where(sys.exc_info())} (stored {before} -> {_snapshot_or_why()})")
        check_stored_import(result, before, site, client, server_errors)
