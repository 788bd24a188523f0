"""Measure the dashboard as a visitor meets it, and write bench/RESULTS.md.

    python bench/run.py            # needs Debian's chromium and the packages in requirements-test.txt

It starts the app with `python app.py` on a free loopback port, opens it in headless Chromium, and
measures: bytes and time of the first load; filter change → the on-screen views (map and summary)
and → every linked view (map, summary, trade, energy, timeline and table), p50/p95 over 40 changes;
map click → details panel filled, p50/p95 over 30 clicks; the server-side time of the main callbacks,
called as functions; Lighthouse desktop and mobile (npm `lighthouse`, pinned below, installed into
the git-ignored bench/node_modules on first use; median of 3 each) against Debian's chromium; and a
load run with locust (bench/locustfile.py: 50 users, loopback, 60 s) against `gunicorn app:server`.
Only loopback traffic (npm's registry once, for the install); every loop is bounded.

Filter timings run from the click event on the theme checkbox (its `timeStamp`, the moment the
visitor's click reaches the page; not the driver's own work before it) to the last repaint waited for.
The views below the first screen are drawn only when they come into view (assets/lazy_views.js),
so "on screen" is measured at 1920×1080, where the map and summary are the views in sight, and
"every view" in a second page 1920×3600 tall, where every view, the table included, is on screen
and so is redrawn by each change.
`--only web,lighthouse,load` runs some parts and keeps the others' last numbers (bench/out/).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import statistics
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIGHTHOUSE = "lighthouse@13.5.0"
LIGHTHOUSE_RUNS = 3
LOAD_USERS = 50
LOAD_SECONDS = 60
FILTER_CHANGES = 40
CLICKS = 30
CALLBACK_RUNS = 60
WARM_SECONDS = 5
LOAD_AT_START = os.getloadavg()[0]  # read when the run starts, before its own servers and browsers
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# Waits for every linked view the filter change touches. The page filters every view itself: the map,
# its key and the summary in one task, then the charts and the table, each handed a new cut only when
# it differs (assets/lazy_views.js records when: kzcnLazy.handed). So the bench waits for the map and
# the summary, for no view to hold a cut it has not been handed, and for each view handed since the
# click to redraw (plotly_afterplot; the table's kzcn:table-shown); the key's change is timed with them.
ARM = """() => {
    window.__bench = {graphs: {}, table: 0};
    const key = document.getElementById('map-key');
    if (!window.__benchKey) { new MutationObserver(() => { if (key.dataset.shown !== window.__bench.keyBefore)
                                  window.__bench.key = performance.now(); })
                                .observe(key, {attributes: true, attributeFilter: ['data-shown']});
                              window.__benchKey = true; }
    const summary = document.getElementById('view-summary');
    if (!window.__benchSummary) { new MutationObserver(() => { if (!window.__bench.summary) window.__bench.summary = performance.now(); })
                                    .observe(summary, {childList: true, subtree: true, characterData: true});
                                  window.__benchSummary = true; }
    for (const id of ['border-map', 'trade-chart', 'energy-chart', 'timeline-chart']) {
        const gd = document.querySelector('#' + id + ' .js-plotly-plot');
        if (!gd.__benchHooked) { gd.on('plotly_afterplot', () => { window.__bench.graphs[id] = performance.now(); });
                                 gd.__benchHooked = true; }
    }
    // The table shows its new rows in one step (assets/projects_table.js).
    if (!window.__benchTable) { document.addEventListener('kzcn:table-shown', () => { window.__bench.table = performance.now(); });
                                window.__benchTable = true; }
    window.__bench = {graphs: {}, table: 0, key: 0, t0: performance.now(), summary: 0, keyBefore: key.dataset.shown};
    if (!window.__benchClick) { document.addEventListener('click', (e) => {
        if (e.target.closest && e.target.closest('.controls') && !window.__bench.clicked) {
            window.__bench.t0 = e.timeStamp; window.__bench.clicked = true; } }, true);
                                window.__benchClick = true; }
}"""
# Map click → details: timed in the page, from the press's own time stamp (pointerdown: the click
# follows it) to the first animation frame after the panel's title changed (the frame that paints it),
# so the harness's round trips to the browser are not counted (they added 10–30 ms a click here). The
# panel may change inside the click's own dispatch, so the observer needs no click to have been seen.
ARM_CLICK = """() => {
    if (!window.__clickHooked) {
        window.addEventListener('pointerdown', (e) => { if (!window.__click.t0) window.__click.t0 = e.timeStamp; }, true);
        new MutationObserver(() => { const c = window.__click, h = document.querySelector('#details-panel h2');
            if (c.armed && !c.changed && h && h.textContent !== c.before) {
                c.changed = performance.now();
                requestAnimationFrame(() => { c.painted = performance.now(); }); } })
            .observe(document.getElementById('details-panel'), {childList: true, subtree: true, characterData: true});
        window.__clickHooked = true;
    }
    window.__click = {armed: true, t0: 0, changed: 0, painted: 0,
                      before: document.querySelector('#details-panel h2').textContent};
}"""
# The map and the summary are repainted in the page itself (assets/filter_mask.js).
ON_SCREEN = """() => { const b = window.__bench; return b.graphs['border-map'] > 0 && b.summary > 0; }"""
ON_SCREEN_MS = """() => { const b = window.__bench; return Math.max(b.graphs['border-map'], b.summary) - b.t0; }"""
# The views handed a new cut since the click (window.kzcnLazy.handed: view id → when).
HANDED = "Object.entries(window.kzcnLazy.handed).filter(([, t]) => t >= b.t0)"
ALL_DONE = """() => { const b = window.__bench; if (!b.graphs['border-map'] || !b.summary) return false;
    if (['trade-chart', 'energy-chart', 'timeline-chart', 'projects-table'].some(id => window.kzcnLazy.pending(id)))
        return false;
    return """ + HANDED + """.every(([id, t]) => id === 'projects-table' ? b.table >= t : b.graphs[id] >= t); }"""
ELAPSED = """() => { const b = window.__bench;
    return Math.max(b.table, b.summary, b.key, ...Object.values(b.graphs), b.t0) - b.t0; }"""


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, "
            f"Python {platform.python_version()}")


def browser_numbers(url: str) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        wire = {"bytes": 0, "requests": 0}

        def finished(event):
            wire["bytes"] += event.get("encodedDataLength", 0)
            wire["requests"] += 1

        cdp.on("Network.loadingFinished", finished)
        start = time.perf_counter()
        page.goto(url, wait_until="load")
        page.wait_for_selector("#border-map .scattergeo .point", timeout=30000)
        out["first_paint_s"] = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        out["first_load_s"] = time.perf_counter() - start
        out["first_load_bytes"] = wire["bytes"]
        out["first_load_requests"] = wire["requests"]

        out["on_screen_ms"] = _filter_changes(page, ON_SCREEN, ON_SCREEN_MS)
        # Every view on screen: a window tall enough to hold the whole page to the table's foot.
        tall = browser.new_page(viewport={"width": 1920, "height": 3600})
        tall.goto(url, wait_until="networkidle")
        tall.wait_for_selector("#border-map .scattergeo .point", timeout=30000)
        tall.wait_for_selector("#projects-table .ptable tbody tr", timeout=30000)
        out["filter_ms"] = _filter_changes(tall, ALL_DONE, ELAPSED)
        tall.close()

        # Map clicks on project markers that stand alone, time until the panel shows the new title.
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector("#border-map .scattergeo .point")
        points = page.evaluate("""() => { const out = [];
            const f = document.querySelector('#border-map .geo .bg rect').getBoundingClientRect();
            for (const g of document.querySelectorAll('#border-map .trace.scattergeo')) {
                const t = g.__data__ && g.__data__[0] && g.__data__[0].trace;
                if (t && t.legendgroup === 'projects') {
                    for (const p of g.querySelectorAll('.point')) { const r = p.getBoundingClientRect();
                        const x = r.x + r.width / 2, y = r.y + r.height / 2;
                        // Only points a click selects outright: a crowded one opens the chooser.
                        const gd = document.querySelector('#border-map .js-plotly-plot');
                        const g0 = gd.getBoundingClientRect();
                        const ids = window.kzcn.featuresAt(gd, x - g0.left, y - g0.top);
                        if (r.width && ids.length === 1 && x > f.left + 10 && x < f.right - 10
                            && y > f.top + 10 && y < f.bottom - 10)
                            out.push({x: x, y: y, id: ids[0]}); }
                }
            } return out; }""")
        # Once the page is settled, as a visitor finds it a few seconds after opening it: its own copy of
        # the details panels is fetched when it is idle (assets/details.js; absent on older branches).
        page.wait_for_function("() => !window.kzcn.detailsReady || window.kzcn.detailsReady()", timeout=30000)
        served, busy = [], set()
        page.on("request", lambda r: served.append(1) if "details-served" in (r.post_data or "") else None)
        page.on("request", lambda r: busy.add(r) if "_dash-update-component" in r.url else None)
        page.on("requestfinished", lambda r: busy.discard(r))
        page.on("requestfailed", lambda r: busy.discard(r))
        clicks = []
        for i in range(CLICKS):
            pt = points[(i * 7) % len(points)]
            page.mouse.move(pt["x"], pt["y"])
            page.evaluate(ARM_CLICK)
            page.mouse.click(pt["x"], pt["y"])
            try:
                page.wait_for_function("() => window.__click.painted > 0 && window.__click.t0 > 0", timeout=5000)
            except Exception:  # the same project twice in a row: nothing to change, not a sample
                continue
            clicks.append(page.evaluate("() => window.__click.painted - window.__click.t0"))
            # Each click on a settled page, as a reader clicks: the URL, the highlight and the rest of
            # the last click's answers in before the next (they would otherwise be timed with it).
            page.wait_for_function("(id) => new URLSearchParams(location.search).get('select') === id",
                                   arg=pt["id"], timeout=10000)
            for _ in range(100):
                if not busy:
                    break
                page.wait_for_timeout(50)
            page.wait_for_timeout(300)
        out["click_server_requests"] = len(served)
        out["click_ms"] = clicks
        browser.close()
    return out


def _filter_changes(page, done: str, elapsed: str) -> list[float]:
    """A theme switched on, then off again, round the five themes, so every view has work to do each
    time; ms from the click to `done`."""
    themes = ["Energy", "Connectivity", "Security", "Economy", "Diplomacy"]
    times = []
    for i in range(FILTER_CHANGES):
        page.evaluate(ARM)
        page.get_by_label(themes[(i // 2) % len(themes)], exact=True).click()
        page.wait_for_function(done, timeout=15000)
        times.append(page.evaluate(elapsed))
    return times


def server_numbers() -> dict:
    """What a filter click asks of the server (the URL's state callback, which also writes the phone's
    share line), posted as the page posts it through Flask's test client, so Dash's own dispatch is
    counted; and the selection's callbacks called as functions."""
    from app import create_app
    from bench.locustfile import filter_requests
    from callbacks.selection import highlight, show
    from kzcn.tables import load

    ds = load()
    client = create_app(warm_static=False).server.test_client()
    deps = client.get("/_dash-dependencies").get_json()
    rng = random.Random(3)
    filter_ms, show_ms = [], []
    ids = list(ds.projects["project_id"][:10]) + list(ds.events["event_id"][:10])
    for i in range(CALLBACK_RUNS):
        t0 = time.perf_counter()
        for body in filter_requests(deps, rng):
            answer = client.post("/_dash-update-component", json=body)
            assert answer.status_code in (200, 204), answer.status_code
        filter_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        show(ids[i % len(ids)])
        highlight(ids[i % len(ids)])
        show_ms.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    load.cache_clear()
    load()
    return {"filter_ms": filter_ms, "show_ms": show_ms, "load_s": time.perf_counter() - t0}


