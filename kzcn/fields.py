"""What each table and column means, and the unit it is in: the words beside `schemas.py`'s rules.

`schemas.py` says what a value may be; this says what it is. `kzcn.datapackage` joins the two into
`data/datapackage.json`, and a test fails when a schema column has no description here (or this names a
column the schemas do not have), so the two cannot drift apart.
"""

from __future__ import annotations

LIST_NOTE = "several ids separated by ';'"
SOURCE_IDS = f"The pages that state this row's facts: source_id values of the sources table ({LIST_NOTE})."
NOTES = "What the cited page says about the figure: coverage, rounding, who stated it, how it differs from others."
ESTIMATE = ("true where the source itself estimates, or the figure is rounded or covers something other than "
            "the period stated; notes say which.")
STATUS = "State of the route or post: operational, under-construction, planned, expansion, closed or seasonal."
WAYPOINTS = ("Name:lat:lon|Name:lat:lon… in route order (WGS84 degrees), each position cited; a line through "
             "them is schematic.")
GEOMETRY_KIND = "schematic (the line only joins the waypoints) or surveyed."
REPORTER = ("Who published the figure: china-customs (China's General Administration of Customs), "
            "kazakhstan-stats (Kazakhstan's Bureau of National Statistics or its trade ministry) or "
            "unattributed (the page names no statistics body).")
FLOW = ("Direction, named from Kazakhstan's side: turnover (both directions), kz-exports (Kazakhstan to the "
        "partner), kz-imports (the partner to Kazakhstan).")
PERIOD = "year for a calendar year, or the months covered, e.g. 2023-01..10 for January to October 2023."
USD_MN = ("Value in millions of US dollars, current prices, as published (not converted, not deflated).", "USD million")

