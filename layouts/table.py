"""The projects table: its columns, and its rows as the grid wants them."""

from __future__ import annotations

import pandas as pd

from kzcn.tables import Dataset
from layouts.sources import markdown_sources


NUMBER = "params.value == null ? '' : params.value.toLocaleString('en', {maximumFractionDigits: 1})"


def project_columns() -> list[dict]:
    return [
        {"field": "name", "headerName": "Project", "minWidth": 220, "flex": 2},
        {"field": "sector_label", "headerName": "Sector", "minWidth": 120},
        {"field": "status", "headerName": "Status", "minWidth": 110},
        # Years as plain numbers: never "2,006", and wide enough to read at 1280 px.
        {"field": "start_year", "headerName": "Start", "filter": "agNumberColumnFilter", "minWidth": 84,
         "maxWidth": 100},
        {"field": "completion_year", "headerName": "Done", "filter": "agNumberColumnFilter", "minWidth": 84,
         "maxWidth": 100},
        # A value stays in the currency its source published; sorting ranks it only against values in the
        # same currency (assets/table-sort.js). The US$ column holds only figures a source gave in dollars.
        {"field": "value", "headerName": "Value (m)", "minWidth": 110, "filter": "agNumberColumnFilter",
         "wrapHeaderText": True, "autoHeaderHeight": True,
         "type": "rightAligned", "valueFormatter": {"function": NUMBER},
         "comparator": {"function": "valueWithinCurrency"},
         "headerTooltip": "Millions, as published, in the currency beside it; sorted within each currency"},
        {"field": "currency", "headerName": "Currency", "minWidth": 110, "maxWidth": 120},
        {"field": "value_usd", "headerName": "US$ m (as published)", "minWidth": 120, "filter": "agNumberColumnFilter",
         "wrapHeaderText": True, "autoHeaderHeight": True,
         "type": "rightAligned", "valueFormatter": {"function": NUMBER},
         "headerTooltip": "Only where the source itself gives US dollars; never converted here"},
        {"field": "location_name", "headerName": "Location", "minWidth": 140},
        {"field": "partners_cn", "headerName": "Chinese partners", "minWidth": 160},
        {"field": "sources", "headerName": "Sources", "cellRenderer": "markdown", "minWidth": 200, "flex": 1,
         "sortable": False},
    ]


def project_rows(ds: Dataset, frame: pd.DataFrame) -> list[dict]:
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    rows = []
    for rec in frame.itertuples(index=False):
        value = None if pd.isna(rec.value) else float(rec.value)
        rows.append({
            "project_id": rec.project_id,
            "name": rec.name,
            "sector_label": labels.get(rec.sector, rec.sector),
            "status": rec.status,
            "start_year": None if pd.isna(rec.start_year) else int(rec.start_year),
            "completion_year": None if pd.isna(rec.completion_year) else int(rec.completion_year),
            "value": value,
            "currency": rec.currency if isinstance(rec.currency, str) else "",
            "value_usd": value if rec.currency == "USD" else None,
            "location_name": rec.location_name if isinstance(rec.location_name, str) else "",
            "partners_cn": rec.partners_cn if isinstance(rec.partners_cn, str) else "",
            "sources": markdown_sources(ds, rec.source_ids),
        })
    return rows
