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


# --- Each rule of the parser and the encoder, one at a time (these killed mutmut's survivors) ---------

def test_slugs_are_trimmed_lowercased_deduplicated_and_empty_parts_skipped():
    state = parse("?sector= OIL ,,gas,oil,&theme=Energy", VOCAB)
    assert state.sectors == ("oil", "gas") and state.themes == ("energy",)
    assert state.notices == ()


def test_a_long_unknown_slug_is_named_in_short():
    notice = parse("?sector=" + "q" * 100, VOCAB).notices[0]
    assert notice == f"Unknown sector '{'q' * 40}' was ignored."


def test_the_first_and_last_years_are_inside_the_range():
    state = parse("?from= 1992 &to=2025", VOCAB)
    assert (state.year_from, state.year_to, state.notices) == (1992, 2025, ())
    assert parse("?from=1991", VOCAB).notices == ("'from=1991' is outside 1992–2025 and was ignored.",)
    assert parse("?to=2026", VOCAB).year_to is None
    assert parse("?to=x1", VOCAB).notices == ("'to=x1' is not a year and was ignored.",)


def test_equal_years_are_not_swapped():
    state = parse("?from=2010&to=2010", VOCAB)
    assert (state.year_from, state.year_to, state.notices) == (2010, 2010, ())


def test_a_parameter_given_twice_keeps_the_first():
    state = parse("?sector=gas&sector=oil", VOCAB)
    assert state.sectors == ("gas",)
    assert state.notices == ("Parameter 'sector' was given twice; the first was used.",)


def test_an_unknown_parameter_is_named():
    assert parse("?zoom=4", VOCAB).notices == ("Unknown parameter 'zoom' was ignored.",)


def test_a_link_too_long_is_ignored_whole_but_one_at_the_limit_is_read():
    state = parse("?sector=oil&x=" + "y" * 1600, VOCAB)
    assert state.sectors == () and state.notices == ("The link's parameters are too long and were ignored.",)
    at_limit = "sector=oil&from=2000&x="
    at_limit += "y" * (1600 - len(at_limit))
    near = parse("?" + at_limit, VOCAB)
    assert near.sectors == ("oil",) and near.year_from == 2000


def test_no_link_is_the_default_view_with_nothing_to_say():
    assert parse(None, VOCAB) == ViewState() and parse(None, VOCAB).notices == ()
    assert parse("?", VOCAB).notices == ()


def test_a_long_non_year_is_quoted_in_short():
    assert parse("?from=" + "n" * 30, VOCAB).notices == (f"'from={'n' * 20}' is not a year and was ignored.",)


def test_a_parameter_value_is_cut_at_its_limit():
    notice = parse("?select=" + "z" * 500, VOCAB).notices[0]
    assert notice == f"No feature has the id '{'z' * 60}'; nothing was selected."


def test_what_the_years_mean():
    assert parse("?years=started", VOCAB).year_meaning == "started"
    assert parse("?years=STARTED", VOCAB).year_meaning == "started"
    bad = parse("?years=ended", VOCAB)
    assert bad.year_meaning == "active"
    assert bad.notices == ("'years=ended' is not one of active | started; 'active' was used.",)
    assert parse("", VOCAB).year_meaning == "active" and parse("?years=", VOCAB).notices == ()


def test_selection_mode_and_scene_rules():
    assert parse("?select= khorgos ", VOCAB).select == "khorgos"
    assert parse("?mode=PACK", VOCAB).mode == "pack"
    assert parse("?mode=zzz", VOCAB).notices == ("Unknown mode 'zzz' was ignored.",)
    scenes = [parse(f"?scene={n}", VOCAB).scene for n in ("1", "6", "0", "7", "x", "-1")]
    assert scenes == [1, 6, None, None, None, None]
    assert parse("?scene=9", VOCAB).notices == ("Scene '9' does not exist; the first scene is shown.",)
    no_scenes = Vocabulary(sectors=VOCAB.sectors, themes=VOCAB.themes, first_year=1992, last_year=2025,
                           features=VOCAB.features)
    assert parse("?scene=1", no_scenes).scene == 1 and parse("?scene=2", no_scenes).scene is None


def test_encode_writes_only_what_differs_from_the_default():
    assert encode(ViewState(year_meaning="started", year_from=2000), VOCAB) == "?from=2000&years=started"
    assert encode(ViewState(year_meaning="bogus"), VOCAB) == ""
    assert encode(ViewState(year_to=2024), VOCAB) == "?to=2024"
    both = ViewState(year_from=1992, year_to=2025, themes=("energy", "economy"))
    assert encode(both, VOCAB) == "?theme=energy,economy"
    assert encode(ViewState(mode="present", scene=4), VOCAB) == "?mode=present&scene=4"
    assert encode(ViewState(scene=4), VOCAB) == ""  # a scene means nothing outside presenter mode
    assert encode(ViewState(select="a b&c"), VOCAB) == "?select=a+b%26c"


def test_has_view_params():
    from kzcn.urlstate import has_view_params

    assert has_view_params("?mode=present&scene=2&theme=energy")
    assert has_view_params("select=khorgos")
    assert not has_view_params("?mode=present&scene=2")
    assert not has_view_params(None) and not has_view_params("")


def test_blank_and_bare_parameters_are_read_not_dropped():
    assert parse("?zoom=", VOCAB).notices == ("Unknown parameter 'zoom' was ignored.",)
    assert parse("?scene=", VOCAB).notices == ("Scene '' does not exist; the first scene is shown.",)
    assert parse("?a&sector=oil", VOCAB).notices == ("Unknown parameter 'a' was ignored.",)
    assert parse("?Xzoom=1", VOCAB).notices == ("Unknown parameter 'Xzoom' was ignored.",)


def test_long_values_are_quoted_in_short_in_every_notice():
    assert parse("?" + "k" * 50 + "=1", VOCAB).notices == (f"Unknown parameter '{'k' * 30}' was ignored.",)
    assert parse("?theme=weather", VOCAB).notices == ("Unknown theme 'weather' was ignored.",)
    assert parse("?years=" + "y" * 30, VOCAB).notices == (
        f"'years={'y' * 20}' is not one of active | started; 'active' was used.",)
    assert parse("?mode=" + "m" * 30, VOCAB).notices == (f"Unknown mode '{'m' * 20}' was ignored.",)
    assert parse("?mode=" + "m" * 30, VOCAB).mode is None
    scene = parse("?scene=" + "9" * 15, VOCAB)
    assert scene.notices == (f"Scene '{'9' * 10}' does not exist; the first scene is shown.",)


def test_a_blank_view_parameter_still_states_a_view():
    from kzcn.urlstate import has_view_params

    assert has_view_params("?theme=energy") and has_view_params("?sector=")


def test_the_language_alone_is_read_from_any_value():
    from kzcn.urlstate import lang_of
    assert lang_of("?sector=oil&lang=zh") == "zh" and lang_of("lang=KK") == "kk"
    assert lang_of("?lang=fr") is None and lang_of("") is None
    assert lang_of(["?lang=ru"]) is None and lang_of(None) is None and lang_of(7) is None
