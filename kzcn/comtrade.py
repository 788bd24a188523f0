"""UN Comtrade records → rows of the trade tables, and what that would change. No network, no files.

`scripts/refresh_trade.py` fetches (or reads saved answers) and writes; everything that decides what a
record means lives here, as plain functions on plain data, so it is tested without either.

The right way round: each record is one reporter's statement. China (156) reporting its exports (X) to
Kazakhstan (398) states Kazakhstan's imports from China *as China's customs count them*
(`china-customs`, `kz-imports`); Kazakhstan reporting its exports to China is `kazakhstan-stats`,
`kz-exports`. Kazakhstan's trade with China, Russia and the world also goes to `kz_trade_partners`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHINA, KAZAKHSTAN, RUSSIA, WORLD = 156, 398, 643, 0
REPORTER = {CHINA: "china-customs", KAZAKHSTAN: "kazakhstan-stats"}
PARTNER = {CHINA: "china", RUSSIA: "russia", WORLD: "world"}
COUNTRY = {CHINA: "China", KAZAKHSTAN: "Kazakhstan", RUSSIA: "Russia", WORLD: "World"}
PUBLISHER = "UN Comtrade (United Nations Statistics Division)"
PREVIEW_URL = "https://comtradeapi.un.org/public/v1/preview/C/A/HS"
REQUIRED = ("refYear", "reporterCode", "partnerCode", "flowCode", "cmdCode", "primaryValue")

# HS sections by chapter (HS 2022 nomenclature); chapters 98-99 are for national use and belong to none.
SECTIONS = (
    ("I", "Live animals, animal products", 1, 5), ("II", "Vegetable products", 6, 14),
    ("III", "Fats and oils", 15, 15), ("IV", "Prepared food, drinks, tobacco", 16, 24),
    ("V", "Mineral products (ores, fuels)", 25, 27), ("VI", "Chemical products", 28, 38),
    ("VII", "Plastics and rubber", 39, 40), ("VIII", "Hides, leather, furs", 41, 43),
    ("IX", "Wood and cork", 44, 46), ("X", "Pulp and paper", 47, 49), ("XI", "Textiles and clothing", 50, 63),
    ("XII", "Footwear and headgear", 64, 67), ("XIII", "Stone, ceramics, glass", 68, 70),
    ("XIV", "Precious metals and stones", 71, 71), ("XV", "Base metals and articles", 72, 83),
    ("XVI", "Machinery and electrical equipment", 84, 85), ("XVII", "Vehicles and transport equipment", 86, 89),
    ("XVIII", "Instruments, clocks, music", 90, 92), ("XIX", "Arms and ammunition", 93, 93),
    ("XX", "Miscellaneous manufactures", 94, 96), ("XXI", "Works of art, antiques", 97, 97),
)
FLOW_WORD = {"X": "exports", "M": "imports"}
# The (reporter, partner) pairs the queries ask for.
PAIRS = {(CHINA, KAZAKHSTAN), (KAZAKHSTAN, CHINA), (KAZAKHSTAN, RUSSIA), (KAZAKHSTAN, WORLD)}


class Malformed(ValueError):
    """An answer that is not what the API returns: the message names the file or query and the fault."""


@dataclass(frozen=True)
class Record:
    year: int
    reporter: int
    partner: int
    flow: str  # X or M, as the reporter says it
    cmd: str  # TOTAL or a two-digit HS chapter
    value_usd: float


@dataclass(frozen=True)
class Query:
    """One logical API query: the unit a sources.csv row cites."""

    reporter: int
    partners: tuple[int, ...]
    cmd: str  # TOTAL or AG2 (every HS chapter, summed here into sections)

    @property
    def source_id(self) -> str:
        level = "total" if self.cmd == "TOTAL" else "hs-sections"
        return f"comtrade-{self.reporter}-{'-'.join(map(str, self.partners))}-{level}"

    def url(self, years: list[int]) -> str:
        partners = ",".join(map(str, self.partners))
        period = ",".join(map(str, sorted(years)))
        return (f"{PREVIEW_URL}?reporterCode={self.reporter}&partnerCode={partners}&period={period}"
                f"&cmdCode={self.cmd}&flowCode=X,M&breakdownMode=classic")

    def title(self) -> str:
        partners = ", ".join(COUNTRY[p] for p in self.partners)
        what = "all goods (TOTAL)" if self.cmd == "TOTAL" else "HS chapters (AG2), summed into HS sections"
        return (f"Annual goods trade reported by {COUNTRY[self.reporter]} ({self.reporter}) with "
                f"{partners}: {what} [API query]")


QUERIES = (Query(CHINA, (KAZAKHSTAN,), "TOTAL"), Query(KAZAKHSTAN, (CHINA, RUSSIA, WORLD), "TOTAL"),
           Query(CHINA, (KAZAKHSTAN,), "AG2"), Query(KAZAKHSTAN, (CHINA,), "AG2"))


def _chapters(first: int, last: int) -> str:
    """A section as the chapter range data/README.md uses for hs_code: 25-27, or 15 for one chapter."""
    return f"{first:02d}" if first == last else f"{first:02d}-{last:02d}"


def section_of(chapter: str) -> tuple[str, str] | None:
    number = int(chapter)
    for code, name, first, last in SECTIONS:
        if first <= number <= last:
            return code, name
    return None


def _int(value, name: str, where: str) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise Malformed(f"{where}: {name} is not a number ({value!r})") from None
    if number != int(number):
        raise Malformed(f"{where}: {name} is not a whole number ({value!r})")
    return int(number)


@dataclass
class Parsed:
    records: list[Record] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def parse(answer, origin: str, into: Parsed | None = None) -> Parsed:
    """Check one API answer ({"data": [record, …]}) and keep the records the tables can use.

    Raises Malformed for anything the API would not send. Records outside what the tables hold (re-exports,
    a breakdown by customs procedure or transport mode, other partners, figures UN Comtrade marks as not
    reported by the country) are counted in `skipped`, not used."""
    out = into if into is not None else Parsed()
    if not isinstance(answer, dict) or not isinstance(answer.get("data"), list):
        raise Malformed(f"{origin}: not an API answer (expected an object with a 'data' list)")
    if answer.get("error"):
        raise Malformed(f"{origin}: the answer carries an error: {str(answer['error'])[:120]}")
    for i, rec in enumerate(answer["data"], start=1):
        where = f"{origin}, record {i}"
        if not isinstance(rec, dict):
            raise Malformed(f"{where}: not an object")
        missing = [k for k in REQUIRED if rec.get(k) is None]
        if missing:
            raise Malformed(f"{where}: lacks {', '.join(missing)}")
        year = _int(rec["refYear"], "refYear", where)
        reporter = _int(rec["reporterCode"], "reporterCode", where)
        partner = _int(rec["partnerCode"], "partnerCode", where)
        try:
            value = float(rec["primaryValue"])
        except (TypeError, ValueError):
            raise Malformed(f"{where}: primaryValue is not a number ({rec['primaryValue']!r})") from None
        if value < 0 or not 1950 <= year <= 2100:
            raise Malformed(f"{where}: impossible value (refYear {year}, primaryValue {value})")
        flow, cmd = str(rec["flowCode"]), str(rec["cmdCode"])
        if rec.get("freqCode", "A") != "A":
            out.skip("not annual")
        elif flow not in FLOW_WORD:
            out.skip(f"flow {flow} (re-exports, re-imports, processing)")
        elif str(rec.get("customsCode") or "C00") != "C00" or int(rec.get("motCode") or 0) != 0 \
                or int(rec.get("partner2Code") or 0) != 0:
            out.skip("breakdown by customs procedure, transport mode or second partner")
        elif rec.get("isReported") is False:
            out.skip("marked by UN Comtrade as not reported by the country")
        elif (reporter, partner) not in PAIRS:
            out.skip("reporter or partner outside the queries")
        elif cmd != "TOTAL" and not (len(cmd) == 2 and cmd.isdigit()):
            out.skip("commodity code finer than an HS chapter")
        elif cmd != "TOTAL" and section_of(cmd) is None:
            out.skip("HS chapters 98-99 (national use, no section)")
        else:
            out.records.append(Record(year, reporter, partner, flow, cmd, value))
    return out


def kz_flow(reporter: int, flow: str) -> str:
    """Kazakhstan's side of a reporter's flow: China's exports are Kazakhstan's imports."""
    if reporter == KAZAKHSTAN:
        return "kz-exports" if flow == "X" else "kz-imports"
    return "kz-imports" if flow == "X" else "kz-exports"


def usd_mn(value_usd: float) -> str:
    """Millions of US dollars, one decimal, as the CSVs write numbers (no trailing .0)."""
    text = f"{value_usd / 1e6:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _query_of(rec: Record) -> Query:
    for query in QUERIES:
        level_ok = (rec.cmd == "TOTAL") == (query.cmd == "TOTAL")
        partner_ok = rec.partner in query.partners
        if query.reporter == rec.reporter and level_ok and partner_ok:
            return query
    raise AssertionError(rec)  # parse() keeps only records some query covers


# Who compiles each reporter's figures, named in every row's notes (kzcn/provenance.py checks the label).
COMPILER = {CHINA: "China's customs (GACC)", KAZAKHSTAN: "Kazakhstan's national statistics"}


def _note(reporter: int, partner: int, flow: str, value: float | None = None, what: str = "") -> str:
    base = (f"UN Comtrade, as reported by {COUNTRY[reporter]} ({reporter}), compiled by {COMPILER[reporter]}: "
            f"{FLOW_WORD[flow]} {'to' if flow == 'X' else 'from'} {COUNTRY[partner]} ({partner})")
    if what:
        base += f", {what}"
    return base + (f"; primaryValue US${value:,.0f}" if value is not None else "")


def _turnover_note(reporter: int, partner: int, what: str = "") -> str:
    extra = f" ({what})" if what else ""
    return (f"UN Comtrade, as reported by {COUNTRY[reporter]} ({reporter}), compiled by {COMPILER[reporter]}: "
            f"exports plus imports with {COUNTRY[partner]} ({partner}){extra}, summed by scripts/refresh_trade.py")


def rows(records: list[Record]) -> dict[str, list[dict]]:
    """The table rows the records state, keyed by table. Values in US$ millions; every row cites the
    sources.csv row of its query. Turnover is the sum of both flows where the reporter gives both."""
    out: dict[str, list[dict]] = {"trade_annual": [], "kz_trade_partners": [], "trade_products": []}
    totals: dict[tuple, dict[str, float]] = {}
    sections: dict[tuple, dict[str, float]] = {}
    for rec in records:
        if rec.cmd == "TOTAL":
            totals.setdefault((rec.year, rec.reporter, rec.partner), {})[rec.flow] = rec.value_usd
        else:
            code, _name = section_of(rec.cmd)
            per = sections.setdefault((rec.year, rec.reporter, rec.partner, code), {})
            per[rec.flow] = per.get(rec.flow, 0.0) + rec.value_usd
    for (year, reporter, partner), flows in sorted(totals.items()):
        sid = _query_of(Record(year, reporter, partner, "X", "TOTAL", 0)).source_id
        stated = [(kz_flow(reporter, f), v, _note(reporter, partner, f, v)) for f, v in sorted(flows.items())]
        if len(flows) == 2:
            stated.append(("turnover", sum(flows.values()), _turnover_note(reporter, partner)))
        for flow, value, note in stated:
            base = {"year": str(year), "flow": flow, "value_usd_mn": usd_mn(value), "period": "year",
                    "estimate": "false", "notes": note, "source_ids": sid}
            if partner in (CHINA, KAZAKHSTAN):
                out["trade_annual"].append({"reporter": REPORTER[reporter], **base})
            if reporter == KAZAKHSTAN:
                out["kz_trade_partners"].append({"partner": PARTNER[partner], **base})
    for (year, reporter, partner, code), flows in sorted(sections.items()):
        sid = _query_of(Record(year, reporter, partner, "X", "01", 0)).source_id
        name, chapters = next((n, _chapters(a, b)) for c, n, a, b in SECTIONS if c == code)
        what = f"HS section {code} (chapters {chapters}), sum of its chapters"
        for flow, value in sorted(flows.items()):
            out["trade_products"].append({
                "year": str(year), "reporter": REPORTER[reporter], "flow": kz_flow(reporter, flow),
                "product_group": name, "hs_code": chapters, "value_usd_mn": usd_mn(value), "share_pct": "",
                "notes": _note(reporter, partner, flow, None, what), "source_ids": sid})
    return out


def sources(records: list[Record], retrieved: str) -> list[dict]:
    """One sources.csv row per query the records answer."""
    years: dict[Query, set[int]] = {}
    for rec in records:
        years.setdefault(_query_of(rec), set()).add(rec.year)
    return [{"source_id": q.source_id, "publisher": PUBLISHER, "title": q.title(), "url": q.url(sorted(ys)),
             "date": retrieved, "date_kind": "retrieved",
             "notes": "Fetched by scripts/refresh_trade.py with the comtradeapicall package; primaryValue is "
                      "exports FOB and imports CIF, in US dollars."}
            for q, ys in sorted(years.items(), key=lambda item: QUERIES.index(item[0]))]


KEYS = {"trade_annual": ("year", "reporter", "flow", "period"),
        "kz_trade_partners": ("year", "partner", "flow", "period"),
        "trade_products": ("year", "reporter", "flow", "hs_code")}


@dataclass(frozen=True)
class Change:
    table: str
    key: tuple[str, ...]
    old: str | None
    new: str

    def line(self) -> str:
        old = self.old if self.old is not None else "(none)"
        year, who, flow, extra = self.key
        extra = "" if extra == "year" else extra  # the period of annual rows; the HS section of products
        return f"{self.table:<17} {year:<5} {who:<16} {flow:<10} {extra:<5} {old:>8} → {self.new}"


def _cites(row: dict, sid: str) -> bool:
    return sid in [part.strip() for part in (row.get("source_ids") or "").split(";")]


def merge(table: str, current: list[dict], fresh: list[dict]) -> tuple[list[dict], list[Change]]:
    """Replace the rows a query stated before by what it states now; add new ones; leave every other
    row (other pages, other years) as it is. Returns the new table and the changed values."""
    key_cols = KEYS[table]
    fresh_by = {(row["source_ids"], *(row[k] for k in key_cols)): row for row in fresh}
    out, changes, seen = [], [], set()
    for row in current:
        key = (row.get("source_ids"), *(row.get(k, "") for k in key_cols))
        if key in fresh_by:
            new = fresh_by[key]
            seen.add(key)
            if float(new["value_usd_mn"]) != float(row["value_usd_mn"] or "nan"):
                changes.append(Change(table, key[1:], row["value_usd_mn"], new["value_usd_mn"]))
            out.append({**row, **new})
        else:
            out.append(row)
    for key, row in fresh_by.items():
        if key not in seen:
            changes.append(Change(table, key[1:], None, row["value_usd_mn"]))
            out.append(row)
    return out, changes


def merge_sources(current: list[dict], fresh: list[dict]) -> tuple[list[dict], list[str]]:
    """Add or update the query rows of sources.csv; returns the table and a line per change."""
    by_id = {row["source_id"]: row for row in fresh}
    out, lines = [], []
    for row in current:
        new = by_id.pop(row["source_id"], None)
        if new is not None and any(row.get(k) != v for k, v in new.items()):
            what = [f"{k} {row.get(k)} → {v}" for k, v in new.items() if k in ("date", "title") and row.get(k) != v]
            if row.get("url") != new["url"]:
                what.append("url (years queried)")
            lines.append(f"{'sources':<17} {row['source_id']}: updated {'; '.join(what)}")
        out.append({**row, **new} if new is not None else row)
    for sid, row in by_id.items():
        lines.append(f"{'sources':<17} {sid}: new row")
        out.append(row)
    return out, lines
