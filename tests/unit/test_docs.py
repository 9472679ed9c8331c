"""The project's docs stand alone: every `docs/....md` that code, tests, tools or the README
cite is in this repository, every `§n.n` cited with its file is a heading there, and nothing
points outside the repository for its facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
OUTSIDE = ("shared" + "/docs", "../" + "shared")  # split so this file does not match itself
NOTE_NAMES = ("domain.md", "linkedin-export.md", "runtime.md", "linkedin-analytics.md")

DOC_REF = re.compile(r"docs/([\w.-]+\.md)")
NAMED_DOC = re.compile(r"(?:docs/|(?<![\w/.-]))([\w-]+\.md)")  # with its folder or bare
SECTION = re.compile(r"§(\d+(?:\.\d+)*)")
HEADING = re.compile(r"^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s", re.MULTILINE)
# "`docs/x.md` (§ numbers below refer to it)": bare § numbers in that file are x.md's.
SECTIONS_OF = re.compile(r"docs/([\w.-]+\.md)[`\])]*\s*\(§ numbers below refer to it\)")
MD_LINK = re.compile(r"\]\(([^)\s#:]+)(?:#[^)]*)?\)")
CODE_PATH = re.compile(r"`((?:py|tests|tools)/[\w./-]+\.(?:py|md))`")


def sources() -> Iterator[Path]:
    """Code, tests, tools, docs and the top-level files: whatever may cite a doc."""
    for folder, pattern in (("py", "*.py"), ("py", "*.md"), ("tools", "*.py"),
                            ("tests", "*.py"), ("docs", "*.md")):
        yield from sorted((ROOT / folder).rglob(pattern))
    yield from (ROOT / name for name in ("README.md", "index.html", "pyproject.toml"))


def headings(name: str) -> set[str]:
    return set(HEADING.findall((DOCS / name).read_text(encoding="utf-8")))


def section_problems(path: Path, text: str) -> list[str]:
    """§ numbers that are no heading of the doc they cite. A § after a doc's name on its line
    is that doc's (`docs/x.md §2.4`, or `x.md §2.4` inside docs/); any other § is the file's
    own when the file is a doc, or the doc it says it numbers by ("§ numbers below refer to
    it"), and is not checked otherwise."""
    where = path.relative_to(ROOT)
    owner = SECTIONS_OF.search(text)
    own = path.name if path.parent == DOCS else owner[1] if owner else None
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        cuts = [(0, own)] + [(m.end(), m[1]) for m in NAMED_DOC.finditer(line)]
        for i, (start, name) in enumerate(cuts):
            end = cuts[i + 1][0] if i + 1 < len(cuts) else len(line)
            if not name or not (DOCS / name).is_file():
                continue  # not a doc, or a missing one (reported by file_problems)
            found = headings(name)
            problems += [f"{where}:{number}: {name} has no §{s}"
                         for s in SECTION.findall(line, start, end) if s not in found]
    return problems


def file_problems(path: Path, text: str) -> list[str]:
    """Docs cited that do not exist, facts cited from outside, notes cited without `docs/`."""
    where = path.relative_to(ROOT)
    problems = [f"{where}: cites docs/{name}, which is not in the repository"
                for name in DOC_REF.findall(text) if not (DOCS / name).is_file()]
    problems += [f"{where}: points outside the repository ({bad})" for bad in OUTSIDE
                 if bad in text]
    if path.parent != DOCS:  # inside docs/ a bare name is a relative link
        for name in NOTE_NAMES:
            bare = re.findall(rf"(?<![\w/.-]){re.escape(name)}", text)
            if bare:
                problems.append(f"{where}: names {name} without its folder (docs/{name})")
    if path.suffix == ".md":
        problems += [f"{where}: link to {link}, which does not exist"
                     for link in MD_LINK.findall(text)
                     if not (path.parent / link).exists()]
        problems += [f"{where}: names {code}, which does not exist"
                     for code in CODE_PATH.findall(text) if not (ROOT / code).exists()]
    return problems


def test_every_doc_reference_resolves_in_the_repository() -> None:
    problems = []
    for path in sources():
        if path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        problems += file_problems(path, text) + section_problems(path, text)
    assert problems == []


def test_the_checks_catch_what_they_are_for() -> None:
    here = ROOT / "py" / "example.py"
    assert file_problems(here, "see docs/nowhere.md") == [
        "py/example.py: cites docs/nowhere.md, which is not in the repository"]
    assert file_problems(here, "facts in " + OUTSIDE[0] + "/x") == [
        f"py/example.py: points outside the repository ({OUTSIDE[0]})"]
    assert file_problems(here, "habits from domain.md") == [
        "py/example.py: names domain.md without its folder (docs/domain.md)"]
    assert section_problems(here, "docs/linkedin-export.md §2.4, §9.9") == [
        "py/example.py:1: linkedin-export.md has no §9.9"]
    assert section_problems(here, "`docs/domain.md` (§ numbers below refer to it)\n§42") == [
        "py/example.py:2: domain.md has no §42"]
    assert section_problems(DOCS / "domain.md", "§5, linkedin-export.md §4.6, §5.5") == [
        "docs/domain.md:1: linkedin-export.md has no §5.5"]


def test_the_export_doc_keeps_the_sections_code_cites() -> None:
    """The numbering the importer and the paste reader were written against."""
    assert {"1", "2.1", "2.2", "2.3", "2.4", "2.5", "3.4", "3.5", "3.5.1", "3.7", "3.9", "4",
            "4.2", "4.4", "4.6", "6"} <= headings("linkedin-export.md")
    assert {"2", "3", "5", "6"} <= headings("domain.md")
