"""The export's people: one `Contact` per profile URL, with what the export says about the
member and them (`RelationshipFacts`), for the Accounts view while the export is open.

Who comes in (README, "The export's people"):

- every `Connections` row with a URL: CONNECTED, connected on, company, position, seniority;
- the other side of an invitation who is not a connection: INVITED (the member sent it) or
  INVITED_ME, on the UTC day of the latest invitation between them;
- everyone the member exchanged messages with (NOT_CONNECTED unless one of the above).

Rows without a profile URL (hidden profiles, "LinkedIn Member", 2018's files, which have no
URL column at all) are nobody: there is nothing to know them by again. The member is never
one of their own people. Messages count as in the weekly counts: drafts, SPAM and sponsored
conversations are left out. A person's messages are the member's messages in conversations
that include them (sent) and their own (received); a conversation includes everyone who
wrote in it or was among its recipients. Only what is dated and named is kept: no message
text is ever read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ...model import CONNECTED, INVITED, INVITED_ME, NOT_CONNECTED, RelationshipFacts
from .parsers import normalize_urls
from .seniority import UNKNOWN
from .types import Contact
from .urls import normalize_profile_url

Row = dict[str, Any]
# What a person's row holds when no file says otherwise (see `_contact`).
_BLANK: Row = {"name": "", "company": "", "position": "", "seniority": UNKNOWN,
               "link": NOT_CONNECTED, "connected_on": None, "invited_on": None, "sent": 0,
               "received": 0, "last": None, "started": None, "replied": None}
# `TO` joins names with "," and no space, while a name may hold ", " ("Demo, MBA"); but a
# name may also start with a space (" Erin Sample"), so every comma is tried next.
_NAMES = re.compile(r",(?! )")


def contacts(frames: Mapping[str, pd.DataFrame], member: str, mine: pd.Series | None,
             started: pd.Series, as_of: dt.date | None) -> tuple[Contact, ...]:
    """Everyone the export knows by profile URL: connections first (as the file lists them,
    newest first), then pending invitations (newest first), then people only written with.
    `mine` marks the member's countable messages and `started` the opening message of each
    conversation the member started (both over the messages frame, aggregate.Events)."""
    if as_of is None:
        return ()
    people: dict[str, Row] = {}
    empty = pd.DataFrame({"line": []})
    _add_connections(people, frames.get("connections", empty))
    _add_invitations(people, frames.get("invitations", empty), member)
    messages = frames.get("messages", empty)
    if mine is not None and {"conversation", "sender"} <= set(messages):
        _add_messages(people, messages, mine, started, member)
    people.pop(member, None)
    people.pop("", None)
    return tuple(_contact(url, row, as_of) for url, row in people.items())


def _add_connections(people: dict[str, Row], frame: pd.DataFrame) -> None:
    if "url" not in frame:
        return
    rows = frame[frame["url"] != ""].drop_duplicates("url")
    seniority = rows["seniority"] if "seniority" in rows else pd.Series(UNKNOWN, rows.index)
    for url, name, company, position, cls, on in zip(
            rows["url"].tolist(), rows["name"].tolist(), rows["company"].tolist(),
            rows["position"].tolist(), seniority.tolist(), _dates(rows["on"]), strict=True):
        people[url] = {"name": name, "company": company, "position": position,
                       "seniority": cls, "link": CONNECTED, "connected_on": on}


def _add_invitations(people: dict[str, Row], frame: pd.DataFrame, member: str) -> None:
    """Pending invitations: the latest one with each person who is not a connection."""
    if not {"inviter", "invitee"} <= set(frame):
        return
    other = frame["invitee"].where(frame["outgoing"], frame["inviter"])
    rows = pd.DataFrame({"url": other, "at": frame["at"], "outgoing": frame["outgoing"],
                         "name": frame["name"]})
    rows = rows[(rows["url"] != "") & (rows["url"] != member) & ~rows["url"].isin(people)]
    rows = rows.sort_values("at", ascending=False, kind="stable").drop_duplicates("url")
    for url, name, outgoing, on in zip(rows["url"].tolist(), rows["name"].tolist(),
                                       rows["outgoing"].tolist(), _dates(rows["at"]),
                                       strict=True):
        people[url] = {"name": name, "link": INVITED if outgoing else INVITED_ME,
                       "invited_on": on}


@dataclass(frozen=True, eq=False)
class _Recipients:
    """The recipient lists of the member's messages, each distinct list split once."""

    lists: list[str]  # each distinct RECIPIENT PROFILE URLS, as written
    to_names: list[str]  # the TO written with each list (its first message's)
    urls: pd.DataFrame  # code (into lists), url (normalised): every URL of every list
    pairs: pd.DataFrame  # conversation, code: which list the member wrote to in which

    @classmethod
    def of(cls, mine: pd.DataFrame) -> _Recipients:
        codes, lists = pd.factorize(mine["recipients"])
        first = pd.Series(codes).drop_duplicates()
        listed = lists.tolist()
        split = pd.Series(listed, dtype=object).str.split(",").explode()
        urls = pd.DataFrame({"code": split.index.to_numpy(),
                             "url": normalize_urls(split.fillna("").astype(str)).to_numpy()})
        pairs = pd.DataFrame({"conversation": mine["conversation"].to_numpy(),
                              "code": codes}).drop_duplicates()
        return cls(listed, mine["to_names"].iloc[first.index].tolist(), urls, pairs)


