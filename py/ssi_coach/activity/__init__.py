"""Activity and coaching: what the member does each week and what it is likely to do to the
score. `log` reads the week log and checklist forms and counts the weekly streak; `estimate`
turns logged activity into an estimated SSI, `calibration` fits it to the member's own
check-ins, `actions` ranks the next actions (with the peers' averages when known), `whatif`
projects a weekly plan against a goal, `outcomes` relates SSI to meetings and deals,
`explain` says why a score changed, `export_merge` brings a LinkedIn export's weekly counts
into the document, `week_merge` the weeks of a weekly log CSV into the typed log, and
`coach_view` assembles the Coach view in one call.
"""
