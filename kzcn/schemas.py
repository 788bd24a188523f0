"""What each CSV in data/ must look like: columns, types, ranges and allowed values.

Cross-table rules (source ids resolve, sector slugs exist, coordinates on the right side of the
border) need more than one table and live in `validate.py`.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.pandas import Check, Column, DataFrameSchema

YEAR = Check.in_range(1990, 2035)
NON_NEGATIVE = Check.ge(0)
SLUG = Check.str_matches(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_LIST = Check.str_matches(r"^[a-z0-9-]+( *; *[a-z0-9-]+)*$")
ISO_DATE = Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Name:lat:lon|Name:lat:lon … in order along the route. One point is allowed (a route whose other
# ends have no cited position): such a route is described but not drawn as a line.
WAYPOINTS = Check.str_matches(r"^[^:|]+:-?\d+(\.\d+)?:-?\d+(\.\d+)?(\|[^:|]+:-?\d+(\.\d+)?:-?\d+(\.\d+)?)*$")
# The region the dashboard draws: Kazakhstan, Xinjiang and eastern China's ports and capitals.
LAT = Check.in_range(15.0, 60.0)
LON = Check.in_range(40.0, 136.0)
# Events may happen further afield (an SCO summit in Moscow, a visit to Europe).
EVENT_LON = Check.in_range(-10.0, 150.0)

THEMES = ("economy", "connectivity", "energy", "security", "diplomacy")
# One status vocabulary for every feature on the map, so a figure can style lines and points alike:
# solid when operating, dashed while being built, dotted when only planned, and so on.
STATUS = ("operational", "under-construction", "planned", "suspended", "cancelled")
# A one-off deal (an acquisition, a stake, a loan, an agreement) is done rather than operating: only projects
# may be `completed`. A built plant or line in service is `operational`.
PROJECT_STATUS = STATUS + ("completed",)
# What an energy_flows row measures, so the chart, the details panel and the briefing can say which figure
# they show: the oil delivered into China at Alashankou is not the oil pumped through the whole system.
FLOW_MEASURES = ("carried", "system-throughput", "kz-exports-to-china", "russian-transit")
CAPACITY_UNITS = (
    "mt/y", "bcm/y", "mt", "bcm", "trains/day", "vehicles/day", "trucks/day", "people/day", "teu/y",
    "k_teu", "trains", "trains/y", "people/y", "containers/y", "mw", "tu/y",
)
CURRENCIES = ("USD", "CNY", "KZT", "EUR")
REPORTERS = ("china-customs", "kazakhstan-stats", "unattributed")
TRADE_FLOWS = ("turnover", "kz-exports", "kz-imports")
# Kazakhstan's partners in kz_trade_partners.csv; `world` is the total of all partners.
PARTNERS = ("china", "russia", "eu", "world")
PERIOD = Check.str_matches(r"^(year|\d{4}-\d{2}\.\.\d{2})$")
# Harmonized System codes: a 2-digit chapter, a 4-digit heading or a chapter range (01-24), several
# joined by ';' where a source's group spans more than one (data/README.md gives the mapping).
HS_CODES = Check.str_matches(r"^\d{2}(\d{2}|-\d{2})?(;\d{2}(\d{2}|-\d{2})?)*$")


def _text(required: bool = True, **kw) -> Column:
    return Column(str, nullable=not required, **kw)


def _num(*checks: Check, nullable: bool = True) -> Column:
    return Column(float, list(checks), nullable=nullable, coerce=True)


def _year(nullable: bool = True) -> Column:
    return Column("Int64", [YEAR], nullable=nullable, coerce=True)


def _sources() -> Column:
    return Column(str, [ID_LIST], nullable=False)


def _schema(columns: dict, unique: str | list[str] | None = None) -> DataFrameSchema:
    return DataFrameSchema(columns, strict=True, unique=unique, coerce=False)


SCHEMAS: dict[str, DataFrameSchema] = {
    "sources": _schema({
        "source_id": _text(checks=[SLUG], unique=True),
        "publisher": _text(),
        "title": _text(),
        "url": _text(checks=[Check.str_matches(r"^(https?://\S+|data/\S+)$")]),
        "date": _text(checks=[ISO_DATE]),
        "date_kind": _text(checks=[Check.isin(("published", "retrieved"))]),
        "notes": _text(required=False),
    }),
    "vocabulary": _schema({
        "kind": _text(checks=[Check.isin(("theme", "sector"))]),
        "slug": _text(checks=[SLUG]),
        "label": _text(),
        "theme": _text(checks=[Check.isin(THEMES)]),
        "description": _text(),
        "source_ids": _sources(),
    }, unique=["kind", "slug"]),
    "border_crossings": _schema({
        "crossing_id": _text(checks=[SLUG], unique=True),
        "name": _text(),
        "name_kz": _text(),
        "name_cn": _text(),
        # Empty where no source gives the post's position: the crossing is then listed, not mapped.
        "lat_kz": _num(LAT),
        "lon_kz": _num(LON),
        "lat_cn": _num(LAT),
        "lon_cn": _num(LON),
        "modes": _text(checks=[
            Check.str_matches(r"^(road|rail|pipeline|pedestrian)(;(road|rail|pipeline|pedestrian))*$")]),
        # Some crossings predate independence (Khorgos road, 1983): the only year allowed before 1990.
        "year_opened": Column("Int64", [Check.in_range(1880, 2035)], nullable=True, coerce=True),
        "status": _text(checks=[Check.isin(STATUS)]),
        "capacity": _num(NON_NEGATIVE),
        "capacity_unit": _text(required=False, checks=[Check.isin(CAPACITY_UNITS)]),
        "capacity_year": _year(),
        "throughput": _num(NON_NEGATIVE),
        "throughput_unit": _text(required=False, checks=[Check.isin(CAPACITY_UNITS)]),
        "throughput_year": _year(),
        "description": _text(),
        "source_ids": _sources(),
    }),
    "crossing_flows": _schema({
        "crossing_id": _text(checks=[SLUG]),
        "year": _year(nullable=False),
        "value": _num(NON_NEGATIVE, nullable=False),
        "unit": _text(checks=[Check.isin(CAPACITY_UNITS)]),
        "notes": _text(required=False),
        "source_ids": _sources(),
    }),
    "pipelines": _schema({
        "pipeline_id": _text(checks=[SLUG], unique=True),
        "name": _text(),
        "system": _text(checks=[SLUG]),
        "commodity": _text(checks=[Check.isin(("oil", "gas"))]),
        "operator": _text(required=False),
        "from_name": _text(),
        "to_name": _text(),
        "length_km": _num(NON_NEGATIVE),
        "diameter_mm": _num(NON_NEGATIVE),
        "capacity": _num(NON_NEGATIVE),
        "capacity_unit": _text(required=False, checks=[Check.isin(("mt/y", "bcm/y"))]),
        "capacity_year": _year(),
        "commissioned_year": _year(),
        "status": _text(checks=[Check.isin(STATUS)]),
        # True for the lines that carry the flow into China (their capacities add up at the border).
        "crosses_border": Column(bool, coerce=True),
        "carries": _text(),
        "waypoints": _text(required=False, checks=[WAYPOINTS]),
        "geometry_kind": _text(checks=[Check.isin(("schematic", "surveyed"))]),
        "description": _text(),
        "source_ids": _sources(),
    }),
    "capacity_history": _schema({
        "pipeline_id": _text(checks=[SLUG]),
        "year": _year(nullable=False),
        "capacity": _num(NON_NEGATIVE, nullable=False),
        "capacity_unit": _text(checks=[Check.isin(("mt/y", "bcm/y"))]),
        "notes": _text(required=False),
        "source_ids": _sources(),
    }),
    "energy_flows": _schema({
        "flow_id": _text(checks=[SLUG], unique=True),
        "pipeline_id": _text(checks=[SLUG]),
        "year": _year(nullable=False),
        "volume": _num(NON_NEGATIVE, nullable=False),
        "unit": _text(checks=[Check.isin(("mt", "bcm"))]),
        "measure": _text(checks=[Check.isin(FLOW_MEASURES)]),
        "estimate": Column(bool, coerce=True),
        "notes": _text(required=False),
        "source_ids": _sources(),
    }),
    "corridors": _schema({
        "corridor_id": _text(checks=[SLUG], unique=True),
        "name": _text(),
        "mode": _text(checks=[Check.isin(("rail", "road", "multimodal"))]),
        "sector": _text(checks=[SLUG]),
        "status": _text(checks=[Check.isin(STATUS)]),
        "opened_year": _year(),
        "length_km": _num(NON_NEGATIVE),
        "waypoints": _text(checks=[WAYPOINTS]),
        "geometry_kind": _text(checks=[Check.isin(("schematic", "surveyed"))]),
        "description": _text(),
        "source_ids": _sources(),
    }),
    "projects": _schema({
        "project_id": _text(checks=[Check.str_matches(r"^p-[a-z0-9]+(-[a-z0-9]+)*$")], unique=True),
        "name": _text(),
        "sector": _text(checks=[SLUG]),
        "theme": _text(checks=[Check.isin(THEMES)]),
        "status": _text(checks=[Check.isin(PROJECT_STATUS)]),
        "start_year": _year(),
        "completion_year": _year(),
        "value": _num(NON_NEGATIVE),
        "currency": _text(required=False, checks=[Check.isin(CURRENCIES)]),
        "price_year": _year(),
        "value_note": _text(required=False),
        "lat": _num(LAT),
        "lon": _num(LON),
        "location_name": _text(required=False),
        "location_precision": _text(required=False,
                                    checks=[Check.isin(("site", "offshore", "city", "region", "country"))]),
        "country": _text(checks=[Check.isin(("KZ", "CN"))]),
        "partners_kz": _text(required=False),
        "partners_cn": _text(required=False),
        "description": _text(),
        "source_ids": _sources(),
    }),
    "trade_annual": _schema({
        "year": _year(nullable=False),
        "reporter": _text(checks=[Check.isin(REPORTERS)]),
        "flow": _text(checks=[Check.isin(TRADE_FLOWS)]),
        "value_usd_mn": _num(NON_NEGATIVE, nullable=False),
        "period": _text(checks=[PERIOD]),
        "estimate": Column(bool, coerce=True),
        "notes": _text(required=False),
        "source_ids": _sources(),
    }),
    # Kazakhstan's trade with its main partners as Kazakhstan's statistics publish it, so that a
    # partner's share is computed from the same page's world total. Two pages for one figure: two rows.
    "kz_trade_partners": _schema({
        "year": _year(nullable=False),
        "partner": _text(checks=[Check.isin(PARTNERS)]),
        "flow": _text(checks=[Check.isin(TRADE_FLOWS)]),
        "value_usd_mn": _num(NON_NEGATIVE, nullable=False),
        "period": _text(checks=[PERIOD]),
        "estimate": Column(bool, coerce=True),
        "notes": _text(required=False),
        "source_ids": _sources(),
    }, unique=["year", "partner", "flow", "period", "source_ids"]),
    "trade_products": _schema({
        "year": _year(nullable=False),
        "reporter": _text(checks=[Check.isin(REPORTERS)]),
        "flow": _text(checks=[Check.isin(TRADE_FLOWS)]),
        "product_group": _text(),
        "hs_code": _text(checks=[HS_CODES]),
        "value_usd_mn": _num(NON_NEGATIVE),
        "share_pct": _num(Check.in_range(0, 100)),
        "notes": _text(required=False),
        "source_ids": _sources(),
    }),
    "events": _schema({
        "event_id": _text(checks=[Check.str_matches(r"^e-\d{4}-[a-z0-9]+(-[a-z0-9]+)*$")], unique=True),
        "date": _text(checks=[ISO_DATE]),
        "date_precision": _text(checks=[Check.isin(("day", "month", "year"))]),
        "title": _text(checks=[Check.str_length(max_value=90)]),
        "event_type": _text(checks=[Check.isin(
            ("visit", "summit", "agreement", "exercise", "opening", "statement", "incident", "other"))]),
        "theme": _text(checks=[Check.isin(THEMES)]),
        "sectors": _text(checks=[ID_LIST]),
        "place": _text(required=False),
        "lat": _num(LAT),
        "lon": _num(EVENT_LON),
        "description": _text(),
        "related_ids": _text(required=False, checks=[ID_LIST]),
        "source_ids": _sources(),
    }),
    # Context for the map (scripts/build_context.py): towns and cities from GeoNames, never features.
    "places": _schema({
        "place_id": _text(checks=[SLUG], unique=True),
        "name": _text(),
        # Blank where GeoNames gives no name in that language (data/geo/context_meta.json lists them).
        "name_ru": _text(required=False),
        "name_kk": _text(required=False),
        "name_zh": _text(required=False),
        "country": _text(checks=[Check.str_matches(r"^[A-Z]{2}$")]),
        "lat": _num(LAT, nullable=False),
        "lon": _num(LON, nullable=False),
        # 1 capital or metropolis, 2 city, 3 town: marker size and the zoom at which the name shows.
        "rank": Column("Int64", [Check.isin((1, 2, 3))], nullable=False, coerce=True),
        "population": _num(NON_NEGATIVE),
        "geonames_id": Column("Int64", [Check.gt(0)], nullable=True, coerce=True),
        "geonames_name": _text(required=False),
        "source_ids": _sources(),
    }),
    # Other spellings of a place, for Find: a feature whose name, Kazakh name or Chinese name contains
    # one of `match` is also found by each of `variants` (each list `;`-separated, as its sources give them).
    "place_names": _schema({
        "place": _text(checks=[SLUG], unique=True),
        "match": _text(),
        "variants": _text(),
        "source_ids": _sources(),
    }),
}

# Content in other languages (data/translations.csv): not one of TABLES, because the page's own
# loader does not read it yet; kzcn/translations.py reads it and checks it against the tables.
TRANSLATION_LANGS = ("ru", "kk", "zh")
# What each translatable table is keyed by, and which of its text columns may be translated.
# `briefing` is data/briefing.json: a scene's id, or "briefing" for the document's own title.
TRANSLATABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "projects": ("project_id", ("name", "description")),
    "events": ("event_id", ("title", "description")),
    "pipelines": ("pipeline_id", ("name", "description")),
    "corridors": ("corridor_id", ("name", "description")),
    "border_crossings": ("crossing_id", ("name", "description")),
    "vocabulary": ("kind:slug", ("label", "description")),
    "briefing": ("scene id", ("title", "narrative")),
}
# `source`: the name as a cited page (or GeoNames) gives it, so source_ids are required;
# `project-translation`: this project's own rendering of the English text, so no source is claimed.
TRANSLATION_BASES = ("source", "project-translation")

TRANSLATIONS_SCHEMA = _schema({
    "table": _text(checks=[Check.isin(tuple(TRANSLATABLE))]),
    "row_id": _text(checks=[Check.str_matches(r"^((theme|sector):)?[a-z0-9]+(-[a-z0-9]+)*$")]),
    "field": _text(checks=[Check.isin(tuple(sorted({f for _, fs in TRANSLATABLE.values() for f in fs})))]),
    "lang": _text(checks=[Check.isin(TRANSLATION_LANGS)]),
    "text": _text(),
    "basis": _text(checks=[Check.isin(TRANSLATION_BASES)]),
    "source_ids": _text(required=False, checks=[ID_LIST]),
}, unique=["table", "row_id", "field", "lang"])

# The order tables load and are reported in; every file is data/<name>.csv.
TABLES = tuple(SCHEMAS)

# Columns whose id lists must resolve, per table: column -> the kind of id it holds.
REFERENCES: dict[str, dict[str, str]] = {
    "vocabulary": {"source_ids": "source"},
    "border_crossings": {"source_ids": "source"},
    "crossing_flows": {"source_ids": "source", "crossing_id": "crossing"},
    "pipelines": {"source_ids": "source"},
    "capacity_history": {"source_ids": "source", "pipeline_id": "pipeline_or_system"},
    "energy_flows": {"source_ids": "source", "pipeline_id": "pipeline_or_system"},
    "corridors": {"source_ids": "source", "sector": "sector"},
    "projects": {"source_ids": "source", "sector": "sector"},
    "trade_annual": {"source_ids": "source"},
    "kz_trade_partners": {"source_ids": "source"},
    "trade_products": {"source_ids": "source"},
    "events": {"source_ids": "source", "sectors": "sector", "related_ids": "feature"},
    "places": {"source_ids": "source"},
    "place_names": {"source_ids": "source"},
}

__all__ = [
    "FLOW_MEASURES",
    "PROJECT_STATUS",
    "REFERENCES",
    "SCHEMAS",
    "STATUS",
    "TABLES",
    "TRANSLATABLE",
    "TRANSLATIONS_SCHEMA",
    "TRANSLATION_BASES",
    "TRANSLATION_LANGS",
    "pa",
]
