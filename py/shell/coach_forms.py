"""The coach's forms, generated from the core's own tables (measures, checklist items,
plan keys), so a label or field never drifts from what the core reads. Pure HTML, built with
the element builder (`shell.html`), so every label and stored value is escaped."""

from __future__ import annotations

from collections.abc import Mapping

from ssi_coach.activity.estimate import SIGNALS
from ssi_coach.activity.whatif import PLAN_KEYS
from ssi_coach.model import ACTIVITY, OUTCOMES, PILLARS, PROFILE_CHECKLIST, Checklist

from .html import Markup, el, join

GROUP_TITLES = {**{p.key: p.label for p in PILLARS}, "outcomes": "Outcomes"}


def _field(prefix: str, key: str, label: str, value: str, *, kind: str = "text",
           inputmode: str | None = "numeric") -> Markup:
    """A labelled input with its (empty) error line; ids follow `<prefix>-<key>` and
    `<prefix>err-<key>`, which the handlers fill."""
    return el(
        "div",
        el("label", label, for_=f"{prefix}-{key}"),
        el("input", id=f"{prefix}-{key}", name=key, type=kind, inputmode=inputmode,
           value=value, aria_describedby=f"{prefix}err-{key}"),
        el("p", class_="field-error", id=f"{prefix}err-{key}"),
        class_="field")


def _number_field(prefix: str, key: str, label: str, value: str = "") -> Markup:
    return _field(prefix, key, label, value)


def _submit(label: str) -> Markup:
    return el("div", el("button", label, type="submit", class_="primary"), class_="actions")


def week_form(values: Mapping[str, str]) -> Markup:
    """One field per measure, grouped by the pillar it feeds; blank means not logged."""
    groups = [
        el("fieldset", el("legend", GROUP_TITLES[group]),
           [_number_field("w", m.key, m.label, values.get(m.key, ""))
            for m in (*ACTIVITY, *OUTCOMES) if m.group == group],
           class_=f"pillar-{group}" if group != "outcomes" else None,
           data_pillar=group if group != "outcomes" else None)
        for group in (*(p.key for p in PILLARS), "outcomes")
    ]
    return join((
        _field("w", "week", "Week", values.get("week", ""), kind="week", inputmode=None),
        el("p", "Leave a field blank if you did not count it: blank is “not logged”, which "
           "the estimate treats differently from 0.", class_="muted"),
        groups,
        _submit("Save week"),
    ))


def checklist_form(checklist: Checklist | None) -> Markup:
    items = checklist.items if checklist else {}
    rows = [
        el("div",
           el("label", item.label, for_=f"c-{item.key}"),
           el("select", [el("option", words, value=value,
                            selected=_answer(items, item.key) == value)
                         for value, words in (("", "Not answered"), ("yes", "Yes"),
                                              ("no", "No"))],
              id=f"c-{item.key}", name=item.key),
           el("p", f"Feeds: {item.why}", class_="hint"),
           class_="field")
        for item in PROFILE_CHECKLIST
    ]
    return join((
        el("fieldset", el("legend", "Profile checklist"), rows, class_="checklist"),
        _submit("Save checklist"),
    ))


def _answer(items: Mapping[str, bool], key: str) -> str:
    return "" if key not in items else ("yes" if items[key] else "no")


def plan_form(planned: Mapping[str, float], target: str, by: str) -> Markup:
    labels = {s.key: s.label for s in reversed(SIGNALS)}
    fields = [_number_field("p", key, labels.get(key, key), _plain(planned.get(key)))
              for key in PLAN_KEYS]
    return join((
        el("fieldset",
           el("legend", "Weekly plan ", el("span", "(blank keeps what you do now)",
                                           class_="muted")),
           fields),
        el("fieldset",
           el("legend", "Goal ", el("span", "(optional)", class_="muted")),
           _field("g", "goal_target", "Target SSI (0 to 100)", target, inputmode="decimal"),
           _field("g", "goal_date", "By", by, kind="date", inputmode=None)),
        _submit("Save plan and goal"),
    ))


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


