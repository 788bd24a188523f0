"""Hostile values for the callbacks, and request bodies built from /_dash-dependencies.

Shared by tests/test_hostile.py (pure) and tests/test_hostile_page.py (browser). Values mix junk of
every JSON type with the page's own values (known slugs, ids, years), so a request gets past the
first check often enough to reach the code behind it.
"""

from __future__ import annotations

import json
import math
import random

from kzcn.vocabulary import vocabulary

MARKUP = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
          "{{7*7}}", "${7*7}", "'; DROP TABLE projects; --", "\u202e\u0000\ufeff", "../../etc/passwd")
QUERIES = ("", "?", "?sector=oil,gas", "?theme=energy&from=2010&to=2020", "?mode=present&scene=2",
           "?mode=pack", "?select=cacgp-line-c", "?from=2030&to=1900", "?years=started", "?scene=999&mode=present",
           "?sector=%00%ff", "?from=NaN", "?sector=" + "oil," * 300, "?a=1&a=2&a=3", "?" + "x" * 5000,
           "?%zz=%zz", "sector=oil", "?select=<b>x</b>", "?mode=present&scene=-1&sector=oil&sector=gas", "?lang=kk&sector=oil", "?lang=xx&theme=energy",
           "?lang=zh&mode=present&scene=3", "?lang=ru&lang=en", "?lang=" + "<b>" * 50)


def known_values(ds) -> dict[str, list]:
    """Values the page itself sends for each property, so hostile mixes reach deep code too."""
    vocab = vocabulary(ds)
    sectors, themes, features = sorted(vocab.sectors), sorted(vocab.themes), sorted(vocab.features)
    first, last = vocab.first_year, vocab.last_year
    return {
        "search": list(QUERIES),
        "href": [f"http://127.0.0.1:8050/{q}" for q in QUERIES[:6]],
        "sectors": [[], sectors[:1], sectors[:3], sectors],
        "themes": [[], themes[:1], themes],
        "years": [[first, last], [2010, 2015], [last, first], [2024, 2024]],
        "meaning": ["active", "started"],
        "features": features[:40],
        "trade_mode": ["turnover", "kz-exports", "kz-imports", "products", "partners", "gap"],
        "int": [0, 1, 2, 7],
        "bool": [True, False],
        # An empty view, as assets/filter_mask.js hands it over.
        "empty": [{"filters": "x", "n": 1}, {"filters": "y", "n": 7}],
    }


def junk(rng: random.Random, depth: int = 0):
    """One value of any JSON type (and the NaN and infinities JSON parsers let through)."""
    pick = rng.randrange(16 if depth < 2 else 11)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, -1, 1, 2**31, -(2**63), 10**30, 2024])
    if pick == 3:
        return rng.choice([math.nan, math.inf, -math.inf, 0.5, -1e308, 2015.7])
    if pick == 4:
        return rng.choice(MARKUP)
    if pick == 5:
        return rng.choice(["", " ", "x" * rng.choice([1000, 100_000]), "é" * 3000, "?", ",", "null"])
    if pick == 6:
        return rng.choice(QUERIES)
    if pick == 7:
        return "".join(rng.choice("abc?=&,%.-_<>\"'\\ 0129é中") for _ in range(rng.randrange(1, 60)))
    if pick == 8:
        return rng.choice(["oil", "gas", "energy", "active", "present", "pack", "turnover", "products"])
    if pick == 9:
        return []
    if pick == 10:
        return {}
    if pick in (11, 12):
        return [junk(rng, depth + 1) for _ in range(rng.choice([1, 2, 3, 5, 40]))]
    if pick == 13:
        return {rng.choice(["points", "range", "x", "customdata", "project_id", "scene", "extent", "search", "id"]):
                junk(rng, depth + 1) for _ in range(rng.randrange(1, 4))}
    if pick == 14:
        return {"points": [{"customdata": junk(rng, depth + 1), "x": junk(rng, depth + 1)}]}
    return {"range": {"x": [junk(rng, depth + 1) for _ in range(rng.choice([0, 1, 2, 3]))]}}


# Which pool of the page's own values fits each property.
POOLS = {("url", "search"): "search", ("url", "href"): "href", ("sector-filter", "value"): "sectors",
         ("theme-filter", "value"): "themes", ("year-range", "value"): "years", ("year-meaning", "value"): "meaning",
         ("selected-feature", "data"): "features", ("find-feature", "value"): "features",
         ("trade-mode", "value"): "trade_mode", ("play-timer", "disabled"): "bool", ("share-first-search", "data"): "search",
         ("presenter-url", "data"): "search", ("empty-view", "data"): "empty"}


def value_for(rng: random.Random, component: str, prop: str, known: dict) -> object:
    pool = POOLS.get((component, prop))
    if pool is None and prop in ("n_clicks", "n_intervals"):
        pool = "int"
    if pool is not None and rng.random() < 0.45:
        return rng.choice(known[pool])
    return junk(rng)


def _pairs(spec: str) -> list[tuple[str, str]]:
    """(component id, property) for each output of a callback's output string."""
    parts = spec[2:-2].split("...") if spec.startswith("..") else [spec]
    return [tuple(p.rsplit(".", 1)) for p in parts]


def server_callbacks(deps: list[dict]) -> list[dict]:
    return [d for d in deps if not d.get("clientside_function")]


def body(dep: dict, rng: random.Random, known: dict) -> dict:
    """A request body for one declared callback, each input and state given a generated value."""
    def entry(item):
        ident = item["id"]
        if ident.startswith("{"):  # a pattern-matching id (ALL): a list of concrete components
            pattern = json.loads(ident)
            keys = [k for k, v in pattern.items() if v == ["ALL"]]
            entries = []
            for _ in range(rng.choice([0, 1, 3])):
                concrete = {k: (v if v != ["ALL"] else rng.choice(["projects", "events", "trade", junk(rng), "x"]))
                            for k, v in pattern.items()}
                if keys and not isinstance(concrete[keys[0]], (str, int, float)):
                    concrete[keys[0]] = str(concrete[keys[0]])[:40]
                entries.append({"id": concrete, "property": item["property"],
                                "value": value_for(rng, "", item["property"], known)})
            return entries
        return {"id": ident, "property": item["property"],
                "value": value_for(rng, ident, item["property"], known)}

    inputs = [entry(i) for i in dep["inputs"]]
    state = [entry(s) for s in dep["state"]]
    flat = [e for i in inputs for e in (i if isinstance(i, list) else [i])]
    changed = [f"{json.dumps(e['id'], sort_keys=True, separators=(',', ':')) if isinstance(e['id'], dict) else e['id']}"
               f".{e['property']}" for e in flat]
    changed = rng.sample(changed, k=rng.randint(0, len(changed))) if changed else []
    outputs = [{"id": c, "property": p} for c, p in _pairs(dep["output"])]
    return {"output": dep["output"], "outputs": outputs if dep["output"].startswith("..") else outputs[0],
            "inputs": inputs, "state": state, "changedPropIds": changed}
