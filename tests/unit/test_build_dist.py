"""The built site: the service worker's precache list and version, and the local server."""

from __future__ import annotations

import gzip
import json
import re
import threading
import tomllib
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tools import build_dist
from tools.serve import make_server

ROOT = Path(__file__).resolve().parents[2]


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "py").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>x</title>")
    (site / "py" / "main.py").write_text("print('hi')\n")
    return site


def _worker(site: Path) -> tuple[str, list[str]]:
    text = (site / "sw.js").read_text()
    version = re.search(r'const VERSION = "([0-9a-f]+)";', text)
    files = re.search(r"const PRECACHE = (\[.*?\]);", text, re.S)
    assert version and files
    return version.group(1), json.loads(files.group(1))


def test_the_worker_precaches_every_file_and_the_page_itself(tmp_path: Path) -> None:
    site = _site(tmp_path)
    build_dist.write_service_worker(site)
    _, files = _worker(site)
    assert files == ["./", "./index.html", "./py/main.py"]  # never sw.js itself


def test_any_changed_byte_is_a_new_version(tmp_path: Path) -> None:
    site = _site(tmp_path)
    build_dist.write_service_worker(site)
    first, _ = _worker(site)
    build_dist.write_service_worker(site)
    assert _worker(site)[0] == first  # same bytes, same version: no needless update
    (site / "py" / "main.py").write_text("print('hi!')\n")
    build_dist.write_service_worker(site)
    assert _worker(site)[0] != first


def test_the_built_site_runs_on_the_precompiled_runtime_and_caches_all_of_it() -> None:
    dist = ROOT / "dist"
    if not (dist / "sw.js").exists():
        pytest.skip("dist/ not built; 'make test' builds it first")
    interpreter = tomllib.loads((dist / "pyscript.toml").read_text())["interpreter"]
    assert re.fullmatch(r"\./vendor/pyodide-[\d.]+-pyc-[0-9a-f]+/pyodide\.mjs", interpreter)
    assert (dist / interpreter).exists()
    _, files = _worker(dist)
    on_disk = {"./" + str(p.relative_to(dist)) for p in dist.rglob("*") if p.is_file()}
    assert set(files) == (on_disk - {"./sw.js"}) | {"./"}
    manifest = json.loads((dist / "manifest.webmanifest").read_text())
    for icon in manifest["icons"]:
        assert "./" + icon["src"].removeprefix("./") in files


def test_the_built_site_loads_the_app_as_one_archive_of_bytecode() -> None:
    """One download for the app's modules, none compiled in the browser: every module under
    py/ is in the archive as a .pyc beside its package, and pyscript.toml unpacks it."""
    dist = ROOT / "dist"
    if not (dist / "sw.js").exists():
        pytest.skip("dist/ not built; 'make test' builds it first")
    files = tomllib.loads((dist / "pyscript.toml").read_text())["files"]
    [(archive, target)] = files.items()
    assert re.fullmatch(r"\./py/app-[0-9a-f]{12}\.zip", archive) and target == "./*"
    assert {p.name for p in (dist / "py").iterdir()} == {"main.py", archive[5:]}
    modules = {p.relative_to(ROOT / "py").as_posix() + "c" for p in (ROOT / "py").rglob("*.py")
               if p.relative_to(ROOT / "py").as_posix() != "main.py"}
    with zipfile.ZipFile(dist / archive) as packed:
        assert set(packed.namelist()) == modules
        header = packed.read("ssi_coach/__init__.pyc")[:16]
    # A hash-based pyc, not checked against a source (there is none in the browser).
    assert int.from_bytes(header[4:8], "little") == 0b01


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    site = _site(tmp_path)
    (site / "big.js").write_text("let x = 1;\n" * 2000)
    (site / "pkg.whl").write_bytes(b"PK" + bytes(1000))
    served = make_server(site, 0, quiet=True)
    threading.Thread(target=served.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{served.server_address[1]}/"
    served.shutdown()
    served.server_close()


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_the_server_compresses_text_for_browsers_that_accept_it(server: str) -> None:
    status, headers, body = _get(server + "big.js", **{"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == b"let x = 1;\n" * 2000
    assert len(body) < 1000
    _, plain_headers, plain = _get(server + "big.js")
    assert "Content-Encoding" not in plain_headers and plain == b"let x = 1;\n" * 2000
    _, zip_headers, _ = _get(server + "pkg.whl", **{"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in zip_headers  # already compressed


def test_the_server_answers_not_modified_to_a_revalidation(server: str) -> None:
    _, headers, _ = _get(server, **{"Accept-Encoding": "gzip"})
    status, _, body = _get(server, **{"Accept-Encoding": "gzip",
                                      "If-Modified-Since": headers["Last-Modified"]})
    assert status == 304 and body == b""
