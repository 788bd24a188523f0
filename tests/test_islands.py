"""The page's fixed parts sent as HTML, one component each (layouts/islands.py): what they may hold,
that they hold it escaped, and that no callback reaches into one."""

from __future__ import annotations

import json

import pytest
from dash import Dash, dcc, html

from callbacks import register_callbacks
from kzcn import i18n
from layouts.islands import StaticHtml, island, islands_in
from layouts.page import page


def test_an_island_is_its_root_element_with_the_rest_as_escaped_html():
    made = island(html.Ul([html.Li("Oil <pipeline> & gas", className="key-item", style={"--c": "#123"},
                                   hidden=True, **{"data-entry": "pipe-oil"}),
                           html.Li(html.A("Source", href="https://example.org/?a=1&b=2", id="src"))],
                          className="key-list", role="list", **{"aria-label": "Lines"}))
    assert isinstance(made, StaticHtml)
    sent = made.to_plotly_json()
    assert sent["namespace"] == "kzcn_islands" and sent["type"] == "StaticHtml"
    assert sent["props"]["tag"] == "ul"
    assert sent["props"]["attributes"] == {"className": "key-list", "role": "list", "aria-label": "Lines"}
    assert sent["props"]["html"] == (
        '<li class="key-item" hidden style="--c:#123" data-entry="pipe-oil">Oil &lt;pipeline&gt; &amp; gas</li>'
        '<li><a id="src" href="https://example.org/?a=1&amp;b=2">Source</a></li>')
    assert "children" not in sent["props"]  # the components it came from stay on the server


@pytest.mark.parametrize("inside", [
    dcc.Link("Present", href="?mode=present"),  # moves without a reload only as Dash's component
    dcc.Store(id="s", data=1),
    html.Button("CSV", id={"type": "csv-download", "table": "projects"}),  # a callback listens to every such id
])
def test_an_island_refuses_what_only_dash_can_draw_or_hear(inside):
    with pytest.raises(ValueError):
        island(html.Div(["text", html.Span(inside)]))


def _callback_ids() -> set[str]:
    app = Dash(__name__)
    app.layout = html.Div()
    register_callbacks(app)
    ids = set()
    for dep in app.server.test_client().get("/_dash-dependencies").get_json():
        for spec in (*dep["inputs"], *dep["state"]):
            ids.add(spec["id"])
        outputs = dep["output"].strip(".").split("...") if dep["output"].startswith("..") else [dep["output"]]
        ids.update(out.split("@")[0].rsplit(".", 1)[0] for out in outputs)
    return ids


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_callback_reads_or_writes_anything_inside_an_island(ds, lang):
    found = islands_in(page(ds, lang))
    # The header's facts and languages, the captions, the key's lists, the map's buttons, the sheet's
    # bar, the licence and the footer.
    assert len(found) >= 12
    callback_ids = _callback_ids()
    assert "border-map" in callback_ids and "map-key" in callback_ids  # the parse above finds outputs
    inside = {ident for made in found for ident in _ids(made.children)} - {None}
    assert inside and not inside & callback_ids
    # Each island is sent as its HTML, and the page stays well under the component count that made
    # its start-up slow on a phone (244 before islands).
    sent = json.dumps(page(ds, lang).to_plotly_json(), default=lambda c: c.to_plotly_json())
    assert sent.count('"namespace"') < 170


def _ids(node):
    if isinstance(node, list | tuple):
        for child in node:
            yield from _ids(child)
    elif hasattr(node, "to_plotly_json"):
        yield getattr(node, "id", None)
        yield from _ids(getattr(node, "children", None))
