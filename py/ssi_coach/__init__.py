"""ssi_coach: the pure-Python core of ssi-coach.

Layers, each building only on the ones above it in this list (tests/unit/test_imports.py
keeps it so):
- `model` (records: check-ins, activity logs, plan, goal, network summary, the document,
  problem records), `errors`, `text`;
- `checkins` (form validation, dashboard, check-in merge), `storage` (JSON, migrations),
  `peers` (pillars against the industry's and network's averages, the market's part of a
  change, event notes);
- `importers` (readers: SSI page paste, CSV, LinkedIn export) and `exporters` (CSV, calendar
  reminder, share link);
- `activity` (week log, estimate, calibration, next actions, what-if, outcomes), `network`,
  `team`, and `charts` (`charts.data` is plain data; `charts.draw` draws it as SVG with
  Matplotlib, loaded last).
Text a person typed (or stored JSON) is read into the frozen records of `model`; the other
packages turn records into what the page shows. No module here imports the browser (`js`,
`pyodide`, `pyscript`): the shell in `py/shell/` does that, so all of this runs and is tested
on plain CPython 3.11+.
Bad input is returned as errors naming the field; `today` is always a parameter.
"""

from .checkins.dashboard import Dashboard, build_dashboard
from .checkins.validation import FormResult, preview_total, read_checkin_form
from .errors import (
    CorruptDocument,
    DocumentError,
    InvalidRecord,
    NewerSchemaVersion,
    SsiCoachError,
    StorageError,
)
from .model import PILLARS, CheckIn, Document, FieldError, Pillar
from .storage import Loaded, MemoryStorage, Storage, Store

__all__ = [
    "PILLARS", "CheckIn", "CorruptDocument", "Dashboard", "Document", "DocumentError",
    "FieldError", "FormResult", "InvalidRecord", "Loaded", "MemoryStorage",
    "NewerSchemaVersion", "Pillar", "SsiCoachError", "Storage", "StorageError", "Store",
    "build_dashboard", "preview_total", "read_checkin_form",
]
