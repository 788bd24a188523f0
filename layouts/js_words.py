"""The words the page's scripts (assets/*.js) show, in the visitor's language.

The scripts build their own elements (the map's chooser, the wheel hint, the copy status, an exported
image's subtitle) and plotly.js draws its mode bar's tooltips and a date axis's month names. They read
the words from one hidden element: `data-messages` maps each English message to its translation (the
scripts fall back to the English, see `kzcn.t` in assets/lang.js), `data-plotly` holds plotly's locale
for the language (its mode bar words and the month and day names, from the CLDR via Babel).
"""

from __future__ import annotations

import json

from babel.dates import get_day_names, get_month_names
from dash import html

from kzcn import i18n
from kzcn.i18n import N_
from kzcn.ids import Id

# Every message a script shows; `{name}` placeholders are filled by `kzcn.t(message, {name: …})`.
JS_MESSAGES = (
    # assets/map_pick.js: the chooser a crowded click opens, and the hint the wheel shows.
    N_("{n} features here: choose one"),
    N_("Close the list"),
    N_("Zoom in here to set them apart"),
    N_("{kind}: {name}"),
    N_("Feature"),
    N_("Use ⌘ + scroll to zoom the map"),
    N_("Use Ctrl + scroll to zoom the map"),
    # assets/phone.js: the bottom sheet's name for a screen reader.
    N_("Details of the selected feature"),
    # assets/cite.js: the copy buttons' status line.
    N_("Copied."),
    N_("Selected: press Ctrl+C (⌘C on a Mac) to copy."),
    # assets/export.js: an exported image's subtitle.
    N_("Filters: {filters}"),
    # assets/projects_table.js: the table's line when the filters leave no project.
    N_("Nothing to show."),
)

# The tooltips of plotly's mode bar (the buttons our config leaves), and its double-click notices.
PLOTLY_MESSAGES = (
    N_("Zoom"),
    N_("Pan"),
    N_("Box Select"),
    N_("Zoom in"),
    N_("Zoom out"),
    N_("Autoscale"),
    N_("Reset axes"),
    N_("Reset view"),
    N_("Reset"),
    N_("Toggle Spike Lines"),
    N_("Show closest data on hover"),
    N_("Compare data on hover"),
    N_("Toggle show closest data on hover"),
    N_("Double-click to zoom back out"),
    N_("Double-click on legend to isolate one trace"),
)


def messages(lang: str | None) -> dict[str, str]:
    """English message → the message in `lang`, for the scripts."""
    _ = i18n.words(lang)
    return {message: _(message) for message in JS_MESSAGES}


def plotly_locale(lang: str | None) -> dict:
    """A plotly.js locale (`Plotly.register({moduleType: "locale", …})`) for the language: the mode
    bar's words, and the month and day names a date axis prints."""
    _ = i18n.words(lang)
    loc = i18n.BABEL_LOCALE[_.lang]

    def months(width: str) -> list[str]:
        names = get_month_names(width, context="stand-alone", locale=loc)
        return [names[m] for m in range(1, 13)]

    def days(width: str) -> list[str]:
        names = get_day_names(width, context="stand-alone", locale=loc)  # 0 is Monday; plotly starts on Sunday
        return [names[d] for d in (6, 0, 1, 2, 3, 4, 5)]

    return {"moduleType": "locale", "name": _.lang,
            "dictionary": {message: _(message) for message in PLOTLY_MESSAGES},
            "format": {"months": months("wide"), "shortMonths": months("abbreviated"),
                       "days": days("wide"), "shortDays": days("abbreviated")}}


def js_words(lang: str | None) -> html.Div:
    return html.Div(id=Id.JS_WORDS, hidden=True, **{
        "data-lang": i18n.words(lang).lang,
        "data-messages": json.dumps(messages(lang), ensure_ascii=False),
        "data-plotly": json.dumps(plotly_locale(lang), ensure_ascii=False),
    })
