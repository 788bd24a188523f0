"""Bring the trade tables up to date from UN Comtrade (needs internet; the dashboard itself never does).

    python scripts/refresh_trade.py                 # fetch, print what would change, write nothing
    python scripts/refresh_trade.py --apply         # fetch, check, then write data/*.csv
    python scripts/refresh_trade.py --offline a.json b.json [--apply]   # saved API answers instead

Fetches, with UN Comtrade's own client package `comtradeapicall` (the public preview without a key, or
the key in COMTRADE_KEY), annual goods trade reported by China (156) with Kazakhstan (398), and by
Kazakhstan with China, Russia (643) and the World (0): totals and HS chapters summed into HS sections.
What each record means is decided in kzcn/comtrade.py. With --apply the new tables are first written to
a scratch copy of data/ and loaded with the same validation as start-up; only then does each file replace
its old self by an atomic rename. Any failure (no network, timeout, HTTP error, malformed answer) prints
one line, exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import math
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcn import comtrade  # noqa: E402
from kzcn.tables import DATA_DIR, DataError, load  # noqa: E402

TABLES = ("trade_annual", "kz_trade_partners", "trade_products")
YEARS_PER_CALL = 10  # the preview answers at most 500 records a call: 10 years of totals stay well under
PAUSE_S = 1.5  # between calls, to stay inside the preview's rate limit


class Failure(Exception):
    """Stops the refresh; its message is the one line the user sees."""


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_failure(printed: str) -> str:
    """comtradeapicall prints the problem and returns None; turn what it printed into one line."""
    text = printed.strip()
    if text.startswith("Request error:"):
        detail = text[len("Request error:"):].strip()
        if "timed out" in detail.lower() or "timeout" in detail.lower():
            return "UN Comtrade did not answer in time (timeout); try again later"
        if "Caused by " in detail:  # urllib3's retry summary: the cause is the useful part
            cause = detail.split("Caused by ", 1)[1]
            name = cause.split("(", 1)[0]
            reason = cause.rsplit(": ", 1)[-1].split(" (")[0].rstrip(')"') if ": " in cause else ""
            detail = f"{name}: {reason}" if reason else name
        return f"cannot reach UN Comtrade (no network?): {_short(detail, 120)}"
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict) and body.get("statusCode"):
        status = body["statusCode"]
        hint = "; too many requests: wait a minute and run again" if status == 429 else ""
        return f"UN Comtrade refused the query (HTTP {status}: {_short(body.get('message', ''), 100)}){hint}"
    return f"UN Comtrade answered with an error instead of data: {_short(text) or '(empty answer)'}"


def _chunks(query: comtrade.Query, years: list[int]) -> list[list[int]]:
    size = YEARS_PER_CALL if query.cmd == "TOTAL" else 1  # ~97 chapters x 2 flows a year
    return [years[i:i + size] for i in range(0, len(years), size)]


def _call(query: comtrade.Query, years: list[int], key: str | None) -> dict:
    try:
        import comtradeapicall
    except ImportError:
        raise Failure("the comtradeapicall package is missing: pip install -r requirements.txt") from None
    args = dict(typeCode="C", freqCode="A", clCode="HS", period=",".join(map(str, years)),
                reporterCode=str(query.reporter), cmdCode=query.cmd, flowCode="X,M",
                partnerCode=",".join(map(str, query.partners)), partner2Code=None, customsCode=None, motCode=None,
                breakdownMode="classic")
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            if key:
                frame = comtradeapicall.getFinalData(key, **args)
            else:
                frame = comtradeapicall.previewFinalData(**args, maxRecords=500)
    except (ValueError, KeyError, TypeError) as err:  # the package read a 200 answer that is not the API's JSON
        raise Failure(f"malformed answer from UN Comtrade for {query.source_id} {args['period']}: "
                      f"{type(err).__name__} {_short(err, 80)}") from None
    except Exception as err:  # noqa: BLE001 - any other failure inside the client is still one line
        raise Failure(f"UN Comtrade call failed for {query.source_id}: "
                      f"{type(err).__name__} {_short(err, 100)}") from None
    if frame is None:
        raise Failure(describe_failure(printed.getvalue()))
    records = frame.astype(object).where(frame.notna(), None).to_dict("records") if len(frame) else []
    return {"data": records}


def fetch(first: int, last: int, product_years: int, key: str | None, save: Path | None,
          parsed: comtrade.Parsed) -> None:
    years = list(range(first, last + 1))
    calls = 0
    for query in comtrade.QUERIES:
        span = years if query.cmd == "TOTAL" else years[-product_years:]
        for chunk in _chunks(query, span):
            if calls:
                time.sleep(PAUSE_S)
            calls += 1
            period = f"{chunk[0]}-{chunk[-1]}" if len(chunk) > 1 else str(chunk[0])
            answer = _call(query, chunk, key)
            if save:
                save.mkdir(parents=True, exist_ok=True)
                answer_out = {**answer, "retrieved": date.today().isoformat()}
                (save / f"{query.source_id}-{period}.json").write_text(
                    json.dumps(answer_out, default=_json_default, indent=1), encoding="utf-8")
            comtrade.parse(answer, f"UN Comtrade answer {query.source_id} {period}", parsed)
            print(f"fetched {query.source_id} {period}: {len(answer['data'])} records", flush=True)


def _json_default(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else str(value)


def read_offline(files: list[str], parsed: comtrade.Parsed) -> tuple[str | None, list[str]]:
    """Parse saved answers; returns the latest 'retrieved' date they carry and the files marked test data."""
    retrieved, test_files = None, []
    for name in files:
        try:
            answer = json.loads(Path(name).read_text(encoding="utf-8"))
        except OSError as err:
            raise Failure(f"{name}: cannot be read ({err.strerror})") from None
        except (ValueError, UnicodeDecodeError) as err:
            raise Failure(f"{name}: malformed answer, not JSON ({_short(err, 80)})") from None
        comtrade.parse(answer, name, parsed)
        if answer.get("test_data") is True:
            test_files.append(name)
        if isinstance(answer.get("retrieved"), str):
            retrieved = max(retrieved or "", answer["retrieved"])
    return retrieved, test_files


def read_table(data_dir: Path, name: str) -> tuple[list[str], list[dict]]:
    path = data_dir / f"{name}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            return list(reader.fieldnames or []), list(reader)
    except OSError as err:
        raise Failure(f"data/{name}.csv cannot be read ({err.strerror})") from None


def write_table(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


def plan(data_dir: Path, records: list[comtrade.Record], retrieved: str):
    """What the records would make of each table: {name: (columns, rows)}, the changes, the source lines."""
    fresh = comtrade.rows(records)
    tables, changes = {}, []
    for name in TABLES:
        columns, current = read_table(data_dir, name)
        merged, found = comtrade.merge(name, current, fresh[name])
        tables[name] = (columns, merged)
        changes += found
    columns, current = read_table(data_dir, "sources")
    merged, source_lines = comtrade.merge_sources(current, comtrade.sources(records, retrieved))
    tables["sources"] = (columns, merged)
    return tables, changes, source_lines


def apply(data_dir: Path, tables: dict) -> None:
    """Write to a scratch copy, validate it as start-up does, then rename each file into place."""
    with tempfile.TemporaryDirectory(prefix="kzcn-refresh-") as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("incoming", "*.tmp"))
        for name, (columns, rows) in tables.items():
            write_table(copy / f"{name}.csv", columns, rows)
        try:
            load(copy)
        except DataError as err:
            first = str(err.problems[0]) if err.problems else str(err)
            raise Failure(f"the refreshed tables fail start-up validation, nothing written: {first}"
                          f"{f' (and {len(err.problems) - 1} more)' if len(err.problems) > 1 else ''}") from None
        # sources.csv first: a row never cites a source the file does not hold yet.
        for name in ("sources", *TABLES):
            target = data_dir / f"{name}.csv"
            temp = data_dir / f".{name}.csv.tmp"
            shutil.copyfile(copy / f"{name}.csv", temp)
            os.replace(temp, target)


def parse_args(argv: list[str]) -> argparse.Namespace:
    last = date.today().year - 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offline", nargs="+", metavar="FILE", help="saved API answers to read instead of the network")
    parser.add_argument("--apply", action="store_true", help="write the changes (default: only show them)")
    parser.add_argument("--from", dest="first", type=int, default=1995, help="first year (default 1995)")
    parser.add_argument("--to", dest="last", type=int, default=last, help=f"last year (default {last})")
    parser.add_argument("--product-years", type=int, default=3, help="latest years to fetch by HS section (default 3)")
    parser.add_argument("--save", type=Path, metavar="DIR", help="also save each API answer as JSON in DIR")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    parsed = comtrade.Parsed()
    retrieved, test_files = None, []
    if args.offline:
        retrieved, test_files = read_offline(args.offline, parsed)
    else:
        if args.first > args.last:
            raise Failure(f"--from {args.first} is after --to {args.last}")
        fetch(args.first, args.last, args.product_years, os.environ.get("COMTRADE_KEY") or None, args.save, parsed)
    if args.apply and test_files and args.data_dir.resolve() == (ROOT / "data").resolve():
        raise Failure(f"{test_files[0]} is marked test_data (made-up values): apply it only to a scratch copy "
                      "(KZCN_DATA_DIR or --data-dir), never to data/")
    tables, changes, source_lines = plan(args.data_dir, parsed.records, retrieved or date.today().isoformat())
    print(f"{len(parsed.records)} records used")
    for why, n in parsed.skipped.items():
        print(f"{n} skipped: {why}")
    changes.sort(key=lambda c: (TABLES.index(c.table), c.key))
    print(f"{'table':<17} {'year':<5} {'reporter':<16} {'flow':<10} {'HS':<5} {'old':>8} → new (US$ mn)")
    for change in changes:
        print(change.line())
    for line in source_lines:
        print(line)
    new = sum(c.old is None for c in changes)
    print(f"{len(changes)} values change ({new} new, {len(changes) - new} revised); {len(source_lines)} source rows")
    if not args.apply:
        print("dry run: nothing written; run again with --apply to write")
        return 0
    if not changes and not source_lines:
        print("nothing to write")
        return 0
    apply(args.data_dir, tables)
    print(f"written: {', '.join(f'data/{n}.csv' for n in ('sources', *TABLES))} (validated as at start-up)")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(parse_args(sys.argv[1:] if argv is None else argv))
    except (Failure, comtrade.Malformed) as err:
        print(f"refresh_trade: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("refresh_trade: interrupted, nothing written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
