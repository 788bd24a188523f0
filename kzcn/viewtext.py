"""What a view shows, in words: the filters in force, the summary line and why a view is empty.

One wording for the summary under the filters, the subtitle of an exported image, the first line of a
CSV download and the citation, so that all four name the same filters the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kzcn import filters
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# What a year window means, as a reader would say it (kzcn/filters.py holds the rule itself).
MEANING_WORDS = {"active": "active in", "started": "started in"}
# The filters a visitor can clear one by one, and the words for each.
CLEARABLE = ("sector", "theme", "years")


def _labels(ds: Dataset, slugs) -> str:
    names = dict(ds.vocabulary[["slug", "label"]].values)
    return ", ".join(names.get(s, s) for s in slugs)


def years_phrase(ds: Dataset, state: ViewState) -> str:
    start, end = filters.year_bounds(ds, state)
    if filters.full_window(ds, state):
        return f"all years ({start}–{end})"
    return f"{MEANING_WORDS.get(state.year_meaning, 'active in')} {start}–{end}"


def filter_phrases(ds: Dataset, state: ViewState) -> list[str]:
    """Each filter in force, by label: ['sectors: Oil, Gas', 'theme: Energy', 'active in 2013–2024']."""
    parts = []
    if state.sectors:
        parts.append(("sector: " if len(state.sectors) == 1 else "sectors: ") + _labels(ds, state.sectors))
    if state.themes:
        parts.append(("theme: " if len(state.themes) == 1 else "themes: ") + _labels(ds, state.themes))
    parts.append(years_phrase(ds, state))
    return parts


def describe(ds: Dataset, state: ViewState) -> str:
    """All filters in one line; 'all sectors' when no sector or theme narrows the view."""
    parts = filter_phrases(ds, state)
    if not (state.sectors or state.themes):
        parts.insert(0, "all sectors and themes")
    return " · ".join(parts)


def without(state: ViewState, name: str) -> ViewState:
    """The same view with one filter cleared."""
    if name == "sector":
        return replace(state, sectors=())
    if name == "theme":
        return replace(state, themes=())
    return replace(state, year_from=None, year_to=None)


def in_force(ds: Dataset, state: ViewState) -> list[str]:
    out = []
    if state.sectors:
        out.append("sector")
    if state.themes:
        out.append("theme")
    if not filters.full_window(ds, state):
        out.append("years")
    return out


def shown_count(ds: Dataset, state: ViewState) -> int:
    return filters.count_projects(filters.projects(ds, state)) + len(filters.events(ds, state))


@dataclass(frozen=True)
class Empty:
    """Why a view shows nothing, and which filters to clear to see something again."""

    reason: str
    clear: tuple[str, ...]


def why_empty(ds: Dataset, state: ViewState) -> Empty | None:
    if shown_count(ds, state) > 0:
        return None
    active = in_force(ds, state)
    if state.sectors and state.themes and filters.allowed_sectors(ds, state) == set():
        vocab = ds.vocabulary.set_index("slug")
        homes = sorted({vocab.loc[s, "theme"] for s in state.sectors if s in vocab.index})
        reason = (f"No project or event is both in {_labels(ds, state.sectors)} and in {_labels(ds, state.themes)}: "
                  f"the sectors chosen belong to {_labels(ds, homes)}.")
        return Empty(reason, ("theme", "sector"))
    # A filter is to blame when clearing it alone brings something back.
    blame = tuple(name for name in active if shown_count(ds, without(state, name)) > 0) or tuple(active)
    reason = "No project or event matches " + " and ".join(filter_phrases(ds, state)) + "."
    return Empty(reason, blame)


def summary(ds: Dataset, state: ViewState) -> str:
    """'Showing 12 projects and 30 events · sectors: Oil, Gas · active in 2013–2024', plus the projects
    with no known year that a narrowed window leaves out, counted apart."""
    n_projects = filters.count_projects(filters.projects(ds, state))
    n_events = len(filters.events(ds, state))
    text = f"Showing {n_projects} projects and {n_events} events · {describe(ds, state)}"
    unknown = filters.count_projects(filters.projects_year_unknown(ds, state))
    if unknown:
        text += f" · {unknown} more with year unknown, not shown in a narrowed window"
    return text
