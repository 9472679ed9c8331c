"""Many team members at once: share links found in pasted threads, many files, and activity
kept from a report with the person."""

from __future__ import annotations

import datetime as dt

from ssi_coach.exporters.csv_checkins import checkins_to_csv
from ssi_coach.exporters.share import SharedReport, share_link
from ssi_coach.model import CheckIn, Document, Person, Target, WeekLog
from ssi_coach.storage.backup import backup_text
from ssi_coach.team.links import BulkAdd, Unreadable, add_files, add_many, find_links
from ssi_coach.team.table import TeamChange, add_to_team

from .conftest import TODAY

PAGE = "https://coach.example.org/ssi/"
MONDAY = dt.date(2026, 9, 7)


def report(name: str, months: int = 6, *, activity: tuple[WeekLog, ...] = (),
           brand: float = 12.5) -> SharedReport:
    checkins = tuple(CheckIn(dt.date(2026, 1 + m, 10), brand + m, 10.25, 9.125, 11.0 + m / 2,
                             industry_rank=10 + m, note="")
                     for m in range(months))
    return SharedReport(name, dt.date(2026, 11, 20), checkins, activity)


ANN, BOB, CHLOE = report("Ann Lee"), report("Bob Stone", 8), report("Chloé Durand", 11)
LINKS = {r.name: share_link(PAGE, r) for r in (ANN, BOB, CHLOE)}


def wrapped(text: str, width: int, end: str = "") -> list[str]:
    """`text` cut into lines of `width` characters, each but the last followed by `end`."""
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    return [line + end for line in lines[:-1]] + lines[-1:]


def quoted_printable(link: str) -> str:
    """A link as a quoted-printable mail body holds it: "=" written "=3D", lines of at most
    76 characters ending in a soft break "="."""
    return "\n".join(wrapped(link.replace("=", "=3D"), 75, "="))


# ---- finding links ------------------------------------------------------------------------------

def test_links_one_per_line_are_found_in_order() -> None:
    text = "\n".join([LINKS["Bob Stone"], "", LINKS["Ann Lee"], LINKS["Chloé Durand"]])
    assert find_links(text) == (LINKS["Bob Stone"], LINKS["Ann Lee"], LINKS["Chloé Durand"])


def test_links_in_brackets_and_before_punctuation_are_found_without_them() -> None:
    text = (f"Ann's: <{LINKS['Ann Lee']}>. Bob sent his ({LINKS['Bob Stone']}), and "
            f"Chloé's is \"{LINKS['Chloé Durand']}\"!")
    assert find_links(text) == (LINKS["Ann Lee"], LINKS["Bob Stone"], LINKS["Chloé Durand"])


def test_a_quoted_printable_mail_with_soft_breaks_gives_the_links() -> None:
    mail = ("Hi team,=\n here are the links you asked for:\n\n"
            + quoted_printable(LINKS["Ann Lee"]) + "\n\n"
            + quoted_printable(LINKS["Bob Stone"]) + "\n\nThanks,=20\nDana\n")
    assert "=3D" in mail and "=\n" in mail
    assert find_links(mail) == (LINKS["Ann Lee"], LINKS["Bob Stone"])


def test_a_reply_thread_with_quote_markers_and_wrapped_links_gives_each_link_once() -> None:
    ann = "\n> > ".join(wrapped(LINKS["Ann Lee"], 70))
    bob = "\n> ".join(wrapped(LINKS["Bob Stone"], 64))
    thread = (f"Here's mine: {LINKS['Chloé Durand']}\n\n"
              f"On Tue, Bob wrote:\n> Mine is below.\n> {bob}\n> Bye\n>\n"
              f"> On Mon, Ann wrote:\n> > Sure, here:\n> > {ann}\n> > Ann\n")
    assert find_links(thread) == (LINKS["Chloé Durand"], LINKS["Bob Stone"], LINKS["Ann Lee"])
    again = thread + "\n" + thread.replace("\n> ", "\n>> ")  # quoted once more: duplicates
    assert find_links(again) == (LINKS["Chloé Durand"], LINKS["Bob Stone"], LINKS["Ann Lee"])


def test_a_word_on_the_line_after_a_whole_link_is_not_glued_to_it() -> None:
    text = f"{LINKS['Ann Lee']}\nThanks\n{LINKS['Bob Stone']}\nregards"
    assert find_links(text) == (LINKS["Ann Lee"], LINKS["Bob Stone"])


def test_percent_encoded_links_are_found() -> None:
    encoded = LINKS["Ann Lee"].replace("#", "%23").replace("=", "%3D")
    assert find_links(f"see https://l.example.com/?u={encoded.replace(':', '%3A')}") == (
        LINKS["Ann Lee"],)
    assert find_links(encoded) == (LINKS["Ann Lee"],)


def test_the_same_report_under_two_addresses_is_one_link() -> None:
    fragment = LINKS["Ann Lee"].removeprefix(PAGE)
    assert find_links(f"{LINKS['Ann Lee']} and http://localhost:8000/{fragment}") == (
        LINKS["Ann Lee"],)


def test_a_cut_link_is_still_found_so_it_can_be_reported() -> None:
    cut = LINKS["Ann Lee"][:-12]
    assert find_links(f"{cut}\nplease add me") == (cut,)


def test_text_without_links_gives_none() -> None:
    assert find_links("Hi! Here is my SSI: 62, up 3. https://example.org/#entry") == ()


# ---- adding many links ----------------------------------------------------------------------

