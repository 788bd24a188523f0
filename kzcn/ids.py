"""Every element id on the page, in one place (the public ones are fixed by CONTRACT.md)."""

from __future__ import annotations

from enum import StrEnum


class Id(StrEnum):
    # Public: browser tests and outside scripts rely on these (../shared/CONTRACT.md).
    BORDER_MAP = "border-map"
    SECTOR_FILTER = "sector-filter"
    THEME_FILTER = "theme-filter"
    YEAR_RANGE = "year-range"
    RESET_FILTERS = "reset-filters"
    DETAILS_PANEL = "details-panel"
    TRADE_CHART = "trade-chart"
    ENERGY_CHART = "energy-chart"
    TIMELINE_CHART = "timeline-chart"
    PROJECTS_TABLE = "projects-table"
    # Internal.
    URL = "url"
    SELECTED = "selected-feature"
    # The details panel's server fallback, while the browser has not got the pre-rendered panels
    # (kzcn/details_index.py, assets/details.js): the id it asks for, and the server's answer.
    DETAILS_WANTED = "details-wanted"
    DETAILS_SERVED = "details-served"
    NOTICE = "url-notice"
    DATA_NOTE = "data-note"
    TRADE_MODE = "trade-mode"
    VIEW_SUMMARY = "view-summary"
    # The filters of an empty view, set by the page (assets/filter_mask.js): the server's summary says
    # why it is empty, with links that clear the filters to blame (callbacks/views.py).
    EMPTY_VIEW = "empty-view"
    # The server's answer: that view's filters and its summary, placed only if the page still shows it.
    EMPTY_SUMMARY = "empty-summary"
    # The facts the browser filters the map and summary with (kzcn/filter_index.py, assets/filter_mask.js).
    FILTER_INDEX = "filter-index"
    # The content of the views below the first screen, held until they come into view
    # (callbacks/views.py fills them, assets/lazy_views.js hands them to the views).
    TRADE_FIGURE = "trade-figure"
    ENERGY_FIGURE = "energy-figure"
    TIMELINE_FIGURE = "timeline-figure"
    PROJECT_ROWS = "project-rows"
    # The projects table's columns, which the page builds it with (layouts/table.py).
    TABLE_SETTINGS = "projects-table-settings"
    APP_ROOT = "app-root"
    SCENE_PANEL = "scene-panel"
    SCENE_EXTENT = "scene-extent"
    # The URL, for the presenter callback, when it names a mode; "" on the dashboard (assets/presenter.js).
    PRESENTER_URL = "presenter-url"
    SCENE_ANIMATION = "scene-animation"
    PACK = "briefing-pack"
    DOWNLOAD = "download"
    FIND = "find-feature"
    # Find's options, handed to it when a visitor first reaches it (assets/find.js).
    FIND_OPTIONS = "find-options"
    PLAY = "play-years"
    PLAY_TIMER = "play-timer"
    MAP_KEY = "map-key"
    MAP_FOCUS = "map-focus"
    MAP_FOCUS_DONE = "map-focus-done"
    YEAR_MEANING = "year-meaning"
    CITE = "cite-view"
    CITE_TEXT = "cite-text"
    CITE_OPEN = "cite-open"
    DOWNLOAD_ALL = "download-all"
    LANG_SWITCHER = "lang-switcher"
    TRADE_NOTE = "trade-note"
    # Hidden: the words the page's scripts show, in the visitor's language (layouts/js_words.py).
    JS_WORDS = "js-words"
    # Phone layout (layouts/phone.py, assets/phone.js).
    SHARE_BAR = "share-bar"
    SHARE_LINE = "share-line"
    SHARE_FIRST = "share-first-search"
    FILTERS_TOGGLE = "filters-toggle"
    SUBJECT_CARD = "subject-card"
    DETAIL_SHEET = "detail-sheet"
    SHEET_CLOSE = "sheet-close"
    # Empty container in the sheet, above the details: the map's click chooser may fill it on a phone.
    SHEET_CHOOSER = "sheet-chooser"
    SHEET_OPENED = "sheet-opened"
    MAP_TOOLS = "map-tools"
    KEY_TOGGLE = "key-toggle"


CSV_BUTTON = "csv-download"


def csv_button(table: str) -> dict:
    """Pattern-matching id of the button that downloads one view's rows as CSV."""
    return {"type": CSV_BUTTON, "table": table}
