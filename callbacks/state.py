"""One callback keeps the URL, the filter controls and the selection in step, and the phone's share
line and subject card, which say what the URL shows.

Dash allows a prop to be both input and output only within one callback, so the two directions
(URL → controls on load and on back/forward; controls or clicks → URL) live here together. The
decisions are in `next_state`, a plain function the tests call with values.

The filter controls are set with `set_props`, not declared as outputs: Dash holds every callback whose
inputs a pending callback may change, so with the controls as outputs each filter click waited for
this callback's round trip before the charts' callback was even sent (two round trips a click). A
link, back/forward or Reset then calls this once more with the controls it set, which changes nothing.
"""

from __future__ import annotations

from dataclasses import replace

from dash import Input, Output, State, ctx, html, no_update, set_props

from kzcn import urlstate
from kzcn.ids import Id
from kzcn.inputs import clicked_feature, feature, from_controls, selected_years
from kzcn.tables import Dataset, load
from kzcn.urlstate import ViewState, Vocabulary
from kzcn.vocabulary import vocabulary
from layouts.phone import share_line, subject_card


def scene_view(ds: Dataset, state: ViewState) -> ViewState:
    """A presenter link with no view of its own shows its scene's view."""
    scene = ds.briefing.scene(state.scene)
    if scene is None:
        return state
    return replace(scene.view(), mode=state.mode, scene=scene.number, lang=state.lang, notices=state.notices)


def next_state(trigger, trigger_value, search, controls: dict, vocab: Vocabulary,
               ds: Dataset | None = None) -> ViewState:
    """The view after one user action. `trigger` is the id that fired (None on first load)."""
    current = urlstate.parse(search, vocab)
    if trigger in (None, Id.URL):
        if current.mode == "present" and ds is not None and not urlstate.has_view_params(search):
            return scene_view(ds, current)
        return current
    state = from_controls(controls.get("sectors"), controls.get("themes"), controls.get("years"),
                          controls.get("selected"), vocab, controls.get("meaning"))
    # Live filtering in presenter mode stays in presenter mode, on the same scene, in the same language.
    state = replace(state, mode=current.mode, scene=current.scene, lang=current.lang)
    return _after(trigger, trigger_value, state, vocab)


def _after(trigger, trigger_value, state: ViewState, vocab: Vocabulary) -> ViewState:
    if trigger == Id.RESET_FILTERS:
        return ViewState(select=state.select, mode=state.mode, scene=state.scene, year_meaning=state.year_meaning)
    if trigger in (Id.TIMELINE_CHART, Id.ENERGY_CHART, Id.TRADE_CHART + ".click"):
        fid = clicked_feature(trigger_value)
        return replace(state, select=fid) if fid in vocab.features else state
    if trigger == Id.FIND:
        fid = feature(trigger_value, vocab)
        return replace(state, select=fid) if fid else state
    if trigger == Id.TRADE_CHART:
        years = selected_years(trigger_value)
        return replace(state, year_from=years[0], year_to=years[1]) if years else state
    return state


def _notice(notices: tuple[str, ...]):
    if not notices:
        return [], True
    return [html.Strong("Some of the link was ignored: "), " ".join(notices)], False


def sync(search, sectors, themes, years, meaning, _reset, timeline_click, trade_click, energy_click,
         trade_selection, _found, selected, opened_with=None):
    ds = load()
    vocab = vocabulary(ds)
    trigger = ctx.triggered_id
    prop = ctx.triggered[0]["prop_id"] if ctx.triggered else ""
    if trigger == Id.TRADE_CHART and prop.endswith("clickData"):
        trigger = Id.TRADE_CHART + ".click"
    value = ctx.triggered[0]["value"] if ctx.triggered else None
    controls = {"sectors": sectors, "themes": themes, "years": years, "selected": selected, "meaning": meaning}
    state = next_state(trigger, value, search, controls, vocab, ds)

    first, last = vocab.first_year, vocab.last_year
    new_years = [state.year_from or first, state.year_to or last]
    new_search = urlstate.encode(state, vocab)
    from_url = trigger in (None, Id.URL)
    notice, hidden = _notice(state.notices) if from_url else (no_update, no_update)

    def changed(new, old):
        return new if new != old else no_update

    wanted = {Id.SECTOR_FILTER: (list(state.sectors), sectors or []), Id.THEME_FILTER: (list(state.themes), themes or []),
              Id.YEAR_RANGE: (new_years, years), Id.YEAR_MEANING: (state.year_meaning, meaning)}
    for ident, (new, old) in wanted.items():
        if new != old:
            set_props(ident, {"value": new})
    # The share line and the subject card, for the URL as it now is: redrawn only when it changed (a
    # link, back and forward, or a change here). `opened_with` is the URL the page opened with.
    opened = opened_with if isinstance(opened_with, str) else (search or "") if from_url else ""
    moved = from_url or new_search != (search or "")
    return (
        changed(new_search, search or ""),
        changed(state.select, selected),
        notice,
        hidden,
        share_line(ds, vocab, new_search, opened) if moved else no_update,
        subject_card(ds, state.select, state.lang) if from_url or state.select != selected else no_update,
        opened if opened != opened_with else no_update,
    )


def register(app) -> None:
    app.callback(
        Output(Id.URL, "search"),
        # The filter controls: set_props (above), so a filter click does not hold the charts' callback.
        Output(Id.SELECTED, "data"),
        Output(Id.NOTICE, "children"),
        Output(Id.NOTICE, "hidden"),
        Output(Id.SHARE_LINE, "children"),
        Output(Id.SUBJECT_CARD, "children"),
        Output(Id.SHARE_FIRST, "data"),
        Input(Id.URL, "search"),
        Input(Id.SECTOR_FILTER, "value"),
        Input(Id.THEME_FILTER, "value"),
        Input(Id.YEAR_RANGE, "value"),
        Input(Id.YEAR_MEANING, "value"),
        Input(Id.RESET_FILTERS, "n_clicks"),
        # A map click is read in assets/map_pick.js, which offers a chooser where features crowd
        # and then selects through the URL, as related-item links do.
        Input(Id.TIMELINE_CHART, "clickData"),
        Input(Id.TRADE_CHART, "clickData"),
        Input(Id.ENERGY_CHART, "clickData"),
        Input(Id.TRADE_CHART, "selectedData"),
        Input(Id.FIND, "value"),
        State(Id.SELECTED, "data"),
        State(Id.SHARE_FIRST, "data"),
    )(sync)
