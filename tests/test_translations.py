"""data/translations.csv: the committed file is clean and complete where it must be, and each rule of
kzcn/translations.py catches the mistake it is there for, naming file, row and column."""

import pandas as pd
import pytest

from kzcn.tables import DATA_DIR
from kzcn.translations import load_translations, numbers_missing, translate

HEADER = "table,row_id,field,lang,text,basis,source_ids"
LANGS = ("kk", "ru", "zh")
NAMES = (("projects", "project_id", "name"), ("pipelines", "pipeline_id", "name"),
         ("corridors", "corridor_id", "name"), ("border_crossings", "crossing_id", "name"),
         ("events", "event_id", "title"))


@pytest.fixture(scope="module")
def committed(ds):
    frame, problems = load_translations(DATA_DIR / "translations.csv", ds)
    return frame, problems


def write(tmp_path, *rows: str, header: str = HEADER):
    path = tmp_path / "translations.csv"
    path.write_bytes(("\r\n".join((header, *rows)) + "\r\n").encode("utf-8"))
    return path


def problems_of(tmp_path, ds, *rows: str, **kw) -> list[str]:
    _, problems = load_translations(write(tmp_path, *rows, **kw), ds)
    return [str(p) for p in problems]


# -- the committed file ---------------------------------------------------------------------------

def test_committed_file_has_no_problems(committed):
    frame, problems = committed
    assert [str(p) for p in problems] == []
    assert len(frame) > 0


def test_committed_file_is_crlf_utf8():
    raw = (DATA_DIR / "translations.csv").read_bytes()
    raw.decode("utf-8")
    lines = raw.split(b"\n")
    assert lines[-1] == b"" and all(line.endswith(b"\r") for line in lines[:-1])
    assert lines[0] == HEADER.encode() + b"\r"


def test_every_vocabulary_label_and_description_is_translated(committed, ds):
    frame, _ = committed
    have = set(zip(frame["table"], frame["row_id"], frame["field"], frame["lang"], strict=True))
    for kind, slug in zip(ds.vocabulary["kind"], ds.vocabulary["slug"], strict=True):
        for field in ("label", "description"):
            for lang in LANGS:
                assert ("vocabulary", f"{kind}:{slug}", field, lang) in have, (kind, slug, field, lang)


def test_the_whole_briefing_is_translated(committed, ds):
    frame, _ = committed
    have = set(zip(frame["table"], frame["row_id"], frame["field"], frame["lang"], strict=True))
    wanted = [("briefing", "title")] + [(s.id, f) for s in ds.briefing.scenes for f in ("title", "narrative")]
    assert len(wanted) == 1 + 2 * len(ds.briefing.scenes)
    for rid, field in wanted:
        for lang in LANGS:
            assert ("briefing", rid, field, lang) in have, (rid, field, lang)


@pytest.mark.parametrize("kind", ["name", "description"])
def test_every_name_title_and_description_is_translated(committed, ds, kind):
    frame, _ = committed
    have = set(zip(frame["table"], frame["row_id"], frame["field"], frame["lang"], strict=True))
    for table, key, field in NAMES:
        column = field if kind == "name" else "description"
        for rid in ds.table(table)[key]:
            for lang in LANGS:
                assert (table, rid, column, lang) in have, (table, rid, column, lang)


def test_kazakh_is_written_in_kazakh_letters(committed):
    # A whole-file check: Russian text filed as Kazakh would carry none of the letters only Kazakh uses.
    frame, _ = committed
    kk = frame.loc[frame["lang"] == "kk", "text"]
    with_kazakh_letters = kk.str.contains("[әғқңөұүһі]", case=False, regex=True)
    assert with_kazakh_letters.mean() > 0.8
    long_kk = kk[kk.str.len() > 80]
    assert with_kazakh_letters[long_kk.index].all()


def test_source_rows_cite_the_page_that_gives_the_name(committed, ds):
    frame, _ = committed
    sourced = frame[frame["basis"] == "source"]
    known = set(ds.sources["source_id"])
    assert sourced["source_ids"].notna().all()
    assert all(sid in known for cell in sourced["source_ids"] for sid in cell.split(";"))
    assert frame.loc[frame["basis"] == "project-translation", "source_ids"].isna().all()


