"""Post analytics: what the member's LinkedIn post analytics workbooks say, once read by
`ssi_coach.importers.analytics`. This package merges each reading into the document's
`PostAnalytics` (per day the newer export wins; snapshots are kept beside their window, never
summed), keeps what is stored within its budget, and turns the records into what the Posts
view, the estimate and the coach show.
"""
