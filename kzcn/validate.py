"""Turn every way a data file can be wrong into one readable line: file, row, column, rule.

`Problem` is what the rest of the app and the tests see; pandera's own error objects never leave
this module, so a bad file stops start-up with a short list rather than a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from kzcn.schemas import REFERENCES, SCHEMAS

# How far a crossing post may lie from the Natural Earth 1:10m border line. The line is generalised,
# so the posts of a real crossing sit a few km off it; a post tens of km away is a typing error.
CROSSING_MAX_KM = 12.0
# A project on the border (the Khorgos centre straddles it) may fall just outside a simplified outline.
COUNTRY_TOLERANCE_KM = 8.0
# How far a crossing post may lie outside its own country's outline. The outline is Natural Earth at
# 1:10m, and countries.geojson simplifies it further (0.02°, about 2 km) for drawing, so along a river
# border the line can sit a kilometre or two off the real one: the Kazakh village of Khorgos, beside
# the Nur Zholy post, falls 1.4 km inside China's outline. A post further across is on the wrong side.
POST_SIDE_TOLERANCE_KM = 2.0
POST_SIDES = (("kz", "Kazakhstan"), ("cn", "China"))
# An offshore field (Kashagan) lies in the country's sector of the Caspian, off its land outline.
OFFSHORE_TOLERANCE_KM = 150.0
# Azimuthal equidistant projection centred on the border: distances in metres, good to <1% here.
BORDER_CRS = "+proj=aeqd +lat_0=46 +lon_0=82 +datum=WGS84 +units=m"
MAX_PROBLEMS_SHOWN = 30


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # 1-based data row (the header is not counted); None for the whole file
    column: str | None
    rule: str
    value: str = ""
    item: str | None = None  # for JSON files: which entry, e.g. "scene 3 ('trade')", instead of a row

    def __str__(self) -> str:
        where = self.file
        if self.item is not None:
            where += f", {self.item}"
        elif self.row is not None:
            where += f", row {self.row} (line {self.row + 1})"
        if self.column:
            where += f", {'field' if self.item is not None else 'column'} '{self.column}'"
        value = f" (value: {self.value!r})" if self.value not in ("", "nan", "None") else ""
        return f"{where}: {self.rule}{value}"


class DataError(Exception):
    """Raised when data/ cannot be trusted; its message lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = [f"  - {p}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        more = len(problems) - MAX_PROBLEMS_SHOWN
        if more > 0:
            shown.append(f"  … and {more} more")
        super().__init__(f"{len(problems)} problem(s) in the data files:\n" + "\n".join(shown))


def _row(index) -> int | None:
    try:
        return int(index) + 1
    except (TypeError, ValueError):
        return None


_RULES = {
    "not_nullable": "a value is required",
    "field_uniqueness": "must be unique, and this value occurs twice",
    "column_in_schema": "is not a known column",
    "column_in_dataframe": "is missing from the file",
}


def _describe(check: str) -> str:
    if check in _RULES:
        return _RULES[check]
    if check.startswith("str_matches"):
        return f"does not match the expected form {check[len('str_matches'):]}"
    if check.startswith("isin"):
        return f"must be one of {check[len('isin'):]}"
    return f"breaks the rule {check}"


def coerce(name: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Convert text cells to the schema's numbers and booleans, reporting each cell that won't go."""
    file = f"data/{name}.csv"
    schema = SCHEMAS[name]
    out = frame.copy()
    problems: list[Problem] = []
    for col, spec in schema.columns.items():
        if col not in out.columns:
            continue
        dtype = str(spec.dtype)
        raw = out[col]
        if dtype in ("float64", "Int64"):
            num = pd.to_numeric(raw, errors="coerce")
            bad = raw.notna() & num.isna()
            if dtype == "Int64":
                frac = num.notna() & (num % 1 != 0)
                bad |= frac
                num = num.where(~frac)
            for i in raw.index[bad]:
                kind = "a whole number (a year)" if dtype == "Int64" else "a number"
                problems.append(Problem(file, _row(i), col, f"must be {kind}", str(raw[i])))
            out[col] = num.astype(dtype)
        elif dtype == "bool":
            low = raw.str.strip().str.lower()
            mapped = low.map({"true": True, "false": False})
            for i in raw.index[mapped.isna()]:
                problems.append(Problem(file, _row(i), col, "must be true or false", str(raw[i])))
            out[col] = mapped.fillna(False).astype(bool)
    return out, problems


def check_schema(name: str, frame: pd.DataFrame, schema: pa.DataFrameSchema | None = None) -> list[Problem]:
    """`schema` defaults to SCHEMAS[name]; a file outside TABLES (translations.csv) passes its own."""
    file = f"data/{name}.csv"
    try:
        (schema if schema is not None else SCHEMAS[name]).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        problems = []
        for rec in cases.itertuples(index=False):
            column = rec.column if isinstance(rec.column, str) else None
            check = str(rec.check)
            if check.startswith(("coerce_dtype", "dtype(")):
                continue  # already reported, cell by cell, by coerce()
            if check in ("column_in_schema", "column_in_dataframe"):
                column = str(rec.failure_case)
                problems.append(Problem(file, None, column, _describe(check)))
                continue
            problems.append(Problem(file, _row(rec.index), column, _describe(check), str(rec.failure_case)))
        return problems
    return []


def _ids(cell) -> list[str]:
    if not isinstance(cell, str):
        return []
    return [part.strip() for part in cell.split(";") if part.strip()]


FEATURE_KEYS = (("border_crossings", "crossing_id"), ("pipelines", "pipeline_id"), ("pipelines", "system"),
                ("corridors", "corridor_id"), ("projects", "project_id"), ("events", "event_id"))


def feature_ids(table) -> frozenset[str]:
    """Every id a link may select: crossings, pipelines and their systems, corridors, projects, events.
    `table` maps a table name to its frame (a dict's __getitem__ at load, Dataset.table after)."""
    return frozenset(x for name, key in FEATURE_KEYS for x in table(name)[key])


def check_references(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    known = {
        "source": set(frames["sources"]["source_id"]),
        "sector": set(frames["vocabulary"].query("kind == 'sector'")["slug"]),
        "crossing": set(frames["border_crossings"]["crossing_id"]),
    }
    known["pipeline_or_system"] = set(frames["pipelines"]["pipeline_id"]) | set(frames["pipelines"]["system"])
    known["feature"] = set(feature_ids(frames.__getitem__))
    labels = {"source": "source id in data/sources.csv", "sector": "sector slug in data/vocabulary.csv",
              "crossing": "crossing_id in data/border_crossings.csv",
              "pipeline_or_system": "pipeline_id or system in data/pipelines.csv",
              "feature": "id of a crossing, pipeline, corridor, project or event"}
    problems = []
    for table, columns in REFERENCES.items():
        frame = frames[table]
        for col, kind in columns.items():
            for i, cell in frame[col].items():
                for ref in _ids(cell):
                    if ref not in known[kind]:
                        problems.append(Problem(f"data/{table}.csv", _row(i), col,
                                                f"'{ref}' is not a known {labels[kind]}"))
    # A project's theme follows from its sector; a mismatch means one of the two is wrong.
    theme_of = dict(frames["vocabulary"].query("kind == 'sector'")[["slug", "theme"]].values)
    for i, rec in frames["projects"].iterrows():
        expected = theme_of.get(rec["sector"])
        if expected and rec["theme"] != expected:
            problems.append(Problem("data/projects.csv", _row(i), "theme",
                                    f"sector '{rec['sector']}' belongs to theme '{expected}'", rec["theme"]))
    return problems


def _points(frame: pd.DataFrame, lat: str, lon: str) -> gpd.GeoSeries:
    return gpd.GeoSeries(gpd.points_from_xy(frame[lon], frame[lat]), index=frame.index,
                         crs="EPSG:4326").to_crs(BORDER_CRS)


def check_crossing_posts(crossings: pd.DataFrame, outline: dict, line) -> list[Problem]:
    """Each post that has a position: both coordinates given, near the border, on its own side.

    A side may be left empty where no source places that post (Maikapshagai's Kazakh post);
    `outline` maps a country name to its shape and `line` is the border, all in BORDER_CRS."""
    problems = []
    file = "data/border_crossings.csv"
    for side, country in POST_SIDES:
        lat, lon = f"lat_{side}", f"lon_{side}"
        half = crossings[lat].isna() != crossings[lon].isna()
        for i in crossings.index[half]:
            problems.append(Problem(file, _row(i), f"{lat}/{lon}", "needs both latitude and longitude, or neither"))
        placed = crossings.dropna(subset=[lat, lon])
        pts = _points(placed, lat, lon)
        for i, pt in pts.items():
            dist = pt.distance(line) / 1000
            if dist > CROSSING_MAX_KM:
                problems.append(Problem(file, _row(i), f"{lat}/{lon}",
                                        f"lies {dist:.0f} km from the border line "
                                        f"(at most {CROSSING_MAX_KM:.0f} km allowed)"))
                continue
            outside = outline[country].distance(pt) / 1000
            if outside > POST_SIDE_TOLERANCE_KM:
                problems.append(Problem(file, _row(i), f"{lat}/{lon}",
                                        f"lies {outside:.1f} km outside {country}, the side this post belongs "
                                        f"to (at most {POST_SIDE_TOLERANCE_KM:.0f} km allowed)",
                                        f"{placed.at[i, lat]}, {placed.at[i, lon]}"))
    return problems


def check_geography(frames: dict[str, pd.DataFrame], countries: gpd.GeoDataFrame,
                    border: gpd.GeoSeries) -> list[Problem]:
    line = border.to_crs(BORDER_CRS).union_all()
    shapes = countries.set_index("name").to_crs(BORDER_CRS).geometry
    problems = check_crossing_posts(frames["border_crossings"], shapes, line)
    outline = {"KZ": shapes["Kazakhstan"], "CN": shapes["China"]}
    projects = frames["projects"].dropna(subset=["lat", "lon"])
    for i, pt in _points(projects, "lat", "lon").items():
        country = projects.at[i, "country"]
        limit = OFFSHORE_TOLERANCE_KM if projects.at[i, "location_precision"] == "offshore" else COUNTRY_TOLERANCE_KM
        if country in outline and outline[country].distance(pt) / 1000 > limit:
            problems.append(Problem("data/projects.csv", _row(i), "lat/lon",
                                    f"lies outside {country}, the country the row names",
                                    f"{projects.at[i, 'lat']}, {projects.at[i, 'lon']}"))
    return problems
