"""The coach's forms, generated from the core's own tables (measures, checklist items,
plan keys), so a label or field never drifts from what the core reads. Pure HTML."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from ssi_coach.activity.estimate import SIGNALS
from ssi_coach.activity.whatif import PLAN_KEYS
from ssi_coach.model import ACTIVITY, OUTCOMES, PILLARS, PROFILE_CHECKLIST, Checklist, Measure

GROUP_TITLES = {**{p.key: p.label for p in PILLARS}, "outcomes": "Outcomes"}


def _number_field(prefix: str, key: str, label: str, value: str = "") -> str:
    return (
        f'<div class="field"><label for="{prefix}-{key}">{escape(label)}</label>'
        f'<input id="{prefix}-{key}" name="{key}" type="text" inputmode="numeric" '
        f'value="{escape(value)}" aria-describedby="{prefix}err-{key}">'
        f'<p class="field-error" id="{prefix}err-{key}"></p></div>'
    )


def week_form(values: Mapping[str, str]) -> str:
    """One field per measure, grouped by the pillar it feeds; blank means not logged."""
    groups = "".join(
        f"<fieldset><legend>{escape(GROUP_TITLES[group])}</legend>"
        + "".join(_number_field("w", m.key, m.label, values.get(m.key, ""))
                  for m in (*ACTIVITY, *OUTCOMES) if m.group == group)
        + "</fieldset>"
        for group in (*(p.key for p in PILLARS), "outcomes")
    )
    return (
        '<div class="field"><label for="w-week">Week</label>'
        f'<input id="w-week" name="week" type="week" value="{escape(values.get("week", ""))}" '
        'aria-describedby="werr-week"><p class="field-error" id="werr-week"></p></div>'
        '<p class="muted">Leave a field blank if you did not count it: blank is “not logged”, '
        "which the estimate treats differently from 0.</p>"
        f'{groups}<div class="actions"><button type="submit" class="primary">Save week</button>'
        "</div>"
    )


def checklist_form(checklist: Checklist | None) -> str:
    items = checklist.items if checklist else {}
    rows = "".join(
        f'<div class="field"><label for="c-{item.key}">{escape(item.label)}</label>'
        f'<select id="c-{item.key}" name="{item.key}">'
        + "".join(f'<option value="{v}"{" selected" if _answer(items, item.key) == v else ""}>'
                  f"{text}</option>"
                  for v, text in (("", "Not answered"), ("yes", "Yes"), ("no", "No")))
        + f'</select><p class="hint">Feeds: {escape(item.why)}</p></div>'
        for item in PROFILE_CHECKLIST
    )
    return (f'<fieldset class="checklist"><legend>Profile checklist</legend>{rows}</fieldset>'
            '<div class="actions"><button type="submit" class="primary">Save checklist'
            "</button></div>")


def _answer(items: Mapping[str, bool], key: str) -> str:
    return "" if key not in items else ("yes" if items[key] else "no")


def plan_form(planned: Mapping[str, float], target: str, by: str) -> str:
    labels = {s.key: s.label for s in reversed(SIGNALS)}
    fields = "".join(
        _number_field("p", key, labels.get(key, key), _plain(planned.get(key)))
        for key in PLAN_KEYS
    )
    return (
        "<fieldset><legend>Weekly plan <span class=\"muted\">(blank keeps what you do now)"
        f"</span></legend>{fields}</fieldset>"
        "<fieldset><legend>Goal <span class=\"muted\">(optional)</span></legend>"
        '<div class="field"><label for="g-goal_target">Target SSI (0 to 100)</label>'
        f'<input id="g-goal_target" name="goal_target" type="text" inputmode="decimal" '
        f'value="{escape(target)}" aria-describedby="gerr-goal_target">'
        '<p class="field-error" id="gerr-goal_target"></p></div>'
        '<div class="field"><label for="g-goal_date">By</label>'
        f'<input id="g-goal_date" name="goal_date" type="date" value="{escape(by)}" '
        'aria-describedby="gerr-goal_date"><p class="field-error" id="gerr-goal_date"></p>'
        "</div></fieldset>"
        '<div class="actions"><button type="submit" class="primary">Save plan and goal'
        "</button></div>"
    )


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def measure_labels() -> dict[str, Measure]:
    return {m.key: m for m in (*ACTIVITY, *OUTCOMES)}