def test_russian_and_kazakh_numbers_use_the_decimal_comma(committed):
    frame, _ = committed
    cyrillic = frame[frame["lang"].isin(("ru", "kk"))]
    assert not cyrillic["text"].str.contains(r"\d\.\d", regex=True).any()
    # Thousands are grouped with a no-break space (1 783), so a number never breaks across lines.
    assert not cyrillic["text"].str.contains(r"\d \d{3}(?!\d)", regex=True).any()
    assert cyrillic["text"].str.contains("\u00a0").any()


# -- numbers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("english,translation", [
    ("US$43.8 bn", "43,8 млрд долл."),
    ("US$43.8 bn", "438亿美元"),
    ("about 11.2 million tonnes", "约1120万吨"),
    ("a 1,783 km border", "1\u00a0783 км"),
    ("a 1,783 km border", "1783公里"),
    ("in 2013, 2015 and 2017", "2013, 2015 және 2017 жылдары"),
    ("by 26–30%", "на 26–30%"),
    ("no figure here", "цифр нет"),
    ("a US$800m facility", "8亿美元贷款"),
    ("for US$930m", "9.3亿美元"),
    ("300,000 t/y", "年产30万吨"),
])
def test_numbers_kept(english, translation):
    assert numbers_missing(english, translation) == []


@pytest.mark.parametrize("english,translation,missing", [
    ("a 1,783 km border", "1\u00a0784 км", ["1,783"]),
    ("US$41.0 bn against US$31.5 bn", "41,0 млрд долл.", ["31.5"]),
    ("only 1.2 million tonnes in 2012", "в 2012 году", ["1.2"]),  # 12 is not found inside 2012
    ("49.979%", "49,98%", ["49.979"]),
    ("a US$800m facility", "8 млн долл.", ["800"]),  # fewer zeros only before 万 or 亿
    ("US$800m", "7亿美元", ["800"]),
])
def test_numbers_dropped_or_changed(english, translation, missing):
    assert numbers_missing(english, translation) == missing


# -- each rule, on a small bad file ----------------------------------------------------------------

GOOD = "vocabulary,sector:oil,label,ru,Нефть,project-translation,"
OTHER = "vocabulary,sector:gas,label,ru,Газ,project-translation,"


def test_a_small_good_file_is_clean(tmp_path, ds):
    assert problems_of(tmp_path, ds, GOOD) == []


@pytest.mark.parametrize("row,column,rule", [
    ("pagoda,sector:oil,label,ru,Нефть,project-translation,", "table", "must be one of"),
    ("vocabulary,sector:oil,label,de,Öl,project-translation,", "lang", "must be one of"),
    ("vocabulary,sector:oil,label,ru,Нефть,guess,", "basis", "must be one of"),
    ("vocabulary,sector:oil,colour,ru,Нефть,project-translation,", "field", "must be one of"),
    ("vocabulary,sector:oil,label,ru,,project-translation,", "text", "a value is required"),
    ("vocabulary,sector:oil,label,ru,   ,project-translation,", "text", "a value is required"),
    ("projects,p-khorgos-gateway,narrative,ru,Текст,project-translation,", "field",
     "is not a translatable column of projects"),
    ("vocabulary,sector:whaling,label,ru,Китобойный промысел,project-translation,", "row_id",
     "is not a kind:slug in vocabulary"),
    ("projects,p-no-such-project,name,zh,无,project-translation,", "row_id", "is not a project_id in projects"),
    ("briefing,no-such-scene,title,kk,Жоқ,project-translation,", "row_id", "is not a scene id in briefing"),
    ("vocabulary,sector:oil,label,ru,Нефть,source,", "source_ids", "must cite the page"),
    ("vocabulary,sector:oil,label,ru,Нефть,source,no-such-page", "source_ids",
     "'no-such-page' is not a known source id"),
    ("vocabulary,sector:oil,label,ru,Нефть,project-translation,editorial", "source_ids", "claims no source"),
    ("vocabulary,sector:oil,label,ru,Нефть,project-translation,Not An Id", "source_ids",
     "does not match the expected form"),
    ("briefing,border,narrative,ru,Граница длиной 1 784 км.,project-translation,", "text",
     "drops or changes a number of the English text (1,783, 1994, 1997, 1998, 2002)"),
])
def test_each_rule_names_file_row_and_column(tmp_path, ds, row, column, rule):
    found = problems_of(tmp_path, ds, OTHER, row)
    assert len(found) >= 1
    assert all(p.startswith(f"data/translations.csv, row 2 (line 3), column '{column}'") for p in found), found
    assert any(rule in p for p in found), found


