"""Rewrite the [files] table of pyscript.toml from the Python modules under py/.

Usage: python tools/pyscript_files.py   (tests/unit/test_layout.py fails when it is stale)
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "pyscript.toml"
MARKER = "[files]\n"


def files_table() -> str:
    modules = sorted(p.relative_to(ROOT / "py").as_posix() for p in (ROOT / "py").rglob("*.py")
                     if p.name != "main.py" or p.parent != ROOT / "py")
    return MARKER + "".join(f'"./py/{m}" = "./{m}"\n' for m in modules)


def main() -> None:
    text = CONFIG.read_text()
    head = text[: text.index("\n" + MARKER) + 1]  # the table's own line, not a mention of it
    CONFIG.write_text(head + files_table())


if __name__ == "__main__":
    main()
