"""Serve a built ssi-coach folder on 127.0.0.1 with the MIME types the browser insists on.

Usage: python tools/serve.py [--dir dist] [--port 8000] [--quiet]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
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


class Handler(SimpleHTTPRequestHandler):
    # The stdlib's own class attribute, extended.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012
    quiet = False

    def end_headers(self) -> None:
        # Revalidate every time, so an edited file is never hidden behind a stale copy.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        if not self.quiet:
            super().log_message(format, *args)


def make_server(directory: Path, port: int, quiet: bool = False) -> ThreadingHTTPServer:
    handler = functools.partial(type("QuietHandler" if quiet else "Handler", (Handler,),
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
