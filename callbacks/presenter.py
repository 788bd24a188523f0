"""Presenter mode and the briefing pack, driven by the URL's `mode` and `scene`.

Keys (→, ←, Space, PageUp/PageDown, R, Esc) are read in assets/presenter.js, which only changes the
URL; everything else follows from the URL here and in the state callback.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Input, Output, State, no_update

from kzcn import inputs, urlstate
from kzcn.figures.border_map import VIEW
from kzcn.ids import Id
from kzcn.tables import load
from kzcn.vocabulary import vocabulary
from layouts.pack import pack
from layouts.presenter import scene_panel


def present(search, shown, href=None, current=None):
    ds = load()
    search, href = inputs.search(search), inputs.href(href)
    state = urlstate.parse(search, vocabulary(ds))
    if state.mode == "pack":
        return "app pack", [], no_update, pack(ds, href, lang=state.lang)
    if state.mode != "present":
        # The dashboard as it is: nothing to redraw. Setting the same class and empty panels again made
        # the browser re-render the page from its root.
        if current == "app":
            return no_update, no_update, no_update, no_update
        return "app", [], no_update, []
    scene = ds.briefing.scene(state.scene)
    classes = "app present" + (f" feature-{scene.chart}" if scene.chart else "")
    shown = inputs.mapping(shown)
    # Frame the map on the scene when the scene changes, or when its own view is asked for again (R).
    reframe = shown.get("scene") != scene.number or not urlstate.has_view_params(search)
    extent = {"scene": scene.number, "extent": scene.extent or VIEW, "search": search} if reframe else no_update
    leave = urlstate.encode(replace(state, mode=None, scene=None), vocabulary(ds)) or "?"
    return classes, scene_panel(ds, scene, leave, state.lang), extent, []


def register(app) -> None:
    # The server hears of the URL only when it names a mode, or stops naming one (assets/presenter.js).
    app.clientside_callback(
        ClientsideFunction(namespace="presenter", function_name="route"),
        Output(Id.PRESENTER_URL, "data"),
        Input(Id.URL, "search"),
        State(Id.PRESENTER_URL, "data"),
    )
    app.callback(
        Output(Id.APP_ROOT, "className"),
        Output(Id.SCENE_PANEL, "children"),
        Output(Id.SCENE_EXTENT, "data"),
        Output(Id.PACK, "children"),
        Input(Id.PRESENTER_URL, "data"),
        State(Id.SCENE_EXTENT, "data"),
        State(Id.URL, "href"),
        State(Id.APP_ROOT, "className"),
        # Not at load: the page is drawn as the dashboard, and `route` above names a mode as soon as
        # the URL has one (dcc.Location reports the URL when it mounts). Its call at every load found
        # nothing to change and cost every visitor a request and a round of Dash's bookkeeping.
        prevent_initial_call=True,
    )(present)
    app.clientside_callback(
        ClientsideFunction(namespace="presenter", function_name="frame"),
        Output(Id.SCENE_ANIMATION, "data"),
        Input(Id.SCENE_EXTENT, "data"),
        prevent_initial_call=True,  # a scene's extent comes from `present`, never with the page
    )
