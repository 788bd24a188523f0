"""The trade data's own rules: one row per page, reporter labels a page supports, one estimate rule,
HS codes on product rows, and the partner table the page's China-and-Russia view reads."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from kzcn.provenance import ESTIMATE_MARK, canonical, page_key
from test_validation import problems

ROOT = Path(__file__).resolve().parent.parent


def rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def save(path: Path, header: list[str], data: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(data)


def edit_where(path: Path, match: dict, **changes) -> int:
    header, data = rows(path)
    hits = [i for i, r in enumerate(data) if all(r[k] == v for k, v in match.items())]
    assert hits, f"no row of {path.name} matches {match}"
    data[hits[0]].update(changes)
    save(path, header, data)
    return hits[0] + 1


# ---------------------------------------------------------------- sources: one row per page


def test_every_page_is_cited_once_at_its_public_address(ds):
    keys = ds.sources["url"].map(page_key)
    assert not keys.duplicated().any(), ds.sources.loc[keys.duplicated(keep=False), ["source_id", "url"]]
    copies = ds.sources[ds.sources["url"].map(canonical) != ds.sources["url"]]
    assert copies.empty, copies[["source_id", "url"]]


@pytest.mark.parametrize("url,public", [
    ("https://wiki.riteme.site/wiki/Atyrau,_Kazakhstan", "https://en.wikipedia.org/wiki/Atyrau,_Kazakhstan"),
    ("https://kiwix.casplantje.nl/wikipedia_en_all_maxi_2018-10/A/Kokshetau.html",
     "https://en.wikipedia.org/wiki/Kokshetau"),
    ("https://staging.rferl.org/a/1069776.html", "https://www.rferl.org/a/1069776.html"),
    ("http://covid-19.chinadaily.com.cn/china/2011-06/14/content_12686689.htm",
     "https://www.chinadaily.com.cn/china/2011-06/14/content_12686689.htm"),
    ("https://thediplomat.com./2020/12/tracing", "https://thediplomat.com/2020/12/tracing"),
    ("https://www-scmp-com.libproxy1.nus.edu.sg/business/x", "https://www.scmp.com/business/x"),
    ("https://hessslslslsls.azureedge.net/wiki/Port_of_Khorgos", "https://en.wikipedia.org/wiki/Port_of_Khorgos"),
    ("https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/East_Kazakhstan_Region",
     "https://en.wikipedia.org/wiki/East_Kazakhstan_Region"),
    ("https://fanyv88.com/https/simple.m.wikipedia.org/wiki/Alma-Ata", "https://simple.wikipedia.org/wiki/Alma-Ata"),
    ("https://perceptiopt.com/Экибастуз", "https://ru.wikipedia.org/wiki/Экибастуз"),
    ("http://syjxst.com/english/2017-06/07/c_136347912.htm", "http://www.xinhuanet.com/english/2017-06/07/c_136347912.htm"),
    ("https://astanatimes.com/2024/02/x/", "https://astanatimes.com/2024/02/x/"),
])
def test_copies_map_to_the_public_page(url, public):
    assert canonical(url) == public


def test_a_page_cited_twice_is_refused(data_copy):
    header, data = rows(data_copy / "sources.csv")
    first = next(r for r in data if r["url"].startswith("http"))
    data[-1]["url"] = first["url"].replace("https://", "http://")
    save(data_copy / "sources.csv", header, data)
    message = problems(data_copy)
    assert f"data/sources.csv, row {len(data)} (line {len(data) + 1}), column 'url'" in message
    assert f"same page as source '{first['source_id']}'" in message


@pytest.mark.parametrize("url", ["https://thediplomat.com./2020/12/x", "https://staging.rferl.org/a/1.html",
                                 "https://www-scmp-com.libproxy1.nus.edu.sg/a/1"])
def test_a_copy_of_a_page_is_refused(data_copy, url):
    header, data = rows(data_copy / "sources.csv")
    data[-1]["url"] = url
    save(data_copy / "sources.csv", header, data)
    assert "is a copy of a public page" in problems(data_copy)


# ---------------------------------------------------------------- reporter labels and the estimate rule


def test_attributed_rows_name_the_body_and_others_are_unattributed(ds):
    for table in ("trade_annual", "trade_products"):
        frame = ds.table(table)
        named = frame[frame["reporter"] != "unattributed"]
        assert not named["notes"].str.contains("not named|names no", case=False).any(), table


def test_a_statistics_label_without_a_named_body_is_refused(data_copy):
    row = edit_where(data_copy / "trade_annual.csv", {"reporter": "unattributed", "period": "year"},
                     reporter="kazakhstan-stats", notes="Stated by a minister")
    message = problems(data_copy)
    assert f"data/trade_annual.csv, row {row} (line {row + 1}), column 'reporter'" in message
    assert "a page that names none is 'unattributed'" in message


def test_the_faults_found_by_sampling_stay_fixed(ds):
    ta = ds.trade_annual
    # Pages that name no statistics body: a MOFCOM spokesman, an ambassador, "Kazakh media", import shares.
    for year, value in ((2013, 28600), (2023, 32700), (2023, 24300), (2021, 8200), (2024, 15300)):
        hit = ta[(ta["year"] == year) & (ta["value_usd_mn"] == value)]
        assert set(hit["reporter"]) == {"unattributed"}, (year, value)
    customs_2022 = ta[(ta["year"] == 2022) & (ta["reporter"] == "china-customs") & (ta["flow"] == "turnover")]
    assert customs_2022["source_ids"].str.contains("tp-nhlogistics-2022-31bn").all()
    # The 2023 gas transit was computed (37.1 - 1.5); only stated figures are stored.
    gas = ds.energy_flows[ds.energy_flows["pipeline_id"] == "central-asia-china-gas"]
    assert not ((gas["year"] == 2023) & (gas["volume"].round(1) == 35.6)).any()


def test_estimates_follow_one_rule(ds):
    for table in ("trade_annual", "kz_trade_partners", "energy_flows"):
        frame = ds.table(table)
        marked = frame["notes"].fillna("").str.startswith(ESTIMATE_MARK)
        assert (marked == frame["estimate"]).all(), table


@pytest.mark.parametrize("table,column,value,expected", [
    ("trade_annual", "estimate", "true", "an estimate's notes must begin 'Approximate:'"),
    ("energy_flows", "notes", "Approximate: 'about' - made up for the test", "so estimate must be true"),
])
def test_an_estimate_flag_out_of_step_with_its_notes_is_refused(data_copy, table, column, value, expected):
    match = {"estimate": "false"}
    row = edit_where(data_copy / f"{table}.csv", match, **{column: value})
    message = problems(data_copy)
    assert f"data/{table}.csv, row {row} (line {row + 1})" in message
    assert expected in message


# ---------------------------------------------------------------- products and partners


def test_every_product_row_has_an_hs_code_and_one_name_per_group(ds):
    tp = ds.trade_products
    assert tp["hs_code"].notna().all()
    codes = tp.groupby("product_group")["hs_code"].nunique()
    assert (codes == 1).all(), codes
    assert "Gas" not in set(tp["product_group"])


@pytest.mark.parametrize("value,expected", [("", "a value is required"), ("oil", "does not match the expected form")])
def test_a_product_row_without_a_valid_hs_code_is_refused(data_copy, value, expected):
    edit_where(data_copy / "trade_products.csv", {"product_group": "Natural gas"}, hs_code=value)
    message = problems(data_copy)
    assert "data/trade_products.csv" in message and "column 'hs_code'" in message and expected in message


def test_partner_table_has_kazakh_figures_for_china_and_russia(ds):
    kp = ds.kz_trade_partners
    full = kp[(kp["period"] == "year") & (kp["flow"] == "turnover")]
    china = full[full["partner"] == "china"].groupby("year")["value_usd_mn"].max()
    russia = full[full["partner"] == "russia"].groupby("year")["value_usd_mn"].max()
    both = china.index.intersection(russia.index)
    # The crossing the page marks: the first year in which China's figure tops Russia's.
    assert [y for y in sorted(both) if china[y] > russia[y]][:1] == [2023]


def test_a_partner_row_must_name_the_kazakh_office(data_copy):
    row = edit_where(data_copy / "kz_trade_partners.csv", {"partner": "russia"}, notes="Russian embassy figure")
    message = problems(data_copy)
    assert f"data/kz_trade_partners.csv, row {row} (line {row + 1}), column 'notes'" in message
    assert "must name the Kazakh office" in message


def test_an_unknown_partner_is_refused(data_copy):
    edit_where(data_copy / "kz_trade_partners.csv", {"partner": "eu"}, partner="europe")
    message = problems(data_copy)
    assert "data/kz_trade_partners.csv" in message and "column 'partner': must be one of" in message


# ---------------------------------------------------------------- the merge script


def test_merge_script_keeps_one_row_per_page_and_rewrites_ids(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    save(data / "sources.csv", ["source_id", "publisher", "title", "url", "date", "date_kind", "notes"], [
        {"source_id": "a", "publisher": "P", "title": "T", "url": "https://example.org/x", "date": "2026-11-25",
         "date_kind": "retrieved", "notes": "first"},
        {"source_id": "b", "publisher": "P", "title": "T", "url": "https://example.org/x", "date": "2020-01-02",
         "date_kind": "published", "notes": "second"},
        {"source_id": "c", "publisher": "W", "title": "Aktau", "url": "https://wiki-gateway.eudic.net/wikipedia_en/Aktau.html",
         "date": "2026-11-25", "date_kind": "retrieved", "notes": ""},
    ])
    save(data / "events.csv", ["event_id", "source_ids"], [{"event_id": "e-1", "source_ids": "b;a;c"}])
    script = ROOT / "scripts" / "merge_sources.py"
    mapping = tmp_path / "map.csv"
    env_map = ["--map-file", str(mapping)]
    run = subprocess.run([sys.executable, str(script), str(data), *env_map], capture_output=True, text=True, check=True)
    assert "1 duplicate source rows merged" in run.stdout
    _, merged = rows(data / "sources.csv")
    assert [r["source_id"] for r in merged] == ["a", "c"]
    assert merged[0]["date"] == "2020-01-02" and "second" in merged[0]["notes"]
    assert merged[1]["url"] == "https://en.wikipedia.org/wiki/Aktau"
    assert "Copy consulted: https://wiki-gateway.eudic.net/wikipedia_en/Aktau.html" in merged[1]["notes"]
    assert rows(data / "events.csv")[1][0]["source_ids"] == "a;c"
    again = subprocess.run([sys.executable, str(script), str(data), *env_map], capture_output=True, text=True, check=True)
    assert "0 duplicate source rows merged, 0 cells rewritten" in again.stdout
    # A branch made before the merge is brought in line with the saved map.
    save(data / "events.csv", ["event_id", "source_ids"], [{"event_id": "e-2", "source_ids": "b"}])
    subprocess.run([sys.executable, str(script), "--apply-map", str(mapping), str(data)], check=True,
                   capture_output=True)
    assert rows(data / "events.csv")[1][0]["source_ids"] == "a"
