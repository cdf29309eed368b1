"""A LibreTranslate-compatible server for tests, so deep-translator's real HTTP path is
exercised without the internet: `POST /translate` with q, source, target (deep-translator
sends them as query parameters) answers {"translatedText": ...} from a small dictionary.

`mode` switches its behaviour: "ok", "slow" (sleeps `delay` seconds), "429" or "500" (fails
the first `failures` requests, then answers), "429_always", "500_always", "surrogate"
(answers hold a lone surrogate, which JSON can carry as "\\ud800"), "mixed" (requests in
turn get a 429, a 500, a slow answer, a right answer).
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

# Every cjk_residue of the corpus gold files, as the repair stage sends it (brackets removed).
DICTIONARY = {
    "如皋": "Rugao",
    "瘦西湖": "Slender West Lake",
    "点击查看": "Click to view",
    "金华": "Jinhua",
    "乌镇": "Wuzhen",
    "柯桥区": "Keqiao District",
    "记者 张伟": "Reporter Zhang Wei",
    "责任编辑：李娜": "Editor in charge: Li Na",
    "南湖": "South Lake",
}


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that gave up on a slow answer closed its socket: not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class TranslationServer:
    """Runs in a daemon thread on 127.0.0.1 and a free port; counts the requests it gets."""

    def __init__(self, port: int = 0) -> None:
        self.mode = "ok"
        self.delay = 1.0
        self.failures = 0
        self.requests: list[dict] = []
        self._httpd = _QuietServer(("127.0.0.1", port), self._handler())
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def start(self) -> TranslationServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer(self, params: dict) -> tuple[int, dict]:
        self.requests.append(params)
        mode = self.mode
        if mode == "mixed":
            mode = ("429_always", "500_always", "slow", "ok")[(len(self.requests) - 1) % 4]
        if mode == "slow":
            time.sleep(self.delay)
        failing = mode in ("429_always", "500_always") or (
            mode in ("429", "500") and len(self.requests) <= self.failures
        )
        if failing:
            return (429 if mode.startswith("429") else 500), {"error": "try later"}
        text = params.get("q", "")
        english = DICTIONARY.get(text, f"[{text}]")
        if mode == "surrogate":
            english += "\ud800"
        return 200, {"translatedText": english}

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                query = {**parse_qs(body), **parse_qs(url.query)}
                params = {name: values[0] for name, values in query.items()}
                status, payload = server.answer(params) if url.path == "/translate" else (404, {})
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return Handler


@pytest.fixture
def translation_server():
    """A running TranslationServer; stopped after the test."""
    server = TranslationServer().start()
    yield server
    server.stop()


if __name__ == "__main__":
    # `python tests/translation_server.py 5000` serves the dictionary on 127.0.0.1:5000, so a
    # whole run can be scored with translation on (see the README, "Translation").
    server = TranslationServer(int(sys.argv[1]) if len(sys.argv) > 1 else 5000).start()
    print(f"serving on {server.url}", flush=True)
    server._thread.join()
