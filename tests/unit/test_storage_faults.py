"""Storage under faults: damaged documents, full storage, two tabs, failing migrations.

Every scenario here is listed in docs/hardening.md (tools/hardening_report.py counts them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given

from ssi_coach.errors import DocumentError, StorageError
from ssi_coach.model import (
    PILLAR_KEYS,
    Calibration,
    CheckIn,
    Document,
    Goal,
    HeldFit,
    PillarFit,
    WeekLog,
    fitted_on,
)
from ssi_coach.storage import DOCUMENT_KEY, MemoryStorage, Store, encode
from ssi_coach.storage.concurrent import Conflict, merge
from ssi_coach.storage.migrations import MIGRATIONS, Migration

from .conftest import checkin
from .test_storage import documents

LAST_GOOD = DOCUMENT_KEY + ".last-good"
OCT, NOV = checkin("2026-10-04"), checkin("2026-11-01")


def saved_store(document: Document, **backend: object) -> tuple[Store, MemoryStorage]:
    storage = MemoryStorage(**backend)  # type: ignore[arg-type]
    store = Store(storage)
    store.load()
    store.save(document)
    return store, storage


# ---- the last good copy -----------------------------------------------------------------

def test_every_save_also_writes_the_last_good_copy() -> None:
    _, storage = saved_store(Document((OCT,)))
    assert storage.items[LAST_GOOD] == storage.items[DOCUMENT_KEY] == encode(Document((OCT,)))


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # truncated
    lambda text: text.replace('"checkins"', '"checkins":{', 1),  # not JSON any more
    lambda text: text.replace("12.275", '"twelve"', 1),  # JSON, but a score is not a number
    lambda text: "",
])
def test_a_damaged_document_is_recovered_from_the_last_good_copy_and_kept(damage) -> None:  # type: ignore[no-untyped-def]
    _, storage = saved_store(Document((OCT, NOV)))
    good = storage.items[DOCUMENT_KEY]
    storage.items[DOCUMENT_KEY] = damage(good)
    loaded = Store(storage).load()
    assert loaded.document == Document((OCT, NOV))
    assert loaded.recovered is not None and loaded.problem is None
    assert loaded.damaged_key is not None
    assert storage.items[loaded.damaged_key] == damage(good)  # downloadable, untouched
    assert storage.items[DOCUMENT_KEY] == good


def test_with_no_good_copy_a_damaged_document_blocks_saving_and_stays() -> None:
    storage = MemoryStorage({DOCUMENT_KEY: '{"checkins": [', LAST_GOOD: "also broken"})
    store = Store(storage)
    loaded = store.load()
    assert loaded.problem is not None and loaded.recovered is None
    with pytest.raises(DocumentError):
        store.save(Document((OCT,)))
    assert storage.items[DOCUMENT_KEY] == '{"checkins": ['


def test_recovery_that_cannot_keep_the_damaged_text_changes_nothing() -> None:
    _, storage = saved_store(Document((OCT,)))
    storage.items[DOCUMENT_KEY] = "damaged"
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items())  # full
    loaded = Store(storage).load()
    assert loaded.problem is not None  # reported, not silently replaced
    assert storage.items[DOCUMENT_KEY] == "damaged"


# ---- full storage ---------------------------------------------------------------------------

def test_quota_exceeded_keeps_the_previous_document_and_its_copy() -> None:
    store, storage = saved_store(Document((OCT,)))
    before = dict(storage.items)
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items())
    with pytest.raises(StorageError):
        store.save(Document((OCT, NOV), weeks=(WeekLog(dt.date(2026, 11, 2),
                                                        {"posts": 3}),)))
    assert storage.items == before


def test_a_save_that_fits_but_whose_copy_does_not_is_saved_and_flagged() -> None:
    store, storage = saved_store(Document((OCT,)))
    old_copy = storage.items[LAST_GOOD]
    growth = len(encode(Document((OCT, NOV)))) - len(encode(Document((OCT,))))
    storage.quota = sum(len(k) + len(v) for k, v in storage.items.items()) + growth
    store.save(Document((OCT, NOV)))  # room for the new main document, not for its copy
    assert storage.items[DOCUMENT_KEY] == encode(Document((OCT, NOV)))
    assert storage.items[LAST_GOOD] == old_copy and store.last_good_stale


# ---- two tabs ---------------------------------------------------------------------------------

def two_tabs(document: Document) -> tuple[Store, Store, MemoryStorage]:
    _, storage = saved_store(document)
    first, second = Store(storage), Store(storage)
    first.load()
    second.load()
    return first, second, storage


def test_edits_of_different_records_in_two_tabs_both_survive() -> None:
    first, second, storage = two_tabs(Document((OCT,)))
    first.save(Document((OCT, NOV)))  # tab 1 adds November
    changed_oct = dataclasses.replace(OCT, note="edited in tab 2")
    saved = second.save(Document((changed_oct,)))  # tab 2, not reloaded, edits October
    assert saved.merged and saved.conflicts == ()
    assert Store(storage).load().document == Document((changed_oct, NOV))


def test_the_same_record_edited_in_two_tabs_goes_to_the_last_writer_and_is_reported() -> None:
    first, second, storage = two_tabs(Document((OCT,)))
    first.save(Document((dataclasses.replace(OCT, note="tab 1"),)))
    saved = second.save(Document((dataclasses.replace(OCT, note="tab 2"),)))
    assert saved.conflicts == (Conflict("checkins", "2026-10-04"),)
    assert Store(storage).load().document.checkins[0].note == "tab 2"


def test_a_delete_in_one_tab_and_an_unrelated_edit_in_the_other_both_hold() -> None:
    first, second, storage = two_tabs(Document((OCT, NOV)))
    first.save(Document((NOV,)))  # tab 1 deletes October
    goal = Goal(60, dt.date(2027, 6, 1))
    second.save(Document((OCT, NOV), goal=goal))  # tab 2 sets a goal
    assert Store(storage).load().document == Document((NOV,), goal=goal)


DEC, JAN = checkin("2026-12-06"), checkin("2027-01-03")
WEEK = WeekLog(dt.date(2026, 11, 16), {"posts": 3})


def fit_for(*checkins: CheckIn, intercept: float = 1.0) -> HeldFit:
    """A fit as the Coach would hold it for these check-ins (the line itself is made up)."""
    lines = {key: PillarFit(key, intercept, 1.0, 2.0, 1.0) for key in PILLAR_KEYS}
    return HeldFit(fitted_on(checkins), Calibration(lines, len(checkins)))


def test_a_week_edited_while_another_tab_saved_keeps_the_held_fit() -> None:
    # A merge must not drop the fit: the Coach would refit after more activity, and a refit
    # can lower the estimate the member was looking at.
    held = fit_for(OCT, NOV)
    first, second, storage = two_tabs(Document((OCT, NOV), held_fit=held))
    goal = Goal(60, dt.date(2027, 6, 1))
    first.save(Document((OCT, NOV), goal=goal, held_fit=held))  # tab 1 sets a goal
    saved = second.save(Document((OCT, NOV), weeks=(WEEK,), held_fit=held))  # tab 2: a week
    assert saved.merged and saved.conflicts == ()
    assert Store(storage).load().document == Document((OCT, NOV), weeks=(WEEK,), goal=goal,
                                                      held_fit=held)


def test_a_checkin_added_in_another_tab_brings_the_fit_made_for_it() -> None:
    first, second, storage = two_tabs(Document((OCT, NOV), held_fit=fit_for(OCT, NOV)))
    first.save(Document((OCT, NOV, DEC), held_fit=fit_for(OCT, NOV, DEC)))
    saved = second.save(Document((OCT, NOV), weeks=(WEEK,), held_fit=fit_for(OCT, NOV)))
    assert saved.conflicts == (), "the fit is no record the member edited"
    merged = Store(storage).load().document
    assert merged.checkins == (OCT, NOV, DEC) and merged.weeks == (WEEK,)
    assert merged.held_fit == fit_for(OCT, NOV, DEC)


def test_when_both_tabs_made_a_new_fit_the_one_for_the_merged_checkins_is_kept() -> None:
    first, second, storage = two_tabs(Document((OCT, NOV)))
    first.save(Document((OCT, NOV, DEC), held_fit=fit_for(OCT, NOV, DEC)))
    saved = second.save(Document((OCT, NOV), held_fit=fit_for(OCT, NOV, intercept=2.0)))
    assert saved.conflicts == ()
    assert Store(storage).load().document.held_fit == fit_for(OCT, NOV, DEC)
    # Both tabs added a check-in: no fit was made for all four, so the Coach fits again.
    first, second, storage = two_tabs(Document((OCT, NOV)))
    first.save(Document((OCT, NOV, DEC), held_fit=fit_for(OCT, NOV, DEC)))
    second.save(Document((OCT, NOV, JAN), held_fit=fit_for(OCT, NOV, JAN)))
    merged = Store(storage).load().document
    assert merged.checkins == (OCT, NOV, DEC, JAN) and merged.held_fit is None


@given(documents, documents)
def test_merging_with_no_change_on_one_side_takes_the_other_side(base: Document,
                                                                  changed: Document) -> None:
    assert merge(base, changed, base) == (_normal(changed), [])
    assert merge(base, base, changed) == (_normal(changed), [])


def _normal(document: Document) -> Document:
    from ssi_coach.storage import decode

    return decode(encode(document))[0]


# ---- migrations -----------------------------------------------------------------------------

def test_a_failing_migration_leaves_the_stored_document_untouched() -> None:
    def explode(data: dict[str, object]) -> dict[str, object]:
        raise DocumentError("migration 5 cannot read this")

    raw = encode(Document((OCT,)))
    storage = MemoryStorage({DOCUMENT_KEY: raw})
    loaded = Store(storage, migrations=(*MIGRATIONS, Migration("0005_boom", explode))).load()
    assert loaded.problem is not None
    assert storage.items == {DOCUMENT_KEY: raw}
