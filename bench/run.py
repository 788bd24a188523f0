"""Measure the dashboard as a visitor meets it, and write bench/RESULTS.md.

    python bench/run.py            # needs Debian's chromium and the packages in requirements-test.txt

It starts the app with gunicorn-free `python app.py` on a free loopback port, opens it in headless
Chromium, and measures: bytes and time of the first load; filter change → every linked view
repainted (map, trade, energy, timeline and table), p50/p95 over 40 changes; map click → details
panel filled, p50/p95 over 30 clicks; and the server-side time of the main callbacks, called as
functions. Only loopback traffic; every loop is bounded.
"""

from __future__ import annotations

import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILTER_CHANGES = 40
CLICKS = 30
CALLBACK_RUNS = 60
WARM_SECONDS = 15
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# Waits for every linked view the filter change touches: the page leaves a view whose content is the
# same untouched, so the bench reads the filter callback's response for which views it redraws, then
# waits for each of those graphs to redraw (plotly_afterplot) and the grid to take its new rows.
ARM = """() => {
    if (!window.__benchFetch) {
        const orig = window.fetch;
        window.fetch = async (...args) => {
            const res = await orig(...args);
            if (String(args[0]).includes('_dash-update-component')) {
                res.clone().json().then(j => { if (j && j.response && j.response['view-keys'])
                    window.__bench.expect = Object.keys(j.response); }).catch(() => {});
            }
            return res;
        };
        window.__benchFetch = true;
    }
    window.__bench = {graphs: {}, table: 0};
    for (const id of ['border-map', 'trade-chart', 'energy-chart', 'timeline-chart']) {
        const gd = document.querySelector('#' + id + ' .js-plotly-plot');
        if (!gd.__benchHooked) { gd.on('plotly_afterplot', () => { window.__bench.graphs[id] = performance.now(); });
                                 gd.__benchHooked = true; }
    }
    const api = dash_ag_grid.getApi('projects-table');
    if (!window.__benchGrid) {
        api.addEventListener('rowDataUpdated', () => { window.__bench.table = performance.now(); });
        window.__benchGrid = true;
    }
    window.__bench = {graphs: {}, table: 0, t0: performance.now(), expect: null};
}"""
ALL_DONE = """() => { const b = window.__bench; if (!b.expect) return false;
    const graphs = b.expect.filter(k => k.endsWith('-map') || k.endsWith('-chart'));
    return graphs.every(g => b.graphs[g]) && (!b.expect.includes('projects-table') || b.table > 0); }"""
