"""Benchmark: searching 30,000 of the export's people as the member types, in CPython.

The Accounts view searches on every keystroke; the issue asks for at most 100 ms per keystroke
on 30,000 connections in the page, and Pyodide runs this kind of Python two to three times
slower than CPython, so the CPython target is 20 ms. Printed: the index's build time once,
then for each keystroke of a few typed queries ("a", "ac", "acm", "acme", "acme ", "acme d"...)
the median time of `search` and of `companies`, and their median and maximum against the
target. Never asserted: timings belong here, not in tests that flake.

Run: make bench (all benchmarks), or .venv/bin/python -m tests.bench.bench_accounts [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from ssi_coach.accounts.search import build_index, companies, search  # noqa: E402
from ssi_coach.importers.linkedin.types import Contact  # noqa: E402
from ssi_coach.model import CONNECTED, NOT_CONNECTED, RelationshipFacts  # noqa: E402

TARGET_MS = 20.0  # CPython, so that the page (2-3x slower) stays within 100 ms
PEOPLE = 30_000
TYPED = ("acme digital", "maria", "head of sales", "josé garcía")
AS_OF = dt.date(2026, 11, 20)

_FIRST = ("Maria", "José", "Anna", "Ahmed", "Bob", "Carol", "Dan", "Erin", "Frank", "Grace",
          "Hugo", "Iris", "Jack", "Kim", "Liam", "Mia", "Noor", "Omar", "Pia", "Quinn", "Rosa",
          "Sam", "Tara", "Uma", "Vic", "Wes", "Yuri", "Zoë", "Ines", "Olaf", "Ren", "Aiko",
          "Björn", "Chloé", "Dmitri", "Elif", "Fatima", "Giulia", "Hannah", "Ivan")
_LAST = ("García", "Sample", "Demo", "Placeholder", "Testperson", "Mockley", "Fakename",
         "Dummy", "Specimen", "Fixture", "Stubbs", "Prototype", "Draftwell", "Exemplar",
         "Exämple", "Müller", "Łukasz", "Nguyen", "O'Brien", "Van der Berg", "Smith", "Kowalski")
_STEMS = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
          "Wonka", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Massive", "Oscorp", "Nakatomi",
          "Gringotts", "Monarch", "Virtucon", "Dunder", "Pied", "Sterling", "Prestige", "Abstergo",
          "Acmetrics", "Acorn", "Actum", "Adeco", "Aero", "Agile", "Alpha", "Apex")
_KINDS = ("Digital", "Corp", "Labs", "GmbH", "Consulting", "Systems", "Foods", "Logistics",
          "Bank", "Health", "Energy", "Media", "Software", "Retail", "Capital", "Insurance")
_TITLES = ("Head of Sales", "VP Sales", "Chief Executive Officer", "CFO", "Director of IT",
           "Software Engineer", "Account Executive", "Sales Development Representative",
           "Product Designer", "Procurement Manager", "Head of Procurement", "Founder",
           "Data Scientist", "Marketing Manager", "Directeur commercial", "")
_SENIORITY = {"Head of Sales": "head", "VP Sales": "vp", "Chief Executive Officer": "c_suite",
              "CFO": "c_suite", "Director of IT": "director", "Head of Procurement": "head",
              "Founder": "owner", "Directeur commercial": "director", "": "unknown"}


def contacts(count: int = PEOPLE, seed: int = 17) -> list[Contact]:
    """`count` made-up people at 512 companies; a third written with, some recently."""
    rng = random.Random(seed)
    names = [f"{stem} {kind}" for stem in _STEMS for kind in _KINDS]
    found = []
    for number in range(count):
        title = rng.choice(_TITLES)
        company = rng.choice(names) if rng.random() < 0.9 else ""
        written = rng.random() < 0.3
        last = AS_OF - dt.timedelta(days=rng.randrange(2000)) if written else None
        facts = RelationshipFacts(as_of=AS_OF, link=CONNECTED if company else NOT_CONNECTED,
                                  messages_sent=3 if written else 0, last_contact=last,
                                  company=company, position=title)
        surname = rng.choice(_LAST) if rng.random() < 0.5 else _made_up(rng)
        name = f"{rng.choice(_FIRST)} {surname}"
        found.append(Contact(name, f"https://www.linkedin.com/in/p-{number:06d}", company,
                             title, _SENIORITY.get(title, "other"), facts))
    return found


def _made_up(rng: random.Random) -> str:
    """A last name of two or three syllables: thousands of distinct words, as in a real
    network, so that a one-letter query unites many of them."""
    syllables = ("ka", "lo", "mi", "an", "ser", "tu", "vo", "bre", "dal", "en", "ric", "sa",
                 "ol", "pe", "gu", "zan", "to", "mar", "li", "ne", "ab", "chi", "do", "fer")
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


def _keystrokes(text: str) -> list[str]:
    return [text[:end] for end in range(1, len(text) + 1)]


def _median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(runs: int = 5) -> dict[str, Any]:
    people = contacts()
    started = time.perf_counter()
    index = build_index(people)
    build_ms = (time.perf_counter() - started) * 1000
    keystrokes: list[dict[str, Any]] = []
    for text in TYPED:
        for typed in _keystrokes(text):
            keystrokes.append({
                "query": typed, "found": len(search(index, typed, limit=PEOPLE)),
                "search_ms": _median_ms(partial(search, index, typed), runs),
                "companies_ms": _median_ms(partial(companies, index, typed), runs)})
    return {"people": len(people), "build_ms": build_ms, "runs": runs, "target_ms": TARGET_MS,
            "keystrokes": keystrokes}


def report(results: dict[str, Any], short: bool = False) -> str:
    """Every keystroke's timings, then the verdicts; `short` (make bench): the verdicts only."""
    rows = results["keystrokes"]
    lines = [f"Accounts search: {results['people']:,} people, index built in "
             f"{results['build_ms']:.0f} ms; {len(rows)} keystrokes (median of "
             f"{results['runs']} each)" + ("" if short else ":")]
    for row in [] if short else rows:
        lines.append(f"  {row['query']!r:<18} {row['found']:>6,} found   search "
                     f"{row['search_ms']:5.1f} ms   companies {row['companies_ms']:5.1f} ms")
    for label in ("search", "companies"):
        values = [row[f"{label}_ms"] for row in rows]
        verdict = "within" if max(values) <= results["target_ms"] else "OVER"
        lines.append(f"  {label}: median {statistics.median(values):.1f} ms, max "
                     f"{max(values):.1f} ms — {verdict} the {results['target_ms']:.0f} ms "
                     "CPython target (100 ms in the page)")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each keystroke")
    args = parser.parse_args()
    print(report(measure(1 if args.quick else 5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
