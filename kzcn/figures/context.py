"""The map's context: seas, lakes and rivers, cities and towns, and the neighbours' names.

Pure functions from the dataset to scattergeo trace dicts, drawn from lon/lat only (no
`locationmode`, every base layer off: see border_map.py) and faint, so the data stays in front.
The map puts them in its static base, under the feature traces, so a filter change never resends
them. None of them takes hover or clicks: a town's dot must not steal a click meant for a crossing.

Labels come in tiers (`meta.tier`: 1 at any size, 2 at the whole-country view on a wide screen,
3 and 4 as the visitor zooms in); assets/map_labels.js shows the tiers that the current zoom can
hold without labels piling up. Tiers 1 and 2 are visible as sent, so a figure drawn without the
script (an export) is labelled as on a wide screen.
"""

from __future__ import annotations

import functools

import pandas as pd
from shapely.geometry import MultiLineString, MultiPolygon, Polygon

from kzcn.figures.map_encoding import crossing_place
from kzcn.figures.style import FONT, MUTED
from kzcn.tables import Dataset

WATER_FILL = "#d6e6f3"
WATER_EDGE = "#a9c6df"
RIVER = "#94b9da"
WATER_INK = "#3f6f9a"
PLACE_INK = "#363c48"
HALO = "0 0 2px #fff, 0 0 3px #fff"
TIERS = (1, 2, 3, 4)
# Marker size and label size by rank (1 capital or metropolis, 2 city, 3 town).
DOT = {1: 7, 2: 5, 3: 4}
TEXT = {1: 14, 2: 12.5, 3: 11.5}
# The label tier of a place: its rank decides (rank 1 → 2, rank 2 → 3, rank 3 → 4) except for these.
# Tier 1 holds what a phone's whole-country view has room for; tier 2 adds what a wide screen has
# room for there; tier 3 the towns at the border crossings, so a zoom on the border names them.
PLACE_TIER = {
    "astana": 1, "almaty": 1, "urumqi": 1,
    "shymkent": 2, "aktobe": 2, "karaganda": 2, "atyrau": 2, "aktau": 2, "pavlodar": 2, "oskemen": 2,
    "semey": 2, "kyzylorda": 2, "oral": 2, "kostanay": 2, "petropavl": 2, "kashgar": 2, "yining": 2,
    "karamay": 2, "korla": 2, "aksu": 2, "hotan": 2, "hami": 2, "omsk": 2, "novosibirsk": 2,
    "barnaul": 2, "orenburg": 2, "astrakhan": 2, "samarkand": 2, "nukus": 2, "osh": 2,
    "khorgos": 3, "horgos-cn": 3, "zharkent": 3, "alashankou": 3, "dostyk": 3, "jeminay": 3,
    "atasu": 3, "beineu": 3, "aktogay": 3, "ayagoz": 3, "konayev": 3,
}
# Where a name sits beside its dot when the default (right) would cover a neighbour's name or a
# feature. Checked on screenshots at 1920×1080, 1280×720 and 390×844.
TEXT_POSITION = {
    "almaty": "bottom center", "bishkek": "middle left", "tashkent": "bottom center",
    "shymkent": "top left", "taraz": "bottom center", "astana": "top center",
    "urumqi": "middle right", "shihezi": "top left", "karamay": "middle right",
    "yining": "bottom right", "horgos-cn": "bottom right", "khorgos": "top left", "zharkent": "bottom left",
    "alashankou": "top right", "dostyk": "bottom left", "bole": "bottom left", "tacheng": "top right",
    "semey": "middle left", "oskemen": "top right", "pavlodar": "top right", "karaganda": "bottom center",
    "kokshetau": "top center", "atyrau": "top right", "aktau": "middle right", "oral": "top right",
    "kyzylorda": "top center", "turkistan": "bottom right", "taldykorgan": "top left",
    "dushanbe": "middle left", "khujand": "top right", "osh": "bottom right", "kashgar": "bottom right",
    "konayev": "bottom left", "omsk": "top right", "novosibirsk": "top right", "barnaul": "middle left",
    "kuytun": "top left", "dushanzi": "bottom center", "korla": "middle left",
}


# Towns whose dot sits under a crossing's marker: a wide, invisible dot pushes the name clear of it
# (plotly sets text off by the marker's size; the crossing is drawn over the town anyway).
AT_CROSSING = {"khorgos": "top left", "horgos-cn": "bottom center", "dostyk": "middle left",
               "alashankou": "middle right"}
CLEAR = 30


def _trace(**props) -> dict:
    return {"type": "scattergeo", "hoverinfo": "skip", "showlegend": False, **props}


def rings(geom) -> tuple[list, list]:
    """A polygon's outer rings as one gap-separated lon/lat path, for a filled scattergeo line."""
    lons: list = []
    lats: list = []
    polys = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    for poly in polys:
        if not isinstance(poly, Polygon):
            continue
        # Outer rings only: plotly makes each gap-separated ring its own polygon, so a hole's
        # counter-clockwise ring would fill the whole globe (Kazakhstan's one hole did).
        xs, ys = poly.exterior.xy
        lons += [*xs, None]
        lats += [*ys, None]
    return lons, lats


def _paths(geom) -> tuple[list, list]:
    lons: list = []
    lats: list = []
    for line in (geom.geoms if isinstance(geom, MultiLineString) else [geom]):
        xs, ys = line.xy
        lons += [*xs, None]
        lats += [*ys, None]
    return lons, lats


