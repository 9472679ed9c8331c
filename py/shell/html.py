"""A tiny element builder: HTML that is safe by construction.

Views never write markup as text. They call `el("p", "Saved ", el("strong", name),
class_="status")`, and every string child and attribute value is escaped on the way in, so
what a member typed (a note, a name, a file name) can only ever be text. The result is a
`Markup`, a `str` that says "already safe"; only `Markup` passes through unescaped, and the
one way to make it from outside is `trusted()`, used for the SVG that Matplotlib draws.

Keyword attributes: a trailing underscore is dropped (`class_`, `for_`) and other underscores
become hyphens (`aria_label`, `data_action`); `True` writes a bare attribute, `None` and
`False` leave it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TypeAlias

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_VOID = frozenset({"area", "br", "col", "hr", "img", "input", "meta", "source", "wbr"})


class Markup(str):
    """HTML known to be safe: built by `el`, `join` or `trusted`."""

    __slots__ = ()


Child: TypeAlias = str | int | float | Markup | bool | Iterable["Child"] | None
Attribute: TypeAlias = str | int | float | bool | None


def trusted(html: str) -> Markup:
    """Markup produced by code we trust (Matplotlib's SVG), never by a person's input."""
    return Markup(html)


def text(value: Child) -> Markup:
    """Children as markup: strings escaped, Markup kept, None/False/True dropped."""
    return Markup("".join(_render(value)))


def join(items: Iterable[Child], separator: Child = "") -> Markup:
    """The items, rendered, with `separator` (text or Markup) between them."""
    between = text(separator)
    return Markup(between.join(text(item) for item in items))


def el(tag: str, *children: Child, **attributes: Attribute) -> Markup:
    """`<tag attributes>children</tag>`, every text escaped."""
    if not _NAME.match(tag):
        raise ValueError(f"not an element name: {tag!r}")
    opening = "<" + tag + "".join(_attribute(name, value) for name, value in attributes.items())
    if tag in _VOID:
        if any(child not in (None, False) for child in children):
            raise ValueError(f"<{tag}> cannot have children")
        return Markup(opening + ">")
    return Markup(opening + ">" + text(children) + "</" + tag + ">")


def _attribute(name: str, value: Attribute) -> str:
    if value is None or value is False:
        return ""
    html_name = name.removesuffix("_").replace("_", "-")
    if not _NAME.match(html_name):
        raise ValueError(f"not an attribute name: {name!r}")
    if value is True:
        return " " + html_name
    return f' {html_name}="{escape(str(value), quote=True)}"'


def _render(value: Child) -> Iterable[str]:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, Markup):
        yield value
    elif isinstance(value, str):
        yield escape(value, quote=False)
    elif isinstance(value, int | float):
        yield str(value)
    else:
        for item in value:
            yield from _render(item)