def test_duplicate_key_is_a_problem(tmp_path, ds):
    found = problems_of(tmp_path, ds, GOOD, OTHER, "vocabulary,sector:oil,label,ru,Нефть и газ,project-translation,")
    assert found == [("data/translations.csv, row 3 (line 4), column 'row_id': repeats row 1: one translation per "
                      "table, row_id, field and lang (value: 'vocabulary/sector:oil/label/ru')")]


def test_a_missing_or_unknown_column_is_named(tmp_path, ds):
    found = problems_of(tmp_path, ds, "vocabulary,sector:oil,label,ru,Нефть,project-translation,x",
                        header="table,row_id,field,lang,text,basis,sources")
    assert "data/translations.csv, column 'source_ids': is missing from the file" in found
    assert "data/translations.csv, column 'sources': is not a known column" in found


def test_missing_and_unreadable_files_are_one_problem_each(tmp_path, ds):
    frame, problems = load_translations(tmp_path / "nowhere.csv", ds)
    assert frame is None and [str(p) for p in problems] == ["data/translations.csv: the file is missing"]
    bad = tmp_path / "latin1.csv"
    bad.write_bytes((HEADER + "\r\nvocabulary,sector:oil,label,ru,Öl,project-translation,\r\n").encode("latin-1"))
    frame, problems = load_translations(bad, ds)
    assert frame is None and len(problems) == 1 and "cannot be read as UTF-8 CSV" in str(problems[0])


def test_frames_can_stand_in_for_the_dataset(tmp_path, ds):
    # The lead may check the file before a Dataset exists: a mapping of frames and the briefing will do.
    data = {"vocabulary": ds.vocabulary, "sources": ds.sources, "briefing": ds.briefing}
    path = write(tmp_path, GOOD, "briefing,trade,title,zh,同一贸易，两种统计,project-translation,",
                 "projects,p-khorgos-gateway,name,ru,Сухой порт «Хоргос Гейтвей»,project-translation,")
    _, problems = load_translations(path, data)
    assert [str(p) for p in problems] == [
        ("data/translations.csv, row 3 (line 4), column 'row_id': is not a project_id in projects "
         "(value: 'p-khorgos-gateway')")]


# -- translate -------------------------------------------------------------------------------------

def test_translate_gives_the_translation_or_the_english(tmp_path, ds):
    frame, _ = load_translations(write(tmp_path, GOOD), ds)
    assert translate(frame, "vocabulary", "sector:oil", "label", "ru", "Oil") == ("Нефть", True)
    assert translate(frame, "vocabulary", "sector:oil", "label", "zh", "Oil") == ("Oil", False)
    assert translate(frame, "vocabulary", "sector:gas", "label", "ru", "Gas") == ("Gas", False)
    assert translate(frame, "vocabulary", "sector:oil", "label", "en", "Oil") == ("Oil", False)
    assert translate(None, "vocabulary", "sector:oil", "label", "ru", "Oil") == ("Oil", False)


def test_translate_on_the_committed_file(committed, ds):
    frame, _ = committed
    scene = ds.briefing.scenes[0]
    text, translated = translate(frame, "briefing", scene.id, "narrative", "ru", scene.narrative)
    assert translated and text != scene.narrative and "1\u00a0783" in text
    name = ds.border_crossings.set_index("crossing_id").loc["maikapshagai-jeminay-road"]
    assert translate(frame, "border_crossings", "maikapshagai-jeminay-road", "name", "zh",
                     name["name"]) == (name["name_cn"], True)


def test_translate_index_follows_the_frame(tmp_path, ds):
    # Two frames loaded one after the other must not share a lookup.
    first, _ = load_translations(write(tmp_path, GOOD), ds)
    assert translate(first, "vocabulary", "sector:oil", "label", "ru", "Oil")[0] == "Нефть"
    second = pd.DataFrame([{"table": "vocabulary", "row_id": "sector:oil", "field": "label", "lang": "ru",
                            "text": "Нефть (2)", "basis": "project-translation", "source_ids": pd.NA}])
    assert translate(second, "vocabulary", "sector:oil", "label", "ru", "Oil")[0] == "Нефть (2)"
    assert translate(first, "vocabulary", "sector:oil", "label", "ru", "Oil")[0] == "Нефть"
