"""Each kind of bad data file stops loading with a message naming file, row, column and rule."""

import csv

import pytest

from kzcn.tables import DataError, load


def edit(path, row: int, column: str, value: str) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
        header = list(rows[0].keys())
    rows[row - 1][column] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def problems(data_dir) -> str:
    load.cache_clear()
    try:
        with pytest.raises(DataError) as err:
            load(data_dir)
    finally:
        load.cache_clear()
    return str(err.value)


def test_committed_data_is_valid(ds):
    assert len(ds.projects) >= 40 and len(ds.events) >= 40 and len(ds.border_crossings) >= 6


@pytest.mark.parametrize("table,row,column,value,expected", [
    ("projects", 3, "start_year", "nineteen", "must be a whole number"),
    ("projects", 2, "start_year", "1850", "in_range(1990, 2035)"),
    ("projects", 4, "value", "-5", "greater_than_or_equal_to(0)"),
    ("projects", 5, "currency", "DOGE", "must be one of"),
    ("projects", 6, "source_ids", "no-such-source", "'no-such-source' is not a known source id"),
    ("projects", 7, "sector", "teleportation", "is not a known sector slug"),
    ("events", 2, "date", "03/01/1992", "does not match the expected form"),
    ("trade_annual", 1, "reporter", "somebody", "must be one of"),
    ("energy_flows", 1, "pipeline_id", "no-such-pipe", "not a known pipeline_id"),
    ("energy_flows", 1, "estimate", "maybe", "must be true or false"),
    ("sources", 1, "url", "not a url", "does not match the expected form"),
])
def test_bad_cell_is_named(data_copy, table, row, column, value, expected):
    edit(data_copy / f"{table}.csv", row, column, value)
    message = problems(data_copy)
    assert f"data/{table}.csv, row {row} (line {row + 1}), column '{column}'" in message
    assert expected in message


def test_duplicate_id_is_named(data_copy):
    with open(data_copy / "projects.csv", encoding="utf-8") as fh:
        first_id = list(csv.DictReader(fh))[0]["project_id"]
    edit(data_copy / "projects.csv", 2, "project_id", first_id)
    assert "column 'project_id': must be unique" in problems(data_copy)


def test_crossing_far_from_border_is_named(data_copy):
    edit(data_copy / "border_crossings.csv", 1, "lat_kz", "48.0")
    message = problems(data_copy)
    assert "data/border_crossings.csv, row 1 (line 2), column 'lat_kz/lon_kz': lies" in message
    assert "km from the border line" in message


def test_project_in_the_wrong_country_is_named(data_copy):
    with open(data_copy / "projects.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    row = next(i for i, r in enumerate(rows, start=1) if r["country"] == "KZ" and r["lat"])
    edit(data_copy / "projects.csv", row, "lat", "39.9")  # Beijing's latitude
    edit(data_copy / "projects.csv", row, "lon", "116.4")
    assert f"row {row} (line {row + 1}), column 'lat/lon': lies outside KZ" in problems(data_copy)


def test_missing_column_and_missing_file(data_copy):
    (data_copy / "events.csv").unlink()
    text = (data_copy / "corridors.csv").read_text(encoding="utf-8").replace("length_km", "len", 1)
    (data_copy / "corridors.csv").write_text(text, encoding="utf-8")
    message = problems(data_copy)
    assert "data/events.csv: the file is missing" in message
    assert "column 'length_km': is missing from the file" in message


def test_not_utf8_is_named(data_copy):
    (data_copy / "sources.csv").write_bytes("source_id,publisher\nx,\xe9\n".encode("latin-1"))
    assert "data/sources.csv: cannot be read as UTF-8 CSV" in problems(data_copy)


def test_app_start_up_prints_one_clear_message(data_copy, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    edit(data_copy / "events.csv", 1, "theme", "gossip")
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "KZCN_DATA_DIR": str(data_copy)}
    proc = subprocess.run([sys.executable, "app.py"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert "The dashboard cannot start" in proc.stderr
    assert "data/events.csv, row 1 (line 2), column 'theme'" in proc.stderr
    assert "Traceback" not in proc.stderr
