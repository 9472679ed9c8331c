"""Synthetic LinkedIn data exports, faithful to the quirks of the real files, together with
what a correct import must find in them.

`make_export(ExportSpec(...))` writes one export (one zip, a Basic + Complete pair, or loose
CSV files) from a seed, and computes the expected result *while generating*, from the events
themselves rather than by reading the files back. The byte formats follow
`docs/linkedin-export.md` (§ numbers below refer to it) and the counting rules follow
`py/ssi_coach/importers/linkedin/README.md`.

Everything is fictional: the owner is "Ada Example", the others are made of ordinary first
names and obviously fake last names (Sample, Demo, Placeholder...), links point at
linkedin.com profiles that do not exist or at example.com.

Three variants of the format (`ExportSpec.variant`):

- `"2026"` (V2026): member-id suffixes (`Shares_<digits>.csv`...), `messages.csv` fully quoted
  with draft columns and raw LF inside CONTENT, `Comments` with `\\"` escapes, `Connections`
  with the `Notes:` preamble, a URL column and no final newline, `Rich_Media.csv` in prose,
  `InstantReposts_<id>.csv` and `Volunteering.csv`.
- `"2024-03"` (V2024_03): plain names, `Rich Media.csv` (old `Type,Link` form), CRLF activity
  files, `Comments` with `""`, `Shares` header `SharedURL,MediaURL` with empty URLs written as
  nothing, minimally quoted `messages.csv` without draft columns and without line breaks.
- `"2018"` (V2018): `Shares.csv` and `Search Queries.csv` in UTF-16LE with a BOM, TAB-separated,
  every field quoted; `Messages.csv` as `From,To,Date,Subject,Content,Direction,Folder`;
  `Connections.csv` without preamble, URL or email privacy note, dated `1/8/18, 6:14 PM`;
  `Invitations.csv` without profile URLs. No Comments, Reactions, Votes, Recommendations,
  Endorsements, Certifications, Courses, Volunteering or Rich Media files (none existed).

Decisions where the importer's README leaves room (the lead aligns the importer or the README):

- The export's last day is the latest dated row of the files that feed weekly measures; the
  generator always puts a reaction, a search and a connection on `spec.last_day`, so it is the
  same as the date in the zip's name.
- A measure fed by two files (`reshares`: Shares + InstantReposts, `group_posts`: Shares +
  Comments) is known from the earliest first row of the two (the union of their ranges).
- "The file's earliest dated row" counts every row with a readable date, also rows that are
  not counted (drafts, SPAM, sponsored messages).
- `requests_accepted` needs `Connections` too: it is missing when `Connections` is absent and
  in 2018 (no profile URLs to match); `network.invitations_accepted` is 0 then.
- 2018 messages: sent/received from `Direction` (`OUTGOING`/`INCOMING`), dates read as
  Pacific like other `M/d/yy` times; no conversation ids, so `conversations_started` and
  `replies_received` are missing and the network's conversation numbers are 0.
- `by_weekday` counts every `Shares` row (posts, group posts, bare reposts), every dated
  `Comments` row, every `Reactions`, `Votes` and `InstantReposts` row, countable messages sent
  and outgoing invitations, by the weekday of the UTC instant.
- `connections_by_month` lists only classes with a count (no zeros); date-only rows count
  under "unknown" (their Position is empty).

The export's people (`Expected.contacts`, by profile URL) follow the importer's README, "The
export's people": connections with a URL, the other side of invitations not accepted, and
everyone the member exchanged a countable message with; in 2018 nobody (no URL anywhere). Some
of the people the member writes with are connections or invitees (every fourth of the message
pool), so facts from several files meet on one person. `newer_export(spec, moved=...)` is the
same member's export some weeks later (the same people and events, dates shifted by whole weeks)
in which the given connections work elsewhere.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import random
import re
import uuid
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

# ---- variants and layouts -----------------------------------------------------------------

V2026, V2024_03, V2018 = "2026", "2024-03", "2018"
VARIANTS = (V2026, V2024_03, V2018)

ROOT, FOLDER, LOOSE = "root", "folder", "loose"  # CSVs at the zip root, in one folder, no zip
LAYOUTS = (ROOT, FOLDER, LOOSE)

DEFAULT_LAST_DAY = dt.date(2026, 11, 20)
OWNER_FIRST, OWNER_LAST = "Ada", "Example"
CUSTOM_SLUG = "ada-example"
GENERATED_SLUG = "ada-example-4b7a2c19"  # LinkedIn's generated form: "-" + letters and digits

# ---- job titles: the seniority classes the importer must find ------------------------------

C_SUITE, VP, OWNER, DIRECTOR, HEAD, OTHER, UNKNOWN = (
    "c_suite", "vp", "owner", "director", "head", "other", "unknown")
SENIORITY_CLASSES = (C_SUITE, VP, OWNER, DIRECTOR, HEAD, OTHER, UNKNOWN)

# title -> (seniority class, is a decision maker). C-suite: chief, CxO, president (not vice
# president); VP: VP/SVP/EVP/AVP/vice president; owner: founder, owner, partner as a rank;
# director; head: "Head of ..." / "Head, ...". Decision makers: those five classes.
TITLES: dict[str, tuple[str, bool]] = {
    "Chief Executive Officer": (C_SUITE, True),
    "CFO": (C_SUITE, True),
    "Chief Revenue Officer": (C_SUITE, True),
    "President": (C_SUITE, True),
    "Co-Founder & CEO": (C_SUITE, True),
    "VP Sales": (VP, True),
    "Vice President, Marketing": (VP, True),
    "SVP, Engineering": (VP, True),
    "Founder": (OWNER, True),
    "Co-Founder": (OWNER, True),
    "Owner": (OWNER, True),
    "Managing Partner": (OWNER, True),
    "Partner": (OWNER, True),
    "Director of Operations": (DIRECTOR, True),
    "Managing Director": (DIRECTOR, True),
    "Head of Growth": (HEAD, True),
    "Head, Customer Success": (HEAD, True),
    "Software Engineer": (OTHER, False),
    "Partner Manager": (OTHER, False),
    "Channel Partner Manager": (OTHER, False),
    "Account Executive": (OTHER, False),
    "Sales Development Representative": (OTHER, False),
    "Data Science Intern": (OTHER, False),
    "Product Designer": (OTHER, False),
    "": (UNKNOWN, False),
}
# How often each title is drawn: about a third of the connections are decision makers.
_TITLE_WEIGHTS = {"": 6, "Software Engineer": 12, "Account Executive": 10,
                  "Sales Development Representative": 8, "Product Designer": 8,
                  "Data Science Intern": 4, "Partner Manager": 4, "Channel Partner Manager": 3}
_TITLE_DRAW: tuple[str, ...] = tuple(
    title for title in TITLES for _ in range(_TITLE_WEIGHTS.get(title, 2)))

# ---- measures and the files they come from --------------------------------------------------

# Canonical kinds of file (our names, not the importer's).
CONNECTIONS, MESSAGES, INVITATIONS = "connections", "messages", "invitations"
SHARES, COMMENTS, REACTIONS, VOTES, INSTANT_REPOSTS = (
    "shares", "comments", "reactions", "votes", "instant_reposts")
SEARCH_QUERIES = "search_queries"
RECOMMENDATIONS_GIVEN, RECOMMENDATIONS_RECEIVED = (
    "recommendations_given", "recommendations_received")
ENDORSEMENTS_RECEIVED = "endorsements_received"
SKILLS, POSITIONS, EDUCATION, CERTIFICATIONS, COURSES, VOLUNTEERING, LANGUAGES = (
    "skills", "positions", "education", "certifications", "courses", "volunteering",
    "languages")
RICH_MEDIA, PROFILE = "rich_media", "profile"

KINDS = (CONNECTIONS, MESSAGES, INVITATIONS, SHARES, COMMENTS, REACTIONS, VOTES,
         INSTANT_REPOSTS, SEARCH_QUERIES, RECOMMENDATIONS_GIVEN, RECOMMENDATIONS_RECEIVED,
         ENDORSEMENTS_RECEIVED, SKILLS, POSITIONS, EDUCATION, CERTIFICATIONS, COURSES,
         VOLUNTEERING, LANGUAGES, RICH_MEDIA, PROFILE)
BASIC_KINDS = frozenset({CONNECTIONS, POSITIONS, INVITATIONS})  # the rest goes to Complete

_NOT_2018 = frozenset({COMMENTS, REACTIONS, VOTES, INSTANT_REPOSTS, RECOMMENDATIONS_GIVEN,
                       RECOMMENDATIONS_RECEIVED, ENDORSEMENTS_RECEIVED, CERTIFICATIONS,
                       COURSES, VOLUNTEERING, RICH_MEDIA})
VARIANT_KINDS: dict[str, frozenset[str]] = {
    V2026: frozenset(KINDS),
    V2024_03: frozenset(KINDS) - {INSTANT_REPOSTS, VOLUNTEERING},
    V2018: frozenset(KINDS) - _NOT_2018,
}

# measure key -> the kinds of file it is counted from (README, "Weekly counts").
MEASURE_SOURCES: dict[str, tuple[str, ...]] = {
    "posts": (SHARES,),
    "reshares": (SHARES, INSTANT_REPOSTS),
    "group_posts": (SHARES, COMMENTS),
    "comments_written": (COMMENTS,),
    "reactions_given": (REACTIONS,),
    "votes": (VOTES,),
    "people_searches": (SEARCH_QUERIES,),
    "requests_sent": (INVITATIONS,),
    "invitations_received": (INVITATIONS,),
    "requests_accepted": (INVITATIONS,),  # and Connections must be there to tell
    "connections_added": (CONNECTIONS,),
    "decision_makers_added": (CONNECTIONS,),
    "messages_sent": (MESSAGES,),
    "messages_received": (MESSAGES,),
    "conversations_started": (MESSAGES,),
    "replies_received": (MESSAGES,),
    "recommendations_given": (RECOMMENDATIONS_GIVEN,),
    "recommendations_received": (RECOMMENDATIONS_RECEIVED,),
}
WEEKLY_KEYS = tuple(MEASURE_SOURCES)


def week_of(day: dt.date) -> dt.date:
    """The Monday of the ISO week `day` falls in."""
    return day - dt.timedelta(days=day.weekday())


def has_generated_suffix(slug: str) -> bool:
    """LinkedIn's generated slug ending: "-" + 6 or more letters and digits, with a digit."""
    match = re.search(r"-([A-Za-z0-9]{6,})$", slug)
    return bool(match and any(c.isdigit() for c in match.group(1)))


