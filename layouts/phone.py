"""The phone's parts of the page: the line naming a shared view, the shared subject's card, the
frame that turns the details panel into a bottom sheet, and the map's own buttons.

On wide screens the CSS hides these (the details panel stays beside the map); assets/phone.js opens
and closes the sheet and the toggles. The card names the feature and two facts; the full account stays
in the one details renderer (layouts/details.py), shown in the sheet.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import dcc, html

from kzcn import content, filters, i18n, urlstate
from kzcn.ids import Id
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState, Vocabulary
from layouts.details import feature_name, find
from layouts.islands import StaticHtml, island


def _year(value) -> str | None:
    """A year as a year: never '1,983'."""
    return None if pd.isna(value) else str(int(value))


def key_facts(ds: Dataset, kind: str, row: pd.Series, lang: str | None = None) -> list[tuple[str, str]]:
    """The two facts a card shows for a feature: what it is and when (gaps are skipped, not filled)."""
    _ = i18n.words(lang)
    if kind == "Border crossing":
        candidates = [(_("Modes"), ", ".join(content.term(m, lang) for m in row["modes"].split(";"))),
                      (_("Opened"), _year(row["year_opened"])), (_("Status"), content.status(row["status"], lang))]
    elif kind == "Pipeline":
        capacity = (None if pd.isna(row["capacity"]) else
                    f"{_.number(row['capacity'], 2, trim=True)} {content.unit(row['capacity_unit'], lang)}".strip())
        candidates = [(_("Design capacity"), capacity), (_("In service"), _year(row["commissioned_year"])),
                      (_("Status"), content.status(row["status"], lang))]
    elif kind == "Transport corridor":
        candidates = [(_("Mode"), content.term(row["mode"], lang)), (_("Opened"), _year(row["opened_year"])),
                      (_("Status"), content.status(row["status"], lang))]
    elif kind == "Project":
        years = "–".join(y for y in (_year(row["start_year"]), _year(row["completion_year"])) if y) or None
        candidates = [(_("Sector"), content.label(ds, row["sector"], lang)),
                      (_("Status · years"), " · ".join(x for x in (content.status(row["status"], lang), years)
                                                       if isinstance(x, str)))]
    else:
        candidates = [(_("Date"), row["date"]), (_("Theme"), content.label(ds, row["theme"], lang))]
    return [(label, value) for label, value in candidates if isinstance(value, str) and value][:2]


def subject_card(ds: Dataset, fid: str | None, lang: str | None = None) -> list:
    """The selected feature in a few lines, with a button to its full details (the sheet)."""
    found = find(ds, fid)
    if found is None:
        return []
    _ = i18n.words(lang)
    kind, row = found
    facts = [html.Div([html.Dt(label), html.Dd(value)]) for label, value in key_facts(ds, kind, row, lang)]
    return [
        html.P(_(kind), className="kicker"),
        html.H2(feature_name(ds, fid, lang), className="subject-name"),
        html.Dl(facts, className="subject-facts"),
        html.Button(_("Full details and sources"), type="button", className="subject-more",
                    **{"aria-haspopup": "dialog", "aria-controls": Id.DETAIL_SHEET}),
    ]


def view_line(ds: Dataset, state: ViewState) -> str:
    """The filters in force, in words: 'Oil, Gas · Energy · 2013–2024'."""
    _ = state.words
    start, end = filters.year_bounds(ds, state)
    parts = [", ".join(content.label(ds, s, state.lang) for s in state.sectors) or _("All sectors")]
    parts.append(", ".join(content.label(ds, t, state.lang) for t in state.themes) or _("all themes"))
    parts.append(f"{start}–{end}")
    return " · ".join(parts)


def _filters(state: ViewState, vocab: Vocabulary) -> str:
    """The view's filters as a query string: what stays "shared" while the visitor taps features."""
    return urlstate.encode(replace(state, select=None), vocab)


def share_line(ds: Dataset, vocab: Vocabulary, search: str, first: str) -> list:
    """What the link shows, for the share bar: "Shared view" while the filters are still those the
    link opened with (`first`), "Your view" once the visitor has changed them, and "Showing" on a page
    opened without any."""
    state = urlstate.parse(search, vocab)
    opened = urlstate.has_view_params(first)
    shared = opened and _filters(state, vocab) == _filters(urlstate.parse(first, vocab), vocab)
    _ = state.words
    label = _("Shared view:") if shared else _("Your view:") if opened else _("Showing:")
    return [html.Strong(label + " "), view_line(ds, state)]


def share_bar(lang: str | None = None) -> html.Div:
    """What the link shows, and the button that opens the filters (collapsed on a phone)."""
    return html.Div([
        dcc.Store(id=Id.SHARE_FIRST),
        html.P(id=Id.SHARE_LINE, className="share-line", **{"aria-live": "polite"}),
        html.Button(i18n.words(lang)("Filters"), id=Id.FILTERS_TOGGLE, type="button", className="filters-toggle",
                    **{"aria-expanded": "false"}),
    ], id=Id.SHARE_BAR, className="share-bar")


def subject(lang: str | None = None) -> html.Section:
    return html.Section(id=Id.SUBJECT_CARD, className="subject-card",
                        **{"aria-label": i18n.words(lang)(i18n.N_("Shared subject"))})


def sheet(details_panel, lang: str | None = None) -> html.Div:
    """The details panel inside a frame that is a bottom sheet on a phone and nothing on a wide screen."""
    _ = i18n.words(lang)
    return html.Div([
        dcc.Store(id=Id.SHEET_OPENED),
        island(html.Div([
            html.Span(className="sheet-handle", **{"aria-hidden": "true"}),
            html.Button(_("Close"), id=Id.SHEET_CLOSE, type="button", className="sheet-close",
                        **{"aria-label": _("Close the details")}),
        ], className="sheet-bar")),
        html.Div(id=Id.SHEET_CHOOSER, className="sheet-chooser"),
        details_panel,
    ], id=Id.DETAIL_SHEET, className="detail-sheet", tabIndex="-1")


def map_tools(lang: str | None = None) -> StaticHtml:
    """The map's key toggle and zoom buttons for a finger (the plotly mode bar is hidden on a phone)."""
    _ = i18n.words(lang)

    def zoom(text: str, action: str, label: str) -> html.Button:
        return html.Button(text, type="button", className="map-zoom", title=label,
                           **{"data-zoom": action, "aria-label": label})

    return island(html.Div([
        html.Button(_("Key"), id=Id.KEY_TOGGLE, type="button", className="key-toggle", **{"aria-expanded": "false"}),
        zoom("+", "in", _("Zoom the map in")),
        zoom("−", "out", _("Zoom the map out")),
        zoom(_("Reset"), "reset", _("Reset the map's view")),
    ], id=Id.MAP_TOOLS, className="map-tools", role="group", **{"aria-label": _("Map view")}))
