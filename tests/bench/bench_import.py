"""Benchmark: importing a large LinkedIn export, in CPython and in the real page.

The export is the synthetic `ExportSpec.large()` (about 8,000 connections, 60,000 messages,
1,500 posts, 6,000 reactions, 2,500 comments, 3,000 invitations over ten years). Printed:
- CPython `read_export` (the baseline, measured in the same run),
- the page: from choosing the zip to the report on screen, first import (pandas loads) and a
  second one (pandas already in), with the ratio to the CPython baseline,
- responsiveness while importing: the longest main-thread task and how many progress
  messages the member saw.
The target (at most 15 s on this 2-core machine) is printed next to the numbers, never
asserted: timings belong here, not in tests that flake. With --quick one run of each.

Run: make bench (all benchmarks), or .venv/bin/python -m tests.bench.bench_import [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402
from tools.serve import make_server  # noqa: E402

from ssi_coach.importers.linkedin import Upload, read_export  # noqa: E402
from tests.e2e.conftest import CHROMIUM, LAUNCH_FLAGS  # noqa: E402
from tests.linkedin_export import ExportSpec, make_export  # noqa: E402

TARGET_S = 15.0
RESULTS = ROOT / ".bench" / "import.json"
# Watches the page: the longest task (PerformanceObserver "longtask") and every progress
# message shown in the import's status line.
WATCH_JS = """() => {
    window.__bench = {longest: 0, longTasks: 0, messages: new Set()};
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            window.__bench.longTasks += 1;
            window.__bench.longest = Math.max(window.__bench.longest, entry.duration);
        }
    }).observe({type: "longtask", buffered: false});
    const status = document.getElementById("export-status");
    new MutationObserver(() => window.__bench.messages.add(status.textContent))
        .observe(status, {childList: true, characterData: true, subtree: true});
}"""


def cpython_seconds(uploads: list[Upload], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read_export(uploads)
        times.append(time.perf_counter() - started)
    return times


def page_seconds(site_url: str, zip_path: Path, runs: int) -> list[dict[str, Any]]:
    """Each run: a fresh page; the first import loads pandas, the second does not."""
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        for _ in range(runs):
            page = browser.new_context().new_page()
            page.goto(site_url + "#/activity")  # the export import lives in Activity
            page.wait_for_selector("body[data-stage=charts]", timeout=120_000)
            page.locator("#export-details > summary").click()
            run: dict[str, Any] = {}
            for label in ("first", "second"):
                page.evaluate(WATCH_JS)
                started = time.perf_counter()
                page.set_input_files("#export-file", zip_path)
                page.wait_for_selector("#export-panel .export-report", timeout=300_000)
                run[f"{label}_s"] = time.perf_counter() - started
                seen = page.evaluate("({longest: window.__bench.longest, "
                                     "count: window.__bench.longTasks, "
                                     "messages: window.__bench.messages.size})")
                run[f"{label}_longest_task_ms"] = seen["longest"]
                run[f"{label}_progress_messages"] = seen["messages"]
                page.locator("[data-action=export-cancel], [data-action=export-close]").click()
            results.append(run)
            page.context.close()
        browser.close()
    return results


def describe(values: list[float]) -> str:
    return (f"median {statistics.median(values):6.2f} s  min {min(values):6.2f} s  "
            f"max {max(values):6.2f} s")


def measure(runs: int) -> dict[str, Any]:
    """CPython baseline and the page, `runs` times each; JSON-ready results."""
    export = make_export(ExportSpec.large())
    uploads = [Upload(name, data) for name, data in export.uploads]
    baseline = cpython_seconds(uploads, runs)
    server = make_server(ROOT / "dist", 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory() as folder:
            zip_path = Path(folder) / export.uploads[0][0]
            zip_path.write_bytes(export.uploads[0][1])
            page_runs = page_seconds(site_url, zip_path, runs)
    finally:
        server.shutdown()
        server.server_close()
    return {"zip_mb": sum(len(data) for _, data in export.uploads) / 1e6,
            "rows": sum(export.expected.rows_read.values()), "cpython_s": baseline,
            "page": page_runs, "target_s": TARGET_S}


def report(results: dict[str, Any]) -> str:
    lines = [f"large export: {results['zip_mb']:.1f} MB zipped, {results['rows']:,} rows",
             f"CPython read_export (baseline): {describe(results['cpython_s'])}"]
    cpython = statistics.median(results["cpython_s"])
    for label in ("first", "second"):
        runs = results["page"]
        times = [r[f"{label}_s"] for r in runs]
        verdict = "within" if statistics.median(times) <= TARGET_S else "OVER"
        lines.append(
            f"page, {label} import{' (loads pandas)' if label == 'first' else ''}: "
            f"{describe(times)}  ratio to CPython {statistics.median(times) / cpython:.1f}x  "
            f"({verdict} the {TARGET_S:.0f} s target)")
        longest = max(r[f"{label}_longest_task_ms"] for r in runs)
        messages = min(r[f"{label}_progress_messages"] for r in runs)
        lines.append(f"    longest main-thread task {longest:,.0f} ms; "
                     f"{messages} progress messages")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each (CI)")
    args = parser.parse_args()
    results = measure(1 if args.quick else 3)
    print(report(results))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(f"results written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