ELAPSED = """() => { const b = window.__bench;
    return Math.max(b.table, ...Object.values(b.graphs), b.t0) - b.t0; }"""


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
        page.wait_for_function(
            "() => { try { return !!dash_ag_grid.getApi('projects-table'); } catch (e) { return false; } }")
        out["first_paint_s"] = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        out["first_load_s"] = time.perf_counter() - start
        out["first_load_bytes"] = wire["bytes"]
        out["first_load_requests"] = wire["requests"]

        # Filter changes: alternate between themes and sectors so every view has work to do.
        steps = [("theme", "Energy"), ("theme", "Energy"), ("sector", "gas"), ("sector", "gas"),
                 ("theme", "Connectivity"), ("theme", "Connectivity")]
        times = []
        for i in range(FILTER_CHANGES):
            kind, what = steps[i % len(steps)]
            page.evaluate(ARM)
            if kind == "theme":
                page.get_by_label(what, exact=True).click()
            else:
                page.evaluate("() => window.__benchSector = !window.__benchSector")
                target = "?sector=gas" if page.evaluate("() => window.__benchSector") else "?"
                page.evaluate(f"() => {{ history.pushState(null, '', '{target}'); "
                              "window.dispatchEvent(new PopStateEvent('popstate')); }")
            page.wait_for_function(ALL_DONE, timeout=15000)
            times.append(page.evaluate(ELAPSED))
        out["filter_ms"] = times

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
                        const alone = window.kzcn.featuresAt(gd, x - g0.left, y - g0.top).length === 1;
                        if (r.width && alone && x > f.left + 10 && x < f.right - 10
                            && y > f.top + 10 && y < f.bottom - 10)
                            out.push({x: x, y: y}); }
                }
            } return out; }""")
        clicks = []
        for i in range(CLICKS):
            pt = points[(i * 7) % len(points)]
            before = page.inner_text("#details-panel h2")
            page.mouse.move(pt["x"], pt["y"])
            t0 = page.evaluate("() => performance.now()")
            page.mouse.click(pt["x"], pt["y"])
            try:
                page.wait_for_function("(b) => document.querySelector('#details-panel h2').innerText !== b",
                                       arg=before, timeout=5000)
            except Exception:  # the same project twice in a row: nothing to change, not a sample
                continue
            clicks.append(page.evaluate("() => performance.now()") - t0)
        out["click_ms"] = clicks
        browser.close()
    return out


def server_numbers() -> dict:
    from callbacks.selection import highlight, show
    from callbacks.views import render
    from kzcn.tables import load

    ds = load()
    variants = [([], [], [1992, 2025]), (["gas"], [], [2000, 2020]), ([], ["energy"], [1992, 2025]),
                (["rail", "logistics"], [], [2010, 2025])]
    render_ms, show_ms = [], []
    ids = list(ds.projects["project_id"][:10]) + list(ds.events["event_id"][:10])
    for i in range(CALLBACK_RUNS):
        sectors, themes, years = variants[i % len(variants)]
        t0 = time.perf_counter()
        render(sectors, themes, years, "turnover", "active", None, None)
        render_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        show(ids[i % len(ids)])
        highlight(ids[i % len(ids)])
        show_ms.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    load.cache_clear()
    load()
    return {"render_ms": render_ms, "show_ms": show_ms, "load_s": time.perf_counter() - t0}


def main() -> None:
    port = _port()
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1"}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(WARM_SECONDS)  # the app compresses its scripts in the background after start-up
        web = browser_numbers(url)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    srv = server_numbers()

    def row(label, values, target=None):
        p50, p95 = statistics.median(values), _pct(values, 0.95)
        verdict = "" if target is None else (" met" if p95 <= target else " **not met**")
        goal = "" if target is None else f"≤ {target}"
        return f"| {label} | {len(values)} | {p50:.0f} | {p95:.0f} | {goal}{verdict} |"

    kb = web["first_load_bytes"] / 1024
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `python bench/run.py` on: {_machine()};",
        "Debian Chromium, headless, 1920×1080; the app served by `python app.py` (Flask, responses compressed).",
        "",
        "## First load",
        "",
        f"- Over the wire: **{kb:,.0f} KiB** in {web['first_load_requests']} requests (cache off; target ≤ 1.5 MB"
        f" = 1,465 KiB: {'met' if kb <= 1465 else 'not met'}).",
        f"- Map and table painted after {web['first_paint_s']:.2f} s; network idle after {web['first_load_s']:.2f} s.",
        "",
        "## Interactions, in the browser (ms)",
        "",
        "| what | samples | p50 | p95 | target |",
        "| --- | --- | --- | --- | --- |",
        row("filter change → map, trade, energy, timeline and table repainted", web["filter_ms"], 150),
        row("map click → details panel filled", web["click_ms"], 100),
        "",
        "## Server callbacks, called as functions (ms)",
        "",
        "| what | samples | p50 | p95 | target |",
        "| --- | --- | --- | --- | --- |",
        row("filter change (`callbacks.views.render`)", srv["render_ms"]),
        row("selection (`callbacks.selection.show` + `highlight`)", srv["show_ms"]),
        "",
        f"Loading and validating every table and the geometry at start-up: {srv['load_s']:.2f} s.",
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
