"""Assemble the self-contained site folder that any static host can serve as it is.

Usage: python tools/build_dist.py [--out dist] [--naive]
Copies the page, the assets and the precompiled runtime, and packs the app's Python modules
as bytecode into one archive (py/app-<hash>.zip, compiled by Pyodide's own Python under Node;
kept in .cache/app/ until a source changes) that pyscript.toml unpacks at start; only the
page's entry script, py/main.py, stays source. Nothing else from the repository (tests,
tools, caches) goes in. It then writes the service worker with the
list of every file to precache and a version that is a hash of their bytes, so any change
to any file is a new version that browsers pick up.

--naive builds the benchmark's baseline instead: the same app the naive way (stock wheels
and stdlib, pandas and Matplotlib imported before anything is shown, no service worker).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tools import runtime

ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("index.html", "pyscript.toml", "manifest.webmanifest")
SOURCE_INTERPRETER = f'interpreter = "./vendor/pyodide-{runtime.PYODIDE_VERSION}/pyodide.mjs"'
SERVICE_WORKER = "sw.js"
FILES_TABLE = "\n[files]\n"
APP_CACHE = ROOT / ".cache" / "app"
NAIVE_PRELUDE = '''# Naive baseline (benchmark only): everything imported before the first paint.
import pyodide_js as _naive_pyodide_js  # type: ignore[import-not-found]

await _naive_pyodide_js.loadPackage(["pandas", "matplotlib"])  # type: ignore[top-level-await]
import pandas  # noqa: E402,F401
import matplotlib.figure  # noqa: E402,F401

'''


def build(out: Path, naive: bool = False) -> None:
    vendor = ROOT / "vendor"
    try:
        compiled = runtime.compiled_runtime(vendor)
    except runtime.SetupError as error:
        raise SystemExit(str(error)) from error
    pyodide = vendor / f"pyodide-{runtime.PYODIDE_VERSION}" if naive else compiled
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in SITE_FILES:
        shutil.copy2(ROOT / name, staging / name)
    hidden = shutil.ignore_patterns(".*", "__pycache__", "*.pyc")
    shutil.copytree(ROOT / "assets", staging / "assets", ignore=hidden)
    if naive:
        shutil.copytree(ROOT / "py", staging / "py", ignore=hidden)
    else:
        _pack_app(staging, vendor)
    pyscript = f"pyscript-{runtime.PYSCRIPT_VERSION}"
    shutil.copytree(vendor / pyscript, staging / "vendor" / pyscript, ignore=hidden)
    shutil.copytree(pyodide, staging / "vendor" / pyodide.name, ignore=hidden)
    _point_at_runtime(staging / "pyscript.toml", pyodide.name)
    if naive:
        _make_naive(staging)
    else:
        write_service_worker(staging)
    shutil.rmtree(out, ignore_errors=True)
    staging.replace(out)


def _point_at_runtime(config: Path, folder: str) -> None:
    text = config.read_text()
    if SOURCE_INTERPRETER not in text:
        raise SystemExit(f"pyscript.toml lacks the line {SOURCE_INTERPRETER!r}")
    config.write_text(text.replace(
        SOURCE_INTERPRETER, f'interpreter = "./vendor/{folder}/pyodide.mjs"'))


def app_archive(vendor: Path) -> Path:
    """The app's modules compiled into one zip, rebuilt only when a source or the compiler
    changes (a Node start and a Pyodide boot take seconds)."""
    digest = hashlib.sha256(runtime.PYODIDE_VERSION.encode())
    sources = sorted((ROOT / "py").rglob("*.py"))
    for path in [*sources, *(ROOT / name for name in runtime.PRECOMPILE_SOURCES)]:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    archive = APP_CACHE / f"app-{digest.hexdigest()[:12]}.zip"
    if archive.exists():
        return archive
    staging = APP_CACHE / "partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    stock = vendor / f"pyodide-{runtime.PYODIDE_VERSION}"
    try:
        subprocess.run(["node", str(ROOT / "tools" / "precompile.mjs"), str(stock), str(staging),
                        str(ROOT / "py")], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(f"compiling the app's Python failed: {error}") from error
    for old in APP_CACHE.glob("app-*.zip"):
        old.unlink()
    (staging / "app.zip").replace(archive)
    return archive


def _pack_app(site: Path, vendor: Path) -> None:
    """py/main.py as source, every other module inside the compiled archive, and
    pyscript.toml's [files] table reduced to that one archive."""
    archive = app_archive(vendor)
    (site / "py").mkdir()
    shutil.copy2(ROOT / "py" / "main.py", site / "py" / "main.py")
    shutil.copy2(archive, site / "py" / archive.name)
    config = site / "pyscript.toml"
    text = config.read_text()
    if FILES_TABLE not in text:
        raise SystemExit("pyscript.toml lacks its [files] table")
    head = text[: text.index(FILES_TABLE) + 1]
    config.write_text(head + f'[files]\n"./py/{archive.name}" = "./*"\n')


def _make_naive(site: Path) -> None:
    main = site / "py" / "main.py"
    main.write_text(NAIVE_PRELUDE + main.read_text())
    page = site / "index.html"
    page.write_text(page.read_text().replace('<html lang="en">',
                                             '<html lang="en" data-offline="off">', 1))


def precache_list(site: Path) -> list[str]:
    """Every file of the site as a URL relative to it, plus "./" (how the page is opened)."""
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*")
                   if p.is_file() and p.name != SERVICE_WORKER)
    return ["./", *(f"./{name}" for name in files)]


def site_version(site: Path, urls: list[str]) -> str:
    digest = hashlib.sha256()
    for url in urls[1:]:
        digest.update(url.encode() + b"\0" + (site / url[2:]).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def write_service_worker(site: Path) -> None:
    urls = precache_list(site)
    text = (ROOT / SERVICE_WORKER).read_text()
    version = json.dumps(site_version(site, urls))
    for old, new in (('const VERSION = "dev";', f"const VERSION = {version};"),
                     ("const PRECACHE = [];", f"const PRECACHE = {json.dumps(urls, indent=0)};")):
        if old not in text:
            raise SystemExit(f"{SERVICE_WORKER} lacks the line {old!r}")
        text = text.replace(old, new)
    (site / SERVICE_WORKER).write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--naive", action="store_true", help="build the benchmark baseline")
    args = parser.parse_args()
    build(args.out, naive=args.naive)
    print(f"built {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
