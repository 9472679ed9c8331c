"""Target accounts: the export's people searched, tracked people refreshed from a newer
export, each account's coverage and gaps, the next step per person, and the forms that
add and edit accounts and people. Standard library only; the records are in
`ssi_coach.model.accounts`.
"""
