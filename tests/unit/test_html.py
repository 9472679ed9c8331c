"""The element builder: whatever a person types stays text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shell.html import Markup, el, join, text, trusted


def test_builds_nested_elements_with_attributes() -> None:
    html = el("p", "Saved ", el("strong", "12.3"), " today", class_="status",
              data_action="undo", aria_live="polite")
    assert html == ('<p class="status" data-action="undo" aria-live="polite">'
                    "Saved <strong>12.3</strong> today</p>")
    assert isinstance(html, Markup)


def test_text_and_attribute_values_are_escaped() -> None:
    html = el("a", '<img src=x onerror="alert(1)">', href='"><script>', title="a&b")
    assert "<img" not in html and "<script" not in html
    assert html == ('<a href="&quot;&gt;&lt;script&gt;" title="a&amp;b">'
                    '&lt;img src=x onerror="alert(1)"&gt;</a>')


def test_booleans_none_and_lists() -> None:
    html = el("input", type="checkbox", checked=True, disabled=False, value=None)
    assert html == '<input type="checkbox" checked>'
    assert el("ul", [el("li", n) for n in (1, 2.5)], None, False) == (
        "<ul><li>1</li><li>2.5</li></ul>")
    assert join(["a", el("b", "c"), "<d>"], el("br")) == "a<br><b>c</b><br>&lt;d&gt;"
    assert text(["x", None, trusted("<svg></svg>")]) == "x<svg></svg>"


def test_refuses_names_that_could_break_out() -> None:
    with pytest.raises(ValueError, match="element name"):
        el("p onclick=x")
    with pytest.raises(ValueError, match="attribute name"):
        el("p", **{"on click": "x"})
    with pytest.raises(ValueError, match="cannot have children"):
        el("br", "text")


@given(st.text(), st.text())
def test_no_typed_text_ever_becomes_markup(child: str, value: str) -> None:
    html = el("div", child, title=value)
    assert re.findall(r"<[a-z/]", html) == ["<d", "</"]
    opening = html[:html.index(">")]
    assert opening.count('"') == 2 and "<" not in html[1:-6]