def water_traces(ds: Dataset) -> list[dict]:
    """Seas and lakes in one filled trace, rivers in one line trace."""
    fill_lon: list = []
    fill_lat: list = []
    line_lon: list = []
    line_lat: list = []
    for rec in ds.water.itertuples(index=False):
        if rec.geometry is None or rec.geometry.is_empty:
            continue  # a label-only river (the Ili): Natural Earth 1:50m does not draw it
        if rec.kind == "river":
            lo, la = _paths(rec.geometry)
            line_lon += lo
            line_lat += la
        else:
            lo, la = rings(rec.geometry)
            fill_lon += lo
            fill_lat += la
    return [
        _trace(lon=fill_lon, lat=fill_lat, mode="lines", fill="toself", fillcolor=WATER_FILL,
               line={"color": WATER_EDGE, "width": 0.6}, name="Seas and lakes", meta={"layer": "water"}),
        _trace(lon=line_lon, lat=line_lat, mode="lines", line={"color": RIVER, "width": 1.1},
               name="Rivers", meta={"layer": "rivers"}),
    ]


def _local(english, local) -> str:
    """A name in the visitor's language where the data give one, else the English name."""
    return local if isinstance(local, str) and local.strip() else english


def _names(frame: pd.DataFrame, lang: str | None) -> list[str]:
    column = f"name_{lang}"
    if column not in frame.columns:
        return frame["name"].tolist()
    return [_local(e, x) for e, x in zip(frame["name"], frame[column], strict=True)]


def _named_by_crossings(ds: Dataset) -> set[str]:
    """Places the crossing markers already name (Khorgos, Dostyk, Bakhty …): their town keeps its dot
    but not a second copy of the name."""
    crossings = ds.border_crossings[~ds.border_crossings["modes"].str.contains("pipeline")]
    return {crossing_place(name) for name in crossings["name"]}


def place_traces(ds: Dataset, lang: str | None = None) -> list[dict]:
    """One trace a tier: the dot and the name of each city or town, sized by rank."""
    named = _named_by_crossings(ds)
    traces = []
    for tier in TIERS:
        tiers = [PLACE_TIER.get(pid, int(rank) + 1)
                 for pid, rank in zip(ds.places["place_id"], ds.places["rank"], strict=True)]
        rows = ds.places[[t == tier for t in tiers]]
        traces.append(_trace(
            lon=rows["lon"].tolist(), lat=rows["lat"].tolist(), mode="markers+text",
            text=["" if name in named else local for name, local in zip(rows["name"], _names(rows, lang),
                                                                         strict=True)],
            textposition=[AT_CROSSING.get(pid) or TEXT_POSITION.get(pid, "middle right") for pid in rows["place_id"]],
            textfont={"family": FONT, "size": [TEXT[r] for r in rows["rank"]], "color": PLACE_INK,
                      "shadow": HALO, "weight": 600 if tier == 1 else 400},
            marker={"size": [CLEAR if pid in AT_CROSSING else DOT[r]
                             for pid, r in zip(rows["place_id"], rows["rank"], strict=True)],
                    "color": ["rgba(0,0,0,0)" if pid in AT_CROSSING else PLACE_INK for pid in rows["place_id"]],
                    "line": {"color": ["rgba(0,0,0,0)" if pid in AT_CROSSING else "white" for pid in rows["place_id"]],
                             "width": 1},
                    "symbol": ["square" if r == 1 else "circle" for r in rows["rank"]]},
            name=f"Places, tier {tier}", meta={"layer": "labels", "tier": tier}, visible=tier <= 2,
        ))
    return traces


def water_label_traces(ds: Dataset, lang: str | None = None) -> list[dict]:
    traces = []
    for tier in TIERS:
        rows = ds.water[ds.water["tier"] == tier]
        traces.append(_trace(
            lon=rows["label_lon"].tolist(), lat=rows["label_lat"].tolist(), mode="text",
            text=_names(rows, lang),
            # A river with no line (the Ili, the Chu) is named at a town on it: the name goes below
            # and to the left, clear of the town's own name to its right.
            textposition=["middle center" if g is not None else "bottom left" for g in rows.geometry],
            textfont={"family": FONT, "size": 13 if tier <= 2 else 12, "color": WATER_INK, "style": "italic",
                      "shadow": HALO},
            name=f"Water names, tier {tier}", meta={"layer": "labels", "tier": tier}, visible=tier <= 2,
        ))
    return traces


def country_label_traces(ds: Dataset, lang: str | None = None) -> list[dict]:
    traces = []
    labels = pd.DataFrame(list(ds.country_labels))
    for tier in TIERS:
        rows = labels[labels["tier"] == tier]
        traces.append(_trace(
            lon=rows["lon"].tolist(), lat=rows["lat"].tolist(), mode="text",
            text=[name.upper() for name in _names(rows, lang)],
            textfont={"family": FONT, "size": 13, "color": MUTED, "weight": 500},
            name=f"Neighbouring countries, tier {tier}", meta={"layer": "labels", "tier": tier},
            visible=tier <= 2,
        ))
    return traces


@functools.cache
def label_traces(ds: Dataset, lang: str | None = None) -> tuple[dict, ...]:
    """Every tiered label trace, countries first so towns' names draw over them; names in the visitor's
    language where data/places.csv and data/geo give them (GeoNames), else in English."""
    return (*country_label_traces(ds, lang), *water_label_traces(ds, lang), *place_traces(ds, lang))
