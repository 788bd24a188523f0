"""The details panel: everything the tables know about one feature, with its sources."""

from __future__ import annotations

import pandas as pd
from dash import html

from kzcn.names import aliases
from kzcn.tables import Dataset
from layouts.sources import source_list, split_ids

KINDS = (
    ("border_crossings", "crossing_id", "Border crossing"),
    ("pipelines", "pipeline_id", "Pipeline"),
    ("corridors", "corridor_id", "Transport corridor"),
    ("projects", "project_id", "Project"),
    ("events", "event_id", "Event"),
)
MAX_RELATED = 8


def find(ds: Dataset, fid: str | None) -> tuple[str, pd.Series] | None:
    """The kind and row of a feature id, or None."""
    if not fid:
        return None
    for table, key, kind in KINDS:
        frame = ds.table(table)
        hit = frame[frame[key] == fid]
        if len(hit):
            return kind, hit.iloc[0]
    return None


def feature_name(ds: Dataset, fid: str) -> str:
    found = find(ds, fid)
    if found is None:
        pipes = ds.pipelines[ds.pipelines["system"] == fid]
        return pipes["name"].iloc[0].split(" (")[0] + " system" if len(pipes) else fid
    kind, row = found
    return row["title"] if kind == "Event" else row["name"]


def _num(value, unit="") -> str | None:
    if pd.isna(value):
        return None
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def _year(value) -> str | None:
    """A year as written, never with a thousands separator ("1983", not "1,983")."""
    return None if pd.isna(value) else str(int(value))


def _in(year) -> str:
    return f" ({_year(year)})" if pd.notna(year) else ""


def _geometry(ds: Dataset, fid: str, kind: str) -> str:
    route = ds.routes.get(fid)
    if route is None or len(route.names) < 2:
        return "not drawn: fewer than two points on the route have a cited position"
    through = " → ".join(route.names)
    return f"schematic, a line through {through}" if kind == "schematic" else f"surveyed, via {through}"


MEASURES = {"carried": "volume carried", "kz-exports-to-china": "Kazakh oil sold to China",
            "russian-transit": "Russian oil in transit"}


def latest_volume(ds: Dataset, row: pd.Series) -> tuple[str, str] | None:
    """A pipeline's latest published volume as (label, value), saying what it measures and whose it is.

    The line's own rows come before its system's (the system's total includes other segments), and the
    volume carried before its parts (Kazakh oil sold, Russian transit). The presenter's scene panel
    shows this same pair, so a scene and the details panel cannot give two figures for one line.
    """
    flows = ds.energy_flows
    for whose, frame in (("", flows[flows["pipeline_id"] == row["pipeline_id"]]),
                         ("whole system", flows[flows["pipeline_id"] == row["system"]])):
        carried = frame[frame["measure"] == "carried"]
        pick = carried if len(carried) else frame
        if not len(pick):
            continue
        latest = pick.sort_values("year", kind="stable").iloc[-1]
        measure = MEASURES.get(latest["measure"], str(latest["measure"]).replace("-", " "))
        notes = [n for n in (whose, "estimate" if latest["estimate"] else "") if n]
        value = f"{_num(latest['volume'], latest['unit'])} in {latest['year']}"
        return f"Latest {measure}", value + (f" ({', '.join(notes)})" if notes else "")
    return None


def _fields(ds: Dataset, kind: str, row: pd.Series) -> list[tuple[str, str | None]]:
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    if kind == "Border crossing":
        return [
            ("Kazakh side", row["name_kz"]), ("Chinese side", row["name_cn"]),
            ("Modes", row["modes"].replace(";", ", ")), ("Status", row["status"]),
            ("Opened", _year(row["year_opened"])),
            ("Capacity", _num(row['capacity'], row['capacity_unit']) + _in(row['capacity_year'])
             if pd.notna(row["capacity"]) else "not published"),
            ("Throughput", _num(row['throughput'], row['throughput_unit']) + _in(row['throughput_year'])
             if pd.notna(row["throughput"]) else "not published"),
        ]
    if kind == "Pipeline":
        return [
            ("Commodity", row["commodity"]), ("Operator", row["operator"]),
            ("Route", f"{row['from_name']} → {row['to_name']}"), ("Length", _num(row["length_km"], "km")),
            ("Design capacity", _num(row["capacity"], row["capacity_unit"]) or "not published"),
            ("In service", _year(row["commissioned_year"])), ("Status", row["status"]),
            latest_volume(ds, row) or ("Latest volume carried", "not published"),
            ("Geometry", _geometry(ds, row["pipeline_id"], row["geometry_kind"])),
        ]
    if kind == "Transport corridor":
        return [("Mode", row["mode"]), ("Status", row["status"]), ("Opened", _year(row["opened_year"])),
                ("Length", _num(row["length_km"], "km")),
                ("Geometry", _geometry(ds, row["corridor_id"], row["geometry_kind"]))]
    if kind == "Project":
        value = (f"{_num(row['value'])} million {row['currency']}"
                 + (f" ({_year(row['price_year'])})" if pd.notna(row["price_year"]) else "")
                 + (f", {row['value_note']}" if isinstance(row["value_note"], str) else "")
                 if pd.notna(row["value"]) else "not published")
        years = "–".join(_year(y) for y in (row["start_year"], row["completion_year"]) if pd.notna(y)) or "year unknown"
        return [("Sector", labels.get(row["sector"], row["sector"])), ("Status", row["status"]),
                ("Years", years), ("Value", value), ("Location", row["location_name"]),
                ("Location precision", row["location_precision"]),
                ("Kazakh partners", row["partners_kz"]), ("Chinese partners", row["partners_cn"])]
    return [("Date", row["date"]), ("Type", row["event_type"]), ("Theme", row["theme"]),
            ("Place", row["place"]),
            ("Sectors", ", ".join(labels.get(s, s) for s in split_ids(row["sectors"])))]


