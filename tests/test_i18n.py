"""The language machinery as functions: which language a visitor gets, and numbers and dates per locale."""

from __future__ import annotations

from datetime import date

import pytest

from kzcn import i18n


@pytest.mark.parametrize(("requested", "header", "expected"), [
    ("ru", None, "ru"),
    ("KK", "zh", "kk"),
    ("zh-Hans", None, "zh"),
    (None, "kk-KZ,ru;q=0.8,en;q=0.5", "kk"),
    (None, "de-DE,ru;q=0.9", "ru"),
    (None, "fr;q=0.9,zh-CN;q=0.95", "zh"),
    (None, "de, fr", "en"),
    ("xx", "ru", "ru"),
    (["ru"], None, "en"),
    ({"a": 1}, "q=;;;,", "en"),
    ("<script>", None, "en"),
    (None, [("ru-RU", 1.0), ("en", 0.5)], "ru"),
    (None, 7, "en"),
])
def test_negotiate_prefers_the_url_then_the_browser_then_english(requested, header, expected):
    assert i18n.negotiate(requested, header) == expected


def test_numbers_and_money_are_written_the_languages_way():
    assert i18n.words("en").number(1783) == "1,783"
    assert i18n.words("ru").number(1783).replace("\u00a0", " ") == "1 783"
    assert i18n.words("kk").number(11.2, 1) == "11,2"
    assert i18n.words("zh").number(11.2, 1) == "11.2"
    assert i18n.words("en").usd_millions(43_800) == "US$43.8B"
    assert i18n.words("en").number(float("nan")) == "–"


def test_dates_follow_the_precision_the_data_know():
    assert i18n.words("en").day(date(2024, 9, 3)) == "September 3, 2024"
    assert i18n.words("zh").day(date(2024, 9, 3)) == "2024年9月3日"
    assert i18n.words("ru").day(date(2024, 9, 1), "month").lower().startswith("сентябрь")
    assert i18n.words("kk").day(date(2024, 1, 1), "year") == "2024"


def test_each_visitor_has_their_own_words():
    # Two languages asked for in turn do not change each other's answers (no process-wide switch).
    ru, en = i18n.words("ru"), i18n.words("en")
    assert en("Sector") == "Sector"
    assert ru.lang == "ru" and en.lang == "en"
    assert i18n.words("nonsense").lang == "en"
