"""data/datapackage.json: generated from the loader's schemas, up to date, and valid with the data."""

from __future__ import annotations

import csv
import json

import pytest
from frictionless import Package, system

from kzcn import datapackage, fields
from kzcn.schemas import SCHEMAS, TABLES, TRANSLATIONS_SCHEMA
from kzcn.tables import DATA_DIR


def _validate(folder):
    with system.use_context(trusted=True):
        return Package(str(folder / "datapackage.json")).validate()


def test_committed_file_equals_a_fresh_build():
    committed = (DATA_DIR / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage.text(), "run python scripts/build_datapackage.py"


def test_every_schema_column_is_described_and_nothing_else():
    schemas = {**SCHEMAS, "translations": TRANSLATIONS_SCHEMA}
    assert set(fields.TABLES) == set(schemas)
    for table, schema in schemas.items():
        assert set(fields.TABLES[table][2]) == set(schema.columns), table


def test_package_lists_every_table_with_the_loaders_rules():
    package = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == [*TABLES, "translations"]
    assert package["licenses"] and package["sources"]
    trade = next(r for r in package["resources"] if r["name"] == "trade_annual")["schema"]
    by_name = {f["name"]: f for f in trade["fields"]}
    assert by_name["value_usd_mn"]["unit"] == "USD million"
    assert by_name["reporter"]["constraints"]["enum"] == ["china-customs", "kazakhstan-stats", "unattributed"]
    assert by_name["year"]["type"] == "integer" and by_name["estimate"]["type"] == "boolean"
    flows = next(r for r in package["resources"] if r["name"] == "crossing_flows")["schema"]
    assert flows["foreignKeys"] == [{"fields": ["crossing_id"],
                                     "reference": {"resource": "border_crossings", "fields": ["crossing_id"]}}]
    sources = next(r for r in package["resources"] if r["name"] == "sources")["schema"]
    assert sources["primaryKey"] == ["source_id"]


def test_frictionless_validates_the_package_and_the_data():
    report = _validate(DATA_DIR)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def _edit(path, row: int, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(("table", "column", "value", "error"), [
    ("trade_annual", "reporter", "somebody", "constraint-error"),
    ("trade_annual", "value_usd_mn", "lots", "type-error"),
    ("crossing_flows", "crossing_id", "no-such-crossing", "foreign-key"),
])
def test_the_validator_catches_a_broken_cell(data_copy, table, column, value, error):
    # The package's rules bite: a valid result above is not a validator that checks nothing.
    _edit(data_copy / f"{table}.csv", 0, column, value)
    report = _validate(data_copy)
    assert not report.valid
    assert error in {e[0] for e in report.flatten(["type"])}