def related_ids(ds: Dataset, fid: str, kind: str, row: pd.Series) -> list[str]:
    """Events that name this feature, features an event names, and projects of the same sector."""
    out: list[str] = []
    if kind == "Event":
        out += split_ids(row["related_ids"])
    keys = {fid}
    if kind == "Pipeline":
        keys.add(row["system"])
    mentions = ds.events[ds.events["related_ids"].map(lambda cell: bool(keys & set(split_ids(cell))))]
    out += mentions.sort_values("date")["event_id"].tolist()
    if kind == "Project":
        same = ds.projects[(ds.projects["sector"] == row["sector"]) & (ds.projects["project_id"] != fid)]
        out += same["project_id"].tolist()
    return [x for x in dict.fromkeys(out) if x != fid][:MAX_RELATED]


def related_ids_for(ds: Dataset, fid: str | None) -> list[str]:
    """The feature itself (if an event) and its related ids: what the timeline marks."""
    found = find(ds, fid)
    if found is None:
        return []
    kind, row = found
    return ([fid] if kind == "Event" else []) + related_ids(ds, fid, kind, row)


def details(ds: Dataset, fid: str | None) -> list:
    found = find(ds, fid)
    if found is None:
        return [html.H2("Details", className="panel-title"),
                html.P("Click a crossing, pipeline, corridor or project on the map, a row of the projects "
                       "table, or an event on the timeline, to read what it is and where each fact comes from.",
                       className="hint")]
    kind, row = found
    title = row["title"] if kind == "Event" else row["name"]
    rows = [html.Div([html.Dt(label), html.Dd(value)]) for label, value in _fields(ds, kind, row)
            if value not in (None, "") and not (isinstance(value, float) and pd.isna(value))]
    related = related_ids(ds, fid, kind, row)
    parts = [
        html.P(kind, className="kicker"),
        html.H2(title, className="panel-title"),
        html.P(row["description"], className="description"),
        html.Dl(rows, className="facts"),
    ]
    if related:
        parts += [html.H3("Related"), html.Ul([
            # A plain link (works without script); assets/links.js keeps the other filters when followed.
            html.Li(html.A(feature_name(ds, rid), href=f"?select={rid}", className="related-link",
                           **{"data-select": rid}))
            for rid in related
        ], className="related")]
    parts += [html.H3("Sources"), source_list(ds, split_ids(row["source_ids"]))]
    return parts


def find_options(ds: Dataset) -> list[dict]:
    """Every selectable feature by name, for the search box: kind first, so a student sees what it is.

    `search` holds the other spellings (kzcn/names.py), so "Qorgas", "Хоргос", "Қорғас" or "霍尔果斯" find
    Khorgos; the Kazakh and Chinese names stored for a crossing are searchable too."""
    options = []
    for table, key, kind in KINDS:
        frame = ds.table(table)
        names = frame["title"] if kind == "Event" else frame["name"]
        local = frame[["name_kz", "name_cn"]] if kind == "Border crossing" else None
        for i, (fid, name) in enumerate(zip(frame[key], names, strict=True)):
            label = f"{kind}: {name}" + (f" ({fid[2:6]})" if kind == "Event" else "")
            others = [] if local is None else [x for x in local.iloc[i] if isinstance(x, str)]
            spellings = [*others, *aliases(ds, name, *others)]
            option = {"label": label, "value": fid}
            if spellings:
                option["search"] = " ".join(dict.fromkeys(spellings))
            options.append(option)
    return sorted(options, key=lambda o: o["label"])