def _add_messages(people: dict[str, Row], frame: pd.DataFrame, mine: pd.Series,
                  started: pd.Series, member: str) -> None:
    countable = frame["is_countable"]
    messages = frame[countable]
    if messages.empty:
        return
    by_member = mine[countable]
    recipients = _Recipients.of(messages[by_member]) if "recipients" in messages else None
    opened = set(messages.loc[started[countable], "conversation"].tolist())
    facts = _message_facts(messages, by_member, opened,
                           _participants(messages, by_member, recipients, member))
    for url, sent, received, last, first, replied in zip(
            facts.index.tolist(), facts["sent"].tolist(), facts["received"].tolist(),
            _dates(facts["last"]), facts["started"].tolist(), facts["replied"].tolist(),
            strict=True):
        row = people.setdefault(url, {"name": "", "link": NOT_CONNECTED})
        row.update(sent=int(sent), received=int(received), last=last, started=bool(first),
                   replied=bool(replied) if sent else None)
    _name_the_nameless(people, messages[~by_member], recipients)


def _participants(messages: pd.DataFrame, by_member: pd.Series,
                  recipients: _Recipients | None, member: str) -> pd.DataFrame:
    """(conversation, url): everyone but the member who wrote in a conversation, or whom the
    member wrote to in it (the recipients of the member's messages)."""
    found = [messages.loc[~by_member, ["conversation", "sender"]].rename(
        columns={"sender": "url"})]
    if recipients is not None:
        found.append(recipients.pairs.merge(recipients.urls, on="code")[["conversation", "url"]])
    pairs = pd.concat(found, ignore_index=True)
    return pairs[(pairs["url"] != "") & (pairs["url"] != member)].drop_duplicates()


def _message_facts(messages: pd.DataFrame, by_member: pd.Series, opened_by_member: set[int],
                   pairs: pd.DataFrame) -> pd.DataFrame:
    """Per url, of people with a message either way: sent, received, last (instant), started
    (the member opened the person's earliest conversation), replied (the person wrote after
    a message of the member's in one of their conversations)."""
    conversations = messages.groupby("conversation")["at"].min().rename("opened").to_frame()
    member_side = messages[by_member].groupby("conversation")["at"].agg(["size", "min", "max"])
    conversations = conversations.join(member_side.rename(
        columns={"size": "sent", "min": "first_sent", "max": "last_sent"}))
    own = messages[~by_member].groupby(["conversation", "sender"])["at"].agg(["size", "max"])
    own.index.names = ["conversation", "url"]
    table = pairs.join(conversations, on="conversation").join(
        own.rename(columns={"size": "received", "max": "last_received"}),
        on=["conversation", "url"])
    table["sent"] = table["sent"].fillna(0)
    table["received"] = table["received"].fillna(0)
    table["last"] = table["last_sent"].where(
        table["last_sent"] >= table["last_received"], table["last_received"]).fillna(
        table["last_sent"])
    table["replied"] = (table["last_received"] > table["first_sent"]).fillna(False)
    grouped = table.groupby("url")
    result = pd.DataFrame({"sent": grouped["sent"].sum(), "received": grouped["received"].sum(),
                           "last": grouped["last"].max(), "replied": grouped["replied"].any(),
                           "first": grouped["opened"].idxmin()})
    result["started"] = table.loc[result["first"], "conversation"].isin(
        opened_by_member).to_numpy()
    return result[(result["sent"] + result["received"]) > 0]


def _name_the_nameless(people: dict[str, Row], theirs: pd.DataFrame,
                       recipients: _Recipients | None) -> None:
    """A name for each person only written with: the one they last wrote under (files list
    the newest first), else their name in `TO`."""
    nameless = {url for url, row in people.items() if not row["name"]}
    if not nameless:
        return
    senders = theirs[theirs["sender"].isin(nameless)].drop_duplicates("sender")
    for url, name in zip(senders["sender"].tolist(), senders["sender_name"].tolist(),
                         strict=True):
        people[url]["name"] = name
        nameless.discard(url)
    if nameless and recipients is not None:
        for url, name in _recipient_names(recipients, nameless).items():
            people[url]["name"] = name


def _recipient_names(recipients: _Recipients, wanted: set[str]) -> dict[str, str]:
    """Names from `TO`: each URL of a recipient list paired with a name of `TO`, when `TO`
    cut at commas not followed by a space, or else at every comma, gives as many names as
    there are URLs."""
    found: dict[str, str] = {}
    codes = recipients.urls.loc[recipients.urls["url"].isin(wanted), "code"].unique()
    for code in codes.tolist():
        names = recipients.to_names[code]
        split_urls = recipients.lists[code].split(",")
        split_names = next((found_names for found_names in (_NAMES.split(names),
                                                            names.split(","))
                            if len(found_names) == len(split_urls)), None)
        if split_names is None:
            continue
        for url, name in zip(split_urls, split_names, strict=True):
            key = normalize_profile_url(url)
            if key in wanted and key not in found and name.strip():
                found[key] = name.strip()
    return found


def _dates(instants: pd.Series) -> list[dt.date | None]:
    """UTC days (or the days as written, for naive `on`), None where there is none."""
    values = instants
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    days: list[dt.date | None] = values.to_numpy(dtype="datetime64[D]").tolist()
    return days


def _contact(url: str, row: Row, as_of: dt.date) -> Contact:
    """The person's record; positional arguments, as this runs for every person."""
    whole = {**_BLANK, **row}
    facts = RelationshipFacts(
        as_of, whole["link"], whole["connected_on"], whole["invited_on"], whole["sent"],
        whole["received"], whole["last"], whole["started"], whole["replied"], whole["company"],
        whole["position"])
    return Contact(whole["name"] or _slug_name(url), url, whole["company"], whole["position"],
                   whole["seniority"], facts)


def _slug_name(url: str) -> str:
    """A name when the export gives none: the profile's slug ("bob-sample-1a2b3c")."""
    return url.rstrip("/").rsplit("/", 1)[-1] or url

