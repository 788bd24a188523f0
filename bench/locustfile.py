"""Fifty visitors on loopback (bench/run.py starts it): each opens the page and then filters it.

A visit is what the browser asks of the server: the page, its layout and callback list, then filter
changes. A filter change, as the page makes it, is one callback request: the state callback (the
link follows the controls, and the phone's share line follows the link). Every view answers in the
page itself (assets/filter_mask.js, assets/chart_cut.js).
"""

from __future__ import annotations

import json
import random

from locust import FastHttpUser, between, task

BROWSER = {"Accept-Encoding": "br, gzip"}  # as a browser asks: the compressed forms the server keeps
THEMES = ["economy", "connectivity", "energy", "security", "diplomacy"]


def _request(deps: list[dict], output: str) -> dict:
    """A server callback's request skeleton, found by one of its outputs in /_dash-dependencies as the
    page reads it."""
    spec = next(d for d in deps if d["clientside_function"] is None and f"..{output}.." in f"..{d['output']}..")
    outputs = []
    for part in spec["output"].strip(".").split("..."):
        cid, prop = part.rsplit(".", 1)
        outputs.append({"id": cid, "property": prop.split("@")[0]})
    return {"output": spec["output"], "outputs": outputs, "inputs": spec["inputs"], "state": spec["state"]}


def filter_requests(deps: list[dict], rng: random.Random) -> list[dict]:
    """The bodies of one filter change's requests: a theme or two and a year window."""
    years = sorted(rng.sample(range(1992, 2026), 2))
    themes = rng.sample(THEMES, rng.randint(0, 2))
    values = {"sector-filter": [], "theme-filter": themes, "year-range": years, "year-meaning": "active",
              "selected-feature": None, "url": "", "share-first-search": ""}

    def body(spec: dict, changed: str, given: dict) -> dict:
        def fill(deps_):
            return [{**d, "value": given.get(d["id"]) if d["property"] != "search" else given["url"]} for d in deps_]
        return {**spec, "inputs": fill(spec["inputs"]), "state": fill(spec["state"]), "changedPropIds": [changed]}

    return [body(_request(deps, "url.search"), "theme-filter.value", values)]


class Visitor(FastHttpUser):
    # A short pause between actions: fifty visitors this busy are the load a server of this size must
    # carry (the 300 requests a second), not a model of one person's pace.
    wait_time = between(0.05, 0.25)

    def on_start(self):
        self.client.get("/")
        self.client.get("/_dash-layout")
        self.deps = self.client.get("/_dash-dependencies").json()
        self.rng = random.Random()

    @task(1)
    def open_page(self):
        self.client.get("/", name="/ (page)", headers=BROWSER)
        self.client.get("/_dash-layout", name="/_dash-layout", headers=BROWSER)

    @task(4)
    def filter(self):
        for body, name in zip(filter_requests(self.deps, self.rng), ("state callback",), strict=True):
            self.client.post("/_dash-update-component", data=json.dumps(body), name=name,
                             headers={"Content-Type": "application/json", "Accept-Encoding": "br, gzip"})
