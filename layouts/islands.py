"""The page's fixed parts, each sent as one component: a block of HTML that no callback reads or writes.

Dash mounts every component of the layout through its own store, and each mount, and each of the
store's updates while the page starts, runs a check for every component on the page: the start-up
cost grows with the square of the count (measured here: with 244 components the page's load made 251
such mounts and 58 callback updates, each passing over every component). The header's facts, the map
key's entries, the captions and the footer change only with the language, so each is written here
once, as HTML, by the same rules as the page's first-screen copy (layouts/html_text.py), ids and
data attributes kept.

An island holds only `dash.html` components whose ids no callback uses: `island` refuses anything
else, and tests/test_islands.py checks the page's islands against the callbacks.
"""

from __future__ import annotations

from dash.development.base_component import Component

from layouts.html_text import TAGS, StaticHtml, to_html

# Props of dash.html components that are Dash's bookkeeping, not attributes of the element.
DASH_ONLY = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "key"}


def island(node: Component) -> StaticHtml:
    """`node`, a tree of `dash.html` components, as one StaticHtml component."""
    _check(node)
    props = node.to_plotly_json()["props"]
    attributes = {name: value for name, value in props.items() if name not in DASH_ONLY and value is not None}
    return StaticHtml(tag=TAGS.get(node._type, node._type.lower()), attributes=attributes,  # noqa: SLF001
                      html=to_html(props.get("children"), keep_ids=True), children=node)


def _check(node) -> None:
    if isinstance(node, list | tuple):
        for child in node:
            _check(child)
        return
    if not isinstance(node, Component):
        return
    if node._namespace != "dash_html_components":  # noqa: SLF001
        raise ValueError(f"an island holds only dash.html components, not {node._namespace}.{node._type}")  # noqa: SLF001
    if not isinstance(getattr(node, "id", None), str | None):
        raise ValueError(f"an island holds no pattern-matching ids ({node.id!r}): a callback listens to them")
    _check(getattr(node, "children", None))


def islands_in(node: Component) -> list[StaticHtml]:
    """Every island in a layout."""
    return [found for found in node._traverse() if isinstance(found, StaticHtml)]  # noqa: SLF001
