"""Two builds of the app side by side: start-up of each, loaded alternately.

Usage: .venv/bin/python -m tests.bench.compare_builds OTHER_DIST [--pairs 6]
Compares dist/ (this checkout's build) with OTHER_DIST (e.g. an older commit's dist/, built in
a git worktree), both served at once by tools/serve.py with the benchmark's stored data. Each
pair is a cold visit (fresh profile) and two warm reloads of each build, the order swapped
every pair, so a machine that slows down or speeds up during the run weighs on both alike;
`make bench` runs its variants one after the other, which a busy machine can skew. Prints
the medians (min-max) of 'numbers visible' (the ready mark) and 'charts drawn', never asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from tests.bench import bench_startup as bench  # noqa: E402
from tests.e2e.conftest import CHROMIUM, LAUNCH_FLAGS  # noqa: E402

MEASURES = ("cold_ready", "cold_charts", "warm_ready", "warm_charts")
WARM_RELOADS = 2
TIMEOUT_MS = bench.STAGE_TIMEOUT_MS


def _seconds(page: Page, mark: str) -> float:
    value = page.evaluate(
        "(n) => performance.getEntriesByName(n)[0]?.startTime ?? null", f"ssi-coach:{mark}")
    if value is None:
        raise bench.StageMissed(f"no performance mark for '{mark}'")
    return float(value) / 1000


def one_build(browser: Browser, url: str, document: str, into: dict[str, list[float]]) -> None:
    """A cold visit, then warm reloads once the offline copy is in place."""
    context = browser.new_context(service_workers="allow")
    try:
        context.add_init_script(bench.INIT_JS % {"key": json.dumps(bench.DOCUMENT_KEY),
                                                 "value": document})
        page = context.new_page()
        page.goto(url)
        for visit in ("cold", *["warm"] * WARM_RELOADS):
            if visit == "warm":
                page.reload()
            page.wait_for_selector("body[data-stage=charts]", timeout=TIMEOUT_MS)
            into[f"{visit}_ready"].append(_seconds(page, "ready"))
            into[f"{visit}_charts"].append(_seconds(page, "charts"))
            if visit == "cold":
                page.wait_for_function("navigator.serviceWorker.controller !== null",
                                       timeout=TIMEOUT_MS)
                page.wait_for_load_state("networkidle")
    finally:
        context.close()


def compare(sites: dict[str, Path], pairs: int) -> dict[str, dict[str, list[float]]]:
    document = json.dumps(json.dumps(bench.sample_document(dt.date.today())))
    results: dict[str, dict[str, list[float]]] = {
        name: {m: [] for m in MEASURES} for name in sites}
    with sync_playwright() as playwright, ExitStack() as stack:
        urls = {name: stack.enter_context(bench.serve(site)).url for name, site in sites.items()}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        names = list(sites)
        for pair in range(pairs):
            for name in names if pair % 2 == 0 else reversed(names):
                one_build(browser, urls[name], document, results[name])
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other build's site folder")
    parser.add_argument("--pairs", type=int, default=6)
    args = parser.parse_args()
    results = compare({"this": ROOT / "dist", "other": args.other}, args.pairs)
    for name, measures in results.items():
        cells = [f"{m} {statistics.median(v):.2f} s ({min(v):.2f}-{max(v):.2f})"
                 for m, v in measures.items()]
        print(f"{name:6} " + "; ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
