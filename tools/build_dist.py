"""Assemble the self-contained site folder that any static host can serve as it is.

Usage: python tools/build_dist.py [--out dist]
Copies the page, the app's Python, the assets and the vendored runtime; nothing else from
the repository (tests, tools, caches) goes in.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("index.html", "pyscript.toml")
SITE_DIRS = ("assets", "vendor")


def build(out: Path) -> None:
    if not (ROOT / "vendor" / ".stamp").exists():
        raise SystemExit("vendor/ is not set up: run 'python tools/runtime.py' (make does)")
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in SITE_FILES:
        shutil.copy2(ROOT / name, staging / name)
    for name in SITE_DIRS:
        shutil.copytree(ROOT / name, staging / name, ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(ROOT / "py", staging / "py",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
    shutil.rmtree(out, ignore_errors=True)
    staging.replace(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    build(args.out)
    print(f"built {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
