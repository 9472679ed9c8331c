"""The browser shell: the only code that touches the page, localStorage or PyScript.

`app` starts the page, holds the context every view shares (the document, saving, the status
message, drawing again), switches views and wires events; each view has one handler module
named after it (`home`, `checkins`, `coach`, `activity` with `activity_import`, `network`,
`team`, `data`), taking that context (`context`), never the app. `browser` adapts browser
APIs (localStorage as a `Storage` backend, the local date, downloads, forms); `views`,
`html` and the `*_views`/`coach_forms` modules turn core results into HTML and import
nothing from the browser, so they are tested on CPython.
"""
