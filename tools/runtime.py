"""Vendor the browser runtime: PyScript, Pyodide and the package wheels the app loads.

Everything comes from the package registries (npm and PyPI) at pinned versions, and every
downloaded file is checked against a pinned sha256 before it is used. The wheels come out of
a PyPI carrier package and are checked, one by one, against the sha256 in Pyodide's own
official lock file, so a carrier that drifts from the official build is refused.

Two copies of Pyodide come out: the stock files as verified (`pyodide-<version>/`, used only
by the benchmark's naive baseline) and the app's copy (`pyodide-<version>-pyc-<hash>/`), whose
stdlib and wheels are compiled to bytecode by Pyodide's own Python under Node
(tools/precompile.mjs) with a lock rewritten to match. The hash in its name changes whenever
its content does, so no cache anywhere can serve an old file under the new path.

Usage: python tools/runtime.py [--vendor DIR] [--cache DIR]
Idempotent: a stamp file records what was vendored, and a matching stamp means no work.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

PYSCRIPT_VERSION = "0.7.31"
PYODIDE_VERSION = "314.0.3"


@dataclass(frozen=True)
class Download:
    """One pinned file from a registry."""

    registry: str  # "npm" or "pypi"
    spec: str  # what the registry client is asked for
    file_name: str  # what the client writes
    sha256: str


PYSCRIPT_TGZ = Download(
    "npm",
    f"@pyscript/core@{PYSCRIPT_VERSION}",
    f"pyscript-core-{PYSCRIPT_VERSION}.tgz",
    "b2ca1a0c0956aebd990a7c8524cca1eb061444a8319a7264d2f31ef30bea276a",
)
PYODIDE_TGZ = Download(
    "npm",
    f"pyodide@{PYODIDE_VERSION}",
    f"pyodide-{PYODIDE_VERSION}.tgz",
    "d7f7d24f8db486c7eda7280f3b0f7517524c8e43e8b086c6ee6ae8016658b484",
)
# Pyodide's package wheels are not published to PyPI as emscripten wheels. This PyPI
# package carries the Pyodide 314.0.3 distribution byte for byte; each wheel taken from it
# is verified against the official lock from npm below.
WHEEL_CARRIER = Download(
    "pypi",
    "open-webui==0.12.4",
    "open_webui-0.12.4-py3-none-any.whl",
    "02e9caba96234db3fa17a92e56163b3f7f2b8ca8227fa886b85c178d696483f6",
)
CARRIER_PREFIX = "open_webui/frontend/pyodide/"
# Tests only (accessibility checks); never copied into the site.
AXE_VERSION = "4.14.1"
AXE_TGZ = Download(
    "npm",
    f"axe-core@{AXE_VERSION}",
    f"axe-core-{AXE_VERSION}.tgz",
    "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745",
)
TEST_TOOLS = "test-tools"  # vendor/ subfolder the test suite reads

# The packages the app imports in the browser; their closure comes from the lock.
APP_PACKAGES = ("matplotlib", "pandas")


@dataclass(frozen=True)
class PureWheel:
    """A pure-Python wheel from PyPI that Pyodide's lock does not list: fetched and verified
    like every download, then added to the lock so the page loads it by name, like pandas."""

    download: Download
    name: str  # the lock's package name, which the page asks loadPackage for
    version: str
    imports: tuple[str, ...]
    depends: tuple[str, ...] = ()


def _pypi_wheel(name: str, version: str, file_name: str, sha256: str,
                imports: tuple[str, ...], depends: tuple[str, ...] = ()) -> PureWheel:
    return PureWheel(Download("pypi", f"{name}=={version}", file_name, sha256),
                     canonical(name), version, imports, tuple(canonical(d) for d in depends))


def canonical(name: str) -> str:
    """A package name as Pyodide's lock keys it and loadPackage looks it up: 'et-xmlfile'."""
    return re.sub(r"[-_.]+", "-", name).lower()


# The post analytics reader (openpyxl, with et_xmlfile) and the workbook writer (XlsxWriter),
# each loaded only when the member imports or downloads a workbook.
PURE_WHEELS = (
    _pypi_wheel("openpyxl", "3.1.5", "openpyxl-3.1.5-py2.py3-none-any.whl",
                "5282c12b107bffeef825f4617dc029afaf41d0ea60823bbb665ef3079dc79de2",
                ("openpyxl",), ("et_xmlfile",)),
    _pypi_wheel("et_xmlfile", "2.0.0", "et_xmlfile-2.0.0-py3-none-any.whl",
                "7a91720bc756843502c3b7504c77b8fe44217c85c537d85037f0f536151b2caa",
                ("et_xmlfile",)),
    _pypi_wheel("XlsxWriter", "3.3.0", "xlsxwriter-3.3.0-py3-none-any.whl",
                "5f04772d43281da5109af66f39b65153359a203e896847c416476e709b024469",
                ("xlsxwriter",)),
)