# ---- the spec -------------------------------------------------------------------------------

_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ExportSpec:
    """What to generate. Counts are rows of the member's own activity; a variant without the
    file for a kind (2018 has no Comments, for instance) ignores its count."""

    seed: int = 1
    last_day: dt.date = DEFAULT_LAST_DAY  # the day of the export
    weeks: int = 52  # history: the oldest events are about this many weeks old
    variant: str = V2026
    # network
    connections: int = 150  # Connections rows, date-only rows included
    hidden_connections: int = 3  # date-only rows (",,,,,,14 Sep 2024")
    invitations_out: int = 40
    invitations_accepted: int = 24  # outgoing ones whose invitee is now in Connections
    invitations_in: int = 20  # half of them (rounded down) were accepted by the member
    # messages
    conversations: int = 60
    messages: int = 400  # ordinary messages, spread over the conversations (>= 1 each)
    sponsored_messages: int = 2  # Sponsored Conversation rows (2024-03, 2026)
    spam_messages: int = 2  # rows in the SPAM folder
    draft_messages: int = 2  # IS MESSAGE DRAFT = Yes (2026 only)
    # feed
    posts: int = 30  # own posts: one line, several lines, or an image alone
    group_posts: int = 4  # Shares rows with a groupPost link; the 2nd, 5th... are bare reposts
    bare_reposts: int = 5  # Shares rows without commentary and media
    instant_reposts: int = 6  # InstantReposts rows (2026 only)
    comments: int = 50  # dated Comments rows, group_comments included
    group_comments: int = 5  # comments on groupPost links: group posts, not comments written
    blank_date_comments: int = 0  # extra Comments rows with an empty Date (§3.5)
    reactions: int = 120
    votes: int = 6
    searches: int = 60
    # profile
    recommendations_given: int = 2
    recommendations_received: int = 3
    endorsements: int = 10  # Endorsement_Received_Info rows
    skills: int = 8
    current_positions: int = 1
    current_role_description: bool = True
    past_positions: int = 2
    education: int = 1
    certifications: int = 1
    courses: int = 0
    volunteering: int = 1
    languages: int = 2
    headline: bool = True
    about: bool = True
    profile_photo: bool = True  # "You uploaded a profile photo" in Rich_Media (2026 only)
    background_photo: bool = True
    rich_media: int = 3  # other Rich_Media rows (video, document, feed photo)
    owner_slug: str = CUSTOM_SLUG  # CUSTOM_SLUG, GENERATED_SLUG or any other slug
    # layout and damage
    layout: str = ROOT
    split: bool = False  # Basic (Connections, Positions, Invitations) + Complete zips
    macosx: bool = False  # __MACOSX/ and .DS_Store junk in the zips
    omit: frozenset[str] = _NONE  # kinds (KINDS) to leave out of the export
    corrupt_rows: int = 0  # extra Reactions rows with a wrong width or an unreadable date
    # (profile URL, company): connections shown at another company than they were drawn with
    moved: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        problems = []
        if self.variant not in VARIANTS:
            problems.append(f"variant must be one of {VARIANTS}")
        if self.layout not in LAYOUTS:
            problems.append(f"layout must be one of {LAYOUTS}")
        if self.weeks < 1:
            problems.append("weeks must be at least 1")
        if self.invitations_accepted > self.invitations_out:
            problems.append("invitations_accepted cannot exceed invitations_out")
        if (self.invitations_accepted + self.invitations_in // 2 + self.hidden_connections
                > self.connections):
            problems.append("connections must hold the accepted invitations and hidden rows")
        if self.group_comments > self.comments:
            problems.append("group_comments cannot exceed comments")
        if self.messages < self.conversations or (self.messages and not self.conversations):
            problems.append("every conversation needs a message, and every message a "
                            "conversation: messages >= conversations > 0, or both 0")
        if unknown := set(self.omit) - set(KINDS):
            problems.append(f"unknown kinds in omit: {sorted(unknown)}")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def owner_url(self) -> str:
        return f"https://www.linkedin.com/in/{self.owner_slug}"

    @property
    def member_id(self) -> int:
        """The digits of 2026's file suffixes (`Shares_<id>.csv`)."""
        return 100_000_000 + (self.seed * 7_919_317) % 900_000_000

    @classmethod
    def large(cls, **changes: object) -> ExportSpec:
        """About ten years of a very active member (for benchmarks)."""
        sizes: dict[str, object] = dict(
            weeks=520, connections=8000, hidden_connections=160, invitations_out=2000,
            invitations_accepted=1200, invitations_in=1000, conversations=6000,
            messages=60000, sponsored_messages=40, spam_messages=30, draft_messages=20,
            posts=1500, group_posts=120, bare_reposts=200, instant_reposts=150,
            comments=2500, group_comments=150, reactions=6000, votes=120, searches=3000,
            recommendations_given=12, recommendations_received=9, endorsements=300,
            skills=40, past_positions=6, education=2, certifications=5, courses=4,
            volunteering=2, languages=3, rich_media=40)
        sizes.update(changes)
        return cls(**sizes)  # type: ignore[arg-type]


def newer_export(spec: ExportSpec, moved: Mapping[str, str], weeks_later: int = 4) -> ExportSpec:
    """The same member's export `weeks_later` weeks on: the same seed draws the same people
    and events (whole weeks keep every weekday, so every random draw), shifted in time, and
    the connections in `moved` (profile URL -> company) now work at another company."""
    return replace(spec, last_day=spec.last_day + dt.timedelta(weeks=weeks_later),
                   moved=tuple(sorted({**dict(spec.moved), **moved}.items())))


