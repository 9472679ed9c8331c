"""Share links: round trips, size, and a changed or cut link never opening as another report."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import zlib
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.errors import DocumentError, ShareLinkError
from ssi_coach.exporters.share import (
    MAX_NAME_LENGTH,
    REPORT_PREFIX,
    SharedReport,
    build_report,
    decode_report,
    encode_report,
    report_from_link,
    report_in_fragment,
    share_link,
)
from ssi_coach.model import PEER_GROUPS, CheckIn, Document, PeerAverages

from .conftest import TODAY, checkin
from .strategies import checkins, in_date_order

BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def year_of_checkins(note: str = "") -> Document:
    """12 monthly check-ins with every optional field filled, as a member would have."""
    checkins: list[CheckIn] = []
    for month in range(12):
        year, index = divmod(10 + month, 12)
        # The arithmetic is not exact in binary; store what the form would have stored.
        checkins.append(CheckIn(
            dt.date(2025 + year, index + 1, 3 + month % 4),
            round(12.275 + month * 0.41, 3), round(6.5 + month * 0.37, 3),
            round(3.1 + month * 0.29, 3), round(1.948 + month * 0.5, 3),
            industry_rank=30 - month, network_rank=25 - month // 2,
            industry_average=24.5 + month % 3, network_average=27.13 - month % 2,
            industry="Software Development", note=note and f"{note} {month}",
        ))
    return Document(tuple(checkins))


def report(notes: str = "", *, include_notes: bool = False) -> SharedReport:
    return build_report(year_of_checkins(notes), last=12, include_notes=include_notes,
                        include_industry=True, name="Ada Lovelace", created=TODAY)


def packed(raw: bytes, stream: bytes | None = None, version: str = "r1.") -> str:
    """A payload as encode_report lays it out: CRC-32 of the JSON, then the zlib stream."""
    data = zlib.crc32(raw).to_bytes(4, "big") + (zlib.compress(raw, 9) if stream is None
                                                  else stream)
    return version + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def payload_of(data: Any, version: str = "r1.") -> str:
    return packed(json.dumps(data).encode("utf-8"), version=version)


def contents(payload: str) -> bytes:
    body = payload.removeprefix("r1.")
    return zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))[4:])


# ---- building a report ----------------------------------------------------------------

def test_a_report_holds_the_last_n_checkins_without_notes_or_industry_unless_chosen() -> None:
    document = year_of_checkins("posted twice")
    kept = build_report(document, last=3, include_notes=False, include_industry=False,
                        name="Ada", created=TODAY)
    assert [c.on for c in kept.checkins] == [c.on for c in document.checkins[-3:]]
    assert all(c.note == "" and c.industry == "" for c in kept.checkins)
    assert [c.pillar_scores() for c in kept.checkins] == [
        c.pillar_scores() for c in document.checkins[-3:]]
    full = build_report(document, last=100, include_notes=True, include_industry=True,
                        name="Ada", created=TODAY)
    assert full.checkins == document.checkins
    notes_only = build_report(document, last=2, include_notes=True, include_industry=False,
                              name="Ada", created=TODAY)
    assert [c.note for c in notes_only.checkins] == ["posted twice 10", "posted twice 11"]
    assert {c.industry for c in notes_only.checkins} == {""}


def test_excluded_fields_are_not_in_the_link_at_all() -> None:
    link = encode_report(report("a secret plan"))
    decoded = decode_report(link)
    assert all(c.note == "" for c in decoded.checkins)
    assert b"secret" not in contents(link)
    assert b"Software Development" in contents(link)


def test_the_name_is_tidied_and_cut_to_fit() -> None:
    built = build_report(Document(), last=1, include_notes=False, include_industry=False,
                         name="  Ada \n  Lovelace  " + "x" * 100, created=TODAY)
    assert built.name.startswith("Ada Lovelace x")
    assert len(built.name) == MAX_NAME_LENGTH
    assert decode_report(encode_report(built)) == built


PAGE = "https://coach.example.org/ssi/"


def test_a_share_link_is_the_page_then_the_report_fragment() -> None:
    link = share_link(PAGE, report())
    assert link.startswith(PAGE + "#report=r1.")
    assert report_in_fragment(link) == encode_report(report())
    assert report_from_link(link) == report()


@pytest.mark.parametrize("pasted", [
    "{link}", "{fragment}", "{payload}", "  {link}\n", "{fragment_wrapped}",
])
def test_a_report_opens_from_a_link_its_fragment_or_its_payload(pasted: str) -> None:
    payload = encode_report(report())
    text = pasted.format(link=PAGE + REPORT_PREFIX + payload, payload=payload,
                         fragment=REPORT_PREFIX + payload,
                         fragment_wrapped=REPORT_PREFIX + payload[:20] + "\n " + payload[20:])
    assert report_from_link(text) == report()


@pytest.mark.parametrize("url", [
    PAGE, PAGE + "#", PAGE + "#entry", PAGE + "#/coach", "#entry", "", "report=r1.abc",
    PAGE + "#reports=r1.abc",
])
def test_only_a_report_fragment_opens_a_report(url: str) -> None:
    assert report_in_fragment(url) is None


def test_the_fragment_payload_is_everything_after_the_prefix() -> None:
    assert report_in_fragment("#report=r1.abc") == "r1.abc"
    assert report_in_fragment(PAGE + "#report=") == ""
    with pytest.raises(ShareLinkError, match="not an ssi-coach report link"):
        report_from_link(PAGE + "#report=")
    with pytest.raises(ShareLinkError, match="not an ssi-coach report link"):
        report_from_link(PAGE + "#entry")


def test_a_report_without_a_name_is_kept_under_the_day_it_was_shared() -> None:
    assert SharedReport("Ada", dt.date(2026, 11, 2), ()).person_name() == "Ada"
    assert (SharedReport("", dt.date(2026, 11, 2), ()).person_name()
            == "Report shared 2 Nov 2026")


@pytest.mark.parametrize(("last", "kept"), [(0, 0), (1, 1), (12, 12), (13, 12)])
def test_last_counts_back_from_the_newest_checkin(last: int, kept: int) -> None:
    built = build_report(year_of_checkins(), last=last, include_notes=False,
                         include_industry=False, name="Ada", created=TODAY)
    assert len(built.checkins) == kept
    assert decode_report(encode_report(built)) == built


def test_a_negative_number_of_checkins_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        build_report(Document(), last=-1, include_notes=False, include_industry=False,
                     name="Ada", created=TODAY)


# ---- round trip and size -------------------------------------------------------------

reports = st.builds(
    SharedReport, name=st.text(max_size=MAX_NAME_LENGTH), created=st.dates(),
    checkins=st.lists(checkins(), max_size=15, unique_by=lambda c: c.on).map(in_date_order),
)


def has_peers_or_events(checkin: CheckIn) -> bool:
    return checkin != replace(checkin, industry_peers=None, network_peers=None,
                              industry_status="", network_status="", events=())


@given(reports)
def test_decoding_an_encoded_report_gives_the_same_report(shared: SharedReport) -> None:
    payload = encode_report(shared)
    # The oldest version that holds the report: r1 unless a check-in has the newer fields.
    newer = any(has_peers_or_events(c) for c in shared.checkins)
    assert payload.startswith("r2." if newer else "r1.")
    assert set(payload[3:]) <= set(BASE64URL)  # safe in a URL fragment as it is
    assert decode_report(payload) == shared


documents_with_peers = st.lists(checkins(), max_size=8, unique_by=lambda c: c.on).map(
    lambda found: Document(in_date_order(found)))


@given(documents_with_peers, st.booleans(), st.booleans())
def test_a_link_carries_peers_only_when_chosen_and_events_with_the_notes(
        document: Document, include_peers: bool, include_notes: bool) -> None:
    built = build_report(document, last=8, include_notes=include_notes, include_industry=True,
                         name="Ada", created=TODAY, include_peers=include_peers)
    opened = decode_report(encode_report(built))
    assert opened == built
    for sent, original in zip(opened.checkins, document.checkins, strict=True):
        kept_peers = replace(original, note=sent.note, events=sent.events)
        assert sent == (kept_peers if include_peers else replace(
            kept_peers, industry_peers=None, network_peers=None, industry_status="",
            network_status=""))
        assert (sent.note, sent.events) == ((original.note, original.events) if include_notes
                                            else ("", ()))


def test_peers_are_left_out_of_a_report_unless_chosen() -> None:
    document = year_of_peers()
    assert build_report(document, last=12, include_notes=True, include_industry=True,
                        name="Ada", created=TODAY).checkins == tuple(
        replace(c, industry_peers=None, network_peers=None, industry_status="",
                network_status="") for c in document.checkins)
    chosen = build_report(document, last=12, include_notes=True, include_industry=True,
                          include_peers=True, name="Ada", created=TODAY)
    assert chosen.checkins == document.checkins
    without = encode_report(build_report(document, last=12, include_notes=False,
                                         include_industry=True, name="Ada Lovelace",
                                         created=TODAY))
    assert without == encode_report(report())  # nothing of the peers or events in the link


def test_a_year_of_monthly_checkins_makes_a_short_link() -> None:
    without_notes = encode_report(report("Posted 3 times, commented on 12 posts"))
    with_notes = encode_report(report("Posted 3 times, commented on 12 posts",
                                      include_notes=True))
    print(f"12 check-ins: {len(without_notes)} characters without notes, "
          f"{len(with_notes)} with notes")
    assert len(without_notes) < 2000
    assert len(without_notes) < 600  # the aim; well inside every browser's URL limit
    assert decode_report(with_notes) == report("Posted 3 times, commented on 12 posts",
                                               include_notes=True)


def year_of_peers() -> Document:
    """year_of_checkins with both groups' averages and status lines, and an event now and
    then, as a member who pastes the SSI page every month would have."""
    industry, network = PEER_GROUPS
    checkins = []
    for month, base in enumerate(year_of_checkins().checkins):
        checkins.append(replace(
            base, industry_peers=PeerAverages(round(7.45 + month * 0.013, 3), 6.1, 4.95,
                                              round(6.2 + month * 0.021, 3)),
            network_peers=PeerAverages(9.3, round(7.85 - month * 0.01, 3), 6.75, 7.65),
            industry_status="No change in the last week", network_status=f"Up {month}%",
            events=("holiday",) if month % 5 == 0 else ()))
    assert checkins[1].peers(industry) is not None and checkins[1].status(network) == "Up 1%"
    return Document(tuple(checkins))


def test_a_year_with_peer_averages_still_makes_a_short_link() -> None:
    link = encode_report(build_report(year_of_peers(), last=12, include_notes=False,
                                      include_industry=True, include_peers=True, name="Ada",
                                      created=TODAY))
    print(f"12 check-ins with both groups' averages and status lines: {len(link)} characters")
    assert link.startswith("r2.")
    assert len(link) < 1000  # pillars as thousandths; repeated status lines compress well


# Made by ssi-coach before peers and events existed (format r1), never to be regenerated: an
# old link must open exactly as the report that was shared, new fields at their defaults.
OLD_LINK = (
    "r1.IN-Qr3jaJY49DsIwDIWvYjIweXD-WjqyIzF0I8oQRQUi2qZqYecQHAKJY_QmnIQkLJ-f3rP8bNgprh843tw5zgxr2"
    "TSK0JgkdhUh14ISZa0ThcpacSKLRuoUVsUgkcOmaJkWNUoUKmeSiBOyQ7wEH7p-gS20zrUM2X6a1_cCQxzBR-evYbzA9"
    "_mCoZt9gA1LDUogr7hIPUqXJyhTZ46PvkfxHwUsnZQwxeW-MGvtDy8kOXc"
)
OLD_REPORT = SharedReport("Zoë Okafor", dt.date(2026, 11, 20), (
    CheckIn(dt.date(2026, 9, 1), 15.2, 13.75, 12.4, 14.1),
    CheckIn(dt.date(2026, 10, 6), 15.6, 14.02, 12.9, 14.35, industry_rank=5, network_rank=3,
            industry_average=24.6, network_average=30.01, industry="Logiciels & SaaS",
            note="Après mon coaching — merci !"),
    CheckIn(dt.date(2026, 11, 17), 16.125, 14.5, 13.0, 15.0, network_rank=2, note="3 posts"),
))


def test_an_old_link_opens_as_before_and_the_same_report_still_makes_that_link() -> None:
    opened = decode_report(OLD_LINK)
    assert opened == OLD_REPORT
    assert all(not has_peers_or_events(c) for c in opened.checkins)
    assert encode_report(OLD_REPORT) == OLD_LINK


def test_spaces_line_breaks_and_a_leading_hash_are_ignored() -> None:
    payload = encode_report(report())
    wrapped = "#" + "\n ".join(payload[i: i + 40] for i in range(0, len(payload), 40)) + " \n"
    assert decode_report(wrapped) == report()


def test_a_report_that_could_not_be_opened_again_is_not_encoded() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_report(SharedReport("x" * (MAX_NAME_LENGTH + 1), TODAY, ()))
    with pytest.raises(ValueError, match="date order"):
        encode_report(SharedReport("Ada", TODAY, (checkin("2026-10-01"), checkin("2026-09-01"))))
    with pytest.raises(ValueError, match="between 0 and 25"):
        encode_report(SharedReport("Ada", TODAY, (checkin(scores=(26, 1, 1, 1)),)))


# ---- a changed or cut link -----------------------------------------------------------

PAYLOAD = encode_report(report("posted", include_notes=True))
# With peers, status lines and events (r2): turning its "r2." into "r1." must not open it.
REPORT_V2 = build_report(year_of_peers(), last=4, include_notes=True, include_industry=True,
                         include_peers=True, name="Ada", created=TODAY)
PAYLOADS = {PAYLOAD: report("posted", include_notes=True), encode_report(REPORT_V2): REPORT_V2}
each_payload = pytest.mark.parametrize("payload", PAYLOADS, ids=["r1", "r2"])


def _opens_as_the_same_or_not_at_all(changed: str, shared: str = PAYLOAD) -> None:
    try:
        decoded = decode_report(changed)
    except ShareLinkError:
        return
    assert decoded == PAYLOADS[shared]


@given(st.integers(0, len(PAYLOAD) - 1), st.sampled_from(BASE64URL + ".=+/#r1 %"))
def test_changing_one_character_never_opens_a_different_report(position: int, char: str) -> None:
    _opens_as_the_same_or_not_at_all(PAYLOAD[:position] + char + PAYLOAD[position + 1:])


@each_payload
def test_changing_any_character_to_any_other_never_opens_a_different_report(
        payload: str) -> None:
    assert payload.startswith(("r1.", "r2.")) and PAYLOADS[payload].checkins
    for position in range(len(payload)):
        for char in BASE64URL + "12":
            if char != payload[position]:
                _opens_as_the_same_or_not_at_all(
                    payload[:position] + char + payload[position + 1:], payload)


# Two zlib streams from a real link that differ in one base64 character, whose contents
# differ ("27,19123" became "226,9123") yet share their Adler-32: zlib alone would have
# opened the changed link as another report, which is why links carry a CRC-32 as well.
ADLER_TWIN_A = (
    "eNqNUTtOAzAMvUqV2YP_sc_B2HZgKFPVSqgIrsQ5uBgvFIlKoIolcuI8-322Y9C0Tpm03U6bnkESjGtUOcrgJDG"
    "RotPL8Xg9JMvyWo6H89Pl9fH5MGiczpfD5uOdNrvxthtjT1tA3UsBCEWdU5JUwuRm2M8x_pwRTGrJseCJOpVJ5"
    "izqia6vbleRaraRRTOl-cSXhYUC8UaXmY3UF640HSyuO4tdfkkBEgZIeoB0TFPKWvzb2m_4upTq-guBpqAVWl"
    "jCFU0tElTzl8TbHbGEGAhLtHzhUMqsvgGYsfl_rFYYhBFNUo2wfK65AnmLIF4TjKgQJAnL8pHbk2asNlMHtih"
    "LIR8OBhS2GIXfFbDMF2eMdHg_belZad8FKZxtUaOurOUpgnErGPDtViHd3u_3n8hUrZc"
)
ADLER_TWIN_B = ADLER_TWIN_A.replace("FKZxtUaO", "FKZxsUaO")


def test_a_change_that_zlibs_checksum_misses_is_still_refused() -> None:
    stream_a, stream_b = (base64.urlsafe_b64decode(t + "=" * (-len(t) % 4))
                          for t in (ADLER_TWIN_A, ADLER_TWIN_B))
    raw_a, raw_b = zlib.decompress(stream_a), zlib.decompress(stream_b)
    assert raw_a != raw_b and b"[226,9123," in raw_b  # zlib accepts both
    assert decode_report(packed(raw_a, stream_a)).checkins[-1].brand == 19.123
    with pytest.raises(ShareLinkError, match="damaged"):
        decode_report(packed(raw_a, stream_b))


@each_payload
def test_every_cut_short_link_is_refused(payload: str) -> None:
    for length in range(len(payload)):
        with pytest.raises(ShareLinkError):
            decode_report(payload[:length])


@each_payload
def test_anything_added_to_a_link_is_refused(payload: str) -> None:
    for extra in ("A", "AA", "AAAA", "x_x_"):
        with pytest.raises(ShareLinkError):
            decode_report(payload + extra)


def test_an_r2_link_relabelled_r1_is_refused_and_an_r1_link_relabelled_r2_is_the_same() -> None:
    v2 = encode_report(REPORT_V2)
    with pytest.raises(ShareLinkError, match="not a report"):
        decode_report("r1." + v2.removeprefix("r2."))
    assert decode_report("r2." + PAYLOAD.removeprefix("r1.")) == PAYLOADS[PAYLOAD]


# ---- what is said about links that do not open ---------------------------------------

# An r2 row's optional fields when none is given, in order: ranks, averages, industry, note,
# the two groups' averages, their status lines (events, the last, are left out).
V2_EMPTY = [None, None, None, None, "", "", None, None, "", ""]


@pytest.mark.parametrize(("payload", "says"), [
    ("", "not an ssi-coach report link"),
    ("hello", "not an ssi-coach report link"),
    ("https://example.org/#r1.abc", "not an ssi-coach report link"),
    ("r0.eNoDAAAAAAE", "not an ssi-coach report link"),
    ("r1eNoDAAAAAAE", "not an ssi-coach report link"),
    ("r4.eNoDAAAAAAE", "newer version"),
    ("r17.anything", "newer version"),
    ("r1.abc$def", "characters a report link never has"),
    ("r1.abcde", "characters a report link never has"),  # 5 characters are not whole bytes
    ("r1.", "damaged or cut short"),
    ("r1.AAAA", "damaged or cut short"),
    (payload_of({"name": "Ada"}), "not a report"),
    (payload_of(["Ada", 739000]), "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3]]]), "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, True]]]), "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, "4"]]]), "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, 5, 6, 7, 8, "", "", 0]]]), "not a report"),
    # r1 rows end at the note: what a later version adds is not read from an r1 link.
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, None, None, None, None, "", "",
                                  [1, 2, 3, 4]]]]), "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY, [], 0]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:6], [1, 2, 3]]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:6], 5]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:6], [1, 2, "3", 4]]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:8], None]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:10], "holiday"]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:10], [7]]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:6], [1, 2, 26000, 4]]]],
                "r2."), "Industry average: Engage with insights: A pillar's average is between"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:7], [1, 2, 3, 4.5]]]], "r2."),
     "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:9], "x" * 121]]], "r2."),
     "Network status: Keep this under 120"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:10], ["holidays"]]]], "r2."),
     "Events: “holidays” is not an event"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, *V2_EMPTY[:10],
                                  ["campaign", "holiday"]]]], "r2."), "Events: List each event"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 10**30]]]), "not a report"),
    (payload_of(["Ada", 0, []]), "not a report"),
    (payload_of(["x" * 61, 739000, []]), "not a report"),
    (payload_of(["Ada", 739000, [[-5, 1, 2, 3, 4]]]), "not a report"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4], [-1, 1, 2, 3, 4]]]), "not a report"),
    (packed(b"[1,NaN]"), "not a report"),
    (packed(b"\xff\xfe"), "not a report"),
    (packed(b"[" * 100_000), "not a report"),
    (packed(b" " * 2_000_000), "far more than a report"),
    (packed(b"[]", zlib.compress(b"[]")[:-1]), "damaged or cut short"),
    (packed(b"[]", zlib.compress(b"[]") + b"x"), "damaged or cut short"),
    (packed(b"[]", zlib.compress(b"{}")), "damaged or cut short"),  # CRC-32 of other JSON
    (payload_of(["Ada", 739000, [[739000, 26000, 2, 3, 4]]]),
     "not valid (2024-04-24, Establish your professional brand: A pillar score is between"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, 0]]]), "Industry SSI rank"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4, 5, 6, 7, 8, "", "x" * 2001]]]), "Note"),
    (payload_of(["Ada", 739000, [[730000, 1, 2, 3, 4]]]), "SSI did not exist before 2014"),
    (payload_of(["Ada", 739000, [[739000, 1, 2, 3, 4], [0, 1, 2, 3, 4]]]),
     "two check-ins on 2024-04-24"),
])
def test_links_that_do_not_open_say_why(payload: str, says: str) -> None:
    with pytest.raises(ShareLinkError) as raised:
        decode_report(payload)
    assert says in str(raised.value)
    assert isinstance(raised.value, DocumentError)


def test_a_hand_made_minimal_link_opens() -> None:
    opened = decode_report(payload_of(["Ada", 739000, [[739000, 1000, 2500, 3, 4]]]))
    assert opened == SharedReport("Ada", dt.date.fromordinal(739000),
                                  (CheckIn(dt.date(2024, 4, 24), 1.0, 2.5, 0.003, 0.004),))


def test_a_hand_made_r2_link_opens_with_peers_statuses_and_events() -> None:
    row = [739000, 1000, 2500, 3, 4, *V2_EMPTY[:6], None, [9300, 7850, 6750, 7650], "",
           "Up 2%", ["holiday", "campaign"]]
    opened = decode_report(payload_of(["Ada", 739000, [row]], "r2."))
    assert opened.checkins == (CheckIn(
        dt.date(2024, 4, 24), 1.0, 2.5, 0.003, 0.004, network_peers=PeerAverages(
            9.3, 7.85, 6.75, 7.65), network_status="Up 2%", events=("holiday", "campaign")),)


@given(st.text())
def test_any_text_opens_or_raises_only_share_link_error(text: str) -> None:
    with contextlib.suppress(ShareLinkError):
        decode_report(text)


@given(st.text(BASE64URL))
def test_any_base64url_text_opens_or_raises_only_share_link_error(body: str) -> None:
    with contextlib.suppress(ShareLinkError):
        decode_report("r1." + body)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=30,
)
near_reports = st.tuples(
    st.text(max_size=5), st.integers(-2, 800_000),
    st.lists(st.lists(st.none() | st.integers(-5, 800_000) | st.text(max_size=3), max_size=12),
             max_size=4),
)


@given(json_values | near_reports.map(list))
def test_any_well_packed_content_opens_or_raises_only_share_link_error(data: Any) -> None:
    try:
        opened = decode_report(payload_of(data))
    except ShareLinkError:
        return
    assert decode_report(encode_report(opened)) == opened
