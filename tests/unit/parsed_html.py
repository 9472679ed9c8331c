"""View HTML read back as a browser would: a tree of elements with attributes and text.

Tests of views assert what a member sees (an element's text as `textContent` gives it, an
attribute's value) instead of the exact markup, so attribute order or spacing never matters
and escaped text is compared as the text it shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset({"area", "br", "col", "hr", "img", "input", "meta", "source", "wbr"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Like the DOM's textContent: every text inside, in order, nothing added."""
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def words(self) -> str:
        """The text with runs of white space made one space, as Playwright compares it."""
        return " ".join(self.text.split())

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def all(self, tag: str | None = None, **attrs: str | None) -> list[Node]:
        """Elements inside with this tag (any when None) and these attribute values
        (`class_` matches one of the classes; `data_week` means `data-week`)."""
        return [n for n in self.walk() if (tag is None or n.tag == tag)
                and all(_has(n, name, value) for name, value in attrs.items())]

    def one(self, tag: str | None = None, **attrs: str | None) -> Node:
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    def tags(self) -> list[str]:
        return [n.tag for n in self.walk()]

    def values(self) -> Iterator[str]:
        """Every text and attribute value inside: where a person's words may show."""
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                yield from (v for v in child.attrs.values() if v is not None)
                yield from child.values()


def _has(node: Node, name: str, value: str | None) -> bool:
    attribute = name.removesuffix("_").replace("_", "-")
    if attribute not in node.attrs:
        return False
    if attribute == "class" and value is not None:
        return value in (node.attrs["class"] or "").split()
    return value is None or node.attrs[attribute] == value


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.open[-1].children.append(node)
        if tag not in _VOID:
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.open[-1].tag == tag, f"</{tag}> closes <{self.open[-1].tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(html: str) -> Node:
    """The HTML as a tree under a root node; every element must be closed in order."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.open == [builder.root], "unclosed elements"
    return builder.root

