"""From parsed files to what the member sees: weekly counts, checklist facts, network summary
and the export's people (people.py).

The rules are the README's tables. Decisions where it is silent:

- A measure fed by two files (`reshares`, `group_posts`) is known from the earlier of the
  two files' first dated rows.
- `requests_accepted` also needs `Connections` (to match against) and invitee URLs;
  `decision_makers_added` needs a `Position` column; the message measures need the
  member's own profile URL (`parsers.member_url`). Without them those measures stay missing.
- A file present but without any dated row gives no week where its measures are known.
- `last_day` is the latest dated row of any file that feeds a weekly measure, `first_day`
  the earliest.
- In a conversation, the earliest countable message opens it (same instant: the lower line,
  since files list newest first); it is "replied" when someone else wrote at a later instant.
- 2018 messages (no sender URLs, no conversation ids) tell sent from received by
  `Direction`; the conversation measures stay missing.
- Recommendations_Received rows whose date is unreadable are left out of the checklist
  count too. A Profile file without a record says nothing about headline or about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ...model import NetworkSummary, WeekLog, week_of
from .parsers import Parsed, member_url
from .people import contacts
from .seniority import DECISION_MAKERS
from .types import Contact

MIN_SKILLS = 5
MIN_RECOMMENDATIONS = 3
_GENERATED_SUFFIX = re.compile(r"-(?=[^-]*\d)[a-z0-9]{6,}$", re.IGNORECASE)


@dataclass(frozen=True)
class Summary:
    """Everything `aggregate` works out; `__init__` adds the file reports around it."""

    weeks: tuple[WeekLog, ...] = ()
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    checklist: Mapping[str, bool] = field(default_factory=dict)
    checklist_evidence: Mapping[str, str] = field(default_factory=dict)
    network: NetworkSummary = field(default_factory=NetworkSummary)
    people: tuple[Contact, ...] = ()  # the export's people (people.py), as of `last_day`


@dataclass(frozen=True, eq=False)
class Events:
    """The parsed files by kind (archive.collect hands on one file per kind)."""

    frames: Mapping[str, pd.DataFrame]
    files: Mapping[str, str]  # kind -> file name, for evidence ("Skills.csv")
    member: str  # the member's normalised profile URL, "" when unknown
    # over the messages frame: countable messages the member sent (None: cannot tell), the
    # opening message of each conversation the member started, and of those the ones
    # someone else answered later (all False when that cannot be told)
    mine: pd.Series | None
    started: pd.Series
    replied: pd.Series

    def has(self, kind: str) -> bool:
        return kind in self.frames

    def get(self, kind: str) -> pd.DataFrame:
        return self.frames.get(kind, pd.DataFrame({"line": []}))


def aggregate(parsed: Sequence[Parsed]) -> Summary:
    events = collect_events(parsed)
    sources = weekly_sources(events)
    last = _last_day(sources)
    done, why = checklist(events)
    return Summary(weeks=count_weeks(sources, last), first_day=_first_day(sources),
                   last_day=last, checklist=done, checklist_evidence=why,
                   network=network(events),
                   people=contacts(events.frames, events.member, events.mine,
                                   events.started, last))


def collect_events(parsed: Sequence[Parsed]) -> Events:
    """The frames by kind; a file with a Problem counts as absent, and should a kind come
    twice the first file is used."""
    usable = [item for item in parsed if item.problem is None]
    frames = {item.kind: item.events for item in reversed(usable)}
    files = {item.kind: item.file for item in reversed(usable)}
    member = member_url(frames.get("invitations", pd.DataFrame()),
                        frames.get("messages", pd.DataFrame()))
    messages = frames.get("messages", pd.DataFrame({"line": []}))
    mine = _sent_by_member(messages, member)
    if mine is not None and "conversation" in messages:
        started, replied = _conversation_openers(messages, mine)
    else:
        started = replied = pd.Series(False, index=messages.index)
    return Events(frames, files, member, mine, started, replied)


def _sent_by_member(messages: pd.DataFrame, member: str) -> pd.Series | None:
    """Countable messages the member sent: by Direction (2018), else by sender URL; None
    when the export does not tell."""
    if "outgoing" in messages:
        return messages["is_countable"] & messages["outgoing"]
    if member and "sender" in messages:
        return messages["is_countable"] & (messages["sender"] == member)
    return None


# ---- weekly counts ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Source:
    """The dated rows of one file that one measure counts, and since when it knows."""

    kind: str
    weeks: pd.Series  # the Monday (naive midnight) of each counted row
    first: dt.date  # the file's earliest dated row: the measure is known from its week
    last: dt.date  # the file's latest dated row


def weekly_sources(events: Events) -> dict[str, list[Source]]:
    """measure key -> the files and rows it counts; measures that cannot be known are
    absent."""
    sources: dict[str, list[Source]] = {}
    for measure, kind, rows in _measure_rows(events):
        frame = events.get(kind)
        days = _days(frame)
        if days.dropna().empty:
            continue
        counted = _monday(days[rows].dropna())
        sources.setdefault(measure, []).append(
            Source(kind, counted, days.min().date(), days.max().date()))
    return sources


def _measure_rows(events: Events) -> Iterable[tuple[str, str, pd.Series]]:
    """(measure, kind, which rows of that kind's frame count) per README rule.

    A row of the feed files lands in exactly one measure (README, "One row, one measure"):
    a Shares row is a group post if its link is a groupPost, else a reshare if bare, else a
    post; a Comments row is a group post if it is on a groupPost, else a comment written;
    an InstantReposts row is always a reshare.
    """
    def when(kind: str, rule: Callable[[pd.DataFrame], pd.Series]) -> pd.Series | None:
        return rule(events.get(kind)).astype(bool) if events.has(kind) else None

    rules: list[tuple[str, str, pd.Series | None]] = [
        ("posts", "shares", when("shares", lambda f: ~f["is_group"] & ~f["is_bare_repost"])),
        ("reshares", "shares", when("shares", lambda f: ~f["is_group"] & f["is_bare_repost"])),
        ("reshares", "instant_reposts", when("instant_reposts", _every_row)),
        ("group_posts", "shares", when("shares", lambda f: f["is_group"])),
        ("group_posts", "comments", when("comments", lambda f: f["is_group"])),
        ("comments_written", "comments", when("comments", lambda f: ~f["is_group"])),
        ("reactions_given", "reactions", when("reactions", _every_row)),
        ("votes", "votes", when("votes", _every_row)),
        ("people_searches", "search_queries", when("search_queries", _every_row)),
        ("requests_sent", "invitations", when("invitations", lambda f: f["outgoing"])),
        ("invitations_received", "invitations", when("invitations", lambda f: ~f["outgoing"])),
        ("recommendations_given", "recommendations_given",
         when("recommendations_given", _every_row)),
        ("recommendations_received", "recommendations_received",
         when("recommendations_received", _every_row)),
        ("connections_added", "connections", when("connections", _every_row)),
    ]
    if "seniority" in events.get("connections"):
        rules.append(("decision_makers_added", "connections",
                      when("connections", lambda f: f["seniority"].isin(DECISION_MAKERS))))
    if events.has("connections") and "invitee" in events.get("invitations"):
        rules.append(("requests_accepted", "invitations",
                      when("invitations", lambda f: _accepted(f, events.get("connections")))))
    rules += _message_rules(events)
    return [(measure, kind, rows) for measure, kind, rows in rules if rows is not None]


def _every_row(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=frame.index)


def _accepted(invitations: pd.DataFrame, connections: pd.DataFrame) -> pd.Series:
    """Outgoing invitations whose invitee is now a connection."""
    urls = set(connections.loc[connections["url"] != "", "url"])
    return invitations["outgoing"] & invitations["invitee"].isin(urls)


def _message_rules(events: Events) -> list[tuple[str, str, pd.Series | None]]:
    if events.mine is None:
        return []
    messages = events.get("messages")
    rules: list[tuple[str, str, pd.Series | None]] = [
        ("messages_sent", "messages", events.mine),
        ("messages_received", "messages", messages["is_countable"] & ~events.mine)]
    if "conversation" in messages:
        rules += [("conversations_started", "messages", events.started),
                  ("replies_received", "messages", events.replied)]
    return rules


def _conversation_openers(messages: pd.DataFrame, mine: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Row masks: the opening message of each conversation the member started, and of those
    the ones where someone else wrote at a later instant."""
    countable = messages[messages["is_countable"]]
    ordered = countable.sort_values(["at", "line"], ascending=[True, False], kind="stable")
    openers = ordered.drop_duplicates("conversation")
    by_member = openers[mine[openers.index]]
    others = countable[~mine[countable.index]]
    if others.empty:  # nobody else wrote: no replies (and map() over nothing fails)
        answered = pd.Series(False, index=by_member.index)
    else:
        last_other = others.groupby("conversation")["at"].max()
        answered = by_member["conversation"].map(last_other) > by_member["at"]
    started = pd.Series(messages.index.isin(by_member.index), index=messages.index)
    replied = pd.Series(messages.index.isin(by_member.index[answered.fillna(False)]),
                        index=messages.index)
    return started, replied


def _days(frame: pd.DataFrame) -> pd.Series:
    """The day of each row (UTC for instants, as written for `on`), naive midnights."""
    if "at" in frame:
        return frame["at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    if "on" in frame:
        return frame["on"]
    return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[us]")


def _monday(days: pd.Series) -> pd.Series:
    return days - pd.to_timedelta(days.dt.weekday, unit="D")


def _last_day(sources: Mapping[str, list[Source]]) -> dt.date | None:
    lasts = [s.last for parts in sources.values() for s in parts]
    return max(lasts) if lasts else None


def _first_day(sources: Mapping[str, list[Source]]) -> dt.date | None:
    firsts = [s.first for parts in sources.values() for s in parts]
    return min(firsts) if firsts else None


def count_weeks(sources: Mapping[str, list[Source]], last: dt.date | None) -> tuple[WeekLog, ...]:
    """One WeekLog per week in which anything is known, oldest first."""
    if last is None:
        return ()
    final = week_of(last)
    starts = {measure: week_of(min(s.first for s in parts))
              for measure, parts in sources.items()}
    tallies = {measure: _tally(parts) for measure, parts in sources.items()}
    weeks = []
    monday = min(starts.values())
    while monday <= final:
        counts = {measure: tallies[measure].get(monday, 0)
                  for measure, start in starts.items() if start <= monday}
        if counts:
            weeks.append(WeekLog(monday, counts))
        monday += dt.timedelta(days=7)
    return tuple(weeks)


def _tally(parts: Sequence[Source]) -> dict[dt.date, int]:
    tally: dict[dt.date, int] = {}
    for source in parts:
        for monday, n in source.weeks.value_counts().items():
            day = monday.date()
            tally[day] = tally.get(day, 0) + int(n)
    return tally


# ---- checklist facts -------------------------------------------------------------------------

Facts = tuple[dict[str, bool], dict[str, str]]


def checklist(events: Events) -> Facts:
    """Checklist item -> done, and why, only where a file in the export gives evidence."""
    done: dict[str, bool] = {}
    why: dict[str, str] = {}

    def note(item: str, value: bool, kind: str, evidence: str) -> None:
        done[item] = value
        why[item] = f"{events.files[kind]}: {evidence}"

    _photos(events, note)
    _profile(events, note)
    _positions(events, note)
    _counted(events, note)
    _certifications(events, note)
    _custom_url(events, note)
    return done, why


Note = Callable[[str, bool, str, str], None]


def _photos(events: Events, note: Note) -> None:
    """Rich_Media lists uploads; no line is no evidence (older exports list none)."""
    uploads = set(events.get("rich_media").get("upload", pd.Series(dtype=str)))
    for item, upload in (("photo", "profile photo"),
                         ("background_photo", "profile background photo")):
        if upload in uploads:
            note(item, True, "rich_media", f"you uploaded a {upload}")


def _profile(events: Events, note: Note) -> None:
    profile = events.get("profile")
    if not events.has("profile") or profile.empty:
        return
    for item, flag, label in (("headline", "has_headline", "Headline"),
                              ("about", "has_summary", "Summary")):
        filled = bool(profile[flag].any())
        note(item, filled, "profile", f"{label} {'filled in' if filled else 'empty'}")


def _positions(events: Events, note: Note) -> None:
    if not events.has("positions"):
        return
    positions = events.get("positions")
    current = int((positions["is_current"] & positions["has_description"]).sum())
    past = int((~positions["is_current"]).sum())
    note("current_role", current > 0, "positions",
         f"{_plural(current, 'current role')} with a description")
    note("past_roles", past > 0, "positions", _plural(past, "past role"))


def _counted(events: Events, note: Note) -> None:
    """Items done when a file has enough rows."""
    for item, kind, least, noun in (
            ("education", "education", 1, "school"),
            ("skills", "skills", MIN_SKILLS, "skill"),
            ("volunteering", "volunteering", 1, "volunteering role"),
            ("three_recommendations", "recommendations_received", MIN_RECOMMENDATIONS,
             "recommendation received"),
            ("endorsements", "endorsements_received", 1, "endorsement received")):
        if events.has(kind):
            rows = len(events.get(kind))
            note(item, rows >= least, kind, _plural(rows, noun))


def _certifications(events: Events, note: Note) -> None:
    """Done when Certifications or Courses has a row; not done only when both are there
    and empty (LinkedIn leaves out the files that do not apply)."""
    present = [kind for kind in ("certifications", "courses") if events.has(kind)]
    with_rows = [kind for kind in present if len(events.get(kind))]
    if with_rows:
        kind = with_rows[0]
        note("certifications", True, kind, _plural(len(events.get(kind)), kind[:-1]))
    elif len(present) == 2:
        note("certifications", False, "certifications", "no certifications or courses")


def _custom_url(events: Events, note: Note) -> None:
    """The slug of the member's URL: a generated one ends in "-" + 6+ letters and digits
    with a digit among them (ada-example-1a2b3c)."""
    if not events.member:
        return
    kind = "invitations" if _member_from_invitations(events) else "messages"
    slug = events.member.rstrip("/").rsplit("/", 1)[-1]
    generated = bool(_GENERATED_SUFFIX.search(slug))
    note("custom_url", not generated, kind,
         "your profile URL ends in a generated suffix" if generated
         else "your profile URL has no generated suffix")


def _member_from_invitations(events: Events) -> bool:
    invitations = events.get("invitations")
    return "inviter" in invitations and bool(
        (invitations["outgoing"] & (invitations["inviter"] == events.member)).any())


def _plural(n: int, noun: str) -> str:
    if n == 1:
        return f"1 {noun}"
    return f"{n:,} {noun}s" if not noun.endswith(" received") else \
        f"{n:,} {noun.removesuffix(' received')}s received"


# ---- network summary -------------------------------------------------------------------------

def network(events: Events) -> NetworkSummary:
    connections = events.get("connections")
    invitations = events.get("invitations")
    sent = invitations[invitations["outgoing"]] if "outgoing" in invitations else invitations
    accepted = (int(_accepted(sent, connections).sum())
                if events.has("connections") and "invitee" in sent else 0)
    return NetworkSummary(
        connections_by_month=_connections_by_month(connections),
        undated_connections=int(connections["on"].isna().sum()) if "on" in connections else 0,
        invitations_sent=len(sent), invitations_accepted=accepted,
        conversations_started=int(events.started.sum()),
        conversations_replied=int(events.replied.sum()),
        by_weekday=_by_weekday(events))


def _connections_by_month(connections: pd.DataFrame) -> dict[str, dict[str, int]]:
    if "on" not in connections:
        return {}
    dated = connections[connections["on"].notna()]
    classes = dated["seniority"] if "seniority" in dated else pd.Series("unknown",
                                                                         index=dated.index)
    months = dated["on"].dt.year * 100 + dated["on"].dt.month  # 202607: quicker than strftime
    counts = pd.DataFrame({"month": months, "cls": classes}).value_counts().sort_index()
    result: dict[str, dict[str, int]] = {}
    for (month, cls), n in counts.items():
        result.setdefault(f"{month // 100:04d}-{month % 100:02d}", {})[str(cls)] = int(n)
    return result


def _by_weekday(events: Events) -> tuple[int, int, int, int, int, int, int]:
    """What the member did, by weekday of the UTC instant (Monday first): every Shares row,
    dated Comments, Reactions, Votes, InstantReposts, messages sent, invitations sent."""
    instants = [events.get(kind)["at"] for kind in
                ("shares", "comments", "reactions", "votes", "instant_reposts")
                if "at" in events.get(kind)]
    invitations = events.get("invitations")
    if "outgoing" in invitations:
        instants.append(invitations.loc[invitations["outgoing"], "at"])
    if events.mine is not None:
        instants.append(events.get("messages").loc[events.mine, "at"])
    days = [0] * 7
    for at in instants:
        for weekday, n in at.dropna().dt.weekday.value_counts().items():
            days[int(weekday)] += int(n)
    return (days[0], days[1], days[2], days[3], days[4], days[5], days[6])
