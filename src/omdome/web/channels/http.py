"""HTTP for the connectors, on the standard library; errors become ConnectorError with what the
platform said (never the token: addresses are logged without their query)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.body or b"null")


class Http:
    def __init__(self, timeout: float = 15.0):
        self.timeout = timeout

    def request(self, method: str, url: str, *, headers: dict[str, str] | None = None,
                params: dict[str, str | list[str]] | None = None, form: dict[str, str] | None = None,
                data: dict | None = None, body: bytes | None = None) -> Response:
        from omdome.web.channels.connectors.base import ConnectorError

        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, doseq=True)
        sent = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        elif data is not None:
            body = json.dumps(data).encode()
            sent["Content-Type"] = "application/json"
        sent.setdefault("User-Agent", "Omdome")
        where = url.split("?", 1)[0]
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=sent, method=method),
                                        timeout=self.timeout) as answer:
                return Response(answer.status, dict(answer.headers.items()), answer.read())
        except urllib.error.HTTPError as error:
            said = error.read()[:300].decode("utf-8", "replace")
            retry = error.headers.get("Retry-After")
            if error.code == 429 or error.code >= 500:
                raise ConnectorError(f"{method} {where}: {error.code} {said}",
                                     retry_after=float(retry) if retry and retry.isdigit() else None) from None
            raise ConnectorError(f"{method} {where}: {error.code} {said}",
                                 permanent=error.code in (400, 401, 403, 404, 410)) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ConnectorError(f"{method} {where}: {getattr(error, 'reason', error)}") from None
