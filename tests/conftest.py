"""Shared fixtures: the dataset, a scratch copy of data/, and the app in a real headless Chromium.

Every browser test fails if the page logs a console error or asks any host but the app's own.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kzcn.tables import DATA_DIR, load

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
BROWSER_FIXTURES = {"server_url", "browser", "make_page"}


def pytest_addoption(parser):
    parser.addoption("--no-browser", action="store_true",
                     help="run only the fast tests: none that starts the server or Chromium (what mutmut runs)")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("MUTANT_UNDER_TEST", "stats") not in ("stats", "list_all_tests", "fail", ""):
        _order_for_mutmut(items)
    if not config.getoption("--no-browser"):
        return
    slow = [item for item in items if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


def _order_for_mutmut(items) -> None:
    """Under mutmut, run a mutant's quickest test files first: the first failure ends the run (-x)."""
    import json

    try:
        durations = json.loads(Path("mutmut-stats.json").read_text())["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return
    by_file: dict[str, float] = {}
    for nodeid, seconds in durations.items():
        by_file[nodeid.split("::")[0]] = by_file.get(nodeid.split("::")[0], 0.0) + seconds
    items.sort(key=lambda item: by_file.get(item.nodeid.split("::")[0], 0.0))  # stable: file order kept


def _clear_model_caches() -> None:
    """Empty every functools cache in the app's own modules but the dataset's."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(("kzcn", "callbacks", "layouts")) or name == "kzcn.tables":
            continue
        for value in list(vars(module).values()):
            try:
                clear = getattr(value, "cache_clear", None) if getattr(value, "__module__", None) == name else None
            except RuntimeError:  # a proxy such as flask.request, read outside a request
                continue
            if callable(clear):
                clear()


@pytest.fixture(autouse=True)
def _no_stale_caches_under_mutmut(request):
    """mutmut forks each mutant's run from a process that already ran the tests unmutated, so cached
    figures and tables would hide the mutant. Under mutmut only: before each test while it maps which
    tests reach which function (so the map is complete), once per run for a mutant. Not otherwise."""
    mutant = os.environ.get("MUTANT_UNDER_TEST")
    if mutant is None or mutant.startswith("callbacks."):
        return  # the model and layouts never call the callbacks, so what they cached still holds
    session = request.session
    if mutant == "stats" or getattr(session, "_caches_cleared_for", None) != mutant:
        _clear_model_caches()
        session._caches_cleared_for = mutant


@pytest.fixture(scope="session")
def ds():
    return load()


@pytest.fixture
def data_copy(tmp_path):
    """A scratch copy of data/ that a test may break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("incoming"))
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_url():
    from werkzeug.serving import make_server

    from app import create_app

    port = _free_port()
    httpd = make_server("127.0.0.1", port, create_app(warm_static=False).server, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    # The first answers build and compress the layout and scripts once; fetch them here, so the
    # first browser test measures the page, not the server's warm-up.
    from urllib.request import urlopen
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        with urlopen(url + path, timeout=180) as response:
            response.read()
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """Records console errors and warnings, page errors, content-policy violations and requests to other
    hosts."""

    def __init__(self, page, origin: str):
        self.page = page
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.foreign: list[str] = []
        host = urlparse(origin).netloc
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("console", lambda msg: self.warnings.append(msg.text) if msg.type == "warning" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        # A script that catches the EvalError of a blocked eval leaves nothing in the console; the
        # violation event still fires, so every browser test also fails on a content-policy violation.
        page.expose_function("__kzcnPolicyViolation", lambda text: self.errors.append(text))
        page.add_init_script("""document.addEventListener('securitypolicyviolation', e =>
            window.__kzcnPolicyViolation(`content policy: ${e.violatedDirective} blocked ${e.blockedURI}`
                                         + ` (${e.sourceFile}:${e.lineNumber})`));""")

        def on_request(request):
            url = urlparse(request.url)
            if url.scheme in ("data", "blob", "about"):
                return
            if url.netloc != host:
                self.foreign.append(request.url)

        page.on("request", on_request)


@pytest.fixture
def make_page(browser, server_url):
    watches: list[PageWatch] = []
    contexts = []

    def _open(query: str = "", width: int = 1920, height: int = 1080,
              ready: str = "#border-map .scattergeo, #border-map .geo", mobile: bool = False,
              timeout: float | None = None) -> PageWatch:
        # mobile: a phone's browser (touch events, mobile viewport rules), for the phone journey;
        # timeout (ms): for the first page and the readiness wait, where the default may be too short.
        context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(page, server_url)
        watches.append(watch)
        page.goto(server_url + "/" + query, wait_until="networkidle", timeout=timeout or 60000)
        page.wait_for_selector(ready, timeout=timeout or 20000)
        return watch

    yield _open
    close_and_check(contexts, watches)


def close_and_check(contexts, watches) -> None:
    """Close the pages' browser contexts, then fail on any request to another host or console error."""
    for context in contexts:
        context.close()
    for watch in watches:
        assert watch.foreign == [], f"requests to other hosts: {watch.foreign[:5]}"
        assert watch.errors == [], f"console errors: {watch.errors[:5]}"


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


HELD_VIEWS = ("#trade-chart", "#energy-chart", "#timeline-chart", "#projects-table")
# The projects table is a box until it first comes near; then the page builds the table in it
# (assets/projects_table.js). Its rows the filters show, in the order shown, and its selected row.
TABLE_READY = "() => !!document.querySelector('#projects-table .ptable tbody')"
TABLE_IDS = """() => Array.from(document.querySelectorAll('#projects-table .ptable tbody tr:not([hidden])'),
    (row) => row.dataset.id)"""
TABLE_SELECTED = """() => Array.from(document.querySelectorAll('#projects-table .ptable tbody tr.selected'),
    (row) => row.dataset.id).join()"""
# Whether a project's row lies in the table's sight: below its titles, inside its scrolling box.
TABLE_ROW_IN_SIGHT = """(id) => { const box = document.querySelector('#projects-table .ptable-scroll').getBoundingClientRect();
    const head = document.querySelector('#projects-table thead').getBoundingClientRect();
    const row = document.querySelector('#projects-table tr[data-id="' + id + '"]');
    const r = row && row.getBoundingClientRect();
    return !!r && r.height > 0 && r.top >= head.bottom - 1 && r.bottom <= box.bottom + 1; }"""


# The projects table's titles and cells (Sources aside) that a line break cuts inside a word, among
# the rows in the table's sight (rows out of it are not laid out: content-visibility). Chinese text,
# which breaks between any two characters, is left out.
TABLE_BROKEN_WORDS = """() => {
    const lines = (el) => { const r = document.createRange(); r.selectNodeContents(el);
        return r.getClientRects().length; };
    const words = (el) => el.textContent.trim().split(/\\s+/).length;
    const box = document.querySelector('#projects-table .ptable-scroll').getBoundingClientRect();
    const seen = (el) => { const r = el.getBoundingClientRect();
        return r.height > 0 && r.bottom > box.top && r.top < box.bottom; };
    return Array.from(document.querySelectorAll(
            '#projects-table thead .sort, #projects-table tbody td:not(.col-sources)'))
        .filter(el => seen(el) && !/[\\u2e80-\\u9fff]/.test(el.textContent) && lines(el) > words(el))
        .map(el => el.textContent); }"""


def show_table(page) -> None:
    """Scroll to the projects table and wait for it, built when it first comes near, to show the
    page's latest rows."""
    page.locator("#projects-table").scroll_into_view_if_needed()
    page.wait_for_function(TABLE_READY, timeout=30000)
    page.wait_for_function("() => window.kzcnLazy.current('projects-table')", timeout=20000)


def bring_into_view(page, *views: str, back: bool = True) -> None:
    """Scroll to each view below the first screen (all of them by default) and wait until it shows its
    latest content: they are drawn when they come into view (assets/lazy_views.js). Then back to the
    top, unless `back` is false."""
    for view in views or HELD_VIEWS:
        page.locator(view).scroll_into_view_if_needed()
        page.wait_for_function("(sel) => window.kzcnLazy.current(sel.slice(1))", arg=view, timeout=20000)
    if back:
        page.evaluate("() => window.scrollTo(0, 0)")
