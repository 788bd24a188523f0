"""The layout is serialized once per language and the page carries only a skeleton of it.
Flask's test client, no browser."""

from __future__ import annotations

import gzip
import json
import re

import brotli
import pytest
from dash._utils import to_json

from kzcn import i18n
from kzcn.tables import load
from layouts.page import page
from serving.layout_cache import skeleton


@pytest.fixture(scope="module")
def dash_app():
    import app

    return app.create_app(warm_static=False)


def _config(html: str) -> dict:
    found = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def _key(component_id) -> str:
    """A string id as it is; a pattern-matching id as its sorted keys (what a wildcard must match)."""
    if isinstance(component_id, str) and not component_id.startswith("{"):
        return component_id
    parsed = json.loads(component_id) if isinstance(component_id, str) else component_id
    return "{" + ",".join(sorted(parsed)) + "}"


def _callback_ids(dash_app) -> set[str]:
    """Every id a callback names, but those it reads as optional (the renderer checks nothing about
    those)."""
    ids = set()
    for spec in dash_app.callback_map.values():
        for dep in [*spec["inputs"], *spec["state"]]:
            if not dep.get("allow_optional"):
                ids.add(_key(dep["id"]))
    for key in dash_app.callback_map:
        for part in key.strip(".").split("..."):
            if "." in part:  # a callback without outputs is keyed by a hash
                ids.add(_key(part.rsplit(".", 1)[0].split("@")[0]))
    return ids


def test_the_page_validates_callbacks_against_ids_and_types_only(dash_app):
    html = dash_app.server.test_client().get("/").get_data(as_text=True)
    stand_ins = _config(html)["validation_layout"]["props"]["children"]
    by_id = {json.dumps(c["props"]["id"], sort_keys=True): c for c in stand_ins}
    assert _callback_ids(dash_app) <= {_key(c["props"]["id"]) for c in stand_ins}  # every id a callback names: the renderer finds them all
    assert all(set(c["props"]) == {"id"} for c in stand_ins)  # no figure, no rows, no text: a skeleton
    # Each stand-in has its component's own type, which the renderer reads to check the property.
    root = page(load(), "en")
    full = {json.dumps(c.id, sort_keys=True): (c._type, c._namespace) for c in [root, *root._traverse_ids()]}
    assert {i: (c["type"], c["namespace"]) for i, c in by_id.items()} == full


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("encoding", [None, "gzip", "br"])
def test_the_layout_served_is_the_pages_layout_in_its_language(dash_app, lang, encoding):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    response = dash_app.server.test_client().get(f"/_dash-layout?lang={lang}", headers=headers)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers.get("Content-Encoding") == encoding
    body = response.get_data()
    body = {None: lambda b: b, "gzip": gzip.decompress, "br": brotli.decompress}[encoding](body)
    assert body == to_json(page(load(), lang)).encode("utf-8")
    assert any("Accept-Language" in v for v in response.headers.get_all("Vary"))


def test_a_browser_language_picks_the_layout_when_the_link_names_none(dash_app):
    client = dash_app.server.test_client()
    russian = client.get("/_dash-layout", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).get_data()
    assert russian == client.get("/_dash-layout?lang=ru").get_data()
    assert russian != client.get("/_dash-layout?lang=en").get_data()


def test_skeleton_keeps_every_id_and_nothing_else():
    from dash import dcc, html

    tree = html.Div([html.H1("Title"), html.Div(dcc.Graph(id="g", figure={"data": [1]}), id="box"),
                     dcc.Store(id="s", data=[1, 2])], id="root")
    stand_ins = skeleton(tree).children
    assert stand_ins == [{"type": "Div", "namespace": "dash_html_components", "props": {"id": "root"}},
                         {"type": "Div", "namespace": "dash_html_components", "props": {"id": "box"}},
                         {"type": "Graph", "namespace": "dash_core_components", "props": {"id": "g"}},
                         {"type": "Store", "namespace": "dash_core_components", "props": {"id": "s"}}]