PYODIDE_CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


class SetupError(Exception):
    """Setup cannot go on; the message says what to do."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(download: Download, cache: Path) -> bytes:
    """Return the verified bytes of a pinned download, fetching it once into the cache."""
    target = cache / download.file_name
    if not target.exists() or sha256_of(target.read_bytes()) != download.sha256:
        cache.mkdir(parents=True, exist_ok=True)
        print(f"  fetching {download.spec} from {download.registry}", flush=True)
        with tempfile.TemporaryDirectory(dir=cache) as tmp:
            _run_registry_client(download, Path(tmp))
            fetched = Path(tmp) / download.file_name
            if not fetched.exists():
                raise SetupError(
                    f"{download.spec}: the registry client wrote no {download.file_name}")
            fetched.replace(target)
    data = target.read_bytes()
    actual = sha256_of(data)
    if actual != download.sha256:
        target.unlink()
        raise SetupError(
            f"{download.file_name}: sha256 {actual} does not match the pinned {download.sha256}; "
            "refusing to use it"
        )
    return data


def _run_registry_client(download: Download, into: Path) -> None:
    if download.registry == "npm":
        command = ["npm", "pack", download.spec, "--pack-destination", str(into), "--silent"]
    else:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--quiet", "-d", str(into), download.spec]
    try:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    except FileNotFoundError as missing:
        raise SetupError(
            f"'{command[0]}' is needed to fetch {download.spec}; install it") from missing
    except subprocess.CalledProcessError as failed:
        raise SetupError(f"fetching {download.spec} failed (exit {failed.returncode})") from failed


def package_closure(lock: dict[str, Any], wanted: tuple[str, ...]) -> list[str]:
    """Names of the wanted packages and everything they depend on, from the lock."""
    packages = lock["packages"]
    seen: set[str] = set()
    pending = list(wanted)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        if name not in packages:
            raise SetupError(f"package {name!r} is not in Pyodide's lock")
        seen.add(name)
        pending.extend(packages[name].get("depends", []))
    return sorted(seen)


def extract_tgz_members(
    tgz: bytes, prefix: str, names: tuple[str, ...] | None
) -> dict[str, bytes]:
    """Files under `prefix` in an npm tarball (all of them, or just `names`)."""
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith(prefix):
                continue
            relative = member.name[len(prefix):]
            if names is None or relative in names:
                extracted = archive.extractfile(member)
                assert extracted is not None
                found[relative] = extracted.read()
    missing = set(names or ()) - set(found)
    if missing:
        raise SetupError(f"npm package lacks {sorted(missing)}")
    return found


def vendor_pyscript(tgz: bytes, target: Path) -> None:
    files = extract_tgz_members(tgz, "package/dist/", None)
    for name, data in files.items():
        if name.endswith(".map"):
            continue  # source maps are only for debugging PyScript itself
        write(target / name, data)


def vendor_pyodide(tgz: bytes, carrier: bytes, target: Path,
                   pure: dict[PureWheel, bytes]) -> list[str]:
    core = extract_tgz_members(tgz, "package/", PYODIDE_CORE_FILES)
    for name, data in core.items():
        write(target / name, data)
    lock = json.loads(core["pyodide-lock.json"])
    for wheel, data in pure.items():
        lock["packages"][wheel.name] = lock_entry(wheel, data)
        write(target / wheel.download.file_name, data)
    write(target / "pyodide-lock.json", json.dumps(lock, separators=(",", ":")).encode())
    closure = package_closure(lock, APP_PACKAGES)
    with zipfile.ZipFile(io.BytesIO(carrier)) as archive:
        for name in closure:
            entry = lock["packages"][name]
            try:
                data = archive.read(CARRIER_PREFIX + entry["file_name"])
            except KeyError as missing:
                raise SetupError(f"the wheel carrier lacks {entry['file_name']}") from missing
            if sha256_of(data) != entry["sha256"]:
                raise SetupError(
                    f"{entry['file_name']}: sha256 differs from Pyodide's lock; refusing it")
            write(target / entry["file_name"], data)
    return closure


def lock_entry(wheel: PureWheel, data: bytes) -> dict[str, Any]:
    """The lock's entry for a pure wheel, in the shape of Pyodide's own entries."""
    return {"name": wheel.name, "version": wheel.version,
            "file_name": wheel.download.file_name, "install_dir": "site",
            "sha256": sha256_of(data), "package_type": "package",
            "imports": list(wheel.imports), "depends": list(wheel.depends),
            "unvendored_tests": False}


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


PRECOMPILE_SOURCES = ("tools/precompile.mjs", "tools/precompile_inside.py")
# Copied unchanged into the compiled runtime; the rest is written by the compiler.
RUNTIME_AS_IS = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


def recipe() -> dict[str, Any]:
    """Everything that decides the vendored bytes: when it changes, setup runs again."""
    pins = [PYSCRIPT_TGZ, PYODIDE_TGZ, WHEEL_CARRIER, AXE_TGZ,
            *(wheel.download for wheel in PURE_WHEELS)]
    compiler = [sha256_of((ROOT / name).read_bytes()) for name in PRECOMPILE_SOURCES]
    return {"pins": [p.sha256 for p in pins],
            "packages": [*APP_PACKAGES, *(f"{w.name}{w.depends}" for w in PURE_WHEELS)],
            "compiler": compiler}


def read_stamp(vendor: Path) -> dict[str, Any] | None:
    """What the last finished setup recorded, or None when there is none."""
    try:
        stamp = json.loads((vendor / ".stamp").read_text())
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def compiled_runtime(vendor: Path) -> Path:
    """The app's (precompiled) Pyodide folder; setup must have run."""
    stamp = read_stamp(vendor)
    if stamp is None or "compiled" not in stamp:
        raise SetupError("vendor/ is not set up: run 'python tools/runtime.py' (make does)")
    return vendor / str(stamp["compiled"])


