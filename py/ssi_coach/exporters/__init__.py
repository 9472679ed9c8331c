"""Exporters: everything the app writes for other programs. `csv_checkins` writes check-ins
as a spreadsheet (and owns the columns its reader in `importers` accepts), `csv_weeks` the
weekly log typed by hand (likewise), `workbook` everything the member keeps as one Excel
workbook (with XlsxWriter, loaded only when asked), `reminder` calendar reminders (.ics:
monthly to check the SSI, weekly to log activity), and `share` encodes a report into a share
link (and decodes one, since the format is one thing). The backup file is storage's
(`storage.backup`).
"""
