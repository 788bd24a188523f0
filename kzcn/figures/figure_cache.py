"""A cache for figure builders that never hands two callers the same figure.

A cached `go.Figure` is one mutable object shared by every visitor of the process: one caller's
`update_layout` would show in the next visitor's chart. So the cache holds the figure as plain JSON
and each call gets a figure of its own built from a copy of it.

A callback that only hands the figure to Dash, which serializes it and changes nothing, takes the
cached JSON itself (`builder.json(...)`): no copy, and none of plotly's walk over a figure object
when it is serialized (together most of a filter callback's time, measured, when the server cut the
charts for each filter).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import plotly.graph_objects as go


def cached_figure(maxsize: int | None = 256) -> Callable[[Callable[..., go.Figure]], Callable[..., go.Figure]]:
    def decorate(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
        @functools.lru_cache(maxsize=maxsize)
        def as_json(*args, **kwargs) -> dict:
            built = build(*args, **kwargs)  # a figure, or plotly's JSON of one
            return built if isinstance(built, dict) else built.to_plotly_json()

        @functools.wraps(build)
        def fresh(*args, **kwargs) -> go.Figure:
            # go.Figure deep-copies what it is given, so the cached JSON is never shared. The JSON came
            # from a figure plotly already validated: checking it again would cost 15–150 ms a chart
            # (plotly's per-figure `_validate` flag, plotly.py PR 2403), against 2 ms for the copy.
            return go.Figure(as_json(*args, **kwargs), _validate=False)

        fresh.json = as_json  # type: ignore[attr-defined]  # shared: read it, never change it
        fresh.cache_clear = as_json.cache_clear  # type: ignore[attr-defined]
        fresh.cache_info = as_json.cache_info  # type: ignore[attr-defined]
        return fresh

    return decorate
