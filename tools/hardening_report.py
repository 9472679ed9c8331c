"""Run the hardening checks and write their figures to docs/hardening.md.

Usage: make hardening   (python -m tools.hardening_report [--cases N])
1. The fuzz run: every property of tests/unit/test_fuzz.py (every reader of what members bring,
   post analytics workbooks included) with N generated cases each
   (10,000 by default; the everyday `make test` runs 100).
2. The fault scenarios: storage damage, full storage, two tabs, offline and updates, frozen
   documents of every schema version, listed by test name with their outcome.
3. Accessibility and injection in the browser: axe-core's results per screen.
The page is regenerated from what these runs measured; nothing in it is typed by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "hardening.md"
WORK = ROOT / ".bench"
FAULT_TESTS = ("tests/unit/test_storage_faults.py", "tests/unit/test_frozen_documents.py",
               "tests/e2e/test_storage_faults.py", "tests/e2e/test_offline.py")
BROWSER_TESTS = ("tests/e2e/test_accessibility.py", "tests/e2e/test_injection.py")


PYTEST = (sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider")


def pytest(*args: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([*PYTEST, *args], cwd=ROOT, env={**os.environ, **(env or {})},
                            check=False)
    if result.returncode != 0:
        raise SystemExit(f"hardening checks failed: {' '.join(args)}")


def fuzz(cases: int, workers: int) -> dict[str, Any]:
    """The fuzz properties split over `workers` processes (one per core); merged report."""
    listed = subprocess.run([*PYTEST, "--collect-only", "tests/unit/test_fuzz.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    tests = [line for line in listed if "::" in line]
    reports = [WORK / f"fuzz-{n}.json" for n in range(workers)]
    running = [subprocess.Popen([*PYTEST, *tests[n::workers]], cwd=ROOT, env={
        **os.environ, "SSI_FUZZ_EXAMPLES": str(cases), "SSI_FUZZ_REPORT": str(reports[n])})
        for n in range(workers)]
    if any(process.wait() != 0 for process in running):
        raise SystemExit("hardening checks failed: the fuzz run")
    merged: dict[str, Any] = {}
    for report in reports:
        for name, found in json.loads(report.read_text()).items():
            into = merged.setdefault(name, {"cases": 0, "max_seconds": 0.0})
            into["cases"] += found["cases"]
            into["max_seconds"] = max(into["max_seconds"], found["max_seconds"])
    return merged


def junit_cases(path: Path) -> list[tuple[str, str, str]]:
    """(file, test name, outcome) for every test case of a JUnit XML report."""
    cases = []
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        outcome = "passed"
        for tag in ("failure", "error", "skipped"):
            if case.find(tag) is not None:
                outcome = tag
        module = str(case.get("classname", "")).rsplit(".", 1)[-1]
        cases.append((module, str(case.get("name")), outcome))
    return cases


def fuzz_section(fuzz: dict[str, Any], cases: int) -> list[str]:
    lines = ["## Hostile input (Hypothesis)", "",
             f"Each property ran with up to {cases:,} generated inputs (bounded sizes: text up "
             "to 20,000 characters, files up to 64 KB), mixing random data with mutations of "
             "valid input. Every input gave a result or a documented error; none crashed, none "
             "took longer than the 60 s hang limit.", "",
             "| parser | cases run | slowest case |", "|---|---:|---:|"]
    for name, found in sorted(fuzz.items()):
        lines.append(f"| {name} | {found['cases']:,} | {found['max_seconds'] * 1000:,.0f} ms |")
    return [*lines, ""]


def faults_section(cases: list[tuple[str, str, str]]) -> list[str]:
    passed = sum(1 for *_, outcome in cases if outcome == "passed")
    lines = ["## Faults", "", f"{passed} of {len(cases)} fault scenarios pass "
             "(unit tests on CPython, browser tests in Chromium):", ""]
    for module, name, outcome in cases:
        words = name.removeprefix("test_").replace("_", " ")
        lines.append(f"- {words} (`{module}`): {outcome}")
    return [*lines, ""]


def axe_section(axe: dict[str, Any], browser_cases: list[tuple[str, str, str]]) -> list[str]:
    lines = ["## Accessibility and injection", "",
             "axe-core (npm, pinned; injected by the test browser only) on every screen: "
             "serious and critical violations fail the tests.", "",
             "| screen | rules checked | violations (all impacts) | serious or critical |",
             "|---|---:|---:|---:|"]
    for screen, found in axe.items():
        lines.append(f"| {screen} | {found['rules']} | {len(found['violations'])} | "
                     f"{found['blocking']} |")
    minor = sorted({f"{v['id']} ({v['impact']})" for found in axe.values()
                    for v in found["violations"]})
    if minor:
        lines += ["", "Minor findings left: " + ", ".join(minor) + "."]
    lines += ["", "Keyboard, phone width and injection checks:", ""]
    lines += [f"- {name.removeprefix('test_').replace('_', ' ')}: {outcome}"
              for _, name, outcome in browser_cases]
    return [*lines, ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    axe_json = WORK / "a11y.json"
    faults_xml, browser_xml = WORK / "faults.xml", WORK / "browser.xml"
    print(f"fuzz run: {args.cases:,} cases per property...", flush=True)
    fuzzed = fuzz(args.cases, max(1, min(4, os.cpu_count() or 1)))
    print("fault scenarios...", flush=True)
    pytest(*FAULT_TESTS, f"--junitxml={faults_xml}")
    print("accessibility and injection in the browser...", flush=True)
    pytest(*BROWSER_TESTS, f"--junitxml={browser_xml}", env={"SSI_A11Y_REPORT": str(axe_json)})
    page = ["# Hardening: the figures", "",
            f"Regenerated by `make hardening` on {dt.date.today().isoformat()} "
            f"({os.cpu_count()} cores). Do not edit by hand.", "",
            *fuzz_section(fuzzed, args.cases),
            *faults_section(junit_cases(faults_xml)),
            *axe_section(json.loads(axe_json.read_text()), junit_cases(browser_xml))]
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("\n".join(page))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
