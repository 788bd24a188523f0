"""Fifty visitors on loopback (bench/run.py starts it): each opens the page and then filters it.

A visit is what the browser asks of the server: the page, its layout and callback list, then filter
changes. A filter change, as the page makes it, is two callback requests: the state callback (the
link follows the controls) and the views callback (the map's key, the summary, and the content the
charts and table take when they come into view); the map and the summary line answer in the page.
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


class Visitor(FastHttpUser):
    # A short pause between actions: fifty visitors this busy are the load a server of this size must
    # carry (the 300 requests a second), not a model of one person's pace.
    wait_time = between(0.05, 0.25)

    def on_start(self):
        self.client.get("/")
        self.client.get("/_dash-layout")
        deps = self.client.get("/_dash-dependencies").json()
        self.views = _request(deps, "view-keys.data")
        self.state = _request(deps, "url.search")

    def _post(self, spec: dict, values: dict, name: str) -> None:
        inputs = [{**i, "value": values.get(i["id"])} for i in spec["inputs"]]
        state = [{**s, "value": values.get(s["id"])} for s in spec["state"]]
        body = {**spec, "inputs": inputs, "state": state, "changedPropIds": ["theme-filter.value"]}
        self.client.post("/_dash-update-component", data=json.dumps(body), name=name,
                         headers={"Content-Type": "application/json", "Accept-Encoding": "br, gzip"})

    @task(1)
    def open_page(self):
        self.client.get("/", name="/ (page)", headers=BROWSER)
        self.client.get("/_dash-layout", name="/_dash-layout", headers=BROWSER)

    @task(4)
    def filter(self):
        years = sorted(random.sample(range(1992, 2026), 2))
        values = {"sector-filter": [], "theme-filter": random.sample(THEMES, random.randint(0, 2)),
                  "year-range": years, "trade-mode": "turnover", "year-meaning": "active",
                  "selected-feature": None, "view-keys": None, "url": ""}
        self._post(self.state, values, "state callback")
        self._post(self.views, values, "filter callback")
