"""A local HTTP server that answers as a platform's API did in recorded exchanges.

Each exchange (tests/web/data/channels/*.json) is built from the platform's documented request
and response shapes: a method, a path, the query parameters that must be present, and the answer
(after ``delay`` seconds, if given). The server keeps every request it got, so a test can check
what a connector sent.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DATA = Path(__file__).parent / "data" / "channels"


class Replay:
    def __init__(self, *files: str, exchanges: list[dict] | None = None):
        self.exchanges: list[dict] = list(exchanges or [])
        for name in files:
            self.exchanges += json.loads((DATA / name).read_text(encoding="utf-8"))["exchanges"]
        self.requests: list[dict] = []
        self.overrides: list[dict] = []  # answers given once, before the recorded ones (errors)
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # type: ignore[no-untyped-def]
                pass

            def _answer(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                query = {k: v for k, v in parse_qs(parts.query).items()}
                form = {k: v for k, v in parse_qs(body).items()} if "urlencoded" in (
                    self.headers.get("Content-Type") or "") else {}
                replay.requests.append({"method": self.command, "path": parts.path, "query": query, "form": form,
                                        "body": body, "headers": dict(self.headers.items())})
                found = replay.find(self.command, parts.path, {**query, **form})
                if found and found.get("delay"):
                    time.sleep(found["delay"])
                status = found.get("status", 200) if found else 404
                kind = "application/json"
                if found and "body_file" in found:  # a document, not JSON (a feed)
                    payload, kind = (DATA / found["body_file"]).read_bytes(), found.get("type", "application/xml")
                elif status == 204:
                    payload = b""
                else:
                    payload = json.dumps(found.get("response") if found else {"error": "no recorded exchange"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                for key, value in (found or {}).get("headers", {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def find(self, method: str, path: str, params: dict[str, list[str]]) -> dict | None:
        for pool in (self.overrides, self.exchanges):
            for exchange in pool:
                if exchange["method"] != method or exchange["path"] != path:
                    continue
                wanted = exchange.get("params", {})
                absent = exchange.get("absent", [])
                if all(params.get(k) == (v if isinstance(v, list) else [v]) for k, v in wanted.items()) and \
                        not any(k in params for k in absent):
                    if pool is self.overrides:
                        self.overrides.remove(exchange)
                    return exchange
        return None

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