# table -> (title, description, {column: description or (description, unit)})
TABLES: dict[str, tuple[str, str, dict[str, str | tuple[str, str]]]] = {
    "sources": ("Sources", "One row per cited public page.", {
        "source_id": "Unique slug that other tables cite in source_ids.",
        "publisher": "Who published the page.",
        "title": "The page's title as shown on it ([descriptive] in notes where the copy showed none).",
        "url": "Canonical public address of the page (or a data/ file for the project's own notes).",
        "date": "Date published, or retrieved where the page shows none (ISO: YYYY, YYYY-MM or YYYY-MM-DD).",
        "date_kind": "published or retrieved: which date `date` is.",
        "notes": "What the page gave, and the copy consulted where it differs from the canonical address.",
    }),
    "vocabulary": ("Themes and sectors", "The classification used by the filters and the URL.", {
        "kind": "theme or sector.",
        "slug": "The id used in the URL and in other tables.",
        "label": "The name shown on the page.",
        "theme": "The theme a sector belongs to (a theme row names itself).",
        "description": "One line on what the theme or sector covers.",
        "source_ids": SOURCE_IDS,
    }),
    "border_crossings": ("Border crossings", "Crossing points on the China–Kazakhstan border.", {
        "crossing_id": "Unique slug.",
        "name": "English name.",
        "name_kz": "Name on the Kazakh side.",
        "name_cn": "Name on the Chinese side.",
        "lat_kz": ("Latitude of the Kazakh post; empty where no source gives one.", "degrees"),
        "lon_kz": ("Longitude of the Kazakh post; empty where no source gives one.", "degrees"),
        "lat_cn": ("Latitude of the Chinese post; empty where no source gives one.", "degrees"),
        "lon_cn": ("Longitude of the Chinese post; empty where no source gives one.", "degrees"),
        "modes": "road;rail;pipeline;pedestrian: what crosses here.",
        "year_opened": "Year the crossing opened (or reopened, as the description says).",
        "status": STATUS,
        "capacity": "Design or agreed capacity, in capacity_unit.",
        "capacity_unit": "Unit of capacity (e.g. trains/day, vehicles/day, mt/y).",
        "capacity_year": "Year the capacity figure refers to.",
        "throughput": "Traffic actually handled, in throughput_unit.",
        "throughput_unit": "Unit of throughput.",
        "throughput_year": "Year the throughput figure refers to.",
        "description": "What the crossing is, written for this project from the cited facts.",
        "source_ids": SOURCE_IDS,
    }),
    "crossing_flows": ("Crossing flows", "Freight or traffic through a crossing by year.", {
        "crossing_id": "The crossing (crossing_id in border_crossings).",
        "year": "Calendar year.",
        "value": "Freight or traffic, in unit.",
        "unit": "Unit of value (e.g. mt, trains, teu/y).",
        "notes": NOTES,
        "source_ids": SOURCE_IDS,
    }),
    "pipelines": ("Pipelines", "Oil and gas pipeline segments.", {
        "pipeline_id": "Unique slug.",
        "name": "Name of the segment.",
        "system": "The system it belongs to (kazakhstan-china-oil, central-asia-china-gas, beineu-bozoi-shymkent).",
        "commodity": "oil or gas.",
        "operator": "Operating company.",
        "from_name": "Where the segment starts.",
        "to_name": "Where it ends.",
        "length_km": ("Length.", "km"),
        "diameter_mm": ("Pipe diameter.", "mm"),
        "capacity": "Design capacity, in capacity_unit.",
        "capacity_unit": "mt/y (million tonnes a year) or bcm/y (billion cubic metres a year).",
        "capacity_year": "Year the capacity figure applies to; empty where the source gives none.",
        "commissioned_year": "Year it entered service.",
        "status": STATUS,
        "crosses_border": "true for the lines that carry the flow into China (their capacities add up at the border).",
        "carries": "What the segment carries, in words (Kazakh crude for China, Russian transit crude, transit gas…).",
        "waypoints": WAYPOINTS,
        "geometry_kind": GEOMETRY_KIND,
        "description": "What the pipeline is, written for this project from the cited facts.",
        "source_ids": SOURCE_IDS,
    }),
    "capacity_history": ("Capacity history", "Steps in a pipeline's or system's design capacity.", {
        "pipeline_id": "A pipeline_id or a system of the pipelines table.",
        "year": "Year the capacity applied from.",
        "capacity": "Design capacity, in capacity_unit.",
        "capacity_unit": "mt/y or bcm/y.",
        "notes": NOTES,
        "source_ids": SOURCE_IDS,
    }),
    "energy_flows": ("Energy flows", "Oil and gas volumes actually carried, by year.", {
        "flow_id": "Unique id.",
        "pipeline_id": "A pipeline_id or a system of the pipelines table.",
        "year": "Calendar year.",
        "volume": "Volume, in unit.",
        "unit": "mt (million tonnes) or bcm (billion cubic metres).",
        "measure": ("carried (all volume into China), kz-exports-to-china (Kazakh oil or gas sold to China), "
                    "russian-transit (Russian oil crossing Kazakhstan to China)."),
        "estimate": ESTIMATE,
        "notes": NOTES,
        "source_ids": SOURCE_IDS,
    }),
    "corridors": ("Corridors", "Rail and road routes carrying China's trade through Kazakhstan.", {
        "corridor_id": "Unique slug.",
        "name": "Name of the route.",
        "mode": "rail, road or multimodal.",
        "sector": "Sector slug of the vocabulary table.",
        "status": STATUS,
        "opened_year": "Year it opened.",
        "length_km": ("Length.", "km"),
        "waypoints": WAYPOINTS,
        "geometry_kind": GEOMETRY_KIND,
        "description": "What the corridor is, written for this project from the cited facts.",
        "source_ids": SOURCE_IDS,
    }),
    "projects": ("Projects", "China-linked projects in Kazakhstan.", {
        "project_id": "Unique id (p-…); a second figure from another source has the suffix -alt.",
        "name": "Name of the project.",
        "sector": "Sector slug of the vocabulary table.",
        "theme": "The sector's theme.",
        "status": "planned, under-construction, operational, suspended, cancelled or completed (one-off deals).",
        "start_year": "Year work or the deal started.",
        "completion_year": "Year it was completed or is due.",
        "value": "Value in millions of currency, as published, never converted.",
        "currency": "USD, CNY, KZT or EUR.",
        "price_year": "Year of the prices the value is in.",
        "value_note": "What the value covers (total cost, stake, loan…).",
        "lat": ("Latitude of the point shown (see location_precision).", "degrees"),
        "lon": ("Longitude of the point shown.", "degrees"),
        "location_name": "The place the point stands for.",
        "location_precision": "site, offshore, city, region or country: how exact the point is.",
        "country": "KZ or CN: the country the point lies in.",
        "partners_kz": "Kazakh partners.",
        "partners_cn": "Chinese partners.",
        "description": "What the project is, written for this project from the cited facts.",
        "source_ids": SOURCE_IDS,
    }),
    "trade_annual": ("Annual trade", "China–Kazakhstan goods trade as each side reports it.", {
        "year": "Calendar year.",
        "reporter": REPORTER,
        "flow": FLOW,
        "value_usd_mn": USD_MN,
        "period": PERIOD,
        "estimate": ESTIMATE,
        "notes": NOTES,
        "source_ids": SOURCE_IDS,
    }),
    "kz_trade_partners": ("Kazakhstan's trade partners",
                          "Kazakhstan's trade with China, Russia, the EU and the world, as Kazakhstan's "
                          "statistics publish it.", {
        "year": "Calendar year.",
        "partner": "china, russia, eu (the European Union as the page counts it) or world (all partners).",
        "flow": FLOW,
        "value_usd_mn": USD_MN,
        "period": PERIOD,
        "estimate": ESTIMATE,
        "notes": NOTES,
        "source_ids": SOURCE_IDS,
    }),
    "trade_products": ("Trade by product", "China–Kazakhstan trade by product group.", {
        "year": "Calendar year.",
        "reporter": REPORTER,
        "flow": FLOW,
        "product_group": "The product group, one name per group.",
        "hs_code": "Harmonized System section or chapter the group maps to (data/README.md says how).",
        "value_usd_mn": USD_MN,
        "share_pct": ("Share of the flow, where the source gives a share rather than a value.", "percent"),
        "notes": NOTES,
        "source_ids": SOURCE_IDS,
    }),
    "events": ("Events", "Dated events in the relationship.", {
        "event_id": "Unique id (e-YYYY-…).",
        "date": "ISO date (YYYY, YYYY-MM or YYYY-MM-DD).",
        "date_precision": "day, month or year.",
        "title": "Short title (at most 90 characters).",
        "event_type": "visit, summit, agreement, exercise, opening, statement, incident or other.",
        "theme": "Theme slug.",
        "sectors": f"Sector slugs ({LIST_NOTE}).",
        "place": "Where it happened.",
        "lat": ("Latitude of the place.", "degrees"),
        "lon": ("Longitude of the place.", "degrees"),
        "description": "What happened, written for this project from the cited facts.",
        "related_ids": f"Crossings, pipelines, systems, corridors, projects or events it concerns ({LIST_NOTE}).",
        "source_ids": SOURCE_IDS,
    }),
    "places": ("Places", "Towns and cities drawn on the map for context, from GeoNames (CC BY 4.0).", {
        "place_id": "Unique slug.",
        "name": "English name.",
        "name_ru": "Russian name; empty where GeoNames gives none.",
        "name_kk": "Kazakh name; empty where GeoNames gives none.",
        "name_zh": "Chinese name; empty where GeoNames gives none.",
        "country": "ISO 3166-1 alpha-2 country code.",
        "lat": ("Latitude.", "degrees"),
        "lon": ("Longitude.", "degrees"),
        "rank": "1 capital or metropolis, 2 city, 3 town: marker size and the zoom at which the name shows.",
        "population": ("Population as GeoNames gives it.", "people"),
        "geonames_id": "GeoNames id of the place.",
        "geonames_name": "The place's name in GeoNames.",
        "source_ids": SOURCE_IDS,
    }),
    "place_names": ("Place names", "Other spellings of a place, so that Find matches them.", {
        "place": "Unique slug.",
        "match": f"Strings a feature's name, Kazakh name or Chinese name contains to be this place ({LIST_NOTE}).",
        "variants": f"Spellings the cited pages give: Latin, Russian, Kazakh, Chinese ({LIST_NOTE}).",
        "source_ids": SOURCE_IDS,
    }),
    "translations": ("Translations", "The data's names, titles, labels, descriptions and briefing scenes in "
                     "Russian, Kazakh and Chinese.", {
        "table": "The table translated (briefing = briefing.json).",
        "row_id": "The row's id in that table (vocabulary rows as kind:slug; a scene's id, or 'briefing').",
        "field": "The column translated.",
        "lang": "ru, kk (Cyrillic) or zh (simplified).",
        "text": "The text in that language.",
        "basis": "source: a name as a cited source gives it; project-translation: this project's own translation "
                 "of the English.",
        "source_ids": "For basis=source, the sources giving the name; empty for the project's translations.",
    }),
}


def column(table: str, name: str) -> tuple[str, str | None]:
    """(description, unit or None) of one column."""
    entry = TABLES[table][2][name]
    return entry if isinstance(entry, tuple) else (entry, None)
