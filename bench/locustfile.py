"""Fifty visitors on loopback (bench/run.py starts it): each opens the page and then filters it.

A visit is what the browser asks of the server: the page, its layout and callback list, then filter
changes, each the server callback for the off-screen views (the map and summary answer in the page).
"""

from __future__ import annotations

import json
import random

from locust import HttpUser, between, task

THEMES = ["economy", "connectivity", "energy", "security", "diplomacy"]


def _render_request(deps: list[dict]) -> dict:
    """The filter callback's request, read from /_dash-dependencies as the page reads it."""
    spec = next(d for d in deps if d["clientside_function"] is None and "..trade-chart.figure.." in f"..{d['output']}..")
    outputs = []
    for part in spec["output"].strip(".").split("..."):
        cid, prop = part.rsplit(".", 1)
        outputs.append({"id": cid, "property": prop})
    return {"output": spec["output"], "outputs": outputs, "inputs": spec["inputs"], "state": spec["state"]}


class Visitor(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.get("/")
        self.client.get("/_dash-layout")
        deps = self.client.get("/_dash-dependencies").json()
        self.spec = _render_request(deps)

    @task(1)
    def open_page(self):
        self.client.get("/", name="/ (page)")
        self.client.get("/_dash-layout", name="/_dash-layout")

    @task(4)
    def filter(self):
        values = {"sector-filter": [], "theme-filter": random.sample(THEMES, random.randint(0, 2)),
                  "year-range": sorted(random.sample(range(1992, 2026), 2)), "trade-mode": "turnover",
                  "year-meaning": "active", "selected-feature": None, "view-keys": None, "url": ""}
        inputs = [{**i, "value": values.get(i["id"])} for i in self.spec["inputs"]]
        state = [{**s, "value": values.get(s["id"])} for s in self.spec["state"]]
        body = {**self.spec, "inputs": inputs, "state": state, "changedPropIds": ["theme-filter.value"]}
        self.client.post("/_dash-update-component", data=json.dumps(body), name="filter callback",
                         headers={"Content-Type": "application/json"})
