"""Project rules that keep the app loadable: every module mounted, the core kept pure."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BROWSER_MODULES = {"js", "pyodide", "pyodide_js", "pyscript"}


def test_pyscript_mounts_every_python_module_of_the_app() -> None:
    config = tomllib.loads((ROOT / "pyscript.toml").read_text())
    mounted = {source.removeprefix("./") for source in config["files"]}
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "py").rglob("*.py")} - {"py/main.py"}
    assert mounted == on_disk
    assert config["interpreter"].startswith("./vendor/")  # self-hosted, never a CDN


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_the_core_never_imports_the_browser() -> None:
    for path in (ROOT / "py" / "ssi_coach").rglob("*.py"):
        assert not _imported_roots(path) & BROWSER_MODULES, path


def _view_modules() -> list[Path]:
    """Every pure view module of the shell: views.py, html.py, *_views.py, views/**."""
    shell = ROOT / "py" / "shell"
    return sorted(p for p in shell.rglob("*.py")
                  if p.name in ("views.py", "html.py") or p.name.endswith("_views.py")
                  or "views" in p.relative_to(shell).parts[:-1])


def test_views_are_pure_so_they_test_on_cpython() -> None:
    views = _view_modules()
    assert {"views.py", "html.py", "team_views.py"} <= {p.name for p in views}
    for path in views:
        assert not _imported_roots(path) & BROWSER_MODULES, path


def test_the_scoring_path_loads_without_pandas_numpy_or_matplotlib() -> None:
    code = (
        "import sys; import ssi_coach, ssi_coach.checkins.dashboard, ssi_coach.charts.data, "
        "shell.views;"
        "heavy = {'pandas', 'numpy', 'matplotlib'} & set(sys.modules); print(sorted(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT / "py", check=True)
    assert result.stdout.strip() == "[]"


def test_the_paste_reader_loads_on_the_first_paste_not_at_start_up() -> None:
    """No shell module imports the paste reader when it loads (only inside a function, or
    for type checking): its patterns for every language compile on the first paste, not
    before the numbers paint."""
    for path in (ROOT / "py" / "shell").glob("*.py"):
        for node in ast.parse(path.read_text()).body:  # module level only
            if isinstance(node, ast.ImportFrom):
                assert "ssi_page" not in (node.module or ""), path
                assert "ssi_page" not in {alias.name for alias in node.names}, path


def test_every_package_explains_itself() -> None:
    for init in [*(ROOT / "py").rglob("__init__.py")]:
        docstring = ast.get_docstring(ast.parse(init.read_text()))
        assert docstring and len(docstring) > 60, init


def test_the_workbook_reader_and_writer_load_only_when_a_workbook_is_imported_or_asked_for(
        ) -> None:
    """openpyxl and XlsxWriter are downloaded into the page only when the member imports post
    analytics or asks for the workbook: no shell module imports them, or the modules that
    import them, when it loads; and the core the page loads at start leaves them out."""
    lazy = ("openpyxl", "xlsxwriter", "exporters.workbook", "importers.analytics.book",
            "importers.analytics.aggregate", "importers.analytics.single")
    for path in (ROOT / "py" / "shell").glob("*.py"):
        for node in ast.parse(path.read_text()).body:  # module level only
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(part in name for name in names for part in lazy), (path, names)
    code = ("import sys; import ssi_coach.importers.analytics, ssi_coach.posts.view, "
            "ssi_coach.posts.merge, ssi_coach.posts.weekday, ssi_coach.exporters.csv_weeks, "
            "ssi_coach.activity.week_merge, shell.posts_views, shell.sheet_views; "
            "print(sorted({'openpyxl', 'xlsxwriter', 'et_xmlfile'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT / "py", check=True)
    assert result.stdout.strip() == "[]"
