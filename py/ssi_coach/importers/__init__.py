"""Importers: reading check-ins kept elsewhere (such as a spreadsheet) into CheckIn records.

Each importer returns what it could read together with the problems it found, each naming
the file, the line and the field, so one bad row never stops the rest from coming in.
"""
