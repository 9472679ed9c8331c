"""`make bench`: every benchmark in one go, one table, one JSON file (.bench/results.json).

1. Start-up (bench_startup): the app against the naive baseline, cold and warm.
2. Import (bench_import): the large synthetic LinkedIn export, and three years of post
   analytics workbooks, page against CPython.
3. Accounts search (bench_accounts): 30,000 of the export's people searched keystroke by
   keystroke in CPython, against a 20 ms target (100 ms in the page).
--quick runs each once (what CI does): numbers are printed but only a page that never
reaches a stage fails the run (exit status 1), never a slow one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.bench import bench_accounts, bench_import, bench_startup, bench_team  # noqa: E402
from tests.e2e.conftest import CHROMIUM, LAUNCH_FLAGS  # noqa: E402

RESULTS = ROOT / ".bench" / "results.json"
QUICK_RESULTS = ROOT / ".bench" / "results-quick.json"  # CI's reduced run keeps the real one


def machine() -> dict[str, Any]:
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                                  check=False).stdout.strip()
    except OSError:
        chromium = "unknown"
    return {"cores": os.cpu_count(), "platform": platform.platform(), "cpu": _cpu_model(),
            "chromium": chromium, "python": platform.python_version(),
            "date": dt.date.today().isoformat()}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each (CI)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each (default 5)")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    about = machine()
    print(f"machine: {about['cores']} cores, {about['cpu']}, {about['chromium']}", flush=True)
    print(f"start-up: naive baseline and app, {runs} run(s) each...", flush=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        try:
            startup = bench_startup.run(browser, runs, dt.date.today())
        except bench_startup.StageMissed as missed:
            print(f"FAILED: {missed}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    print(bench_startup.table(startup), flush=True)
    print(f"import: large export, {min(runs, 3)} run(s)...", flush=True)
    imported = bench_import.measure(min(runs, 3))
    print(bench_import.report(imported))
    print(f"import: post analytics, {min(runs, 3)} run(s)...", flush=True)
    posts = bench_import.measure_posts(min(runs, 3))
    print(bench_import.report_posts(posts))
    print("accounts search: 30,000 people, keystroke by keystroke...", flush=True)
    accounts = bench_accounts.measure(runs)
    print(bench_accounts.report(accounts, short=True))
    print("team: 300 people × 36 check-ins, CPython and the page...", flush=True)
    team = bench_team.measure(runs)
    print(bench_team.report(team))
    out = QUICK_RESULTS if args.quick else RESULTS
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"machine": about, "startup": startup, "import": imported,
                               "posts_import": posts, "accounts_search": accounts,
                               "team": team},
                              indent=2))
    print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
