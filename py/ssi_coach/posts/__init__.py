"""Post analytics, from records to answers: what the member's LinkedIn post analytics
workbooks say once read by `ssi_coach.importers.analytics`. This package merges each reading
into the document's `PostAnalytics` (`merge`: per day the newer export wins; snapshots are
kept beside their window, never summed), keeps what is stored within its budget (`budget`),
sums the days per week (`weekly`), and answers the Posts view's and the coach's questions
(`view`: top posts, who sees the posts; `weekday`: the best weekday and format), with the
standard library only.
"""
