"""The map's data: crossing posts on their own side, the oil system drawn end to end, one status vocabulary,
and flow rows that say what they measure."""

import csv
import json

from kzcn.schemas import FLOW_MEASURES, PROJECT_STATUS, STATUS
from test_validation import problems

# The Chinese Khorgos port, minute-rounded: where the Kazakh Khorgos posts used to be drawn, 9 km inside China.
CHINESE_PORT = ("44.2330", "80.4830")
# Dostyk town, well inside Kazakhstan.
DOSTYK_TOWN = ("45.2522", "82.4839")


def rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def set_cells(path, row: int, **cells) -> None:
    table = rows(path)
    table[row - 1].update(cells)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0].keys()), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table)


def row_of(path, crossing_id: str) -> int:
    return next(i for i, r in enumerate(rows(path), start=1) if r["crossing_id"] == crossing_id)


def test_kazakh_post_on_the_chinese_side_is_named(data_copy):
    path = data_copy / "border_crossings.csv"
    row = row_of(path, "khorgos-nurzholy-road")
    set_cells(path, row, lat_kz=CHINESE_PORT[0], lon_kz=CHINESE_PORT[1])
    message = problems(data_copy)
    assert f"data/border_crossings.csv, row {row} (line {row + 1}), column 'lat_kz/lon_kz'" in message
    assert "km outside Kazakhstan, the side this post belongs to" in message
    assert "'44.233, 80.483'" in message


def test_chinese_post_on_the_kazakh_side_is_named(data_copy):
    path = data_copy / "border_crossings.csv"
    row = row_of(path, "bakhty-baktu-road")
    set_cells(path, row, lat_cn=DOSTYK_TOWN[0], lon_cn=DOSTYK_TOWN[1])
    message = problems(data_copy)
    assert f"row {row} (line {row + 1}), column 'lat_cn/lon_cn': lies" in message
    assert "outside China, the side this post belongs to" in message


def test_a_post_with_half_a_position_is_named(data_copy):
    path = data_copy / "border_crossings.csv"
    row = row_of(path, "dostyk-alashankou-road")
    set_cells(path, row, lon_cn="")
    assert f"row {row} (line {row + 1}), column 'lat_cn/lon_cn': needs both latitude and longitude" in problems(
        data_copy)


def test_a_side_without_a_cited_position_may_stay_empty(ds):
    maikapshagai = ds.border_crossings.set_index("crossing_id").loc["maikapshagai-jeminay-road"]
    assert maikapshagai[["lat_kz", "lon_kz"]].isna().all() and maikapshagai[["lat_cn", "lon_cn"]].notna().all()


def test_the_khorgos_posts_are_no_longer_drawn_in_china(ds):
    kz = ds.border_crossings.set_index("crossing_id")[["lat_kz", "lon_kz"]]
    for cid in ("khorgos-nurzholy-road", "khorgos-altynkol-rail", "khorgos-gas-pipeline"):
        assert tuple(kz.loc[cid]) != tuple(float(x) for x in CHINESE_PORT), cid


def test_every_mapped_post_cites_a_source_for_its_position(ds):
    sources = set(ds.sources["source_id"])
    mapped = ds.border_crossings.dropna(subset=["lat_cn"])
    for rec in mapped.itertuples():
        assert set(rec.source_ids.split(";")) <= sources


def test_the_oil_system_is_drawn_from_atyrau_to_china(ds):
    oil = ds.pipelines[ds.pipelines["system"] == "kazakhstan-china-oil"]
    for pid in oil["pipeline_id"]:
        assert len(ds.routes[pid].lons) >= 2, f"{pid} is described but not drawn"
    names = {n for pid in oil["pipeline_id"] for n in ds.routes[pid].names}
    assert {"Atyrau", "Atasu", "Alashankou"} <= names
    assert any(n.startswith("Kenkiyak") for n in names) and any(n.startswith("Kumkol") for n in names)


def test_consecutive_oil_segments_meet(ds):
    """Kenkiyak–Kumkol starts where Atyrau–Kenkiyak ends, and so on to Alashankou: one connected line."""
    chain = ["kcop-atyrau-kenkiyak", "kcop-kenkiyak-kumkol", "kcop-kumkol-atasu", "kcop-atasu-alashankou",
             "kcop-alashankou-dushanzi"]
    for a, b in zip(chain, chain[1:], strict=False):
        end, start = ds.routes[a], ds.routes[b]
        assert (end.lats[-1], end.lons[-1]) == (start.lats[0], start.lons[0]), (a, b)


def test_a_stand_in_waypoint_says_so(ds):
    """A town drawn in place of an uncited site carries that in its name and in the row's description."""
    for rec in ds.pipelines.itertuples():
        route = ds.routes.get(rec.pipeline_id)
        if route and any("drawn at" in n for n in route.names):
            assert "drawn at" in rec.description or "only indicative" in rec.description, rec.pipeline_id


def test_every_pipeline_says_what_it_carries(ds):
    assert ds.pipelines["carries"].str.len().gt(10).all()


def test_one_status_vocabulary_across_the_map(ds):
    for table in ("pipelines", "corridors", "border_crossings"):
        assert set(ds.table(table)["status"]) <= set(STATUS), table
    assert set(ds.projects["status"]) <= set(PROJECT_STATUS)


def test_completed_is_refused_for_a_route(data_copy):
    path = data_copy / "corridors.csv"
    set_cells(path, 1, status="completed")
    message = problems(data_copy)
    assert "data/corridors.csv, row 1 (line 2), column 'status': must be one of" in message


def test_each_flow_row_names_its_measure(ds):
    assert set(ds.energy_flows["measure"]) <= set(FLOW_MEASURES)
    oil = ds.energy_flows[(ds.energy_flows["pipeline_id"] == "kazakhstan-china-oil")
                          & (ds.energy_flows["year"] == 2024)]
    # The 18.8 mt pumped through the whole system is not the oil delivered into China.
    assert set(oil["measure"]) == {"system-throughput"}


def test_the_oil_scene_names_its_measure(ds):
    briefing = json.loads((ds_dir() / "briefing.json").read_text(encoding="utf-8"))
    oil = next(s for s in briefing["scenes"] if s["id"] == "oil")
    delivered = ds.energy_flows.query("pipeline_id == 'kcop-atasu-alashankou' and year == 2024 "
                                      "and measure == 'carried'")["volume"].iloc[0]
    assert f"{delivered:g} million tonnes" in oil["narrative"]
    assert "delivered" in oil["narrative"] and "Alashankou" in oil["narrative"]


def ds_dir():
    from kzcn.tables import DATA_DIR
    return DATA_DIR
