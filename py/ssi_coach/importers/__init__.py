"""Importers: readers of what the member brings from elsewhere, into records. `ssi_page` reads a
paste of LinkedIn's SSI page (with the page's words per language in `ssi_locales`, and whose
table of pillars is whose, the member's or their peers', in `ssi_peers`), `csv_checkins` a
spreadsheet of check-ins, and `linkedin` a LinkedIn data export. Each returns what it could
read together with the problems it found (`ssi_coach.model.Problem`, naming the file, the line
and the column), so one bad row never stops the rest from coming in; what is read is merged
into the document elsewhere (`checkins.merge`, `activity.export_merge`).
"""
