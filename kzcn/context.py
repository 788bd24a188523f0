"""Read and check the map's context geometry: data/geo/water.geojson and data/geo/context_meta.json.

Both are built by scripts/build_context.py. places.csv is an ordinary table (schemas.py); these two
are JSON, so their rules live here and a problem names the feature and field rather than a row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from kzcn.validate import Problem

WATER_FILE = "data/geo/water.geojson"
META_FILE = "data/geo/context_meta.json"
WATER_KINDS = ("sea", "lake", "river")
TIERS = (1, 2, 3, 4)  # label tiers: 1 shows at any zoom, 4 only zoomed far in
REBUILD = "rebuild it with python scripts/build_context.py"


@dataclass(frozen=True, eq=False)
class Context:
    water: gpd.GeoDataFrame  # one row a water body: name, name_ru/kk/zh, kind, tier, label_lon/lat
    country_labels: tuple[dict, ...]  # neighbours' names and label points
    meta: dict


def _check_water(water: gpd.GeoDataFrame, sources: set[str]) -> list[Problem]:
    problems = []
    for n, rec in enumerate(water.itertuples(index=False), start=1):
        name = getattr(rec, "name", None)
        item = f"feature {n} ({name!r})"

        def bad(field: str, rule: str, value="", item=item) -> None:
            problems.append(Problem(WATER_FILE, None, field, rule, str(value), item=item))

        if not isinstance(name, str) or not name.strip():
            bad("name", "a name is required")
        if rec.kind not in WATER_KINDS:
            bad("kind", f"must be one of {WATER_KINDS}", rec.kind)
        if rec.tier not in TIERS:
            bad("tier", f"must be one of {TIERS}", rec.tier)
        if not (40 <= float(rec.label_lon) <= 136 and 15 <= float(rec.label_lat) <= 60):
            bad("label_lon/label_lat", "must lie within the map's region (lat 15–60, lon 40–136)",
                f"{rec.label_lat}, {rec.label_lon}")
        geom = rec.geometry
        if geom is not None and not geom.is_empty:
            kind = "lines" if rec.kind == "river" else "polygons"
            if geom.geom_type not in (("LineString", "MultiLineString") if kind == "lines"
                                      else ("Polygon", "MultiPolygon")):
                bad("geometry", f"a {rec.kind} must be drawn with {kind}", geom.geom_type)
        for ref in str(rec.source_ids or "").split(";"):
            if ref.strip() and ref.strip() not in sources:
                bad("source_ids", f"'{ref.strip()}' is not a known source id in data/sources.csv")
    return problems


def _check_labels(labels: list) -> list[Problem]:
    problems = []
    for n, label in enumerate(labels, start=1):
        item = f"country_labels {n}"
        if not isinstance(label, dict) or not isinstance(label.get("name"), str):
            problems.append(Problem(META_FILE, None, "name", "each label needs a name", item=item))
            continue
        try:
            lon, lat = float(label["lon"]), float(label["lat"])
        except (KeyError, TypeError, ValueError):
            problems.append(Problem(META_FILE, None, "lon/lat", "must be numbers", item=item))
            continue
        if not (40 <= lon <= 136 and 15 <= lat <= 60):
            problems.append(Problem(META_FILE, None, "lon/lat", "must lie within the map's region",
                                    f"{lat}, {lon}", item=item))
        if label.get("tier") not in TIERS:
            problems.append(Problem(META_FILE, None, "tier", f"must be one of {TIERS}", label.get("tier"), item=item))
    return problems


def read(data_dir: Path, sources: set[str]) -> tuple[Context | None, list[Problem]]:
    geo = data_dir / "geo"
    try:
        water = gpd.read_file(geo / "water.geojson")
    except Exception as err:  # any unreadable file is one clear problem, not a traceback
        return None, [Problem(WATER_FILE, None, None, f"cannot be read ({type(err).__name__}); {REBUILD}")]
    try:
        meta = json.loads((geo / "context_meta.json").read_text(encoding="utf-8"))
        labels = meta["country_labels"]
    except Exception as err:
        return None, [Problem(META_FILE, None, None, f"cannot be read ({type(err).__name__}); {REBUILD}")]
    missing = {"name", "name_ru", "name_kk", "name_zh", "kind", "tier", "label_lon", "label_lat",
               "source_ids"} - set(water.columns)
    if missing:
        return None, [Problem(WATER_FILE, None, ", ".join(sorted(missing)), "missing from every feature")]
    problems = _check_water(water, sources) + _check_labels(labels)
    if problems:
        return None, problems
    water = water.fillna({"name_ru": "", "name_kk": "", "name_zh": ""})
    return Context(water=water, country_labels=tuple(labels), meta=meta), []
