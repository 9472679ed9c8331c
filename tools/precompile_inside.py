"""Runs inside Pyodide (see precompile.mjs): stdlib zip and wheels to bytecode, lock rewritten;
or (`main_app`) the app's own modules to bytecode in one archive.

Every `.py` becomes an unchecked hash-based `.pyc` (no timestamps, so the output is the same
bytes on every build and the browser never looks for the source). Files the app can never
use are left out of the wheels (STRIPPED); each omission says why. The lock keeps its
entries but gets the new sha256 of every wheel written here, so Pyodide's integrity check
matches the compiled files.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import importlib.util
import json
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]
from pathlib import Path

STDLIB_AT = "/lib/python314.zip/"  # where Pyodide mounts the stdlib zip at run time
SITE_AT = "/lib/python3.14/site-packages/"  # where Pyodide unpacks wheels
APP_AT = "/home/pyodide/"  # where PyScript unpacks the app's archive: its working folder
APP_ARCHIVE = "app.zip"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
OPTIMIZE = 2

STRIPPED = (
    # Type stubs, C headers, static libraries and Cython sources: for compilers, not run time.
    "*.pyi", "*.h", "*.a", "*.pxd", "*.pyx", "*/tests/*",
    # Charts use Matplotlib's default DejaVu Sans (regular and bold), with math text off.
    # The other families (2.5 MB) are never read and slow the font scan at import.
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans-*Oblique*",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono*",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSerif*",
    "matplotlib/mpl-data/fonts/ttf/STIX*",
    "matplotlib/mpl-data/fonts/ttf/cm*",
    "matplotlib/mpl-data/fonts/ttf/Humor*",
    "matplotlib/mpl-data/fonts/afm/*",
    "matplotlib/mpl-data/fonts/pdfcorefonts/*",
    # Gallery data, toolbar images and the interactive (GUI and notebook) backends; the app
    # renders SVG from a Figure and never opens a window.
    "matplotlib/mpl-data/sample_data/*",
    "matplotlib/mpl-data/images/*",
    "matplotlib/backends/web_backend/*",
    "matplotlib/backends/qt_editor/*",
    "matplotlib/backends/*_qt*", "matplotlib/backends/*_gtk*", "matplotlib/backends/*_wx*",
    "matplotlib/backends/*_tk*", "matplotlib/backends/*macosx*", "matplotlib/backends/*nbagg*",
    "matplotlib/backends/*webagg*", "matplotlib/backends/*cairo*",
    "mpl_toolkits/axisartist/*", "mpl_toolkits/axes_grid1/*",
    # Matplotlib reads fontTools only to embed fonts in PDF and PostScript files, which the
    # app never writes; the wheel stays (the lock lists it) with its metadata only.
    "fontTools/*",
    # Pillow's FreeType and WebP modules are optional (imported under try) and unused.
    "PIL/_imagingft*", "PIL/_webp*",
    # numpy's Fortran wrapper generator is a build tool.
    "numpy/f2py/*",
    # Standard-library tools for a terminal or a mail server, never imported by the app.
    "_pyrepl/*", "pdb.py", "pydoc.py", "pydoc_data/*", "doctest.py", "mailbox.py",
    "imaplib.py", "xmlrpc/*", "wsgiref/*", "turtledemo/*", "idlelib/*",
)


def compiled(source: bytes, runtime_path: str, optimize: int = OPTIMIZE) -> bytes | None:
    """Bytecode for one module, or None when the file is not valid Python 3.14 (kept as is)."""
    try:
        code = compile(source, runtime_path, "exec", dont_inherit=True, optimize=optimize)
    except (SyntaxError, ValueError):
        return None
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), False))


def compile_zip(source: Path, target: Path, runtime_root: str) -> dict[str, bytes]:
    """Write the compiled copy of a zip; returns what was written, by name."""
    written: dict[str, bytes] = {}
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            if info.is_dir() or any(fnmatch.fnmatch(info.filename, p) for p in STRIPPED):
                continue
            data = archive.read(info)
            name = info.filename
            if name.endswith(".py"):
                bytecode = compiled(data, runtime_root + name)
                if bytecode is not None:
                    name, data = name + "c", bytecode
            written[name] = data
    record = _record_name(written)
    if record is not None:
        written[record] = _record(written, record)
    write_zip(target, written)
    return written


def write_zip(target: Path, files: dict[str, bytes]) -> None:
    """The same bytes for the same files on every build: sorted, fixed times and modes."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])


def _record_name(files: dict[str, bytes]) -> str | None:
    return next((n for n in files if n.endswith(".dist-info/RECORD")), None)


def _record(files: dict[str, bytes], record: str) -> bytes:
    """A wheel RECORD that lists the compiled files with their own hashes."""
    lines = []
    for name in sorted(files):
        if name == record:
            lines.append(f"{name},,")
            continue
        digest = base64.urlsafe_b64encode(hashlib.sha256(files[name]).digest()).rstrip(b"=")
        lines.append(f"{name},sha256={digest.decode()},{len(files[name])}")
    return ("\n".join(lines) + "\n").encode()


def main(stock_dir: str, out_dir: str) -> None:
    stock, out = Path(stock_dir), Path(out_dir)
    compile_zip(stock / "python_stdlib.zip", out / "python_stdlib.zip", STDLIB_AT)
    lock = json.loads((stock / "pyodide-lock.json").read_text())
    for entry in lock["packages"].values():
        wheel = stock / entry["file_name"]
        if not wheel.exists():
            continue  # not part of the app's closure, so not vendored
        compile_zip(wheel, out / entry["file_name"], SITE_AT)
        entry["sha256"] = hashlib.sha256((out / entry["file_name"]).read_bytes()).hexdigest()
        print(f"  compiled {entry['file_name']}")
    (out / "pyodide-lock.json").write_text(json.dumps(lock, separators=(",", ":")))


def main_app(source_dir: str, out_dir: str) -> None:
    """Every module of the app (each `.py` under source_dir but the page's own `main.py`)
    as bytecode in one archive: one download instead of one per module, and no compiling
    in the browser. Asserts and docstrings stay (optimize 0): the app runs as tested."""
    source = Path(source_dir)
    written: dict[str, bytes] = {}
    for path in sorted(source.rglob("*.py")):
        name = path.relative_to(source).as_posix()
        if name == "main.py" or "__pycache__" in name:
            continue
        bytecode = compiled(path.read_bytes(), APP_AT + name, optimize=0)
        if bytecode is None:
            raise SystemExit(f"{name}: not valid Python 3.14")
        written[name + "c"] = bytecode
    write_zip(Path(out_dir) / APP_ARCHIVE, written)
