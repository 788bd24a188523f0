"""What a view shows, in words: the filters in force, the summary line and why a view is empty.

One wording for the summary under the filters, the subtitle of an exported image, the first line of a
CSV download and the citation, so that all four name the same filters the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kzcn import content, filters
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# The filters a visitor can clear one by one, and the words for each.
CLEARABLE = ("sector", "theme", "years")


def _labels(ds: Dataset, slugs, lang: str | None) -> str:
    return ", ".join(content.label(ds, s, lang) for s in slugs)


def years_phrase(ds: Dataset, state: ViewState) -> str:
    _ = state.words
    start, end = filters.year_bounds(ds, state)
    if filters.full_window(ds, state):
        return _("all years ({start}–{end})", start=start, end=end)
    # What a year window means, as a reader would say it (kzcn/filters.py holds the rule itself).
    if state.year_meaning == "started":
        return _("started in {start}–{end}", start=start, end=end)
    return _("active in {start}–{end}", start=start, end=end)


def filter_phrases(ds: Dataset, state: ViewState) -> list[str]:
    """Each filter in force, by label: ['sectors: Oil, Gas', 'theme: Energy', 'active in 2013–2024']."""
    _ = state.words
    parts = []
    if state.sectors:
        names = _labels(ds, state.sectors, state.lang)
        parts.append(_("sector: {names}", names=names) if len(state.sectors) == 1
                     else _("sectors: {names}", names=names))
    if state.themes:
        names = _labels(ds, state.themes, state.lang)
        parts.append(_("theme: {names}", names=names) if len(state.themes) == 1 else _("themes: {names}", names=names))
    parts.append(years_phrase(ds, state))
    return parts


def describe(ds: Dataset, state: ViewState) -> str:
    """All filters in one line; 'all sectors' when no sector or theme narrows the view."""
    _ = state.words
    parts = filter_phrases(ds, state)
    if not (state.sectors or state.themes):
        parts.insert(0, _("all sectors and themes"))
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
    _ = state.words
    active = in_force(ds, state)
    if state.sectors and state.themes and filters.allowed_sectors(ds, state) == set():
        vocab = ds.vocabulary.set_index("slug")
        homes = sorted({vocab.loc[s, "theme"] for s in state.sectors if s in vocab.index})
        reason = _("No project or event is both in {sectors} and in {themes}: the sectors chosen belong to {homes}.",
                   sectors=_labels(ds, state.sectors, state.lang), themes=_labels(ds, state.themes, state.lang),
                   homes=_labels(ds, homes, state.lang))
        return Empty(reason, ("theme", "sector"))
    # A filter is to blame when clearing it alone brings something back.
    blame = tuple(name for name in active if shown_count(ds, without(state, name)) > 0) or tuple(active)
    reason = _("No project or event matches {filters}.", filters=_(" and ").join(filter_phrases(ds, state)))
    return Empty(reason, blame)


def summary(ds: Dataset, state: ViewState) -> str:
    """'Showing 12 projects and 30 events · sectors: Oil, Gas · active in 2013–2024', plus the projects
    with no known year that a narrowed window leaves out, counted apart."""
    _ = state.words
    n_projects = filters.count_projects(filters.projects(ds, state))
    n_events = len(filters.events(ds, state))
    text = _("Showing {projects} projects and {events} events · {filters}", projects=_.number(n_projects),
             events=_.number(n_events), filters=describe(ds, state))
    unknown = filters.count_projects(filters.projects_year_unknown(ds, state))
    if unknown:
        text += " · " + _("{n} more with year unknown, not shown in a narrowed window", n=_.number(unknown))
    return text