# ---- the result ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpectedNetwork:
    """Same fields as the importer's `NetworkSummary`."""

    connections_by_month: dict[str, dict[str, int]] = field(default_factory=dict)
    undated_connections: int = 0
    invitations_sent: int = 0
    invitations_accepted: int = 0
    conversations_started: int = 0
    conversations_replied: int = 0
    by_weekday: tuple[int, int, int, int, int, int, int] = (0, 0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class ExpectedContact:
    """Same fields as the importer's `Contact`, with its facts' fields flattened (the facts'
    `as_of` is `Expected.last_day`)."""

    name: str
    company: str = ""
    position: str = ""
    seniority: str = UNKNOWN
    link: str = "none"  # "connected", "invited", "invited_me" or "none"
    connected_on: dt.date | None = None
    invited_on: dt.date | None = None
    messages_sent: int = 0
    messages_received: int = 0
    last_contact: dt.date | None = None
    started_by_member: bool | None = None
    replied: bool | None = None


@dataclass(frozen=True)
class Expected:
    """What a correct import of the export finds."""

    # Monday -> measure key -> count; a key is absent where the measure is missing, a week
    # is absent where nothing is known. Oldest week first.
    weeks: dict[dt.date, dict[str, int]]
    first_day: dt.date | None  # earliest dated row of the files behind the weekly measures
    last_day: dt.date | None  # latest one (= spec.last_day unless those files are empty)
    checklist: dict[str, bool]  # only the items the export gives evidence for
    network: ExpectedNetwork
    rows_read: dict[str, int]  # file base name -> records read (bad rows excluded)
    bad_rows: list[tuple[str, int]]  # (file base name, physical line) of corrupt rows
    known_from: dict[str, dt.date]  # measure key -> first Monday where it is known
    owner_url: str | None  # the member's profile URL as the export tells it (None in 2018)
    contacts: dict[str, ExpectedContact] = field(default_factory=dict)  # by profile URL

    def total(self, key: str) -> int:
        """A measure summed over all weeks."""
        return sum(counts.get(key, 0) for counts in self.weeks.values())


@dataclass(frozen=True)
class GeneratedExport:
    spec: ExportSpec
    uploads: list[tuple[str, bytes]]  # what the member drops: zips or loose CSVs
    files: dict[str, bytes]  # every CSV by its base name, as written
    expected: Expected


# ---- writing values -------------------------------------------------------------------------

_NEEDS_QUOTES = re.compile(r'[,"\r\n]|^ | $')
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_UTC = dt.UTC
_PACIFIC = ZoneInfo("America/Los_Angeles")

Quote = Callable[[str], str]


def _minimal(value: str) -> str:
    """RFC 4180 as LinkedIn writes it: quotes only when needed, inner quotes doubled."""
    if _NEEDS_QUOTES.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def _always(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _backslashed(value: str) -> str:
    """Comments since 2025: inner quotes as \\" (§2.3 3)."""
    if _NEEDS_QUOTES.search(value):
        return '"' + value.replace('"', '\\"') + '"'
    return value


def _empty_quoted(value: str) -> str:
    """Shares since Jun 2024: empty URLs are written as ""."""
    return '""' if value == "" else _minimal(value)


def _line(values: Sequence[str], quote: Quote = _minimal, sep: str = ",") -> str:
    return sep.join(quote(v) for v in values)


def wrap_share_commentary(text: str) -> str:
    """The value LinkedIn stores for a multi-line post (§3.4): every line but the last ends
    with a quote, every line but the first starts with one. One line stays as it is."""
    return '"\n"'.join(text.split("\n"))


def _iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


def _iso_utc(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S UTC")


def _slashed_utc(t: dt.datetime) -> str:
    return t.strftime("%Y/%m/%d %H:%M:%S UTC")


def _day_month_year(day: dt.date) -> str:
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def _clock(t: dt.datetime, pad: bool) -> str:
    hour = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    return f"{hour:02d}:{t.minute:02d} {ampm}" if pad else f"{hour}:{t.minute:02d} {ampm}"


def _us(t: dt.datetime, pad: bool = False) -> str:
    """`7/8/26, 9:34 PM`, or zero-padded `07/08/26, 09:34 PM` (Recommendations)."""
    if pad:
        return f"{t.month:02d}/{t.day:02d}/{t.year % 100:02d}, {_clock(t, True)}"
    return f"{t.month}/{t.day}/{t.year % 100:02d}, {_clock(t, False)}"


def _pacific(utc: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """(wall clock in Los Angeles to the minute, the UTC instant that text stands for).

    A time in the repeated autumn hour is written as its first occurrence, which is how
    any reader takes it, so the text and the instant agree."""
    local = utc.replace(tzinfo=_UTC).astimezone(_PACIFIC).replace(second=0, fold=0)
    return local.replace(tzinfo=None), local.astimezone(_UTC).replace(tzinfo=None)


def _from_pacific(local: dt.datetime) -> dt.datetime:
    return local.replace(tzinfo=_PACIFIC).astimezone(_UTC).replace(tzinfo=None)


def _rich_media_when(t: dt.datetime) -> str:
    return (f"{_MONTH_NAMES[t.month - 1]} {t.day}, {t.year} at "
            f"{_clock(t, False)} (GMT)")


# ---- people ---------------------------------------------------------------------------------

_FIRST = ("Bob", "Carol", "Dan", "Erin", "Frank", "Grace", "Hugo", "Iris", "Jack", "Kim",
          "Liam", "Mia", "Noor", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vic",
          "Wes", "Xena", "Yuri", "Zoë", "Ines", "Olaf", "Ren")
_LAST = ("Sample", "Demo", "Placeholder", "Testperson", "Mockley", "Fakename", "Dummy",
         "Specimen", "Fixture", "Stubbs", "Prototype", "Draftwell", "Exemplar", "Exämple")
_CREDENTIALS = (", MBA", ", B.S", ", MA", ", Ph.D.", ", FICS (UK), MSc (SE)")
_COMPANIES = ("Example Corp", "Sample & Sons, Inc.", "Demo GmbH", "Placeholder Labs",
              "Fixture Foods", "Mockley Consulting", "Stub Systems", "Acme Example Ltd")


@dataclass(frozen=True, slots=True)
class _Person:
    first: str  # as written, maybe with a leading space
    last: str  # may carry credentials with a comma ("Demo, MBA")
    url: str
    title: str  # a key of TITLES, as classified
    title_written: str  # as written: maybe a trailing tab, space or comma
    company: str
    email: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _name(person: _Person) -> str:
    """A name as the importer reads it: the leading space of a first name trimmed."""
    return f"{person.first.strip()} {person.last}"


@dataclass
class _Exchange:
    """The countable messages between the owner and one person, so far."""

    person: _Person
    sent: int = 0
    received: int = 0
    last: dt.datetime | None = None
    replied: bool = False
    opened: dt.datetime | None = None  # when their earliest conversation opened
    started: bool = False  # whether the owner opened it


class _People:
    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.seed = seed
        self.made = 0

    def new(self) -> _Person:
        rng = self.rng
        i = self.made
        self.made += 1
        first = _FIRST[rng.randrange(len(_FIRST))]
        last = _LAST[rng.randrange(len(_LAST))]
        suffix = f"{(i + self.seed * 1_000_003) * 2_654_435_761 % 4_294_967_296:08x}"
        url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{suffix}"
        roll = rng.random()
        shown_last = last + _CREDENTIALS[rng.randrange(len(_CREDENTIALS))] if roll < 0.05 else last
        shown_first = " " + first if 0.05 <= roll < 0.08 else first
        title = _TITLE_DRAW[rng.randrange(len(_TITLE_DRAW))]
        decoration = rng.random()
        written = title
        if title and decoration < 0.04:
            written = title + "\t"
        elif title and decoration < 0.07:
            written = title + " "
        elif title and decoration < 0.09:
            written = title + ","
        company = _COMPANIES[rng.randrange(len(_COMPANIES))] if title or roll > 0.5 else ""
        email = f"{first.lower()}.{last.lower()}{i}@example.com" if rng.random() < 0.03 else ""
        return _Person(shown_first, shown_last, url, title, written, company, email)


# ---- texts ------------------------------------------------------------------------------------

_SENTENCES = (
    "Thanks for connecting!", "Great to meet you at the Example Summit.",
    "Would you have 15 minutes next week?", "Happy to share the deck, see attached.",
    'Loved your post on "pipeline hygiene", so true.', "Congrats on the new role!",
    "Let me check with the team, and get back to you.", "Sounds good, talk soon.",
    "Quick question about your onboarding process.", "Here is the link: https://example.com/demo",
    "Thank you 🙏", "Agreed — the numbers speak for themselves.",
)
_POST_LINES = (
    "🎉 Big News! 🎉 A Short Story", "I am happy to share that I have started a new role!",
    "Three lessons from 100 discovery calls:", "1. Listen more than you talk.",
    "2. Ask about the problem, not the budget.", "3. Follow up, then follow up again.",
    "What would you add?", "#sales #example #socialselling",
    'She said "premium clients only."', 'We call it the "Tuesday test".',
    "Hire Bob Sample! 👇  He's so talented!", "Numbers, not opinions, win the argument.",
)
_COMMENT_TEXTS = (
    "Great insight, thanks for sharing!", 'Someone called this a "cold pitch" and I think '
    "it's so accurate.", "Congrats!", "Exactly! Couldn't agree more.",
    'I\'d add one thing: "ask why twice".', "Well said, Bob.",
    "This is gold 👏", 'Totally agree."',
)
_SEARCHES = ("ada example", "vp sales saas", "head of growth, berlin", "Bob Sample",
             'founder "series a"', "director of operations", "example corp")
_SPONSORED = ('<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%, try Example '
              'Premium free for a month.</p><p class="spinmail-quill-editor__spin-break">'
              "Cheers, the Example team</p>")
_REACTION_TYPES = ("LIKE",) * 16 + ("PRAISE", "APPRECIATION", "EMPATHY", "INTEREST",
                                    "ENTERTAINMENT", "MAYBE", "FUNNY_V2")  # unknown one last


def _urn_number(rng: random.Random, t: dt.datetime) -> int:
    """Activity ids carry their creation time in the top bits, like LinkedIn's."""
    ms = int((t - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
    return (ms << 22) | rng.getrandbits(22)


def _encoded_link(kind: str, number: int | str) -> str:
    return f"https://www.linkedin.com/feed/update/urn%3Ali%3A{kind}%3A{number}"


def _plain_link(kind: str, number: int | str) -> str:
    return f"https://www.linkedin.com/feed/update/urn:li:{kind}:{number}"


# ---- generation -------------------------------------------------------------------------------


# A message row: (UTC instant, sender, folder, is a draft), and a conversation: (title,
# subject, the people other than the owner, its rows in order of time).
_Row = tuple[dt.datetime, "_Person", str, bool]
_Conversation = tuple[str, str, list["_Person"], list[_Row]]


@dataclass
class _File:
    kind: str  # one of KINDS, or "" for files the importer ignores
    name: str  # path inside the export ("Jobs/Saved Jobs.csv")
    data: bytes
    rows: int = 0  # records read


class _Export:
    def __init__(self, spec: ExportSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.people = _People(self.rng, spec.seed)
        self.end = dt.datetime.combine(spec.last_day, dt.time(23, 59, 59))
        self.owner_name = f"{OWNER_FIRST} {OWNER_LAST}"
        self.variant = spec.variant
        self.tally: dict[str, Counter[dt.date]] = defaultdict(Counter)
        self.earliest: dict[str, dt.date] = {}
        self.latest: dict[str, dt.date] = {}
        self.weekday = [0] * 7
        self.files: list[_File] = []
        self.bad_rows: list[tuple[str, int]] = []
        self.checklist: dict[str, bool] = {}
        self.by_month: dict[str, Counter[str]] = defaultdict(Counter)
        self.network: dict[str, int] = Counter()
        self.own_links: list[str] = []  # links of own posts, commented on sometimes
        self.owner_sent_messages = False
        self.contacts: dict[str, ExpectedContact] = {}  # connections and pending invitations
        self.reachable: list[_Person] = []  # the people in contacts, some of whom get written
        self.written: dict[str, _Exchange] = {}  # profile URL -> messages either way

    # -- helpers --

    def has(self, kind: str) -> bool:
        return kind in VARIANT_KINDS[self.variant] and kind not in self.spec.omit

    def file_name(self, kind: str) -> str:
        v = self.variant
        suffix = f"_{self.spec.member_id}" if v == V2026 else ""
        names = {
            CONNECTIONS: "Connections.csv", INVITATIONS: "Invitations.csv",
            MESSAGES: "Messages.csv" if v == V2018 else "messages.csv",
            SHARES: f"Shares{suffix}.csv", COMMENTS: f"Comments{suffix}.csv",
            REACTIONS: f"Reactions{suffix}.csv", VOTES: f"Votes{suffix}.csv",
            INSTANT_REPOSTS: f"InstantReposts{suffix}.csv",
            SEARCH_QUERIES: "Search Queries.csv" if v == V2018 else "SearchQueries.csv",
            RECOMMENDATIONS_GIVEN: "Recommendations_Given.csv",
            RECOMMENDATIONS_RECEIVED: "Recommendations_Received.csv",
            ENDORSEMENTS_RECEIVED: "Endorsement_Received_Info.csv",
            SKILLS: "Skills.csv", POSITIONS: "Positions.csv", EDUCATION: "Education.csv",
            CERTIFICATIONS: "Certifications.csv", COURSES: "Courses.csv",
            VOLUNTEERING: "Volunteering.csv", LANGUAGES: "Languages.csv",
            RICH_MEDIA: "Rich Media.csv" if v == V2024_03 else "Rich_Media.csv",
            PROFILE: "Profile.csv",
        }
        return names[kind]

    def crlf(self, kind: str) -> bool:
        """Mar 2024: the activity files end their lines with CRLF."""
        return self.variant == V2024_03 and kind in (SHARES, COMMENTS, REACTIONS, VOTES)

    def add_text(self, kind: str, lines: Iterable[str], rows: int, *, final_newline: bool = True,
                 name: str | None = None) -> None:
        """A UTF-8 CSV file from its physical lines (header included)."""
        eol = "\r\n" if self.crlf(kind) else "\n"
        text = eol.join(lines) + (eol if final_newline else "")
        self.files.append(_File(kind, name or self.file_name(kind), text.encode("utf-8"), rows))

    def add_utf16(self, kind: str, rows: Sequence[Sequence[str]], records: int) -> None:
        """2018: UTF-16LE with a BOM, TAB-separated, every field quoted."""
        text = "".join(_line(row, _always, "\t") + "\n" for row in rows)
        data = b"\xff\xfe" + text.encode("utf-16-le")
        self.files.append(_File(kind, self.file_name(kind), data, records))

    def when(self, fraction: float, n: int) -> list[dt.datetime]:
        """n UTC instants (naive) in the last `fraction` of the history, newest first;
        weekends are quieter."""
        days = max(1, round(self.spec.weeks * 7 * fraction))
        start = self.spec.last_day - dt.timedelta(days=days - 1)
        rng = self.rng
        out = []
        for _ in range(n):
            day = start + dt.timedelta(days=rng.randrange(days))
            if day.weekday() >= 5 and rng.random() < 0.6:
                day = start + dt.timedelta(days=rng.randrange(days))
            seconds = rng.randrange(6 * 3600, 86_400) if rng.random() < 0.9 \
                else rng.randrange(86_400)
            out.append(dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds))
        out.sort(reverse=True)
        return out

    def on_last_day(self, times: list[dt.datetime]) -> None:
        """Put the newest of `times` on the export's day (times are newest first)."""
        if times:
            times[0] = dt.datetime.combine(self.spec.last_day, dt.time(9, 30, 5))
            times.sort(reverse=True)

    def dated(self, kind: str, day: dt.date) -> None:
        """A row of `kind` with a readable date: for the known ranges."""
        if kind not in self.earliest or day < self.earliest[kind]:
            self.earliest[kind] = day
        if kind not in self.latest or day > self.latest[kind]:
            self.latest[kind] = day

    def count(self, measure: str, day: dt.date) -> None:
        self.tally[measure][week_of(day)] += 1

    def did(self, t: dt.datetime) -> None:
        self.weekday[t.weekday()] += 1

    # -- network --

    def invitations_and_connections(self) -> None:
        spec, rng = self.spec, self.rng
        # Invitations cover the recent two thirds of the history (LinkedIn keeps recent ones).
        outgoing = self.when(2 / 3, spec.invitations_out)
        dst = self.dst_instants(spec.last_day - dt.timedelta(days=round(spec.weeks * 7 * 2 / 3)))
        for i, t in enumerate(dst[: spec.invitations_out // 4]):
            outgoing[-1 - i] = t
        outgoing.sort(reverse=True)
        incoming = self.when(2 / 3, spec.invitations_in)
        rows: list[tuple[dt.datetime, str, _Person, bool]] = []  # (utc, direction, other, acc)
        accepted_idx = set(rng.sample(range(spec.invitations_out), spec.invitations_accepted))
        connected: list[tuple[dt.date, _Person]] = []
        for i, t in enumerate(outgoing):
            person = self.people.new()
            rows.append((t, "OUTGOING", person, i in accepted_idx))
        for i, t in enumerate(incoming):
            rows.append((t, "INCOMING", self.people.new(), i % 2 == 0 and i < 2 * (
                spec.invitations_in // 2)))
        has_inv, has_conn = self.has(INVITATIONS), self.has(CONNECTIONS)
        urls = self.variant != V2018
        lines: list[str] = []
        if self.variant == V2018:
            lines.append("From,To,Sent At,Message,Direction")
        else:
            lines.append("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl")
        written: list[tuple[dt.datetime, str]] = []
        for t, direction, person, accepted in rows:
            local, utc = _pacific(t)
            day = utc.date()
            if accepted:
                connected.append((min(spec.last_day, day + dt.timedelta(days=rng.randrange(10))),
                                  person))
            if not has_inv:
                continue
            if urls and not (accepted and has_conn):  # pending: the other side is no connection
                self.know(person, ExpectedContact(
                    _name(person), link="invited" if direction == "OUTGOING" else "invited_me",
                    invited_on=day))
            self.dated(INVITATIONS, day)
            other = person.name
            if direction == "OUTGOING":
                self.count("requests_sent", day)
                self.did(utc)
                self.network["invitations_sent"] += 1
                if accepted and has_conn and urls:
                    self.count("requests_accepted", day)
                    self.network["invitations_accepted"] += 1
                frm, to = self.owner_name, other
                inviter, invitee = spec.owner_url, person.url
            else:
                self.count("invitations_received", day)
                frm, to = other, self.owner_name
                inviter, invitee = person.url, spec.owner_url
            note = ""
            if rng.random() < 0.2:
                note = rng.choice((f'Hi {person.first.strip()}, loved your talk at "Demo Day", '
                                   "let's connect.", "Great meeting you, let's stay in touch!"))
            values = [frm, to, _us(local), note, direction]  # Sent At quoted: it has a comma
            if urls:
                values += [inviter, invitee]
            written.append((utc, _line(values)))
        written.sort(key=lambda item: item[0], reverse=True)
        if has_inv:
            lines += [text for _, text in written]
            self.add_text(INVITATIONS, lines, len(written))
        self.connections(connected)

    def dst_instants(self, since: dt.date) -> list[dt.datetime]:
        """UTC instants of Sunday-afternoon invitations around the daylight saving changes,
        newest first: 4:30 PM Pacific is 23:30 UTC (Sunday) in summer time and 00:30 UTC
        (Monday, the next ISO week) in winter time; plus 1:30 AM on the autumn Sunday (an
        hour that happens twice)."""
        out: list[dt.datetime] = []
        for year in range(since.year, self.spec.last_day.year + 1):
            march = dt.date(year, 3, 1)
            spring = march + dt.timedelta(days=(6 - march.weekday()) % 7 + 7)
            november = dt.date(year, 11, 1)
            autumn = november + dt.timedelta(days=(6 - november.weekday()) % 7)
            for sunday, clock in ((spring - dt.timedelta(days=7), dt.time(16, 30)),
                                  (spring, dt.time(16, 30)), (spring, dt.time(17, 15)),
                                  (autumn - dt.timedelta(days=7), dt.time(16, 45)),
                                  (autumn, dt.time(16, 20)), (autumn, dt.time(1, 30))):
                utc = _from_pacific(dt.datetime.combine(sunday, clock))
                if since <= utc.date() and utc <= self.end:
                    out.append(utc)
        out.sort(reverse=True)
        return out

    def connections(self, from_invitations: list[tuple[dt.date, _Person]]) -> None:
        spec, rng = self.spec, self.rng
        others = spec.connections - len(from_invitations) - spec.hidden_connections
        rows: list[tuple[dt.date, _Person | None]] = list(from_invitations)
        days = [t.date() for t in self.when(1.0, others)]
        if days and not any(day == spec.last_day for day, _ in rows):
            days[0] = spec.last_day
        rows += [(day, self.people.new()) for day in days]
        rows += [(t.date(), None) for t in self.when(1.0, spec.hidden_connections)]
        rows.sort(key=lambda row: row[0], reverse=True)
        if not self.has(CONNECTIONS):
            return
        v2018 = self.variant == V2018
        moved = dict(spec.moved)
        if v2018:
            lines = ["First Name,Last Name,Email Address,Company,Position,Connected On"]
        else:
            lines = [
                "Notes:",
                '"When exporting your connection data, you may notice that some of the email '
                "addresses are missing. You will only see email addresses for connections who "
                "have allowed their connections to see or download their email address using "
                "this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
                'more here https://www.linkedin.com/help/linkedin/answer/261"',
                "",
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            ]
        for day, person in rows:
            self.dated(CONNECTIONS, day)
            self.count("connections_added", day)
            title = person.title if person else ""
            cls, decision_maker = TITLES[title]
            if decision_maker:
                self.count("decision_makers_added", day)
            self.by_month[f"{day.year:04d}-{day.month:02d}"][cls] += 1
            if v2018:
                when = dt.datetime.combine(day, dt.time(rng.randrange(24), rng.randrange(60)))
                date_text = _us(when)
            else:
                date_text = _day_month_year(day)
            if person is None:
                lines.append(_line([""] * (5 if v2018 else 6) + [date_text]))
                continue
            company = moved.get(person.url, person.company)
            values = [person.first, person.last]
            if not v2018:
                values.append(person.url)
                self.know(person, ExpectedContact(
                    _name(person), company, person.title_written.strip(), cls, "connected",
                    connected_on=day))
            values += [person.email, company, person.title_written, date_text]
            lines.append(_line(values))
        self.add_text(CONNECTIONS, lines, len(rows), final_newline=False)

    # -- messages --

    def messages(self) -> None:
        spec, rng, v = self.spec, self.rng, self.variant
        owner = _Person(OWNER_FIRST, OWNER_LAST, spec.owner_url, "", "", "", "")
        deleted = _Person("LinkedIn", "Member", "", "", "", "", "")
        sizes = [1] * spec.conversations
        for _ in range(spec.messages - spec.conversations):
            sizes[rng.randrange(spec.conversations)] += 1
        window = max(1, round(spec.weeks * 7))
        start_of = dt.datetime.combine(spec.last_day - dt.timedelta(days=window - 1), dt.time())
        span = (self.end - start_of).total_seconds()
        conversations: list[_Conversation] = []
        pool = [self.people.new() for _ in range(max(4, min(spec.conversations, 3000)))]
        # Every fourth of the pool is a connection or invitee, picked across both (no draw,
        # so every other event stays as it was).
        slots = len(pool) // 4
        step = max(1, len(self.reachable) // max(1, slots))
        for k, known in enumerate(self.reachable[::step][:slots]):
            pool[4 * k] = known
        for c, size in enumerate(sizes):
            group = rng.random() < 0.08
            others = rng.sample(pool, rng.randint(2, 4)) if group else [
                deleted if rng.random() < 0.03 else pool[rng.randrange(len(pool))]]
            starter_is_owner = rng.random() < 0.45
            monologue = starter_is_owner and rng.random() < 0.35  # nobody answered (yet)
            gaps = [rng.randint(60, 3600) if rng.random() < 0.7
                    else rng.randint(3600, 5 * 86_400) for _ in range(size - 1)]
            if c == 0:  # the newest message of the export is on its last day
                start = self.end - dt.timedelta(seconds=sum(gaps) + 600)
            else:
                room = max(0.0, span - size * 3600 - 60)
                start = start_of + dt.timedelta(seconds=rng.random() * room)
                budget = (self.end - start).total_seconds() - size
                if sum(gaps) > budget:  # squeeze the conversation before the export
                    scale = budget / sum(gaps)
                    gaps = [max(1, int(g * scale)) for g in gaps]
            rows: list[_Row] = []
            t = start
            for k in range(size):
                if k == 0:
                    sender = owner if starter_is_owner else others[0]
                elif monologue or rng.random() < 0.5:
                    sender = owner
                else:
                    sender = others[rng.randrange(len(others))]
                folder = "ARCHIVE" if rng.random() < 0.1 else "INBOX"
                rows.append((t, sender, folder, False))
                if k < size - 1:
                    t = t + dt.timedelta(seconds=gaps[k])
            subject = "Quick question" if rng.random() < 0.05 else ""
            conversations.append((subject, subject, others, rows))
        if v != V2018:
            for t in self.when(1.0, spec.sponsored_messages):
                conversations.append(("Sponsored Conversation", "", [deleted],
                                      [(t, deleted, "INBOX", False)]))
        for t in self.when(1.0, spec.spam_messages):
            stranger = self.people.new()
            conversations.append(("", "Limited offer", [stranger],
                                  [(t, stranger, "SPAM", False)]))
        if v == V2026 and spec.draft_messages:
            # Half the drafts end an existing conversation, the others are draft
            # conversations of their own (IS CONVERSATION DRAFT = Yes).
            standalone = spec.draft_messages // 2 if spec.conversations else spec.draft_messages
            for i in range(spec.draft_messages - standalone):
                rows = conversations[rng.randrange(spec.conversations)][3]
                t = min(self.end, rows[-1][0] + dt.timedelta(seconds=30 + i))
                rows.append((t, owner, "", True))
            for t in self.when(0.5, standalone):
                conversations.append(("", "", [pool[rng.randrange(len(pool))]],
                                      [(t, owner, "", True)]))
        self.write_messages(conversations, owner)

    def write_messages(self, conversations: list[_Conversation], owner: _Person) -> None:
        rng, v = self.rng, self.variant
        present = self.has(MESSAGES)
        if v == V2026:
            header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL",
                      "TO", "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
                      "ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]
            quote: Quote = _always
        elif v == V2024_03:
            header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL",
                      "TO", "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"]
            quote = _minimal
        else:
            header = ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"]
            quote = _minimal
        blocks: list[tuple[dt.datetime, list[str]]] = []
        rows_2018: list[tuple[dt.datetime, str]] = []
        records = 0
        for title, subject, others, rows in conversations:
            conv_id = "2-" + base64.b64encode(
                f"{uuid.UUID(int=rng.getrandbits(128), version=4)}_100".encode()).decode()
            sponsored = title == "Sponsored Conversation"
            countable: list[tuple[dt.datetime, bool]] = []  # (utc, by the owner)
            exchange: list[tuple[dt.datetime, _Person]] = []  # (utc to the second, sender)
            lines: list[tuple[dt.datetime, str]] = []
            conversation_draft = all(row[3] for row in rows)
            for t, sender, folder, draft in rows:
                records += 1
                by_owner = sender is owner
                if v == V2018:
                    local, utc = _pacific(t)
                    date_text = _us(local)
                else:
                    utc = t
                    date_text = _iso_utc(t)
                if present:
                    self.dated(MESSAGES, utc.date())
                if not (draft or folder == "SPAM" or sponsored):
                    countable.append((utc, by_owner))
                    exchange.append((utc.replace(microsecond=0), sender))
                recipients = ([p for p in others if p is not sender] if by_owner
                              else [owner] + [p for p in others if p is not sender])
                content = self.message_text(sponsored)
                if v == V2018:
                    direction = "OUTGOING" if by_owner else "INCOMING"
                    folder_2018 = folder if folder == "SPAM" else (
                        "SENT" if by_owner else "INBOX")
                    values = [sender.name, ",".join(p.name for p in recipients), date_text,
                              subject, content, direction, folder_2018]
                    rows_2018.append((utc, _line(values)))
                    continue
                values = [conv_id, title, sender.name, sender.url,
                          ",".join(p.name for p in recipients),
                          ",".join(p.url for p in recipients), date_text, subject, content,
                          folder]
                if v == V2026:
                    attachment = ""
                    if not content and not sponsored:
                        attachment = ("https://www.linkedin.com/dms/prv/vid/v2/D4E06AQ"
                                      f"{rng.getrandbits(40):x}/messaging-attachment")
                    values += [attachment, "Yes" if draft else "No",
                               "Yes" if conversation_draft else "No"]
                lines.append((utc, _line(values, quote)))
            self.count_conversation(countable, present)
            if present and v != V2018:
                self.note_exchange(others, sorted(exchange, key=lambda row: row[0]), owner)
            lines.sort(key=lambda item: item[0], reverse=True)
            if lines:
                blocks.append((lines[0][0], [text for _, text in lines]))
        if not present:
            return
        out = [_line(header, quote)]
        if v == V2018:
            rows_2018.sort(key=lambda item: item[0], reverse=True)
            out += [text for _, text in rows_2018]
        else:
            blocks.sort(key=lambda item: item[0], reverse=True)
            for _, block in blocks:
                out += block
        self.add_text(MESSAGES, out, records)

    def message_text(self, sponsored: bool) -> str:
        rng = self.rng
        if sponsored:
            return _SPONSORED
        if rng.random() < 0.2:
            return ""
        parts = [_SENTENCES[rng.randrange(len(_SENTENCES))]
                 for _ in range(1 if rng.random() < 0.7 else 3)]
        if self.variant == V2026:
            return "\n".join(parts)  # raw LF inside the quoted CONTENT
        return "".join(parts)  # Mar 2024 - Mar 2025 and 2018: line breaks dropped

    def count_conversation(self, rows: list[tuple[dt.datetime, bool]], present: bool) -> None:
        if not present or not rows:
            return
        for utc, by_owner in rows:
            day = utc.date()
            if by_owner:
                self.owner_sent_messages = True
                self.count("messages_sent", day)
                self.did(utc)
            else:
                self.count("messages_received", day)
        if self.variant == V2018:
            return  # no conversation ids
        rows = sorted(rows)
        start, by_owner = rows[0]
        if by_owner:
            self.count("conversations_started", start.date())
            self.network["conversations_started"] += 1
            if any(not owner_wrote for t, owner_wrote in rows[1:] if t > start):
                self.count("replies_received", start.date())
                self.network["conversations_replied"] += 1

    def know(self, person: _Person, contact: ExpectedContact) -> None:
        self.contacts[person.url] = contact
        self.reachable.append(person)

    def note_exchange(self, others: list[_Person], rows: list[tuple[dt.datetime, _Person]],
                      owner: _Person) -> None:
        """The messages of one conversation (countable rows, oldest first), per person in
        it: everyone who wrote, and everyone the owner wrote to."""
        if not rows:
            return
        owner_times = [t for t, sender in rows if sender is owner]
        senders = {sender.url for _, sender in rows}
        people = {p.url: p for p in others if p.url and (owner_times or p.url in senders)}
        opened, opener = rows[0][0], rows[0][1] is owner
        for url in people:
            theirs = [t for t, sender in rows if sender.url == url]
            if not owner_times and not theirs:
                continue
            seen = self.written.setdefault(url, _Exchange(people[url]))
            seen.sent += len(owner_times)
            seen.received += len(theirs)
            seen.last = max([*owner_times, *theirs, *([seen.last] if seen.last else [])])
            seen.replied |= bool(owner_times) and any(t > owner_times[0] for t in theirs)
            if seen.opened is None or opened < seen.opened:
                seen.opened, seen.started = opened, opener

    def expected_contacts(self, last: dt.date | None) -> dict[str, ExpectedContact]:
        if last is None:
            return {}
        found = dict(self.contacts)
        for url, seen in self.written.items():
            before = found.get(url, ExpectedContact(_name(seen.person)))
            found[url] = replace(
                before, messages_sent=seen.sent, messages_received=seen.received,
                last_contact=seen.last.date() if seen.last else None,
                started_by_member=seen.started, replied=seen.replied if seen.sent else None)
        return found

    # -- feed --

    def post_text(self, lines: int) -> str:
        rng = self.rng
        chosen = [_POST_LINES[rng.randrange(len(_POST_LINES))] for _ in range(lines)]
        if lines >= 3 and rng.random() < 0.5:
            chosen.insert(1, "")  # an empty line: `""""` once wrapped and quoted
        return "\n".join(chosen)

    def shares(self) -> None:
        spec, rng, v = self.spec, self.rng, self.variant
        Row = tuple[dt.datetime, str, str, str, str, str]  # t, what, link, text, shared, media
        rows: list[Row] = []
        for i, t in enumerate(self.when(1.0, spec.posts)):
            kind = "share" if rng.random() < 0.5 else "ugcPost"
            urn = _urn_number(rng, t)
            style = i % 10
            media = ""
            if style < 5:
                text = _POST_LINES[rng.randrange(len(_POST_LINES))]
            elif style < 9:
                text = self.post_text(rng.randint(2, 5))
                if style == 5:  # an inner quote at a line end, then more lines: `""""`
                    text = 'She said "premium clients only."\nThat was the brief.'
            else:
                text = ""  # an image alone: a post, not a repost
            if style in (4, 8, 9):
                media = f"https://media.licdn.com/dms/image/v2/D4E22AQ{rng.getrandbits(40):x}"
            shared = "https://example.com/blog/pipeline" if style == 3 else ""
            self.own_links.append(_encoded_link(kind, urn))
            rows.append((t, "posts", self.share_link(kind, urn), text, shared, media))
        for i, t in enumerate(self.when(1.0, spec.group_posts)):
            number = f"{rng.randint(1_000_000, 9_999_999)}-{_urn_number(rng, t)}"
            text = self.post_text(rng.randint(1, 3))
            if i % 3 == 1:  # a bare repost into the group: one group post, not a reshare too
                text = ""
            rows.append((t, "group_posts", self.share_link("groupPost", number), text, "", ""))
        for t in self.when(1.0, spec.bare_reposts):
            rows.append((t, "reshares", self.share_link("ugcPost", _urn_number(rng, t)), "",
                         "", ""))
        rows.sort(key=lambda row: row[0], reverse=True)
        if not self.has(SHARES):
            return
        for t, what, *_ in rows:
            self.dated(SHARES, t.date())
            self.count(what, t.date())
            self.did(t)
        if v == V2018:
            table = [["Date", "Share Title", "Share Description", "Share Link",
                      "Share Commentary", "Shared URL", "Media URL", "Type", "Visibility"]]
            for t, _, link, text, shared, media in rows:
                table.append([_slashed_utc(t), "", "", link, wrap_share_commentary(text),
                              shared, media, "", rng.choice(("Connections", "Public"))])
            self.add_utf16(SHARES, table, len(rows))
            return
        if v == V2024_03:
            lines = ["Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility"]
            quote: Quote = _minimal  # empty URLs are nothing in the CRLF files
        else:
            lines = ["Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility"]
            quote = _empty_quoted
        for t, _, link, text, shared, media in rows:
            commentary = wrap_share_commentary(text)
            lines.append(",".join([_iso(t), link, quote(commentary), quote(shared),
                                   quote(media), "MEMBER_NETWORK"]))
        self.add_text(SHARES, lines, len(rows))

    def share_link(self, kind: str, number: int | str) -> str:
        if self.variant == V2018:
            return _plain_link(kind, number)
        return _encoded_link(kind, number)

    def instant_reposts(self) -> None:
        if not self.has(INSTANT_REPOSTS):
            return
        rng = self.rng
        times = self.when(0.25, self.spec.instant_reposts)
        lines = ["Date,Link"]
        for t in times:
            self.dated(INSTANT_REPOSTS, t.date())
            self.count("reshares", t.date())
            self.did(t)
            lines.append(f"{_iso(t)},{_encoded_link('ugcPost', _urn_number(rng, t))}")
        self.add_text(INSTANT_REPOSTS, lines, len(times))

    def comments(self) -> None:
        if not self.has(COMMENTS):
            return
        spec, rng = self.spec, self.rng
        times = self.when(0.9, spec.comments)
        group = set(rng.sample(range(len(times)), spec.group_comments))
        quote = _backslashed if self.variant == V2026 else _minimal
        rows: list[tuple[str, str, str]] = []
        for i, t in enumerate(times):
            if i in group:  # a comment on a group post: a group post, not a comment written
                number = f"{rng.randint(1_000_000, 9_999_999)}-{_urn_number(rng, t)}"
                link = _encoded_link("groupPost", number)
                self.count("group_posts", t.date())
            elif self.own_links and rng.random() < 0.15:
                link = self.own_links[rng.randrange(len(self.own_links))]
            else:
                link = _encoded_link(rng.choice(("activity", "ugcPost")), _urn_number(rng, t))
            text = _COMMENT_TEXTS[rng.randrange(len(_COMMENT_TEXTS))]
            if rng.random() < 0.15:  # multi-line, opening with the replied-to name
                text = f"Bob Sample {text}\nAnd one more thing: \"keep going\"."
            self.dated(COMMENTS, t.date())
            if i not in group:
                self.count("comments_written", t.date())
            self.did(t)
            rows.append((_iso(t), link, text))
        for _ in range(spec.blank_date_comments):
            at = rng.randrange(len(rows) + 1)
            rows.insert(at, ("", _encoded_link("activity", rng.getrandbits(60)), "Nice one!"))
        lines = ["Date,Link,Message"] + [f"{d},{link},{quote(text)}" for d, link, text in rows]
        self.add_text(COMMENTS, lines, len(rows))

    def reactions(self) -> None:
        if not self.has(REACTIONS):
            return
        spec, rng = self.spec, self.rng
        times = self.when(0.8, spec.reactions)
        self.on_last_day(times)
        lines = ["Date,Type,Link"]
        for t in times:
            self.dated(REACTIONS, t.date())
            self.count("reactions_given", t.date())
            self.did(t)
            number = _urn_number(rng, t)
            roll = rng.random()
            if roll < 0.1:  # a reaction to a comment
                link = (_encoded_link("ugcPost", number) + "?commentUrn=urn%3Ali%3Acomment%3A"
                        f"%28ugcPost%3A{number}%2C{number + 123_456}%29")
            elif roll < 0.15:  # on a group post: a reaction, not a group post
                link = _encoded_link("groupPost", f"{rng.randint(10**6, 10**7 - 1)}-{number}")
            else:
                link = _encoded_link(rng.choice(("activity", "ugcPost", "share")), number)
            kind = _REACTION_TYPES[rng.randrange(len(_REACTION_TYPES))]
            lines.append(f"{_iso(t)},{kind},{link}")
        name = self.file_name(REACTIONS)
        # Corrupt rows go between good ones (never first), with the header on line 1.
        for k in range(spec.corrupt_rows):
            at = 2 + rng.randrange(max(1, len(lines) - 1))
            t = times[min(len(times) - 1, at - 1)] if times else self.end
            link = _encoded_link("activity", _urn_number(rng, t))
            bad = (f"{t:%Y-%m-%d} 25:61:00,LIKE,{link}",  # unreadable date
                   f"{_iso(t)},LIKE",  # too few fields
                   f"{_iso(t)},LIKE,{link},{link}",  # too many fields
                   f"31/02/{t.year} 10:00,PRAISE,{link}")[k % 4]
            lines.insert(min(at, len(lines)), bad)
        self.bad_rows = [(name, n + 1) for n, text in enumerate(lines) if self.is_bad(text)]
        self.add_text(REACTIONS, lines, len(times))

    @staticmethod
    def is_bad(line: str) -> bool:
        fields = line.split(",")
        return len(fields) != 3 or " 25:61:" in line or fields[0].startswith("31/02/")

    def votes(self) -> None:
        if not self.has(VOTES):
            return
        rng = self.rng
        times = self.when(0.5, self.spec.votes)
        lines = ["Date,Link,OptionText"]
        for i, t in enumerate(times):
            self.dated(VOTES, t.date())
            self.count("votes", t.date())
            self.did(t)
            number = _urn_number(rng, t)
            link = (_plain_link("groupPost", f"{rng.randint(10**6, 10**7 - 1)}-{number}")
                    if i % 3 == 2 else _plain_link("ugcPost", number))  # never URL-encoded
            option = (" Power Automate", "no ", "Yes", "Maybe, later")[i % 4]
            if self.variant == V2024_03 and i == 0:
                option = ' print("Hi","\\")'  # a literal backslash before a doubled quote
            lines.append(f"{_iso(t)},{link},{_minimal(option)}")
        self.add_text(VOTES, lines, len(times))

    def searches(self) -> None:
        if not self.has(SEARCH_QUERIES):
            return
        rng = self.rng
        times = self.when(0.6, self.spec.searches)
        self.on_last_day(times)
        rows = [["Time", "Search Query"]]
        for t in times:
            self.dated(SEARCH_QUERIES, t.date())
            self.count("people_searches", t.date())
            rows.append([_slashed_utc(t), _SEARCHES[rng.randrange(len(_SEARCHES))]])
        if self.variant == V2018:
            self.add_utf16(SEARCH_QUERIES, rows, len(times))
        else:
            self.add_text(SEARCH_QUERIES, [_line(row) for row in rows], len(times))

    # -- profile --

    def recommendations(self) -> None:
        header = "First Name,Last Name,Company,Job Title,Text,Creation Date,Status"
        for kind, n, measure, status in (
                (RECOMMENDATIONS_GIVEN, self.spec.recommendations_given,
                 "recommendations_given", ""),
                (RECOMMENDATIONS_RECEIVED, self.spec.recommendations_received,
                 "recommendations_received", "VISIBLE")):
            if not self.has(kind):
                continue
            lines = [header]
            for t in self.when(1.0, n):
                local, utc = _pacific(t)
                self.dated(kind, utc.date())
                self.count(measure, utc.date())
                person = self.people.new()
                text = (f"{person.first.strip()} is a rare mix: sharp, kind and \"relentlessly\" "
                        "curious.\nI would work with them again.")
                lines.append(_line([person.first.strip(), person.last, person.company,
                                    person.title, text, _us(local, pad=True), status]))
            self.add_text(kind, lines, n)
        if self.has(RECOMMENDATIONS_RECEIVED):
            self.checklist["three_recommendations"] = self.spec.recommendations_received >= 3

    def endorsements(self) -> None:
        if not self.has(ENDORSEMENTS_RECEIVED):
            return
        rng = self.rng
        lines = ["Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
                 "Endorser Public Url,Endorsement Status"]
        for t in self.when(1.0, self.spec.endorsements):
            person = self.people.new()
            lines.append(_line([_slashed_utc(t), rng.choice(("Sales", "Negotiation", "CRM")),
                                person.first.strip(), person.last,
                                person.url.removeprefix("https://"),  # no scheme (§3.9)
                                "ACCEPTED" if rng.random() < 0.9 else "PENDING"]))
        self.add_text(ENDORSEMENTS_RECEIVED, lines, self.spec.endorsements)
        self.checklist["endorsements"] = self.spec.endorsements > 0

    def profile_files(self) -> None:
        spec, v = self.spec, self.variant
        if self.has(PROFILE):
            headline = "Helping example teams sell without the cold pitch" if spec.headline \
                else ""
            about = ("Sales leader &amp; coach. I help B2B teams build pipeline from "
                     "relationships.\n\n🚀 10 years, 3 example startups.") if spec.about else ""
            if v == V2018:
                header = ("First Name,Last Name,Maiden Name,Address,Birth Date,Contact "
                          "Instructions,Headline,Summary,Industry,Country,Zip Code,Geo Location,"
                          "Twitter Handles,Websites,Instant Messengers")
                values = [OWNER_FIRST, OWNER_LAST, "", "", "Mar 31, 1990", "", headline, about,
                          "Computer Software", "United States", "", "Springfield",
                          "ada_example", "PORTFOLIO:https://example.com/ada", ""]
            else:
                header = ("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,"
                          "Industry,Zip Code,Geo Location,Twitter Handles,Websites,"
                          "Instant Messengers")
                values = [OWNER_FIRST, OWNER_LAST, "", "", "Mar 31", headline, about,
                          "IT Services and IT Consulting", "", "Springfield, Illinois, "
                          "United States", "[ada_example]", "[PERSONAL:https://example.com/ada]",
                          ""]
            self.add_text(PROFILE, [header, _line(values)], 1)
            self.checklist["headline"] = bool(headline)
            self.checklist["about"] = bool(about)
        if self.has(POSITIONS):
            lines = ["Company Name,Title,Description,Location,Started On,Finished On"]
            year = spec.last_day.year
            for i in range(spec.current_positions):
                description = ("• Built the example sales team from 2 to 12\n• Grew pipeline "
                               "3x, with care") if spec.current_role_description else ""
                lines.append(_line([_COMPANIES[i % len(_COMPANIES)],
                                    ("Head of Sales\t", "VP Sales")[i % 2], description,
                                    "Springfield", f"Nov {year - 2 - i}", ""]))
            for i in range(spec.past_positions):
                end = year - 3 - 2 * i
                title = ("Account Executive, ", "Sales Development Representative",
                         "Partner Manager\t")[i % 3]
                lines.append(_line([_COMPANIES[(i + 3) % len(_COMPANIES)], title,
                                    "Quota carrier." if i % 2 else "", "Remote",
                                    str(end - 2) if i % 2 else f"Jan {end - 2}",
                                    f"{_MONTHS[(i * 5) % 12]} {end}"]))
            self.add_text(POSITIONS, lines, spec.current_positions + spec.past_positions)
            self.checklist["current_role"] = (spec.current_positions > 0
                                              and spec.current_role_description)
            self.checklist["past_roles"] = spec.past_positions > 0
        simple: list[tuple[str, int, str, Callable[[int], list[str]], str | None]] = [
            (EDUCATION, spec.education, "School Name,Start Date,End Date,Notes,Degree Name,"
             "Activities", lambda i: [f"Example University {i + 1}", str(2008 + i),
                                      str(2012 + i), "", "BSc, Business", "Debating, chess"],
             "education"),
            (SKILLS, spec.skills, "Name", lambda i: [
                ("Sales", "Negotiation", "CRM", "Social Selling", "Lead Generation",
                 "B2B", "Public Speaking", "Coaching")[i % 8] + (f" {i // 8}" if i >= 8 else "")],
             None),
            (CERTIFICATIONS, spec.certifications, "Name,Url,Authority,Started On,Finished On,"
             "License Number", lambda i: [f"Certified Example Seller {i + 1}",
                                          "https://example.com/cert", "Example Institute",
                                          f"Jan {2020 + i}", "", f"EX-{1000 + i}"], None),
            (COURSES, spec.courses, "Name,Number",
             lambda i: ["Russian, Basic Course.", f"RY{1110 + i}"], None),
            (VOLUNTEERING, spec.volunteering, "Company Name,Role,Cause,Started On,Finished On,"
             "Description", lambda i: ["Example Food Bank", "Board Member", "Poverty "
                                       "Alleviation", f"Mar {2019 + i}", "", "Fundraising."],
             "volunteering"),
            (LANGUAGES, spec.languages, "Name,Proficiency",
             lambda i: [("English", "German", "Spanish")[i % 3],
                        "Full professional proficiency"], None),
        ]
        for kind, n, header, row, item in simple:
            if not self.has(kind):
                continue
            self.add_text(kind, [header] + [_line(row(i)) for i in range(n)], n)
            if item:
                self.checklist[item] = n > 0
        if self.has(SKILLS):
            self.checklist["skills"] = spec.skills >= 5
        certs, courses = self.has(CERTIFICATIONS), self.has(COURSES)
        if (certs and spec.certifications) or (courses and spec.courses):
            self.checklist["certifications"] = True
        elif certs and courses:
            self.checklist["certifications"] = False
        self.rich_media()

    def rich_media(self) -> None:
        if not self.has(RICH_MEDIA):
            return
        spec, rng = self.spec, self.rng
        if self.variant == V2024_03:
            lines = ["Type,Link", "Video content can be downloaded at,"
                                  "https://www.linkedin.com/psettings/member-data/videos"]
            self.add_text(RICH_MEDIA, lines, 1)
            return
        rows: list[tuple[dt.datetime, str, str, str]] = []
        uploads = ([("profile photo", " -")] if spec.profile_photo else []) + (
            [("profile background photo", " -")] if spec.background_photo else [])
        uploads += [(("video", "document", "feed photo", "photo")[i % 4],
                     ("Our team at the Example Summit", " -",
                      "Three lessons from 100 discovery calls:\n1. Listen more than you talk.",
                      " -")[i % 4]) for i in range(spec.rich_media)]
        for (what, description), t in zip(uploads, self.when(1.0, len(uploads)), strict=True):
            link = "" if what == "feed photo" else (
                f"https://media.licdn.com/dms/image/v2/C5603AQ{rng.getrandbits(40):x}")
            article = "an" if what[0] in "aeiou" else "a"
            rows.append((t, f"You uploaded {article} {what} on {_rich_media_when(t)}",
                         description, link))
        lines = ["Date/Time,Media Description,Media Link"]
        lines += [_line([text, description, link]) for _, text, description, link in rows]
        self.add_text(RICH_MEDIA, lines, len(rows))
        if spec.profile_photo:
            self.checklist["photo"] = True
        if spec.background_photo:
            self.checklist["background_photo"] = True

    def junk(self) -> None:
        """Files the importer does not use; some share names with used ones."""
        v, id_ = self.variant, self.spec.member_id
        if v == V2018:
            self.files.append(_File("", "Registration.csv", (
                b"Registration Date,Registration IP Address,Invited by (First Name),Invited by "
                b'(Last Name),Subscription Types\n"11/18/16, 11:55 AM",192.0.2.1,,,Basic\n'
            )))
            return
        self.files += [
            _File("", "Company Follows.csv",
                  b"Organization,Followed On\nExample Corp,Sat Dec 14 08:57:55 UTC 2024"),
            _File("", "Receipts_v2.csv", b"Transaction Made At,Total Amount\n"),
            _File("", "LearningCoachMessages.csv", b"No conversations found\n"),
            _File("", "learning_coach_messages.csv", (
                b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT "
                b"PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n")),
            _File("", "Jobs/Saved Jobs.csv", b"Saved Date,Job Url,Job Title,Company Name\n"),
            _File("", "Articles/Articles/selling-without-the-cold-pitch.html",
                  b"<html><head><title>Selling without the cold pitch</title></head></html>"),
        ]
        if v == V2026:
            self.files.append(_File("", f"Member_Follows_{id_}.csv",
                                    b'Date,Status,FullName\n2026-01-02 10:11:12,Active,'
                                    b'"Bob Sample, Ph.D."\n'))

    # -- putting it together --

    def build(self) -> GeneratedExport:
        self.invitations_and_connections()
        self.messages()
        self.shares()
        self.instant_reposts()
        self.comments()
        self.reactions()
        self.votes()
        self.searches()
        self.recommendations()
        self.endorsements()
        self.profile_files()
        self.junk()
        if self.owner_url():
            self.checklist["custom_url"] = not has_generated_suffix(self.spec.owner_slug)
        expected = self.expected()
        files = {f.name.rsplit("/", 1)[-1]: f.data for f in self.files
                 if f.name.endswith(".csv")}
        return GeneratedExport(self.spec, self.uploads(), files, expected)

    def expected(self) -> Expected:
        measure_files: set[str] = {kind for kinds in MEASURE_SOURCES.values() for kind in kinds}
        dated = [kind for kind in measure_files if kind in self.earliest]
        first = min((self.earliest[k] for k in dated), default=None)
        last = max((self.latest[k] for k in dated), default=None)
        weeks: dict[dt.date, dict[str, int]] = {}
        known_from: dict[str, dt.date] = {}
        for measure, sources in MEASURE_SOURCES.items():
            if not self.derivable(measure):
                continue
            starts = [self.earliest[k] for k in sources if k in self.earliest]
            if not starts or last is None:
                continue
            monday = week_of(min(starts))
            known_from[measure] = monday
            counts = self.tally[measure]
            while monday <= last:
                weeks.setdefault(monday, {})[measure] = counts.get(monday, 0)
                monday += dt.timedelta(days=7)
        ordered = {monday: weeks[monday] for monday in sorted(weeks)}
        net = self.network
        network = ExpectedNetwork(
            connections_by_month={month: dict(sorted(classes.items()))
                                  for month, classes in sorted(self.by_month.items())},
            invitations_sent=net["invitations_sent"],
            invitations_accepted=net["invitations_accepted"],
            conversations_started=net["conversations_started"],
            conversations_replied=net["conversations_replied"],
            by_weekday=tuple(self.weekday),  # type: ignore[arg-type]
        )
        rows_read = {f.name.rsplit("/", 1)[-1]: f.rows for f in self.files if f.kind}
        return Expected(ordered, first, last, dict(self.checklist), network, rows_read,
                        list(self.bad_rows), known_from, self.owner_url(),
                        self.expected_contacts(last))

    def owner_url(self) -> str | None:
        """The member's URL, when the export tells it: inviterProfileUrl of an outgoing
        invitation, else the sender URL of their messages (none in 2018)."""
        spec = self.spec
        if self.variant == V2018:
            return None
        if (self.has(INVITATIONS) and spec.invitations_out) or self.owner_sent_messages:
            return spec.owner_url
        return None

    def derivable(self, measure: str) -> bool:
        if measure == "requests_accepted":
            return self.has(CONNECTIONS) and self.variant != V2018
        if measure in ("conversations_started", "replies_received"):
            return self.variant != V2018
        return True

    def uploads(self) -> list[tuple[str, bytes]]:
        spec = self.spec
        if spec.layout == LOOSE:
            return [(f.name, f.data) for f in self.files
                    if f.name.endswith(".csv") and "/" not in f.name]
        stamp = spec.last_day.strftime("%m-%d-%Y")
        if spec.split:
            basic = [f for f in self.files if f.kind in BASIC_KINDS]
            complete = [f for f in self.files if f.kind not in BASIC_KINDS]
            return [self.zip(f"Basic_LinkedInDataExport_{stamp}", basic),
                    self.zip(f"Complete_LinkedInDataExport_{stamp}", complete)]
        return [self.zip(f"Complete_LinkedInDataExport_{stamp}", self.files)]

    def zip(self, stem: str, files: list[_File]) -> tuple[str, bytes]:
        spec = self.spec
        prefix = f"{stem}/" if spec.layout == FOLDER else ""
        stamp = (spec.last_day.year, spec.last_day.month, spec.last_day.day, 12, 0, 0)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            def put(name: str, data: bytes) -> None:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
            for f in files:
                put(prefix + f.name, f.data)
            if spec.macosx:
                put(".DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(64))
                apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(32)
                for f in files[:3]:
                    head, _, base = (prefix + f.name).rpartition("/")
                    put(f"__MACOSX/{head + '/' if head else ''}._{base}", apple_double)
        return f"{stem}.zip", buffer.getvalue()


def make_export(spec: ExportSpec | None = None) -> GeneratedExport:
    """Write the export `spec` asks for and what a correct import of it finds."""
    return _Export(spec or ExportSpec()).build()