def _serve(cmd: list[str], port: int) -> subprocess.Popen:
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1"}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(240):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    # The app compresses its scripts, then the layout in each language, in the background after start-up
    # (kzcn/static_compression.py): measuring during that measures a machine with a core taken. The
    # last thing it compresses answers at once when it is done.
    from kzcn import i18n

    last = f"http://127.0.0.1:{port}/_dash-layout?lang={i18n.LANGS[-1]}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            urllib.request.urlopen(urllib.request.Request(last, headers={"Accept-Encoding": "br"}), timeout=60).read()
        except OSError:
            pass
        if time.monotonic() - started < 0.05:
            break
        time.sleep(1)
    time.sleep(WARM_SECONDS)  # and the details panels after it
    return proc


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def lighthouse_numbers(url: str) -> dict:
    """Median of LIGHTHOUSE_RUNS runs, desktop and mobile: score, CLS, LCP, TBT."""
    cli = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        subprocess.run(["npm", "install", "--prefix", str(ROOT / "bench"), LIGHTHOUSE, "--no-audit", "--no-fund",
                        "--loglevel=error"], check=True, timeout=600)
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    out: dict = {}
    for form in ("desktop", "mobile"):
        runs, failed = [], []
        # A run whose trace Lighthouse could not read (its NO_NAVSTART, seen here now and then) is run
        # again, up to twice per form, and said in the results; it is never counted as a score.
        while len(runs) < LIGHTHOUSE_RUNS and len(failed) <= 2:
            with tempfile.TemporaryDirectory() as tmp:
                report = Path(tmp) / "lh.json"
                cmd = [str(cli), url, "--quiet", "--only-categories=performance", "--output=json",
                       f"--output-path={report}", f"--chrome-flags={flags}"]
                if form == "desktop":
                    cmd.append("--preset=desktop")
                done = subprocess.run(cmd, env=env, timeout=300, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True)
                # A failed trace may end the run with an error and no report, or write one that says so.
                lh = (json.loads(report.read_text(encoding="utf-8")) if report.exists()
                      else {"runtimeError": {"code": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1][:80]}})
            if lh.get("runtimeError") or lh["categories"]["performance"]["score"] is None:
                failed.append((lh.get("runtimeError") or {}).get("code", "no score"))
                continue
            audits = lh["audits"]
            runs.append({"score": lh["categories"]["performance"]["score"] * 100,
                         "cls": audits["cumulative-layout-shift"]["numericValue"],
                         "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
                         "tbt": audits["total-blocking-time"]["numericValue"]})
        if not runs:
            raise RuntimeError(f"Lighthouse {form}: no run gave a score ({', '.join(failed)})")
        out[form] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        out[form]["scores"] = [r["score"] for r in runs]
        out[form]["failed"] = failed
    return out


