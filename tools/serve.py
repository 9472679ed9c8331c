"""Serve a built ssi-coach folder on 127.0.0.1 with the MIME types the browser insists on.

Text and WebAssembly go out gzip-compressed when the browser accepts it, as common static
hosts do (GitHub Pages, Netlify, Cloudflare): the 9.6 MB interpreter travels as 3.6 MB.
Every response says "no-cache", so the browser revalidates (If-Modified-Since, answered
304) and an edited file is never hidden behind a stale copy.

Usage: python tools/serve.py [--dir dist] [--port 8000] [--quiet]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import os
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MIME_TYPES = {
    ".wasm": "application/wasm",  # required for streaming WebAssembly compilation
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".py": "text/plain; charset=utf-8",
    ".toml": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".whl": "application/zip",
    ".zip": "application/zip",
}


# Already-compressed formats (zip, wheels, PNG) gain nothing from a second pass.
COMPRESSIBLE = {".wasm", ".mjs", ".js", ".py", ".toml", ".json", ".css", ".html", ".svg",
                ".webmanifest", ".txt"}
_gzipped: dict[tuple[str, int, int], bytes] = {}  # (path, mtime, size) -> compressed bytes


def gzipped(path: str, stat: os.stat_result) -> bytes:
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _gzipped:
        with open(path, "rb") as source:
            _gzipped[key] = gzip.compress(source.read(), compresslevel=6, mtime=0)
    return _gzipped[key]


class Handler(SimpleHTTPRequestHandler):
    # The stdlib's own class attribute, extended.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012
    quiet = False

    def handle(self) -> None:
        # The browser went away mid-answer (a reload, a closed tab): nothing to do.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def do_GET(self) -> None:
        if not self._send_gzipped(with_body=True):
            super().do_GET()

    def do_HEAD(self) -> None:
        if not self._send_gzipped(with_body=False):
            super().do_HEAD()

    def _send_gzipped(self, with_body: bool) -> bool:
        """Answer with the gzip copy when it applies; False leaves the request to the stdlib."""
        path = self.translate_path(self.path)
        if self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if ("gzip" not in self.headers.get("Accept-Encoding", "")
                or os.path.splitext(path)[1] not in COMPRESSIBLE or not os.path.isfile(path)):
            return False
        stat = os.stat(path)
        if self._not_modified_since(stat):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return True
        body = gzipped(path, stat)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if with_body:
            self.wfile.write(body)
            self.count(len(body))
        return True

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        start = source.tell()
        super().copyfile(source, outputfile)
        self.count(source.tell() - start)

    def count(self, size: int) -> None:
        """Body bytes sent; the benchmark's server adds them up."""

    def _not_modified_since(self, stat: os.stat_result) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            when = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
        return int(stat.st_mtime) <= when

    def end_headers(self) -> None:
        # Revalidate every time, so an edited file is never hidden behind a stale copy.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        if not self.quiet:
            super().log_message(format, *args)


def make_server(directory: Path, port: int, quiet: bool = False,
                handler_class: type[Handler] = Handler) -> ThreadingHTTPServer:
    handler = functools.partial(type("QuietHandler" if quiet else "Handler", (handler_class,),
                                     {"quiet": quiet}), directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def main() -> int:
    parser = argparse.ArgumentParser(description="Serve ssi-coach locally.")
    parser.add_argument("--dir", type=Path, default=Path("dist"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        print(f"{args.dir}/index.html is missing: run 'make dist' first", file=sys.stderr)
        return 1
    try:
        server = make_server(args.dir, args.port, args.quiet)
    except OSError as error:
        print(f"cannot listen on 127.0.0.1:{args.port} ({error.strerror}); is another server "
              "running? Stop it or pick another port: make serve PORT=8001", file=sys.stderr)
        return 1
    print(f"ssi-coach is being served at http://127.0.0.1:{args.port}/ (Ctrl+C stops it)",
          flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
