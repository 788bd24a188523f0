"""The projects table: its columns, and its rows as the grid wants them."""

from __future__ import annotations

import pandas as pd

from kzcn.tables import Dataset
from layouts.sources import markdown_sources


def project_columns() -> list[dict]:
    return [
        {"field": "name", "headerName": "Project", "minWidth": 220, "flex": 2},
        {"field": "sector_label", "headerName": "Sector", "minWidth": 120},
        {"field": "status", "headerName": "Status", "minWidth": 110},
        {"field": "start_year", "headerName": "Start", "filter": "agNumberColumnFilter", "maxWidth": 100},
        {"field": "completion_year", "headerName": "Done", "filter": "agNumberColumnFilter", "maxWidth": 100},
        {"field": "value", "headerName": "Value (millions)", "minWidth": 130, "filter": "agNumberColumnFilter",
         "valueFormatter": {"function": "params.value == null ? '' : "
                                        "Math.round(params.value).toLocaleString('en') + ' ' + params.data.currency"}},
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
            "location_name": rec.location_name if isinstance(rec.location_name, str) else "",
            "partners_cn": rec.partners_cn if isinstance(rec.partners_cn, str) else "",
            "sources": markdown_sources(ds, rec.source_ids),
        })
    return rows
