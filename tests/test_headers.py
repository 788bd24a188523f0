"""Every response carries the security headers; versioned files are cached for a year, the rest revalidated.

Flask's test client only: no browser, no server. tests/test_policy_page.py runs the page under this policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from serving import security

IMMUTABLE = "public, max-age=31536000, immutable"
SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


@pytest.fixture(scope="module")
def client():
    from app import create_app

    return create_app(warm_static=False).server.test_client()


@pytest.fixture(scope="module")
def page(client):
    response = client.get("/")
    assert response.status_code == 200
    return response


def _policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response.headers["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


def _src(page, pattern: str) -> str:
    return re.search(rf'src="({pattern}[^"]*)"', page.get_data(as_text=True)).group(1)


def _urls(page) -> dict[str, str]:
    return {
        "page": "/",
        "layout": "/_dash-layout",
        "dependencies": "/_dash-dependencies",
        "asset": _src(page, "/assets/plotly-kzcn.min.js"),
        "component suite": _src(page, "/_dash-component-suites/dash/dash-renderer/"),
        "download": "/download/china-kazakhstan-data.zip",
    }


@pytest.mark.parametrize("kind", ["page", "layout", "dependencies", "asset", "component suite", "download"])
def test_every_response_carries_the_security_headers(client, page, kind):
    response = client.get(_urls(page)[kind])
    assert response.status_code == 200
    headers = response.headers
    assert headers["Content-Security-Policy"] == page.headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    allowed = dict(item.split("=", 1) for item in headers["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen", "clipboard-read"):
        assert allowed[feature] == "()", feature
    assert allowed["clipboard-write"] == "(self)"  # Cite this view's copy buttons


def test_scripts_come_from_the_app_or_by_hash_and_nothing_is_evaluated(page):
    policy = _policy(page)
    script_src = policy["script-src"]
    assert script_src[0] == "'self'"
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", token) for token in script_src[1:])
    assert policy["default-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    # Inline styles stay allowed (the renderer, dcc, AG Grid and plotly.js write <style> elements);
    # style-src allows nothing from another host.
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


def test_every_inline_script_in_the_page_is_allowed_by_its_hash(page):
    """The hashes are computed when the app is built; an inline script added later (to the index
    template, or an inline clientside callback) must be among them, or the browser refuses it."""
    allowed = set(_policy(page)["script-src"])
    html = re.sub(r"<!--.*?-->", "", page.get_data(as_text=True), flags=re.S)  # Dash's note for old IE
    inline = [m["body"] for m in SCRIPT.finditer(html)
              if "src=" not in m["attrs"] and "application/json" not in m["attrs"]]
    # Dash's own inline start (`new DashRenderer()`) is a file now (serving/scripts.py); its hash stays
    # allowed for the page Dash writes unchanged when a callback brings an inline script.
    from serving.scripts import RENDERER

    assert inline == []
    for body in inline + [SCRIPT.search(RENDERER)["body"]]:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in allowed, body[:80]


def test_versioned_files_are_cached_for_a_year(client, page):
    for url in (_urls(page)["asset"], _urls(page)["component suite"], "/_favicon.ico?v=4.4.1"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == IMMUTABLE, url


@pytest.mark.parametrize("kind", ["page", "layout", "dependencies", "download"])
def test_the_page_and_its_data_are_revalidated(client, page, kind):
    response = client.get(_urls(page)[kind])
    assert response.headers["Cache-Control"] == "no-cache"


def test_unversioned_urls_are_not_cached_for_long(client, page):
    """The same file under a URL without its version may change at the next deploy."""
    asset = _urls(page)["asset"].split("?")[0]
    suite = re.sub(r"\.v[\w-]+m[0-9a-f]+\.", ".", _urls(page)["component suite"])
    assert suite != _urls(page)["component suite"]
    for url in (asset, suite, "/_dash-component-suites/dash/dcc/async-graph.js"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "immutable" not in response.headers.get("Cache-Control", ""), url
        assert "max-age=31536000" not in response.headers.get("Cache-Control", ""), url


def test_a_callback_answer_is_revalidated(client, page):
    call = {"output": "details-served.data", "outputs": {"id": "details-served", "property": "data"},
            "inputs": [{"id": "details-wanted", "property": "data", "value": {"id": None, "n": 1}}],
            "changedPropIds": ["details-wanted.data"], "state": [{"id": "url", "property": "search", "value": ""}]}
    response = client.post("/_dash-update-component", json=call)
    assert response.status_code in (200, 204)  # 204: nothing to update
    assert response.headers["Content-Security-Policy"] == page.headers["Content-Security-Policy"]
    assert "max-age=31536000" not in response.headers.get("Cache-Control", "")


def test_fingerprint_rule():
    assert security.fingerprinted("/_dash-component-suites/dash/deps/react@18.v4_4_1m1796210337.3.1.min.js", {})
    assert not security.fingerprinted("/_dash-component-suites/dash/dcc/async-graph.js", {})
    assert security.fingerprinted("/assets/style.css", {"m": "1796220042.87"})
    assert not security.fingerprinted("/assets/style.css", {})
    assert not security.fingerprinted("/_dash-layout", {"m": "1"})


@pytest.mark.parametrize("query", ["", "?mode=present", "?mode=pack"])
def test_the_page_loads_no_script_it_never_runs(client, query):
    """Dash's Babel polyfill and dash_table's bundle are left out (serving/scripts.py); the one piece of
    the polyfill Dash's renderer calls, regeneratorRuntime, comes first as an asset of its own."""
    html = client.get("/" + query).get_data(as_text=True)
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert not [s for s in sources if "polyfill" in s or "dash_table" in s]
    runtime = next(i for i, s in enumerate(sources) if s.startswith("/assets/regenerator-runtime.js"))
    renderer = next(i for i, s in enumerate(sources) if "/dash-renderer/" in s)
    dcc = next(i for i, s in enumerate(sources) if "/dcc/" in s)
    assert runtime < renderer and runtime < dcc
    assert client.get(sources[runtime]).status_code == 200
    # Held inert until the page's first frame, then run in order by the one script that runs at once.
    held = re.search(r'<template id="app-scripts">(.*?)</template>', html, re.S).group(1)
    assert re.findall(r'<script src="([^"]+)"', held) == sources
    start = re.search(r'<script id="_dash-renderer" src="(/assets/dash-renderer-start\.js\?m=[0-9.]+)"></script>', html)
    assert start and html.index(start[0]) > html.index("</template>")
    assert "new DashRenderer" not in re.sub(r"<!--.*?-->", "", html)  # no inline start left
    assert client.get(start[1]).status_code == 200


def test_a_page_with_an_inline_script_is_left_as_dash_wrote_it():
    from serving.scripts import RENDERER, deferred

    plain = '<script src="/assets/a.js"></script>'
    inline = plain + "\n<script>window.x = 1;</script>"
    assert deferred(inline, RENDERER, "/assets/start.js") == (inline, RENDERER)
    hooked = '<script id="_dash-renderer" type="application/javascript">var renderer = new DashRenderer({});</script>'
    assert deferred(plain, hooked, "/assets/start.js") == (plain, hooked)
    held, start = deferred(plain, RENDERER, "/assets/start.js")
    assert held == f'<template id="app-scripts">{plain}</template>'
    assert 'src="/assets/start.js"' in start


def test_trimming_leaves_every_other_script():
    from serving.scripts import trim

    tags = ['<script src="/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.12.1.min.js"></script>',
            '<script src="/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js"></script>',
            '<script src="/_dash-component-suites/dash/dash_table/bundle.v7_4_1m1.js"></script>',
            '<script src="/assets/links.js?m=1"></script>']
    assert trim("\n".join(tags)) == "\n".join([tags[1], tags[3]])
