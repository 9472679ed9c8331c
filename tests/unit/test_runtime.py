"""Runtime setup: the wheel closure comes from the lock, and bad bytes are refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tools import runtime
from tools.runtime import Download, SetupError, fetch, package_closure

LOCK = {"packages": {
    "matplotlib": {"depends": ["numpy", "pillow"]},
    "pandas": {"depends": ["numpy", "python-dateutil"]},
    "python-dateutil": {"depends": ["six"]},
    "numpy": {"depends": []}, "pillow": {"depends": []}, "six": {"depends": []},
    "scipy": {"depends": ["numpy"]},
}}


def test_closure_follows_depends_transitively_and_takes_nothing_else() -> None:
    assert package_closure(LOCK, ("matplotlib", "pandas")) == [
        "matplotlib", "numpy", "pandas", "pillow", "python-dateutil", "six"]


def test_closure_refuses_a_package_the_lock_does_not_know() -> None:
    with pytest.raises(SetupError, match="not in Pyodide's lock"):
        package_closure(LOCK, ("tensorflow",))


def _fake_client(payload: bytes):  # type: ignore[no-untyped-def]
    def run(download: Download, into: Path) -> None:
        (into / download.file_name).write_bytes(payload)
    return run


def test_fetch_accepts_the_pinned_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    payload = b"the real tarball"
    pin = Download("npm", "x@1", "x-1.tgz", hashlib.sha256(payload).hexdigest())
    monkeypatch.setattr(runtime, "_run_registry_client", _fake_client(payload))
    assert fetch(pin, tmp_path) == payload
    assert (tmp_path / "x-1.tgz").read_bytes() == payload


def test_fetch_refuses_bytes_that_do_not_match_the_pin(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pin = Download("npm", "x@1", "x-1.tgz", hashlib.sha256(b"expected").hexdigest())
    monkeypatch.setattr(runtime, "_run_registry_client", _fake_client(b"tampered"))
    with pytest.raises(SetupError, match="does not match the pinned"):
        fetch(pin, tmp_path)
    assert not (tmp_path / "x-1.tgz").exists()


def test_vendored_runtime_matches_the_official_lock() -> None:
    """The files `make` vendored are the ones the lock names, byte for byte."""
    import json

    vendor = runtime.ROOT / "vendor" / f"pyodide-{runtime.PYODIDE_VERSION}"
    if not (runtime.ROOT / "vendor" / ".stamp").exists():
        pytest.skip("vendor/ not set up; 'make test' sets it up first")
    lock = json.loads((vendor / "pyodide-lock.json").read_text())
    for name in package_closure(lock, runtime.APP_PACKAGES):
        entry = lock["packages"][name]
        data = (vendor / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name


# ---- the precompiled copy the app runs on -------------------------------------------------

def _compiled_or_skip() -> Path:
    try:
        return runtime.compiled_runtime(runtime.ROOT / "vendor")
    except SetupError:
        pytest.skip("vendor/ not set up; 'make test' sets it up first")


def test_compiled_runtime_lock_matches_its_wheels_so_pyodide_accepts_them() -> None:
    import json

    compiled = _compiled_or_skip()
    lock = json.loads((compiled / "pyodide-lock.json").read_text())
    names = package_closure(lock, runtime.APP_PACKAGES)
    for name in names:
        entry = lock["packages"][name]
        data = (compiled / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
    # The folder name carries a hash of what is in it: new content, new path.
    assert compiled.name.startswith(f"pyodide-{runtime.PYODIDE_VERSION}-pyc-")


def test_compiled_runtime_holds_bytecode_not_source() -> None:
    import zipfile

    compiled = _compiled_or_skip()
    with zipfile.ZipFile(compiled / "python_stdlib.zip") as stdlib:
        names = stdlib.namelist()
    assert "json/__init__.pyc" in names and "json/__init__.py" not in names
    with zipfile.ZipFile(next(compiled.glob("matplotlib-*.whl"))) as wheel:
        names = wheel.namelist()
    assert "matplotlib/figure.pyc" in names and "matplotlib/figure.py" not in names
    assert "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf" in names
    assert not any(name.endswith("STIXGeneral.ttf") for name in names)  # never used


def test_the_workbook_wheels_are_pinned_from_pypi_and_in_the_lock_the_page_loads_from() -> None:
    """openpyxl (with et_xmlfile) and XlsxWriter: PyPI's own wheels, pinned by sha256, listed
    in both locks (so loadPackage finds them by name) and compiled to bytecode like the rest."""
    import json
    import zipfile

    pins = {w.name: w.download for w in runtime.PURE_WHEELS}
    assert pins["openpyxl"].sha256.startswith("5282c12b") and pins["openpyxl"].registry == "pypi"
    assert pins["et-xmlfile"].sha256.startswith("7a91720b")
    assert pins["xlsxwriter"].sha256.startswith("5f04772d")
    stock = runtime.ROOT / "vendor" / f"pyodide-{runtime.PYODIDE_VERSION}"
    compiled = _compiled_or_skip()
    stock_lock = json.loads((stock / "pyodide-lock.json").read_text())["packages"]
    full_lock = json.loads((compiled / "pyodide-lock.json").read_text())
    # Keyed as Pyodide canonicalises names, or loadPackage("openpyxl") cannot find its
    # dependency ("No known package with name 'et_xmlfile'").
    assert package_closure(full_lock, ("openpyxl",)) == ["et-xmlfile", "openpyxl"]
    lock = full_lock["packages"]
    for name, download in pins.items():
        assert hashlib.sha256((stock / download.file_name).read_bytes()).hexdigest() \
            == download.sha256 == stock_lock[name]["sha256"]
        data = (compiled / download.file_name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == lock[name]["sha256"]
    with zipfile.ZipFile(compiled / pins["openpyxl"].file_name) as wheel:
        names = wheel.namelist()
    assert "openpyxl/reader/excel.pyc" in names and "openpyxl/reader/excel.py" not in names
