"""scripts/refresh_trade.py and kzcn/comtrade.py on recorded API answers (tests/fixtures/comtrade: made-up
values in the API's shape, marked test_data). The network is never used: failures are played through
comtradeapicall by replacing urllib3's request with one that fails the way the network would."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import urllib3

from kzcn import comtrade
from kzcn.tables import load

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "refresh_trade.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "comtrade"
GOOD = [FIXTURES / n for n in ("china-156-398-total.json", "kazakhstan-398-partners-total.json",
                               "china-156-398-ag2-2023.json", "kazakhstan-398-156-ag2-2023.json")]
WRITTEN = ("sources", "trade_annual", "kz_trade_partners", "trade_products")


def _answer(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _records(*names: str) -> list[comtrade.Record]:
    parsed = comtrade.Parsed()
    for name in names:
        comtrade.parse(_answer(name), name, parsed)
    return parsed.records


def _value(answer: dict, **match) -> float:
    """primaryValue of the one plain record matching `match` in a fixture, in US$ millions."""
    hits = [r for r in answer["data"] if all(r[k] == v for k, v in match.items()) and r["motCode"] == 0]
    assert len(hits) == 1
    return hits[0]["primaryValue"] / 1e6


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def _rows(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- the mapping, as functions -------------------------------------------------------------------------

def test_each_reporters_flow_is_named_from_kazakhstans_side():
    assert comtrade.kz_flow(comtrade.CHINA, "X") == "kz-imports"  # China's exports = Kazakhstan's imports
    assert comtrade.kz_flow(comtrade.CHINA, "M") == "kz-exports"
    assert comtrade.kz_flow(comtrade.KAZAKHSTAN, "X") == "kz-exports"
    assert comtrade.kz_flow(comtrade.KAZAKHSTAN, "M") == "kz-imports"


def test_chinas_exports_to_kazakhstan_become_china_customs_kz_imports_in_usd_mn():
    out = comtrade.rows(_records("china-156-398-total.json"))
    answer = _answer("china-156-398-total.json")
    row = next(r for r in out["trade_annual"] if (r["year"], r["flow"]) == ("2023", "kz-imports"))
    assert row["reporter"] == "china-customs" and row["period"] == "year"
    assert float(row["value_usd_mn"]) == pytest.approx(_value(answer, refYear=2023, flowCode="X"), abs=0.05)
    turnover = next(r for r in out["trade_annual"] if (r["year"], r["flow"]) == ("2023", "turnover"))
    both = _value(answer, refYear=2023, flowCode="X") + _value(answer, refYear=2023, flowCode="M")
    assert float(turnover["value_usd_mn"]) == pytest.approx(both, abs=0.1)
    assert out["kz_trade_partners"] == []  # China's figures are not Kazakhstan's statistics


def test_kazakhstans_partners_go_to_kz_trade_partners_and_china_also_to_trade_annual():
    out = comtrade.rows(_records("kazakhstan-398-partners-total.json"))
    partners = {(r["year"], r["partner"], r["flow"]) for r in out["kz_trade_partners"]}
    assert {("2023", p, f) for p in ("china", "russia", "world") for f in ("kz-exports", "kz-imports", "turnover")} <= partners
    assert {r["reporter"] for r in out["trade_annual"]} == {"kazakhstan-stats"}
    assert len(out["trade_annual"]) == 6  # China only: 2 years x 3 flows; Russia and the world stay out


def test_every_row_cites_one_source_row_of_its_query():
    records = _records(*(p.name for p in GOOD))
    sources = {row["source_id"]: row for row in comtrade.sources(records, "2026-12-01")}
    for table, rows in comtrade.rows(records).items():
        for row in rows:
            assert row["source_ids"] in sources, (table, row)
    assert all(row["url"].startswith(comtrade.PREVIEW_URL) and "subscription" not in row["url"] for row in sources.values())


def test_chapters_are_summed_into_their_hs_sections():
    assert comtrade.section_of("27")[0] == "V" and comtrade.section_of("84")[0] == "XVI"
    assert comtrade.section_of("99") is None
    assert all(comtrade.section_of(f"{c:02d}") for c in range(1, 98) if c != 77)
    answer = _answer("china-156-398-ag2-2023.json")
    out = comtrade.rows(_records("china-156-398-ag2-2023.json"))
    textiles = next(r for r in out["trade_products"] if r["hs_code"] == "50-63")  # section XI
    expected = _value(answer, cmdCode="61") + _value(answer, cmdCode="62")
    assert textiles["flow"] == "kz-imports" and float(textiles["value_usd_mn"]) == pytest.approx(expected, abs=0.1)


def test_records_outside_the_tables_are_skipped_and_counted():
    parsed = comtrade.Parsed()
    for path in GOOD:
        comtrade.parse(_answer(path.name), path.name, parsed)
    reasons = " | ".join(parsed.skipped)
    for word in ("flow RX", "transport mode", "98-99", "not reported"):
        assert word in reasons


@pytest.mark.parametrize(("answer", "fault"), [
    ([], "not an API answer"), ({"count": 0}, "not an API answer"),
    ({"data": [{"refYear": 2023}]}, "lacks"), ({"data": [], "error": "quota"}, "error"),
    ({"data": [{"refYear": "x", "reporterCode": 156, "partnerCode": 398, "flowCode": "X", "cmdCode": "TOTAL",
                "primaryValue": 1}]}, "refYear is not a number"),
])
def test_malformed_answers_raise_one_clear_message(answer, fault):
    with pytest.raises(comtrade.Malformed, match=fault):
        comtrade.parse(answer, "answer.json")


def test_merge_revises_the_querys_own_rows_and_leaves_other_pages_alone():
    fresh = comtrade.rows(_records("china-156-398-total.json"))["trade_annual"]
    other = {**fresh[0], "source_ids": "some-page", "value_usd_mn": "1"}
    stale = {**fresh[0], "value_usd_mn": "2"}
    merged, changes = comtrade.merge("trade_annual", [other, stale], fresh)
    assert merged[0] == other and merged[1]["value_usd_mn"] == fresh[0]["value_usd_mn"]
    assert changes[0].old == "2" and changes[0].new == fresh[0]["value_usd_mn"]
    assert len(merged) == len(fresh) + 1 and len(changes) == len(fresh)


# --- the script ------------------------------------------------------------------------------------------

def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KZCN_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240)


def test_dry_run_prints_the_diff_and_writes_nothing(data_copy):
    before = _snapshot(data_copy)
    result = _run("--offline", *map(str, GOOD), data_dir=data_copy)
    assert result.returncode == 0, result.stderr
    china_x = _value(_answer("china-156-398-total.json"), refYear=2023, flowCode="X")
    line = next(out for out in result.stdout.splitlines() if out.startswith("trade_annual") and " 2023 " in out
                and "china-customs" in out and "kz-imports" in out)
    assert line.endswith(f"(none) → {comtrade.usd_mn(china_x * 1e6)}")
    assert "dry run: nothing written" in result.stdout
    assert _snapshot(data_copy) == before


def test_apply_writes_validated_tables_and_a_second_run_finds_nothing_new(data_copy, tmp_path):
    result = _run("--offline", *map(str, GOOD), "--apply", data_dir=data_copy)
    assert result.returncode == 0, result.stderr
    ds = load(data_copy)  # the same validation as start-up
    china = ds.trade_annual[ds.trade_annual["source_ids"] == "comtrade-156-398-total"]
    assert set(china["reporter"]) == {"china-customs"} and len(china) == 6
    assert {"china", "russia", "world"} <= set(ds.kz_trade_partners["partner"])
    assert not list(data_copy.glob(".*.tmp"))
    again = _run("--offline", *map(str, GOOD), data_dir=data_copy)
    assert "0 values change" in again.stdout
    # A revised figure shows old → new.
    revised = _answer("china-156-398-total.json")
    first = next(r for r in revised["data"] if r["refYear"] == 2023 and r["flowCode"] == "X" and r["motCode"] == 0)
    old = comtrade.usd_mn(first["primaryValue"])
    first["primaryValue"] += 5e8
    (tmp_path / "revised.json").write_text(json.dumps(revised), encoding="utf-8")
    result = _run("--offline", str(tmp_path / "revised.json"), data_dir=data_copy)
    assert f"{old} → {comtrade.usd_mn(first['primaryValue'])}" in result.stdout


def test_apply_that_would_fail_validation_writes_nothing(data_copy, tmp_path):
    answer = _answer("china-156-398-total.json")
    for rec in answer["data"]:
        rec["refYear"] = 2040  # beyond the years the schema allows
    (tmp_path / "future.json").write_text(json.dumps(answer), encoding="utf-8")
    before = _snapshot(data_copy)
    result = _run("--offline", str(tmp_path / "future.json"), "--apply", data_dir=data_copy)
    assert result.returncode == 1
    assert "fail start-up validation" in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(data_copy) == before


def _load_script():
    spec = importlib.util.spec_from_file_location("refresh_trade_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Response:
    def __init__(self, status: int, body: bytes):
        self.status, self.data = status, body


def _conn_error(*_a, **_k):
    raise urllib3.exceptions.MaxRetryError(None, "/public/v1/preview", urllib3.exceptions.NameResolutionError(
        "comtradeapi.un.org", None, OSError("Name or service not known")))


def _timeout(*_a, **_k):
    raise urllib3.exceptions.ReadTimeoutError(None, "/public/v1/preview", "Read timed out. (read timeout=120)")


@pytest.mark.parametrize(("request_fn", "expected"), [
    (_conn_error, "cannot reach UN Comtrade"),
    (_timeout, "did not answer in time"),
    (lambda *a, **k: _Response(429, b'{"statusCode": 429, "message": "Rate limit is exceeded."}'), "HTTP 429"),
    (lambda *a, **k: _Response(503, b"<html><body>Service Unavailable</body></html>"), "Service Unavailable"),
    (lambda *a, **k: _Response(200, b"<html>maintenance</html>"), "malformed answer"),
    (lambda *a, **k: _Response(200, b'{"count": 0}'), "malformed answer"),
    (lambda *a, **k: _Response(200, b'{"data": [{"refYear": 2023}]}'), "lacks"),
])
def test_network_failures_print_one_line_exit_non_zero_and_write_nothing(data_copy, monkeypatch, capsys,
                                                                         request_fn, expected):
    script = _load_script()
    monkeypatch.setattr(script, "PAUSE_S", 0)
    monkeypatch.setattr(urllib3.PoolManager, "request", request_fn)
    monkeypatch.delenv("COMTRADE_KEY", raising=False)
    before = _snapshot(data_copy)
    code = script.main(["--from", "2023", "--to", "2023", "--apply", "--data-dir", str(data_copy)])
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("refresh_trade: ") and expected in lines[0], err
    assert "Traceback" not in out + err
    assert _snapshot(data_copy) == before


@pytest.mark.parametrize("name", ["malformed-not-json.json", "malformed-no-data.json", "malformed-record.json",
                                  "no-such-file.json"])
def test_malformed_saved_answers_print_one_line(data_copy, name):
    before = _snapshot(data_copy)
    result = _run("--offline", str(FIXTURES / name), "--apply", data_dir=data_copy)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and name in result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(data_copy) == before


def test_test_fixtures_are_never_applied_to_the_real_data(capsys):
    script = _load_script()
    real = ROOT / "data"
    before = _snapshot(real)
    code = script.main(["--offline", str(GOOD[0]), "--apply", "--data-dir", str(real)])
    assert code == 1 and "test_data" in capsys.readouterr().err
    assert _snapshot(real) == before


def test_every_recorded_answer_is_marked_as_test_data():
    for path in FIXTURES.glob("*.json"):
        try:
            answer = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue  # the not-JSON fault
        assert answer.get("test_data") is True and "TEST DATA" in answer.get("_note", ""), path.name