def load_numbers(port: int) -> dict:
    """locust, headless, LOAD_USERS users for LOAD_SECONDS against gunicorn on loopback."""
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "load"
        subprocess.run([sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                        "-u", str(LOAD_USERS), "-r", "10", "-t", f"{LOAD_SECONDS}s", "--host",
                        f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary"],
                       check=False, timeout=LOAD_SECONDS + 120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import csv

        with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
            rows = {r["Name"]: r for r in csv.DictReader(fh)}
    total = rows["Aggregated"]
    return {"rps": float(total["Requests/s"]), "p50": float(total["50%"]), "p95": float(total["95%"]),
            "requests": int(total["Request Count"]), "errors": int(total["Failure Count"]),
            "state_p95": float(rows["state callback"]["95%"]) if "state callback" in rows else None}


def main() -> None:
    """`--only web,lighthouse,load` runs those parts and takes the others from the last run
    (bench/out/numbers.json), so each part can be measured in its own turn on a shared machine."""
    every = {"web", "lighthouse", "load"}
    ask = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ask.add_argument("--only", default=",".join(sorted(every)),
                     help="comma-separated parts to run (web, lighthouse, load); the others keep their last numbers")
    parts = set(ask.parse_args().only.split(","))
    if parts - every:
        ask.error(f"unknown part(s): {', '.join(sorted(parts - every))}; choose from {', '.join(sorted(every))}")
    saved = ROOT / "bench" / "out" / "numbers.json"
    numbers = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    if parts & {"web", "lighthouse"}:
        port = _port()
        proc = _serve([sys.executable, "app.py"], port)
        try:
            url = f"http://127.0.0.1:{port}/"
            if "web" in parts:
                numbers["web"] = browser_numbers(url)
                numbers["server"] = server_numbers()
            if "lighthouse" in parts:
                numbers["lighthouse"] = lighthouse_numbers(url)
        finally:
            _stop(proc)
    if "load" in parts:
        gport = _port()
        # gunicorn.conf.py, when the repository has one, holds the production settings; until then the
        # settings the issue measured with.
        cmd = [sys.executable, "-m", "gunicorn", "app:server", "--bind", f"127.0.0.1:{gport}"]
        if not (ROOT / "gunicorn.conf.py").exists():
            cmd += ["-w", "2", "--threads", "4"]
        gproc = _serve(cmd, gport)
        try:
            numbers["load"] = load_numbers(gport)
        finally:
            _stop(gproc)
    saved.parent.mkdir(exist_ok=True)
    saved.write_text(json.dumps(numbers), encoding="utf-8")
    write(numbers["web"], numbers["server"], numbers.get("lighthouse"), numbers.get("load"))


def _pct_row(label, values, target=None, before="", unit=""):
    p50, p95 = statistics.median(values), _pct(values, 0.95)
    verdict = "" if target is None else (" met" if p95 <= target else " **not met**")
    goal = "" if target is None else f"p95 ≤ {target}{unit}{verdict}"
    return f"| {label} | {len(values)} | {p50:.0f} | {p95:.0f} | {goal} | {before} |"


def write(web: dict, srv: dict, lh: dict | None, load: dict | None) -> None:
    kb = web["first_load_bytes"] / 1024
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `python bench/run.py` on: {_machine()};",
        f"load average at the start {LOAD_AT_START:.1f} (the 2 cores are shared with other jobs, so",
        "timings move between runs). Debian Chromium, headless, 1920×1080; the app served by `python app.py`",
        "(Flask, responses compressed); the load run against gunicorn. \"Before\" is the figure issue 11",
        "recorded before the change (its table), on this machine.",
        "",
        "## First load",
        "",
        f"- Over the wire: **{kb:,.0f} KiB** in {web['first_load_requests']} requests (cache off; target ≤ 1.5 MB"
        f" = 1,465 KiB: {'met' if kb <= 1465 else 'not met'}; before: 1,251 KiB in 40 requests).",
        f"- Map painted after {web['first_paint_s']:.2f} s (the projects table and the charts' figures"
        f" come when they near the viewport); network idle after {web['first_load_s']:.2f} s.",
        "",
    ]
    if lh:
        lines += ["## Lighthouse (performance, median of 3)", "",
                  "| | score | CLS | LCP (s) | TBT (ms) | target | before |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for form, target, before in (("desktop", "score ≥ 95, CLS < 0.02, LCP < 1.0 s, TBT < 150 ms",
                                      "67–73; CLS 0.14–0.31, LCP 1.5 s, TBT 370–610 ms"),
                                     ("mobile", "score ≥ 80", "39–46; LCP 7.2 s, TBT 2.7 s")):
            r = lh[form]
            runs = ", ".join(f"{x:.0f}" for x in r["scores"])
            if r.get("failed"):
                runs += f"; {len(r['failed'])} run(s) without a trace, run again: {', '.join(r['failed'])}"
            lines.append(f"| {form} | **{r['score']:.0f}** ({runs}) | {r['cls']:.3f} | {r['lcp']:.2f} | {r['tbt']:.0f} "
                         f"| {target} | {before} |")
        lines.append("")
    lines += [
        "## Interactions, in the browser (ms)",
        "",
        "| what | samples | p50 | p95 | target | before (p50 / p95) |",
        "| --- | --- | --- | --- | --- | --- |",
        _pct_row("filter change → map and summary repainted (on screen, 1920×1080)", web["on_screen_ms"], 100,
                 before="227 / 340"),
        _pct_row("filter change → every view repainted (map, summary, trade, energy, timeline, table; all on "
                 "screen, 1920×3600)", web["filter_ms"], 200, before="266 / 401"),
        _pct_row("map click → details panel filled", web["click_ms"], 60, before="205 / 391"),
        "",
        "Timed from the click event on a theme checkbox to the last repaint. The charts and the table below the",
        "first screen are drawn when they come into view, so \"every view\" is measured in a window tall enough",
        "(1920×3600) to have them all on screen.",
        "",
        "Map clicks are timed in the page: from the press (pointerdown) to the animation frame after the panel's "
        "title changed. Server requests for a panel during them (the page renders panels from its own copy, "
        f"kzcn/details_index.py, once fetched): {web.get('click_server_requests', 'not counted')}.",
        "",
        "## Server callbacks (ms)",
        "",
        "| what | samples | p50 | p95 | target | before |",
        "| --- | --- | --- | --- | --- | --- |",
        _pct_row("filter change: its one server request, through Dash's dispatch (the URL's state callback "
                 "and the phone's share line; every view is drawn in the page)", srv["filter_ms"],
                 before="28 / 162 (the views callback, with the map)"),
        _pct_row("selection (`callbacks.selection.show` + `highlight`)", srv["show_ms"], before="19 / 32"),
        "",
        f"Loading and validating every table and the geometry at start-up: {srv['load_s']:.2f} s.",
        "",
    ]
    if load:
        ok = load["rps"] >= 300 and load["p95"] <= 300 and load["errors"] == 0
        lines += [
            "## Load: 50 visitors (locust, loopback, 60 s) against `gunicorn app:server`",
            "",
            "| requests/s | p50 (ms) | p95 (ms) | requests | errors | target | before |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            f"| **{load['rps']:.0f}** | {load['p50']:.0f} | {load['p95']:.0f} | {load['requests']} | {load['errors']} "
            f"| ≥ 300 req/s, p95 ≤ 300 ms, 0 errors: {'met' if ok else '**not met**'} | 215 req/s, p95 537 ms, 0 errors |",
            "",
            "A visit (bench/locustfile.py): the page and its layout once, then filter changes four times as often"
            " as page loads. A filter change asks the server for one thing, the URL's state callback (p95 "
            f"{load.get('state_p95') or 0:.0f} ms), which also writes the phone's share line; every view is filtered in the page.",
            "",
        ]
    lines += ["Mutation scores (issue 10) are measured apart, with mutmut: bench/MUTATION.md.", ""]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
