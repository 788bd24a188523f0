"""The page's copy of every details panel (kzcn/details_index.py), as functions and as the file served.

No browser and no server: tests/test_details_client.py checks the browser draws these as Dash does.
"""

from __future__ import annotations

import hashlib
import json

import brotli
import pytest
from flask import Flask

from kzcn import details_index
from kzcn.details_index import as_json, compact, details_file, expand, panels, url
from kzcn.vocabulary import vocabulary
from layouts.details import KINDS, details, find


@pytest.fixture(scope="module")
def client():
    server = Flask(__name__)
    details_index.install(server)
    return server.test_client()


def test_every_feature_the_details_know_has_its_panel_and_nothing_else(ds):
    held = set(panels(ds, "en")["panels"])
    keys = {fid for table, key, _kind in KINDS for fid in ds.table(table)[key]}
    assert held == keys
    # What a link may select but the details cannot find (a pipeline system) gets the "nothing
    # selected" panel, as the server's callback gives it.
    for fid in vocabulary(ds).features - held:
        assert find(ds, fid) is None
        assert as_json(details(ds, fid, "en")) == expand(panels(ds, "en")["none"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_panel_is_the_one_the_server_renders(ds, lang):
    written = panels(ds, lang)
    assert expand(written["none"]) == as_json(details(ds, None, lang))
    for fid, panel in written["panels"].items():
        assert expand(panel) == as_json(details(ds, fid, lang)), fid


def test_compact_is_undone_by_expand_and_refuses_what_it_could_not_undo():
    tree = [{"type": "P", "namespace": "dash_html_components",
             "props": {"children": ["a ", {"type": "A", "namespace": "dash_html_components",
                                            "props": {"children": "link", "href": "?select=x"}}],
                       "className": "kicker"}},
            {"type": "Link", "namespace": "dash_core_components", "props": {"href": "/", "style": {"color": "red"}}},
            "text", 3, None]
    small = compact(tree)
    assert small[0] == {"$": "P", "children": ["a ", {"$": "A", "children": "link", "href": "?select=x"}],
                        "className": "kicker"}
    assert small[1]["$ns"] == "dash_core_components"
    assert expand(small) == tree
    with pytest.raises(ValueError):
        compact({"type": "P", "namespace": "dash_html_components", "props": {"$": 1}})
    with pytest.raises(ValueError):
        compact({"$": "looks like a component"})


def test_the_file_is_named_by_its_content_and_english_is_one_file(ds):
    digest, body = details_file(ds, "ru")
    assert digest == hashlib.sha256(body).hexdigest()[:16]
    assert url(ds, "ru") == f"/_details/ru.{digest}.json"
    assert json.loads(body) == panels(ds, "ru")
    assert url(ds, None) == url(ds, "en") == url(ds, "EN-gb") != url(ds, "kk")
    assert details_file(ds, None) == details_file(ds, "en")


def test_the_file_is_served_compressed_and_cached_for_good(ds, client):
    path = url(ds, "kk")
    answer = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert answer.status_code == 200
    assert answer.headers["Content-Encoding"] == "br"
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.mimetype == "application/json"
    assert json.loads(brotli.decompress(answer.data)) == panels(ds, "kk")
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and json.loads(plain.data) == panels(ds, "kk")


@pytest.mark.parametrize("name", ["kk.0000000000000000.json", "xx.0123456789abcdef.json", "kk.json",
                                  "..%2Fapp.py", "kk.ABCDEF0123456789.json"])
def test_a_stale_or_made_up_name_is_not_found(client, name):
    assert client.get(f"/_details/{name}").status_code == 404