def precompile(stock: Path, staging: Path) -> str:
    """Compile the stock runtime into staging; returns the versioned folder's name."""
    target = staging / "compiled.partial"
    target.mkdir(parents=True)
    for name in RUNTIME_AS_IS:
        shutil.copy2(stock / name, target / name)
    print("  compiling the stdlib and wheels to bytecode with Pyodide's Python (Node)...",
          flush=True)
    try:
        subprocess.run(["node", str(ROOT / "tools" / "precompile.mjs"), str(stock), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    except FileNotFoundError as missing:
        raise SetupError("Node.js is needed to precompile the runtime; install nodejs") from missing
    except subprocess.CalledProcessError as failed:
        raise SetupError(f"precompiling the runtime failed (exit {failed.returncode})") from failed
    digest = sha256_of((target / "pyodide-lock.json").read_bytes()
                       + (target / "python_stdlib.zip").read_bytes())[:10]
    name = f"pyodide-{PYODIDE_VERSION}-pyc-{digest}"
    target.rename(staging / name)
    return name


def setup(vendor: Path, cache: Path) -> None:
    stamp = read_stamp(vendor)
    if stamp is not None and stamp.get("recipe") == recipe():
        return
    print("Setting up the browser runtime (PyScript, Pyodide, wheels)...", flush=True)
    pyscript_tgz = fetch(PYSCRIPT_TGZ, cache)
    pyodide_tgz = fetch(PYODIDE_TGZ, cache)
    carrier = fetch(WHEEL_CARRIER, cache)
    pure = {wheel: fetch(wheel.download, cache) for wheel in PURE_WHEELS}
    axe = extract_tgz_members(fetch(AXE_TGZ, cache), "package/", ("axe.min.js",))
    staging = vendor.with_name(vendor.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    vendor_pyscript(pyscript_tgz, staging / f"pyscript-{PYSCRIPT_VERSION}")
    stock = staging / f"pyodide-{PYODIDE_VERSION}"
    closure = vendor_pyodide(pyodide_tgz, carrier, stock, pure)
    compiled = precompile(stock, staging)
    write(staging / TEST_TOOLS / "axe.min.js", axe["axe.min.js"])
    (staging / ".stamp").write_text(
        json.dumps({"recipe": recipe(), "compiled": compiled}) + "\n")
    # Swap in the finished folder only now, so an interrupted setup never looks complete.
    shutil.rmtree(vendor, ignore_errors=True)
    staging.replace(vendor)
    print(f"  vendored PyScript {PYSCRIPT_VERSION}, Pyodide {PYODIDE_VERSION} and "
          f"{len(closure)} verified wheels: {', '.join(closure)}, plus "
          f"{', '.join(w.name for w in PURE_WHEELS)} from PyPI; compiled copy in "
          f"vendor/{compiled}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendor", type=Path, default=ROOT / "vendor")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "downloads")
    args = parser.parse_args()
    try:
        setup(args.vendor, args.cache)
    except SetupError as error:
        print(f"runtime setup failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
