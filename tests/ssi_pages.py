"""Realistic pastes of linkedin.com/sales/ssi, kept as golden files, and their loader.

Each paste is `tests/fixtures/ssi_pages/<name>.txt` (exact bytes: tabs, CRLF, NBSP and all;
names, numbers and texts are made up; layouts follow docs/linkedin-export.md §4), with what
`read_ssi_page` answers for it in `<name>.expected.json` beside it. A name starts with the
code of the page's language (`en-`, `ru-`...) when the paste has one. The constants below are
the pastes that other tests build on (the parser's unit tests, the fuzz seeds, the browser
tests).

After a deliberate change to the reader, rewrite every expected file and review the diff
before committing:

    .venv/bin/python -m tests.ssi_pages --regenerate
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ssi_coach.importers.ssi_page import PasteResult

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ssi_pages"


def paste(name: str) -> str:
    """The paste `<name>.txt`, exactly as stored (line endings kept)."""
    return (FIXTURES / f"{name}.txt").read_bytes().decode("utf-8")


def paste_files() -> list[Path]:
    """Every golden paste, in name order."""
    return sorted(FIXTURES.glob("*.txt"))


def expected_file(paste_file: Path) -> Path:
    return paste_file.with_suffix(".expected.json")


def summary(result: PasteResult) -> dict[str, Any]:
    """The answer as the expected files hold it: the reading (or null), problems, notes."""
    loaded: dict[str, Any] = json.loads(json.dumps(asdict(result), ensure_ascii=False))
    return loaded


def expected_text(result: PasteResult) -> str:
    return json.dumps(asdict(result), indent=1, ensure_ascii=False) + "\n"


# §4.2 verbatim: its pillars sum to 23.323 but its caption says 20 (the doc mixes two
# examples), so the parser must refuse it.
SECTION_4_2 = paste("en-section-4-2-does-not-add-up")
PAGE = paste("en-page")  # §4.2 with a caption that matches its pillars
RUSSIAN = paste("ru-page")
EMAIL = paste("en-email")
PARTIAL = paste("en-partial")  # no "Build relationships"
PILLARS_ONLY = paste("en-pillars-only")
ACCESSIBILITY_TABLES = paste("en-accessibility-tables-only")
PAGE_WITH_TABLES = paste("en-page-with-accessibility-tables")
GLUED = paste("en-glued")
HTML = paste("en-html-dom-hooks")
HTML_JULY_2026 = paste("en-html-july-2026")
JSON_SHUFFLED = paste("json-shuffled")
PORTUGUESE = paste("pt-page")  # a real 2026 page's numbers, peers under the group headings
HTML_PEERS = paste("en-html-peer-donuts")  # the peers' tables inside the group donuts
JSON_PEERS = paste("json-peers")  # groupScore with the peers' subScores, and a TEAM group


def regenerate() -> list[str]:
    """Rewrite every `.expected.json` from what the reader answers now; the names changed."""
    sys.path[:0] = [str(ROOT / "py")]
    from ssi_coach.importers.ssi_page import read_ssi_page

    changed = []
    for paste_file in paste_files():
        text = expected_text(read_ssi_page(paste(paste_file.stem)))
        target = expected_file(paste_file)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(target.name)
    return changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--regenerate", action="store_true", required=True,
                        help="rewrite tests/fixtures/ssi_pages/*.expected.json")
    parser.parse_args(argv)
    changed = regenerate()
    print("\n".join(f"rewrote {name}" for name in changed) or "all expected files up to date")


if __name__ == "__main__":
    main()
