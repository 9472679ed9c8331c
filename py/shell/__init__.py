"""The browser shell: the only code that touches the page, localStorage or PyScript.

`app` wires page events to one core call each and renders the result; `browser` adapts
browser APIs (localStorage as a `Storage` backend, the local date, downloads); `views` turns
core results into HTML and imports nothing from the browser, so it is tested on CPython.
"""
