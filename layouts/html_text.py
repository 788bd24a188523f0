"""Components written as HTML, by one set of rules, and HTML sent as a component.

`to_html` writes the page's first-screen copy (layouts/first_screen.py): text and attributes escaped,
no ids and no data attributes (the page's scripts find elements by id and must find Dash's), and the
interactive components as their boxes: a graph as its sized div, the dropdowns, slider and grid as
nothing (the style sheet reserves their space), a checklist or radio group as its options, in Dash's
own classes. With `keep_ids` it writes the page's fixed parts (layouts/islands.py), ids, data and
aria attributes kept, which `StaticHtml` then sends as one component.
"""

from __future__ import annotations

import re
from html import escape

from dash.development.base_component import Component

# Attributes copied as they are; everything else (ids, data-*, event props) is left out.
ATTRIBUTES = {"className": "class", "href": "href", "title": "title", "lang": "lang", "hrefLang": "hreflang",
              "target": "target", "rel": "rel", "role": "role", "type": "type", "download": "download",
              "aria-label": "aria-label", "aria-current": "aria-current", "aria-hidden": "aria-hidden"}
# Dash's names for elements whose tag is a reserved word in Python.
TAGS = {"MapEl": "map", "ObjectEl": "object"}
CAMEL = re.compile(r"(?<!^)([A-Z])")
VOID = {"br", "hr", "img", "input", "wbr"}
BOXES = {"Graph"}  # drawn as their sized div
CHOICES = {"Checklist": "checkbox", "RadioItems": "radio"}


def _css(style: dict) -> str:
    return ";".join(CAMEL.sub(r"-\1", key).lower() + f":{value}" for key, value in style.items())


def _attributes(props: dict, keep_ids: bool = False) -> str:
    out = []
    for name, value in props.items():
        if name == "style" and isinstance(value, dict):
            out.append(f' style="{escape(_css(value))}"')
        elif name == "hidden" and value:
            out.append(" hidden")
        elif isinstance(value, bool) or not isinstance(value, str | int):
            continue
        elif name in ATTRIBUTES:
            out.append(f' {ATTRIBUTES[name]}="{escape(str(value))}"')
        elif keep_ids and (name == "id" or name.startswith(("data-", "aria-"))):
            out.append(f' {name}="{escape(str(value))}"')
    return "".join(out)


def to_html(node, keep_ids: bool = False) -> str:
    """One component tree as HTML, by the rules in this module's docstring; with `keep_ids`, ids and
    data and aria attributes too (an island of the page itself, layouts/islands.py)."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, str | int | float):
        return escape(str(node))
    if isinstance(node, list | tuple):
        return "".join(to_html(child, keep_ids) for child in node)
    if isinstance(node, StaticHtml):
        return to_html(node.children, keep_ids)
    if not isinstance(node, Component):
        return ""
    props = node.to_plotly_json()["props"]
    kind, namespace = node._type, node._namespace  # noqa: SLF001
    if namespace == "dash_html_components":
        tag = TAGS.get(kind, kind.lower())
        inner = to_html(props.get("children"), keep_ids)
        return f"<{tag}{_attributes(props, keep_ids)}>" + ("" if tag in VOID else f"{inner}</{tag}>")
    if kind == "Link":
        return f"<a{_attributes(props)}>{to_html(props.get('children'))}</a>"
    if kind in BOXES:
        return f"<div{_attributes(props)}></div>"
    if kind in CHOICES:
        return _choices(kind, props)
    return ""  # stores, the URL, dropdowns, the slider, the grid: no box of their own, or one reserved in CSS


def _choices(kind: str, props: dict) -> str:
    """A checklist or radio group in the classes Dash 4 gives it, its chosen options ticked."""
    short = kind.lower()
    value = props.get("value")
    chosen = set(value) if isinstance(value, list) else {value}
    inline = f" dash-{short}-inline" if props.get("inline") else ""
    options = []
    for option in props.get("options", []):
        if not isinstance(option, dict):
            continue
        tick = " checked" if option.get("value") in chosen else ""
        options.append(f'<label class="dash-options-list-option{inline}"><span class="dash-options-list-option-wrapper">'
                       f'<input type="{CHOICES[kind]}" class="dash-options-list-option-checkbox" disabled{tick}>'
                       f'</span><span class="dash-options-list-option-text">{escape(str(option.get("label", "")))}'
                       "</span></label>")
    return f'<div class="dash-options-list dash-{short} {escape(props.get("className", ""))}">{"".join(options)}</div>'


class StaticHtml(Component):
    """An element with fixed HTML inside (drawn by assets/islands.js). `children` keeps the components
    it was made from, for the first-screen copy and for whatever walks the layout on the server (Dash's
    own id checks, tests); it is not a prop, so it is never sent to the browser."""

    _namespace = "kzcn_islands"
    _type = "StaticHtml"
    _prop_names = ["id", "tag", "attributes", "html"]
    _valid_wildcard_attributes: list[str] = []
    _children_props: list[str] = []
    _base_nodes = ["children"]
    available_properties = _prop_names
    available_wildcard_properties: list[str] = []

    def __init__(self, tag: str, attributes: dict, html: str, children: Component | None = None, **kwargs):
        super().__init__(tag=tag, attributes=attributes, html=html, **kwargs)
        self.children = children
