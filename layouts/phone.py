"""The phone's parts of the page: the line naming a shared view, the shared subject's card, the
frame that turns the details panel into a bottom sheet, and the map's own buttons.

On wide screens the CSS hides these (the details panel stays beside the map); assets/phone.js opens
and closes the sheet and the toggles. The card names the feature and two facts; the full account stays
in the one details renderer (layouts/details.py), shown in the sheet.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from kzcn import filters
from kzcn.ids import Id
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState
from layouts.details import find


def _year(value) -> str | None:
    """A year as a year: never '1,983'."""
    return None if pd.isna(value) else str(int(value))


def _amount(value, unit) -> str | None:
    if pd.isna(value):
        return None
    text = f"{float(value):,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip() if isinstance(unit, str) else text


def key_facts(ds: Dataset, kind: str, row: pd.Series) -> list[tuple[str, str]]:
    """The two facts a card shows for a feature: what it is and when (gaps are skipped, not filled)."""
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    if kind == "Border crossing":
        candidates = [("Modes", row["modes"].replace(";", ", ")), ("Opened", _year(row["year_opened"])),
                      ("Status", row["status"])]
    elif kind == "Pipeline":
        candidates = [("Design capacity", _amount(row["capacity"], row["capacity_unit"])),
                      ("In service", _year(row["commissioned_year"])), ("Status", row["status"])]
    elif kind == "Transport corridor":
        candidates = [("Mode", row["mode"]), ("Opened", _year(row["opened_year"])), ("Status", row["status"])]
    elif kind == "Project":
        years = "–".join(y for y in (_year(row["start_year"]), _year(row["completion_year"])) if y) or None
        candidates = [("Sector", labels.get(row["sector"], row["sector"])),
                      ("Status · years", " · ".join(x for x in (row["status"], years) if isinstance(x, str)))]
    else:
        candidates = [("Date", row["date"]), ("Theme", labels.get(row["theme"], row["theme"]))]
    return [(label, value) for label, value in candidates if isinstance(value, str) and value][:2]


def subject_card(ds: Dataset, fid: str | None) -> list:
    """The selected feature in a few lines, with a button to its full details (the sheet)."""
    found = find(ds, fid)
    if found is None:
        return []
    kind, row = found
    name = row["title"] if kind == "Event" else row["name"]
    facts = [html.Div([html.Dt(label), html.Dd(value)]) for label, value in key_facts(ds, kind, row)]
    return [
        html.P(kind, className="kicker"),
        html.H2(name, className="subject-name"),
        html.Dl(facts, className="subject-facts"),
        html.Button("Full details and sources", type="button", className="subject-more",
                    **{"aria-haspopup": "dialog", "aria-controls": Id.DETAIL_SHEET}),
    ]


def view_line(ds: Dataset, state: ViewState) -> str:
    """The filters in force, in words: 'Oil, Gas · Energy · 2013–2024'."""
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    start, end = filters.year_bounds(ds, state)
    parts = [", ".join(labels.get(s, s) for s in state.sectors) or "All sectors"]
    parts.append(", ".join(labels.get(t, t) for t in state.themes) or "all themes")
    parts.append(f"{start}–{end}")
    return " · ".join(parts)


def share_bar() -> html.Div:
    """What the link shows, and the button that opens the filters (collapsed on a phone)."""
    return html.Div([
        dcc.Store(id=Id.SHARE_FIRST, data=None),
        html.P(id=Id.SHARE_LINE, className="share-line", **{"aria-live": "polite"}),
        html.Button("Filters", id=Id.FILTERS_TOGGLE, type="button", className="filters-toggle",
                    **{"aria-expanded": "false"}),
    ], id=Id.SHARE_BAR, className="share-bar")


def subject() -> html.Section:
    return html.Section(id=Id.SUBJECT_CARD, className="subject-card", **{"aria-label": "Shared subject"})


def sheet(details_panel) -> html.Div:
    """The details panel inside a frame that is a bottom sheet on a phone and nothing on a wide screen."""
    return html.Div([
        dcc.Store(id=Id.SHEET_OPENED, data=None),
        html.Div([
            html.Span(className="sheet-handle", **{"aria-hidden": "true"}),
            html.Button("Close", id=Id.SHEET_CLOSE, type="button", className="sheet-close",
                        **{"aria-label": "Close the details"}),
        ], className="sheet-bar"),
        html.Div(id=Id.SHEET_CHOOSER, className="sheet-chooser"),
        details_panel,
    ], id=Id.DETAIL_SHEET, className="detail-sheet", tabIndex="-1")


def map_tools() -> html.Div:
    """The map's key toggle and zoom buttons for a finger (the plotly mode bar is hidden on a phone)."""
    def zoom(text: str, action: str, label: str) -> html.Button:
        return html.Button(text, type="button", className="map-zoom", title=label,
                           **{"data-zoom": action, "aria-label": label})

    return html.Div([
        html.Button("Key", id=Id.KEY_TOGGLE, type="button", className="key-toggle", **{"aria-expanded": "false"}),
        zoom("+", "in", "Zoom the map in"),
        zoom("−", "out", "Zoom the map out"),
        zoom("Reset", "reset", "Reset the map's view"),
    ], id=Id.MAP_TOOLS, className="map-tools", role="group", **{"aria-label": "Map view"})
