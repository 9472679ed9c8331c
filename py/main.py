"""PyScript entry point: paint the numbers first, then load Matplotlib and draw the charts."""

import pyodide_js  # type: ignore[import-not-found]

from shell import browser
from shell.app import App
from ssi_coach.storage import Store

app = App(Store(browser.LocalStorage()))
app.start()
browser.set_stage("ready")

try:
    # Matplotlib and its closure come from the self-hosted Pyodide folder, resolved by the
    # lock file; this takes a few seconds, so it happens after the numbers are on screen.
    await pyodide_js.loadPackage(["matplotlib"])  # type: ignore[top-level-await]
    from ssi_coach.charts import draw

    app.charts_loaded(draw)
    browser.set_stage("charts")
except Exception as error:  # noqa: BLE001 - without charts the numbers still work
    import traceback

    browser.report_error(traceback.format_exc())
    from shell import views

    browser.element("charts-body").innerHTML = views.charts_failed(str(error))
    browser.set_stage("charts-failed")
