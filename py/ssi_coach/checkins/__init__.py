"""Check-ins: the member's SSI as read on a day. `validation` turns the form's text into a
CheckIn or errors naming each field (its parsers and record rules are shared by every source
of check-ins), `dashboard` turns the check-ins into the figures the Home and Check-ins views
show, and `merge` compares check-ins coming from a spreadsheet, a backup or a teammate's link
with the ones kept, date by date. Standard library only: this is the numbers' path.
"""
