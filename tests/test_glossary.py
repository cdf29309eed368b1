"""The offline glossary provider: names and labels in English with no network, on its own, in
a chain before an online provider, and through the real pipeline on the annotated pages."""

import csv
import json
from pathlib import Path

import polars as pl
import pytest

from newsmend.glossary import glossary, official_names
from newsmend.repair import repair_text
from newsmend.text import untranslated_spans
from newsmend.translate import TranslationSettings, make_translator

FIXTURES = Path(__file__).parent / "fixtures"
NAME_TABLE = FIXTURES / "place_names.tsv"
CORPUS = FIXTURES / "corpus"


def name_table() -> list[tuple[str, str, str]]:
    with NAME_TABLE.open(encoding="utf-8") as rows:
        return [tuple(row) for row in csv.reader(rows, delimiter="\t")][1:]


def test_name_table_is_real_pairs_with_sources():
    rows = name_table()
    assert len(rows) >= 200
    assert len({chinese for chinese, _, _ in rows}) == len(rows)
    assert all(source.startswith("http") for _, _, source in rows)


def test_glossary_gives_the_official_form_of_90_percent_of_the_name_table():
    rows = name_table()
    exact = [chinese for chinese, english, _ in rows if glossary().translate(chinese) == english]
    # The official-names table holds a few of these pairs (names that are not pinyin): the
    # figure without them says what the dictionary and pinyin rules do on their own.
    by_rules = [(c, e) for c, e, _ in rows if c not in official_names()]
    rules_exact = [c for c, e in by_rules if glossary().translate(c) == e]
    print(
        f"\nname table: {len(exact)}/{len(rows)} exact ({len(exact) / len(rows):.1%}); "
        f"without the official-names table: {len(rules_exact)}/{len(by_rules)} "
        f"({len(rules_exact) / len(by_rules):.1%})"
    )
    assert len(exact) / len(rows) >= 0.9
    assert len(rules_exact) / len(by_rules) >= 0.9


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("炉霍县", "Luhuo County"),  # dictionary name + unit
        ("陈巴尔虎旗", "Chen Barag Banner"),  # Mongolian: the official-names table
        ("六合区", "Luhe District"),  # the dictionary's reading, not pinyin's Liuhe
        ("北川羌族自治县", "Beichuan Qiang Autonomous County"),
        ("乌镇", "Wuzhen"),  # a one-character name keeps 镇
        ("长兴县夹浦镇", "Changxing County Jiapu Town"),  # jieba cuts two places
        ("张伟", "Zhang Wei"),
        ("欧阳敏", "Ouyang Min"),
        ("杭州市西湖区人民政府", "Hangzhou City Xihu District People's Government"),
        ("相关阅读", "Related reading"),
    ],
)
def test_names_and_labels(chinese, english):
    assert glossary().translate(chinese) == english


def test_only_short_spans_go_to_the_glossary():
    assert glossary().accepts("炉霍县人民政府")
    assert not glossary().accepts("全县上下要认真贯彻落实会议精神")  # 15 characters
    assert not glossary().accepts("会议指出，要加强")  # a clause


def test_glossary_is_the_default_and_a_long_span_stays_flagged(tmp_path):
    assert TranslationSettings().chain() == ("glossary",)
    translator = make_translator({}, tmp_path)
    long_span = "全县上下要认真贯彻落实会议精神"
    text, repairs, flags, _ = repair_text(
        f"He said 炉霍县 and {long_span} today.", translator=translator
    )
    assert text == f"He said Luhuo County and {long_span} today."
    assert repairs[0]["rule"] == "translate_glossary"
    assert "translation_failed" not in flags


def test_chain_sends_what_the_glossary_does_not_take_to_the_online_provider(
    translation_server, tmp_path, monkeypatch
):
    monkeypatch.setenv("NEWSMEND_LIBRE_API_KEY", "k")
    values = {"providers": "glossary,libre", "url": translation_server.url, "timeout": 2}
    translator = make_translator(values, tmp_path)
    long_span = "南湖" * 7  # too long for the glossary
    answers = translator.translate_many(["金华", long_span])
    assert answers["金华"].provider == "glossary"
    assert [r["q"] for r in translation_server.requests] == [long_span]
    # Cached like the other providers: a second translator asks nobody.
    again = make_translator(values, tmp_path).translate_many(["金华"])
    assert again["金华"] == "Jinhua" and len(translation_server.requests) == 1


def test_annotated_pages_lose_their_residue_with_no_network(corpus_run):
    """The real `newsmend run` (default settings: the glossary) over the annotated corpus:
    every residue the golds mark is gone from the clean text, every phrase they keep is kept."""
    out, _, _ = corpus_run
    articles = pl.read_delta(str(out / "articles"))
    headlines = pl.read_delta(str(out / "headlines"))
    quarantine = pl.read_delta(str(out / "quarantine"))
    residue, kept, rules = 0, 0, set()
    golds = sorted(CORPUS.glob("*.gold.json"))
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        mine = articles.filter(pl.col("source_file") == gold["source_file"])
        text = " ".join(f"{t} {b}" for t, b in mine.select("title", "body").iter_rows())
        text += " " + " ".join(
            headlines.filter(pl.col("source_file") == gold["source_file"])["title"]
        )
        text = " ".join(text.split())
        for repair in gold["repairs"]:
            if repair["after"] is None:
                assert repair["before"] not in text, (gold_path.name, repair["before"])
                residue += 1
        held = quarantine.filter(pl.col("source_file") == gold["source_file"])["record"]
        everything = " ".join([text, *(_title_body(json.loads(r)) for r in held)])
        for phrase in gold["must_not_change"]:
            assert " ".join(phrase.split()) in " ".join(everything.split()), phrase
            kept += 1
        rules.update(r["rule"] for repairs in mine["repairs"] for r in repairs)
    assert residue >= 8 and kept > 0
    assert "translate_glossary" in rules


def _title_body(record: dict) -> str:
    return f"{record.get('title') or ''} {record.get('body') or ''}"


def test_a_chinese_sentence_with_ascii_punctuation_is_one_run_the_glossary_leaves() -> None:
    """A headline left in Chinese is a sentence, not a name: word-by-word it would garble."""
    title = "Positive Energy丨郑州大雪中的“最美背影”!为坚守前线的环卫工人点赞"
    [run] = untranslated_spans(title)
    assert run == "丨郑州大雪中的“最美背影”!为坚守前线的环卫工人点赞"
    assert not glossary().accepts(run)
