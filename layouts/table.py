"""The projects table: its columns and its rows.

The page builds the table itself (assets/projects_table.js) when it first comes near the viewport,
from every project's row, which the page holds (`project_rows`), and the columns here
(`table_settings`); a filter change then only hides and shows rows. Numbers are formatted in the
browser, in the page's language: 1 783,5 in Russian and 1,783.5 in English.
"""

from __future__ import annotations

import functools

import pandas as pd

from kzcn import content, i18n
from kzcn.tables import Dataset
from layouts.sources import markdown_sources

TABLE_HEIGHT = "520px"


def project_columns(lang: str | None = None) -> list[dict]:
    """The table's columns: the row field each shows, its title, how its values read (`kind`), its
    width in pixels at the table's narrowest (a wider window shares out the rest; the page widens a
    column to its longest word), and whether a phone keeps it (`phone`: a row opens the rest)."""
    _ = i18n.words(lang)
    return [
        {"field": "name", "title": _("Project"), "kind": "text", "width": 240, "phone": True},
        {"field": "sector_label", "title": _("Sector"), "kind": "text", "width": 110, "phone": True},
        {"field": "status", "title": _("Status"), "kind": "text", "width": 100, "phone": True},
        # Years as plain numbers: never "2,006".
        {"field": "start_year", "title": _("Start"), "kind": "year", "width": 70, "phone": True},
        {"field": "completion_year", "title": _("Done"), "kind": "year", "width": 70, "phone": True},
        # A value stays in the currency its source published; sorting ranks it only against values in the
        # same currency. The US$ column holds only figures a source gave in dollars.
        {"field": "value", "title": _("Value (m)"), "kind": "amount", "width": 96, "withinCurrency": True,
         "tip": _("Millions, as published, in the currency beside it; sorted within each currency")},
        {"field": "currency", "title": _("Currency"), "kind": "text", "width": 96},
        {"field": "value_usd", "title": _("US$ m (as published)"), "kind": "amount", "width": 110,
         "tip": _("Only where the source itself gives US dollars; never converted here")},
        {"field": "location_name", "title": _("Location"), "kind": "text", "width": 140},
        {"field": "partners_cn", "title": _("Chinese partners"), "kind": "text", "width": 160},
        {"field": "sources", "title": _("Sources"), "kind": "sources", "width": 280, "sortable": False},
    ]


def table_settings(lang: str | None = None) -> dict:
    """What the page builds the table with besides its rows: the columns, and the locale its numbers
    and sorting follow."""
    lang = i18n.clean(lang)
    return {"columns": project_columns(lang), "locale": {"zh": "zh-CN"}.get(lang or "en", lang or "en")}


def project_rows(ds: Dataset, frame: pd.DataFrame, lang: str | None = None) -> list[dict]:
    """The table's rows for the projects in `frame`, in its order."""
    return [_project_row(ds, project_id, lang) for project_id in frame["project_id"]]


@functools.lru_cache(maxsize=1024)
def _project_row(ds: Dataset, project_id: str, lang: str | None) -> dict:
    # A row is the same for every filter that shows it: made once per language (a filter change sends
    # up to a hundred; Dash only reads them).
    rec = next(ds.projects[ds.projects["project_id"] == project_id].itertuples(index=False))
    value = None if pd.isna(rec.value) else float(rec.value)
    return {
        "project_id": rec.project_id,
        "name": content.text(ds, "projects", rec.project_id, "name", lang, rec.name),
        "sector_label": content.label(ds, rec.sector, lang),
        "status": content.status(rec.status, lang),
        "start_year": None if pd.isna(rec.start_year) else int(rec.start_year),
        "completion_year": None if pd.isna(rec.completion_year) else int(rec.completion_year),
        "value": value,
        "currency": rec.currency if isinstance(rec.currency, str) else "",
        "value_usd": value if rec.currency == "USD" else None,
        "location_name": rec.location_name if isinstance(rec.location_name, str) else "",
        # The data separates partners with ";" alone: a space after each lets a narrow column wrap there.
        "partners_cn": "; ".join(p.strip() for p in rec.partners_cn.split(";"))
                       if isinstance(rec.partners_cn, str) else "",
        "sources": markdown_sources(ds, rec.source_ids, lang),
    }
