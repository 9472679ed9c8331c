"""Target accounts: the export's people searched, tracked people refreshed, coverage, gaps and
next steps. Pure functions over the model's `Account` and `Stakeholder` records and `today`,
standard library only, so they run the same on CPython and in the page.
"""
