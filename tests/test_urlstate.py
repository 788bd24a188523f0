from kzcn.urlstate import ViewState, Vocabulary, encode, parse

VOCAB = Vocabulary(sectors=frozenset({"oil", "gas", "rail"}), themes=frozenset({"energy", "economy"}),
                   first_year=1992, last_year=2025, features=frozenset({"khorgos", "p-zhanatas-wind"}), scenes=6)


def test_round_trip_keeps_every_parameter():
    state = ViewState(sectors=("oil", "gas"), themes=("energy",), year_from=2005, year_to=2020,
                      select="khorgos")
    assert parse(encode(state, VOCAB), VOCAB) == state
    assert encode(state, VOCAB) == "?sector=oil,gas&theme=energy&from=2005&to=2020&select=khorgos"


def test_defaults_are_left_out_of_the_link():
    assert encode(ViewState(year_from=1992, year_to=2025), VOCAB) == ""


def test_unknown_values_are_dropped_and_named():
    state = parse("?sector=oil,coal&theme=weather&from=abc&to=2099&select=nowhere&colour=red", VOCAB)
    assert state.sectors == ("oil",) and state.themes == ()
    assert state.year_from is None and state.year_to is None and state.select is None
    text = " ".join(state.notices)
    for word in ("coal", "weather", "abc", "2099", "nowhere", "colour"):
        assert word in text


def test_reversed_years_are_swapped_with_a_notice():
    state = parse("?from=2020&to=2010", VOCAB)
    assert (state.year_from, state.year_to) == (2010, 2020)
    assert "swapped" in state.notices[0]


def test_garbage_never_raises():
    for junk in ("?%%%", "?sector=" + "x" * 5000, "?&&==&", "?from=1e9", "?scene=-1&mode=zzz", None, ""):
        state = parse(junk, VOCAB)
        assert isinstance(state, ViewState)


def test_presenter_parameters():
    state = parse("?mode=present&scene=3", VOCAB)
    assert (state.mode, state.scene) == ("present", 3)
    assert parse("?mode=present&scene=99", VOCAB).scene is None


def test_the_language_rides_in_the_link_and_names_what_is_wrong_in_it():
    state = parse("?lang=ru&sector=oil", VOCAB)
    assert state.lang == "ru" and state.sectors == ("oil",)
    assert encode(state, VOCAB) == "?sector=oil&lang=ru"
    assert parse(encode(state, VOCAB), VOCAB) == state
    assert parse("?lang=KK", VOCAB).lang == "kk"
    bad = parse("?lang=fr", VOCAB)
    assert bad.lang is None and any("'fr'" in n for n in bad.notices)
    assert parse("", VOCAB).lang is None
