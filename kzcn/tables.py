"""Read data/ once per process, validate it, and hand out read-only tables.

Everything the page shows comes from `load()`. It never touches the network, and it raises
`DataError` (one message listing file, row, column and rule for each problem) instead of letting a
bad file reach a figure.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from kzcn.briefing import Briefing, Known
from kzcn.briefing import read as read_briefing
from kzcn.context import read as read_context
from kzcn.provenance import check_provenance
from kzcn.schemas import SCHEMAS, TABLES
from kzcn.translations import load_translations
from kzcn.validate import (DataError, Problem, check_geography, check_references, check_schema, coerce,
                           feature_ids)

# KZCN_DATA_DIR lets a test start the app on a scratch copy of data/; nothing else sets it.
DATA_DIR = Path(os.environ.get("KZCN_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")


@dataclass(frozen=True)
class Route:
    """A line drawn through named waypoints, in order."""

    names: tuple[str, ...]
    lats: tuple[float, ...]
    lons: tuple[float, ...]


# eq=False: identity hashing, so figure builders can cache on the (one, read-only) dataset.
@dataclass(frozen=True, eq=False)
class Dataset:
    sources: pd.DataFrame
    vocabulary: pd.DataFrame
    border_crossings: pd.DataFrame
    crossing_flows: pd.DataFrame
    pipelines: pd.DataFrame
    capacity_history: pd.DataFrame
    energy_flows: pd.DataFrame
    corridors: pd.DataFrame
    projects: pd.DataFrame
    trade_annual: pd.DataFrame
    kz_trade_partners: pd.DataFrame
    trade_products: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame  # map context: cities and towns, with names in four languages
    place_names: pd.DataFrame
    countries: gpd.GeoDataFrame
    border: gpd.GeoSeries
    geo_meta: dict
    routes: dict[str, Route]
    briefing: Briefing
    water: gpd.GeoDataFrame  # map context: seas, lakes and rivers (data/geo/water.geojson)
    country_labels: tuple[dict, ...]  # map context: where the neighbours' names go
    # (table, row_id, field, lang) → (text, basis): the data's words in Russian, Kazakh and Chinese
    # (data/translations.csv; kzcn/content.py looks them up).
    translations: dict = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def parse_waypoints(text: str) -> Route:
    names, lats, lons = [], [], []
    for part in text.split("|"):
        name, lat, lon = part.rsplit(":", 2)
        names.append(name.strip())
        lats.append(float(lat))
        lons.append(float(lon))
    return Route(tuple(names), tuple(lats), tuple(lons))


def read_csv(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    return frame.apply(lambda col: col.str.strip()).replace("", pd.NA)


def _read_table(data_dir: Path, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    path = data_dir / f"{name}.csv"
    file = f"data/{name}.csv"
    if not path.exists():
        return None, [Problem(file, None, None, "the file is missing")]
    try:
        raw = read_csv(path)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        return None, [Problem(file, None, None, f"cannot be read as UTF-8 CSV: {first}")]
    frame, problems = coerce(name, raw)
    problems += check_schema(name, frame)
    return frame, problems


def _read_geo(data_dir: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoSeries, dict]:
    geo = data_dir / "geo"
    try:
        countries = gpd.read_file(geo / "countries.geojson")
        border = gpd.read_file(geo / "border.geojson").geometry
        meta = json.loads((geo / "geometry_meta.json").read_text(encoding="utf-8"))
    except Exception as err:  # any unreadable geometry file is one clear problem, not a traceback
        raise DataError([Problem("data/geo/", None, None,
                                 f"cannot be read ({type(err).__name__}); rebuild it with "
                                 "python scripts/build_geometry.py")]) from None
    missing = {"Kazakhstan", "China"} - set(countries["name"])
    if missing:
        raise DataError([Problem("data/geo/countries.geojson", None, "name", f"lacks {sorted(missing)}")])
    return countries, border, meta


def _freeze(frame: pd.DataFrame) -> pd.DataFrame:
    # Callbacks share these frames across visitors: make accidental in-place edits fail loudly.
    for col in frame.columns:
        values = frame[col].values
        if hasattr(values, "flags"):
            values.flags.writeable = False
    return frame


@functools.cache
def load(data_dir: str | Path = DATA_DIR) -> Dataset:
    data_dir = Path(data_dir)
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in TABLES:
        frame, found = _read_table(data_dir, name)
        problems += found
        if frame is not None:
            frames[name] = frame
    if problems:
        raise DataError(problems)
    countries, border, meta = _read_geo(data_dir)
    problems = check_references(frames) + check_provenance(frames) + check_geography(frames, countries, border)
    if problems:
        raise DataError(problems)
    briefing, problems = read_briefing(data_dir / "briefing.json", _known(frames))
    if problems:
        raise DataError(problems)
    context, problems = read_context(data_dir, set(frames["sources"]["source_id"]))
    if problems:
        raise DataError(problems)
    words, problems = load_translations(data_dir / "translations.csv", {**frames, "briefing": briefing})
    if problems:
        raise DataError(problems)

    routes = {}
    for table, key in (("pipelines", "pipeline_id"), ("corridors", "corridor_id")):
        for rec in frames[table].itertuples(index=False):
            if isinstance(rec.waypoints, str):
                routes[getattr(rec, key)] = parse_waypoints(rec.waypoints)
    frames = {name: _freeze(frame.reset_index(drop=True)) for name, frame in frames.items()}
    return Dataset(**frames, countries=countries, border=border, geo_meta=meta, routes=routes, briefing=briefing,
                   water=context.water, country_labels=context.country_labels,
                   translations={(r.table, r.row_id, r.field, r.lang): (r.text, r.basis)
                                 for r in words.itertuples(index=False)})


def _known(frames: dict[str, pd.DataFrame]) -> Known:
    vocab = frames["vocabulary"]
    years = pd.concat([frames["trade_annual"]["year"], pd.to_numeric(frames["events"]["date"].str[:4])])
    features = feature_ids(frames.__getitem__)
    return Known(sources=frozenset(frames["sources"]["source_id"]),
                 sectors=frozenset(vocab.loc[vocab["kind"] == "sector", "slug"]),
                 themes=frozenset(vocab.loc[vocab["kind"] == "theme", "slug"]),
                 features=features, first_year=int(years.min()), last_year=int(years.max()))


def summary(ds: Dataset) -> pd.DataFrame:
    """Rows per table and the years each covers, for the page's data note and the README."""
    year_cols = {"border_crossings": "year_opened", "crossing_flows": "year", "pipelines": "commissioned_year",
                 "capacity_history": "year", "energy_flows": "year", "corridors": "opened_year",
                 "projects": "start_year",
                 "trade_annual": "year", "kz_trade_partners": "year", "trade_products": "year"}
    rows = []
    for name in TABLES:
        frame = ds.table(name)
        if name == "events":
            years = pd.to_numeric(frame["date"].str[:4])
        elif name in year_cols:
            years = frame[year_cols[name]].dropna()
        else:
            years = pd.Series(dtype="float64")
        rows.append({
            "table": name, "rows": len(frame),
            "first_year": int(years.min()) if len(years) else None,
            "last_year": int(years.max()) if len(years) else None,
        })
    return pd.DataFrame(rows)


__all__ = ["DATA_DIR", "Dataset", "DataError", "Problem", "Route", "feature_ids", "load", "parse_waypoints", "summary",
           "SCHEMAS"]
