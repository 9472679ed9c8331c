"""PyScript entry point: paint the numbers first, then load Matplotlib and draw the charts.

A URL whose fragment carries a shared report opens that report read-only instead, without
reading or writing the member's own data.
"""

import importlib

import pyodide_js  # type: ignore[import-not-found]

from shell import browser, views
from shell.app import App
from ssi_coach.errors import ShareLinkError
from ssi_coach.exporters.share import decode_report
from ssi_coach.routes import route
from ssi_coach.storage import Store

CHART_IMPORT_STEPS = ("numpy", "PIL.Image", "matplotlib", "matplotlib.text", "matplotlib.axes",
                      "matplotlib.figure", "matplotlib.dates", "matplotlib.backends.backend_svg",
                      "ssi_coach.charts.draw")

found = route(browser.url_fragment())
store = Store(browser.LocalStorage())
app = None
if found.kind == "report":
    try:
        app = App(store, report=decode_report(found.payload))
        app.start_report()
    except ShareLinkError as error:
        App(store).start_broken_report(str(error))
else:
    app = App(store)
    app.start()
browser.set_stage("ready")

if app is not None:
    try:
        # Matplotlib and its closure come from the self-hosted Pyodide folder, resolved by
        # the lock file; this takes seconds, so it happens after the numbers are on screen.
        await pyodide_js.loadPackage(["matplotlib"])  # type: ignore[top-level-await]
        # Import in steps of under ~150 ms each, with a browser turn between them, so a
        # member typing while the charts load never waits on one long import.
        for module in CHART_IMPORT_STEPS:
            importlib.import_module(module)
            browser.mark(f"imported {module}")
            await browser.next_task()  # type: ignore[top-level-await]
        from ssi_coach.charts import draw

        for step in draw.warm_up_steps():
            browser.mark(f"warmed up: {step}")
            await browser.next_task()  # type: ignore[top-level-await]
        await app.charts_loaded(draw)  # type: ignore[top-level-await]
        browser.set_stage("charts")
    except Exception as error:  # noqa: BLE001 - without charts the numbers still work
        import traceback

        browser.report_error(traceback.format_exc())
        browser.element("charts-body").innerHTML = views.charts_failed(str(error))
        browser.set_stage("charts-failed")
