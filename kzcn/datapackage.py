"""`data/datapackage.json`: the tables as a Frictionless Data Package, built from the loader's own rules.

Types, required cells, allowed values, ranges, patterns and keys come from `schemas.py` (what start-up
enforces); titles, descriptions and units from `fields.py`. Nothing here reads the CSVs, so the file
changes only when a schema or a description does. `scripts/build_datapackage.py` writes it; a test
checks that the committed file equals a fresh build and that the `frictionless` validator accepts it
together with the data.
"""

from __future__ import annotations

import json

from pandera.pandas import Column

from kzcn import fields
from kzcn.schemas import ID_LIST, REFERENCES, SCHEMAS, TABLES, TRANSLATIONS_SCHEMA

NAME = "china-kazakhstan-dashboard-data"
# The compilation (tables, notes, descriptions) is this project's; the facts come from the cited pages,
# whose own terms stay with them (data/README.md, "Licence"). Geometry is Natural Earth (public domain);
# the places table is from GeoNames (CC BY 4.0).
LICENSES = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
             "path": "https://creativecommons.org/licenses/by/4.0/"}]
SOURCES = [
    {"title": "Public pages cited row by row: publisher, title, address and date in the sources resource",
     "path": "sources.csv"},
    {"title": "Natural Earth Admin 0 countries 1:10m (public domain), via the npm package world-atlas@2.0.2",
     "path": "https://www.naturalearthdata.com/"},
    {"title": "GeoNames cities (CC BY 4.0) for the places table", "path": "https://www.geonames.org/"},
    {"title": "UN Comtrade (rows citing a comtrade-… source, fetched by scripts/refresh_trade.py)",
     "path": "https://comtradeplus.un.org/"},
]
# Single-valued columns whose values are the key of another table. Id lists (source_ids, sectors,
# related_ids) stay strings with a pattern, not Table Schema v2 `list` fields: a list cannot be part of a
# primary key (kz_trade_partners has source_ids in its key) nor a foreign key. They, and pipeline_id (a
# pipeline or a whole system) cannot be Table Schema foreign keys; their field descriptions name what
# they refer to, and start-up checks them (validate.py).
TARGETS = {"crossing": ("border_crossings", "crossing_id"), "sector": ("vocabulary", "slug")}
TYPES = {"float64": "number", "Int64": "integer", "bool": "boolean"}


def _is_list(col: Column) -> bool:
    return any(check.statistics.get("pattern") == ID_LIST.statistics["pattern"] for check in col.checks)


def _constraints(col: Column) -> dict:
    out: dict = {}
    if not col.nullable:
        out["required"] = True
    if col.unique:
        out["unique"] = True
    for check in col.checks:
        stats = check.statistics
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "in_range":
            out["minimum"], out["maximum"] = stats["min_value"], stats["max_value"]
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "str_matches":
            out["pattern"] = stats["pattern"]
        elif check.name == "str_length" and stats.get("max_value") is not None:
            out["maxLength"] = stats["max_value"]
    return out


def _field(table: str, name: str, col: Column) -> dict:
    description, unit = fields.column(table, name)
    field: dict = {"name": name, "type": TYPES.get(str(col.dtype), "string"), "description": description}
    if unit:
        field["unit"] = unit
    if field["type"] == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    constraints = _constraints(col)
    if constraints:
        field["constraints"] = constraints
    return field


def _keys(table: str, schema) -> dict:
    out: dict = {}
    if schema.unique:
        out["primaryKey"] = list(schema.unique)
    else:
        keys = [name for name, col in schema.columns.items() if col.unique and not col.nullable]
        if keys:
            out["primaryKey"] = keys[:1]
    foreign = []
    for column, kind in REFERENCES.get(table, {}).items():
        if kind in TARGETS and not _is_list(schema.columns[column]):
            resource, key = TARGETS[kind]
            foreign.append({"fields": [column], "reference": {"resource": resource, "fields": [key]}})
    if foreign:
        out["foreignKeys"] = foreign
    return out


def resource(table: str, schema=None) -> dict:
    title, description, described = fields.TABLES[table]
    schema = schema if schema is not None else SCHEMAS[table]
    return {
        "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "title": title,
        "description": description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "schema": {"fields": [_field(table, name, col) for name, col in schema.columns.items()],
                   "missingValues": [""], **_keys(table, schema)},
    }


def build() -> dict:
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "China–Kazakhstan relations: border, trade, energy, projects and events",
        "description": ("The tables behind the China–Kazakhstan dashboard. Every row cites the public pages it "
                        "comes from (source_ids → sources). Where China's customs and Kazakhstan's statistics "
                        "disagree, both figures are kept and labelled. data/README.md documents every rule; "
                        "an empty cell is a gap in what is published, never a zero."),
        "licenses": LICENSES,
        "sources": SOURCES,
        "keywords": ["China", "Kazakhstan", "trade", "Belt and Road", "pipelines", "border"],
        "resources": [*(resource(table) for table in TABLES), resource("translations", TRANSLATIONS_SCHEMA)],
    }


def text() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
