"""The bytecode compiler's rules, run on CPython against small zips (Pyodide runs the same
code during setup): compile what is Python, keep what is not, strip what the app never uses,
rewrite RECORD, and give the same bytes on every build."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import marshal
import zipfile
from pathlib import Path

from tools import precompile_inside


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


ENTRIES = {
    "pkg/__init__.py": b'"""Doc."""\nVALUE = 41 + 1\n',
    "pkg/broken.py": b"def (:\n",  # not Python 3: shipped as it is
    "pkg/data.txt": b"kept",
    "pkg/types.pyi": b"VALUE: int\n",
    "pkg/tests/test_x.py": b"assert True\n",
    "pkg-1.0.dist-info/RECORD": b"stale,,\n",
}


def _read(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_python_becomes_bytecode_and_everything_else_is_kept_or_stripped(tmp_path: Path) -> None:
    source = _zip(tmp_path / "in.whl", ENTRIES)
    precompile_inside.compile_zip(source, tmp_path / "out.whl", "/site/")
    out = _read(tmp_path / "out.whl")
    assert set(out) == {"pkg/__init__.pyc", "pkg/broken.py", "pkg/data.txt",
                        "pkg-1.0.dist-info/RECORD"}
    pyc = out["pkg/__init__.pyc"]
    assert pyc[:4] == importlib.util.MAGIC_NUMBER
    namespace: dict[str, object] = {}
    exec(marshal.loads(pyc[16:]), namespace)
    assert namespace["VALUE"] == 42
    assert "__doc__" not in namespace  # docstrings left out: smaller downloads


def test_record_lists_the_written_files_with_their_hashes(tmp_path: Path) -> None:
    source = _zip(tmp_path / "in.whl", ENTRIES)
    precompile_inside.compile_zip(source, tmp_path / "out.whl", "/site/")
    out = _read(tmp_path / "out.whl")
    lines = out["pkg-1.0.dist-info/RECORD"].decode().splitlines()
    listed = {line.split(",")[0]: line for line in lines}
    assert set(listed) == set(out)
    digest = base64.urlsafe_b64encode(hashlib.sha256(out["pkg/data.txt"]).digest()).rstrip(b"=")
    assert listed["pkg/data.txt"] == f"pkg/data.txt,sha256={digest.decode()},4"


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    source = _zip(tmp_path / "in.whl", ENTRIES)
    precompile_inside.compile_zip(source, tmp_path / "a.whl", "/site/")
    precompile_inside.compile_zip(source, tmp_path / "b.whl", "/site/")
    assert (tmp_path / "a.whl").read_bytes() == (tmp_path / "b.whl").read_bytes()
