"""The key of a thread: the page URL, normalised so that one page gets one thread."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.translation import gettext as _

from omdome.web.core.cleaning import has_control

TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = {"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref"}
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL = 1000


class BadThreadURL(ValueError):
    """The thread key is not an absolute http(s) URL."""


def normalize_thread_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment or tracking parameters; '/' for an empty path.

    >>> normalize_thread_url("HTTPS://Www.Sundby.se:443/nyheter/?utm_source=fb#kommentarer")
    'https://www.sundby.se/nyheter/'
    """
    url = (url or "").strip()
    if len(url) > MAX_URL:
        raise BadThreadURL(_("the address is longer than 1,000 characters"))
    if has_control(url) or any(c.isspace() for c in url):
        raise BadThreadURL(_("the address contains spaces or control characters"))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise BadThreadURL(_("not a valid address (%(error)s)") % {"error": error}) from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise BadThreadURL(_("it must start with http:// or https:// and name a host"))
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    # Sorted, so that the same page with its parameters in another order is the same thread.
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES))
    normalised = urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))
    if len(normalised) > MAX_URL:  # the query grows when its parameters are percent-encoded
        raise BadThreadURL(_("the address is longer than 1,000 characters once normalised"))
    return normalised


def normalize_origin(value: str) -> str:
    """Lower case, no trailing slash, no default port: ``HTTPS://X.se:443/`` is ``https://x.se``."""
    value = value.strip().rstrip("/").lower()
    for scheme, port in DEFAULT_PORTS.items():
        if value.startswith(f"{scheme}://") and value.endswith(f":{port}"):
            return value[: -len(f":{port}")]
    return value


def is_origin(value: str) -> bool:
    """``scheme://host[:port]`` with http or https and nothing after it."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        return False
    return (parts.scheme in DEFAULT_PORTS and bool(parts.hostname) and not parts.path and not parts.query
            and not parts.fragment and not parts.username)


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a normalised URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_local_origin(origin: str) -> bool:
    """Pages on this machine (any port): the demo site of development mode."""
    try:
        host = urlsplit(origin).hostname or ""
    except ValueError:
        return False
    return host in ("localhost", "127.0.0.1", "::1")
