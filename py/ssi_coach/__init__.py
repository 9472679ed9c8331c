"""ssi_coach: the pure-Python core of ssi-coach.

Data flows one way: text a person typed (or stored JSON) is read by `validation` and
`storage` into the frozen records of `model`; `dashboard` and `charts.data` turn records
into the figures and chart data the page shows; `charts.draw` turns chart data into SVG
with Matplotlib. No module here imports the browser (`js`, `pyodide`, `pyscript`): the
shell in `py/shell/` does that, so all of this runs and is tested on plain CPython 3.11+.
Bad input is returned as errors naming the field; `today` is always a parameter.
"""

from .dashboard import Dashboard, build_dashboard
from .errors import (
    CorruptDocument,
    DocumentError,
    InvalidRecord,
    NewerSchemaVersion,
    SsiCoachError,
    StorageError,
)
from .model import PILLARS, CheckIn, Document, Pillar
from .storage import Loaded, MemoryStorage, Storage, Store
from .validation import FieldError, FormResult, preview_total, read_checkin_form

__all__ = [
    "PILLARS", "CheckIn", "CorruptDocument", "Dashboard", "Document", "DocumentError",
    "FieldError", "FormResult", "InvalidRecord", "Loaded", "MemoryStorage",
    "NewerSchemaVersion", "Pillar", "SsiCoachError", "Storage", "StorageError", "Store",
    "build_dashboard", "preview_total", "read_checkin_form",
]
