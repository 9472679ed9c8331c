"""Import LinkedIn's post analytics workbooks (.xlsx): the aggregate export of the creator
analytics page and one post's export in, an `AnalyticsReading` out (see `types`). The reader
stages load openpyxl, so they are imported when an import starts, not with this package.
"""
