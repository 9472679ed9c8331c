"""Benchmark: importing a large LinkedIn export, and three years of post analytics
workbooks, in CPython and in the real page.

The export is the synthetic `ExportSpec.large()` (about 8,000 connections, 60,000 messages,
1,500 posts, 6,000 reactions, 2,500 comments, 3,000 invitations over ten years). Printed:
- CPython `read_export` (the baseline, measured in the same run),
- the page: from choosing the zip to the report on screen, first import (pandas loads) and a
  second one (pandas already in), with the ratio to the CPython baseline,
- responsiveness while importing: the longest main-thread task and how many progress
  messages the member saw.
The post analytics import is measured the same way (three 365-day aggregate workbooks, one
per year, and 20 single-post workbooks; CPython `read_all` + `plan_merge` as its baseline).
The target (at most 15 s on this 2-core machine) is printed next to the numbers, never
asserted: timings belong here, not in tests that flake. With --quick one run of each.

Run: make bench (all benchmarks), or .venv/bin/python -m tests.bench.bench_import [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402
from tools.serve import make_server  # noqa: E402

from ssi_coach.importers.analytics import read_all  # noqa: E402
from ssi_coach.importers.linkedin import Upload, read_export  # noqa: E402
from ssi_coach.model import PostAnalytics  # noqa: E402
from ssi_coach.posts.merge import plan_merge  # noqa: E402
from tests.analytics_workbooks import (  # noqa: E402
    NEW,
    AggregateSpec,
    SinglePostSpec,
    make_aggregate,
    make_single_post,
)
from tests.e2e.conftest import CHROMIUM, LAUNCH_FLAGS  # noqa: E402
from tests.linkedin_export import ExportSpec, make_export  # noqa: E402

TARGET_S = 15.0
RESULTS = ROOT / ".bench" / "import.json"
# Watches the page: the longest task (PerformanceObserver "longtask") and every progress
# message shown in the import's status line.
WATCH_JS = """(STATUS) => {
    window.__bench = {longest: 0, longTasks: 0, messages: new Set()};
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            window.__bench.longTasks += 1;
            window.__bench.longest = Math.max(window.__bench.longest, entry.duration);
        }
    }).observe({type: "longtask", buffered: false});
    const status = document.getElementById(STATUS);
    new MutationObserver(() => window.__bench.messages.add(status.textContent))
        .observe(status, {childList: true, characterData: true, subtree: true});
}"""


@dataclass(frozen=True)
class Flow:
    """Where an import lives in the page: its view, form, file field, report and status."""

    view: str
    name: str  # the ids' prefix: "export" or "posts"
    report: str  # the report's selector once it is on screen

    def cpython(self, uploads: list[Upload]) -> None:
        if self.name == "export":
            read_export(uploads)
        else:
            plan_merge(PostAnalytics(), read_all(uploads))


EXPORT = Flow("activity", "export", "#export-panel .export-report")
POSTS = Flow("posts", "posts", "#posts-panel .posts-report")


def cpython_seconds(uploads: list[Upload], runs: int, flow: Flow = EXPORT) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        flow.cpython(uploads)
        times.append(time.perf_counter() - started)
    return times


def page_seconds(site_url: str, paths: list[Path], runs: int,
                 flow: Flow = EXPORT) -> list[dict[str, Any]]:
    """Each run: a fresh page; the first import loads its reader (pandas, openpyxl), the
    second does not."""
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        for _ in range(runs):
            page = browser.new_context().new_page()
            page.goto(site_url + f"#/{flow.view}")
            page.wait_for_selector("body[data-stage=charts]", timeout=120_000)
            details = page.locator(f"#{flow.name}-drop").locator("xpath=ancestor::details")
            if details.get_attribute("open") is None:
                details.locator("> summary").click()
            run: dict[str, Any] = {}
            for label in ("first", "second"):
                page.evaluate(WATCH_JS, f"{flow.name}-status")
                started = time.perf_counter()
                page.set_input_files(f"#{flow.name}-file", paths)
                page.wait_for_selector(flow.report, timeout=300_000)
                run[f"{label}_s"] = time.perf_counter() - started
                seen = page.evaluate("({longest: window.__bench.longest, "
                                     "count: window.__bench.longTasks, "
                                     "messages: window.__bench.messages.size})")
                run[f"{label}_longest_task_ms"] = seen["longest"]
                run[f"{label}_progress_messages"] = seen["messages"]
                page.locator(f"[data-action={flow.name}-cancel], "
                             f"[data-action={flow.name}-close]").click()
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
            page_runs = page_seconds(site_url, [zip_path], runs)
    finally:
        server.shutdown()
        server.server_close()
    return {"zip_mb": sum(len(data) for _, data in export.uploads) / 1e6,
            "rows": sum(export.expected.rows_read.values()), "cpython_s": baseline,
            "page": page_runs, "target_s": TARGET_S}


def post_workbooks() -> list[Upload]:
    """Three years of yearly aggregate exports (2024-2026 eras) and 20 single posts."""
    ends = (dt.date(2024, 11, 20), dt.date(2025, 11, 20), dt.date(2026, 11, 20))
    books = [make_aggregate(AggregateSpec(seed=70 + n, end=end, era=NEW if n == 2 else "2025",
                                          six_sheets=n == 2))
             for n, end in enumerate(ends)]
    books += [make_single_post(SinglePostSpec(seed=80 + n, published=dt.date(2026, 1, 5)
                                              + dt.timedelta(days=15 * n)))
              for n in range(20)]
    return [Upload(book.name, book.data) for book in books]


def measure_posts(runs: int) -> dict[str, Any]:
    """The post analytics import: CPython baseline and the page, `runs` times each."""
    uploads = post_workbooks()
    baseline = cpython_seconds(uploads, runs, POSTS)
    server = make_server(ROOT / "dist", 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for upload in uploads:
                paths.append(Path(folder) / upload.name)
                paths[-1].write_bytes(upload.data)
            page_runs = page_seconds(site_url, paths, runs, POSTS)
    finally:
        server.shutdown()
        server.server_close()
    return {"files": len(uploads), "mb": sum(len(u.data) for u in uploads) / 1e6,
            "cpython_s": baseline, "page": page_runs, "target_s": TARGET_S}


def report_posts(results: dict[str, Any]) -> str:
    head = [f"post analytics: {results['files']} workbooks, {results['mb']:.1f} MB",
            f"CPython read_all + plan_merge (baseline): {describe(results['cpython_s'])}"]
    return "\n".join([*head, *_page_lines(results, "openpyxl")])


def report(results: dict[str, Any]) -> str:
    lines = [f"large export: {results['zip_mb']:.1f} MB zipped, {results['rows']:,} rows",
             f"CPython read_export (baseline): {describe(results['cpython_s'])}",
             *_page_lines(results, "pandas")]
    return "\n".join(lines)


def _page_lines(results: dict[str, Any], loads: str) -> list[str]:
    lines = []
    cpython = statistics.median(results["cpython_s"])
    for label in ("first", "second"):
        runs = results["page"]
        times = [r[f"{label}_s"] for r in runs]
        verdict = "within" if statistics.median(times) <= TARGET_S else "OVER"
        lines.append(
            f"page, {label} import{f' (loads {loads})' if label == 'first' else ''}: "
            f"{describe(times)}  ratio to CPython {statistics.median(times) / cpython:.1f}x  "
            f"({verdict} the {TARGET_S:.0f} s target)")
        longest = max(r[f"{label}_longest_task_ms"] for r in runs)
        messages = min(r[f"{label}_progress_messages"] for r in runs)
        lines.append(f"    longest main-thread task {longest:,.0f} ms; "
                     f"{messages} progress messages")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each (CI)")
    args = parser.parse_args()
    results = measure(1 if args.quick else 3)
    print(report(results))
    posts = measure_posts(1 if args.quick else 3)
    print(report_posts(posts))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"export": results, "posts": posts}, indent=2))
    print(f"results written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
