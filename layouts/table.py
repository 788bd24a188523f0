"""The projects table: its columns, its rows as the grid wants them, and the grid's settings.

The grid is not in the page's first layout: its scripts (dash-ag-grid, 1.3 MB) cost a phone a third of
its start-up for a table far below the first screen. The page carries the grid's settings as data
(`grid_props`), and assets/lazy_views.js loads the scripts and puts the grid in its box when the table
comes near the viewport.
"""

from __future__ import annotations

import functools

# Dash serves a component library's scripts only once the library has been imported in the app, and
# nothing here makes a grid (the browser does), so the import is what puts them in the page.
import dash_ag_grid  # noqa: F401
import pandas as pd

from kzcn import content, i18n
from kzcn.tables import Dataset
from kzcn.ids import Id
from layouts.sources import markdown_sources

TABLE_HEIGHT = "520px"


def _number(lang: str | None) -> str:
    # The grid formats in the browser: with the page's locale, so 1 783,5 in Russian and 1,783.5 in English.
    locale = {"zh": "zh-CN"}.get(lang or "en", lang or "en")
    return f"params.value == null ? '' : params.value.toLocaleString('{locale}', {{maximumFractionDigits: 1}})"



def project_columns(lang: str | None = None) -> list[dict]:
    _ = i18n.words(lang)
    number = _number(i18n.clean(lang))
    return [
        {"field": "name", "headerName": _("Project"), "minWidth": 220, "flex": 2},
        {"field": "sector_label", "headerName": _("Sector"), "minWidth": 120},
        {"field": "status", "headerName": _("Status"), "minWidth": 110},
        # Years as plain numbers: never "2,006", and wide enough to read at 1280 px.
        # 100 px leaves room beside the filter icon for the Russian header "Начало".
        {"field": "start_year", "headerName": _("Start"), "filter": "agNumberColumnFilter", "minWidth": 100,
         "maxWidth": 116},
        {"field": "completion_year", "headerName": _("Done"), "filter": "agNumberColumnFilter", "minWidth": 100,
         "maxWidth": 116},
        # A value stays in the currency its source published; sorting ranks it only against values in the
        # same currency (assets/table-sort.js). The US$ column holds only figures a source gave in dollars.
        {"field": "value", "headerName": _("Value (m)"), "minWidth": 110, "filter": "agNumberColumnFilter",
         "wrapHeaderText": True, "autoHeaderHeight": True,
         "type": "rightAligned", "valueFormatter": {"function": number},
         "comparator": {"function": "valueWithinCurrency"},
         "headerTooltip": _("Millions, as published, in the currency beside it; sorted within each currency")},
        {"field": "currency", "headerName": _("Currency"), "minWidth": 110, "maxWidth": 120},
        {"field": "value_usd", "headerName": _("US$ m (as published)"), "minWidth": 120,
         "filter": "agNumberColumnFilter", "wrapHeaderText": True, "autoHeaderHeight": True,
         "type": "rightAligned", "valueFormatter": {"function": number},
         "headerTooltip": _("Only where the source itself gives US dollars; never converted here")},
        {"field": "location_name", "headerName": _("Location"), "minWidth": 140},
        {"field": "partners_cn", "headerName": _("Chinese partners"), "minWidth": 160},
        {"field": "sources", "headerName": _("Sources"), "cellRenderer": "SourceLinks", "minWidth": 200, "flex": 1,
         # The hover shows the sources' names, not the cell's link markup (assets/source_links.js).
         "tooltipValueGetter": {"function": "sourceLabels(params.value)"},
         "sortable": False},
    ]


def grid_props(lang: str | None = None) -> dict:
    """Everything the projects grid is made with except its rows and selection, which the browser adds
    from the page's current state when it draws the grid."""
    return {
        "id": Id.PROJECTS_GRID, "columnDefs": project_columns(lang),
        "getRowId": "params.data.project_id", "columnSize": "responsiveSizeToFit",
        # Fixed row heights: auto-height rows made every selection and scroll re-measure the grid (a
        # quarter of a second per click, measured).
        "defaultColDef": {"sortable": True, "filter": True, "resizable": True,
                          "tooltipValueGetter": {"function": "params.valueFormatted != null ? params.valueFormatted : params.value"}},
        "dashGridOptions": {"rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
                            "domLayout": "normal", "animateRows": False, "rowHeight": 40, "tooltipShowDelay": 300,
                            "ensureDomOrder": True,
                            # Rows drawn beyond the box (the grid's default is ten each way): each is redrawn
                            # after every filter change. The grid draws rows as they scroll in either way.
                            "rowBuffer": 2},
        "style": {"height": TABLE_HEIGHT}, "className": "ag-theme-quartz",
    }


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
        "partners_cn": rec.partners_cn if isinstance(rec.partners_cn, str) else "",
        "sources": markdown_sources(ds, rec.source_ids, lang),
    }
