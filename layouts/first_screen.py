"""The page as plain HTML, sent inside the document so that a visitor reads it before any script runs.

Dash draws nothing until its scripts, the layout and the callback list have all arrived (about a
second on a laptop, several on a phone). Until then the visitor sees this copy of the same layout: the
title, the argument, the key facts with their sources, the filters' and views' boxes at their final
sizes, and the captions. When Dash's own page appears, the copy is hidden in the same frame
(assets/style.css) and removed (assets/first_screen.js); nothing moves, because both are laid out by
the same classes.

It is the layout's own first state, as Dash first draws it too: a link with filters or a selection
is applied by callbacks after that, in both cases. layouts/html_text.py holds the rules it is written by.
"""

from __future__ import annotations

import functools

from kzcn.tables import Dataset
from layouts.html_text import to_html
from layouts.page import page


@functools.lru_cache(maxsize=8)
def first_screen(ds: Dataset, lang: str) -> str:
    """The page in `lang` as HTML (made once per language and process)."""
    return to_html(page(ds, lang))