def test_every_link_in_pasted_threads_adds_or_refreshes_someone() -> None:
    bob_before = Person("bob stone", BOB.checkins[:5], dt.date(2026, 6, 1), tags=("EMEA",))
    document = Document(people=(bob_before,))
    cut = LINKS["Chloé Durand"][:-12]
    thread = f"Ann: {LINKS['Ann Lee']}\nBob: {LINKS['Bob Stone']}\nChloé: {cut}"
    result = add_many(document, [thread, LINKS["Ann Lee"], "no link here"], TODAY)
    assert isinstance(result, BulkAdd)
    assert (result.added, result.refreshed, result.unchanged) == (("Ann Lee",), ("bob stone",),
                                                                  ())
    assert result.unreadable == (Unreadable("link 3", result.unreadable[0].reason),)
    assert "damaged or cut short" in result.unreadable[0].reason
    assert cut.split("#report=")[1][:20] not in result.unreadable[0].reason
    assert (result.duplicates, result.found) == (1, 3)
    people = {p.name: p for p in result.document.people}
    assert list(people) == ["bob stone", "Ann Lee"]
    assert people["bob stone"].checkins == BOB.checkins and people["bob stone"].tags == ("EMEA",)
    assert people["Ann Lee"].checkins == ANN.checkins and people["Ann Lee"].saved_on == TODAY


def test_adding_the_same_links_again_changes_nothing() -> None:
    first = add_many(Document(), list(LINKS.values()), TODAY)
    again = add_many(first.document, ["\n".join(LINKS.values())], TODAY + dt.timedelta(days=3))
    assert again.document is first.document
    assert again.unchanged == ("Ann Lee", "Bob Stone", "Chloé Durand") and again.added == ()


def test_two_links_from_one_person_in_a_batch_add_them_once() -> None:
    newer = report("Ann Lee", 8)
    result = add_many(Document(), [LINKS["Ann Lee"], share_link(PAGE, newer)], TODAY)
    assert result.added == ("Ann Lee",) and result.refreshed == ()
    assert result.document.people[0].checkins == newer.checkins


def test_a_bare_payload_pasted_alone_is_read() -> None:
    payload = LINKS["Ann Lee"].split("#report=")[1]
    assert add_many(Document(), [f"  {payload}\n"], TODAY).added == ("Ann Lee",)


def test_a_report_without_checkins_adds_nobody_and_says_why() -> None:
    empty = share_link(PAGE, SharedReport("Dan", TODAY, ()))
    result = add_many(Document(), [empty], TODAY)
    assert result.document == Document() and result.added == ()
    assert result.unreadable == (Unreadable("link 1", "There are no check-ins to keep: the "
                                                      "link or file holds none."),)


# ---- activity kept with the person -----------------------------------------------------------

def week(n: int, **counts: int) -> WeekLog:
    return WeekLog(MONDAY + dt.timedelta(weeks=n), counts)


def test_a_reports_activity_is_kept_and_a_newer_report_wins_per_week() -> None:
    first = report("Ann Lee", activity=(week(0, posts=2), week(1, posts=3, meetings=1)))
    result = add_many(Document(), [share_link(PAGE, first)], TODAY)
    assert result.document.people[0].activity == first.activity
    newer = report("Ann Lee", activity=(week(1, posts=4), week(2, requests_sent=9)))
    again = add_many(result.document, [share_link(PAGE, newer)], TODAY)
    assert again.refreshed == ("Ann Lee",)  # the check-ins are the same; the weeks are not
    assert again.document.people[0].activity == (week(0, posts=2), week(1, posts=4),
                                                 week(2, requests_sent=9))


def test_refreshing_someone_keeps_their_target_and_tags() -> None:
    target = Target(dt.date(2027, 6, 30), total=70)
    kept = Person("Ann Lee", ANN.checkins[:2], dt.date(2026, 3, 1), target=target,
                  tags=("region: EMEA",), activity=(week(0, posts=1),))
    change = add_to_team(Document(people=(kept,)), "ann lee", ANN.checkins, TODAY,
                         (week(1, posts=5),))
    assert isinstance(change, TeamChange)
    (person,) = change.document.people
    assert (person.target, person.tags) == (target, ("region: EMEA",))
    assert person.activity == (week(0, posts=1), week(1, posts=5))
    assert (change.added, change.weeks_changed) == (4, 1)


def test_only_new_or_different_weeks_count_as_a_change() -> None:
    kept = Person("Ann Lee", ANN.checkins, dt.date(2026, 3, 1), activity=(week(0, posts=1),))
    document = Document(people=(kept,))
    same = add_to_team(document, "Ann Lee", ANN.checkins, TODAY, (week(0, posts=1),))
    assert isinstance(same, TeamChange) and same.document is document and not same.changed


# ---- many files -----------------------------------------------------------------------------

def test_many_backup_and_csv_files_add_one_person_each() -> None:
    ann_csv = checkins_to_csv(ANN.checkins).encode("utf-8")
    bob_backup = backup_text(Document(BOB.checkins)).encode("utf-8")
    files = [("ann-lee.csv", ann_csv), ("Bob Stone.json", bob_backup),
             ("notes.csv", b"just some words\n"), ("ann again.csv", ann_csv),
             ("broken.json", b"{not json")]
    result = add_files(Document(), files, TODAY)
    assert result.added == ("ann-lee", "Bob Stone")
    assert [p.checkins for p in result.document.people] == [ANN.checkins, BOB.checkins]
    assert [u.source for u in result.unreadable] == ["notes.csv", "broken.json"]
    assert all(u.reason for u in result.unreadable)
    assert (result.duplicates, result.found) == (1, 4)


def test_adding_a_file_refreshes_someone_already_there() -> None:
    document = Document(people=(Person("ann-lee", ANN.checkins[:2], TODAY),))
    result = add_files(document, [("ann-lee.csv",
                                   checkins_to_csv(ANN.checkins).encode("utf-8"))], TODAY)
    assert result.refreshed == ("ann-lee",) and result.document.people[0].checkins == ANN.checkins
