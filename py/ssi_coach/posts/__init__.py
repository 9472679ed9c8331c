"""Post analytics, from records to answers: merging what each workbook import read into what
is kept (`merge`), weekly sums of the merged days (`weekly`), and the Posts view's questions
(top posts, best weekday, who sees the posts). Everything here works on `model.posts` records
and the reader's `AnalyticsReading`, with the standard library only.
"""
