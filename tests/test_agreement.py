"""tests/agreement.py: a second reader's golds scored against the first's, as output is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from agreement import agreement
from realworld import REALWORLD

PAGE = "eh_deseret_ap_sichuan_qinglian_flood_2008"  # a single story with a date and a byline
LISTING = "ez_macaudailytimes_macau_list_p83_2024"  # an article and eight teasers


def _copy(folder: Path) -> Path:
    folder.mkdir()
    for name in (PAGE, LISTING):
        shutil.copy(REALWORLD / "tune" / f"{name}.gold.json", folder)
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / f"{name}.gold.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    change(gold)
    path.write_text(json.dumps(gold), encoding="utf-8")


def test_a_reader_agrees_with_itself(tmp_path):
    first = _copy(tmp_path / "first")
    result = agreement(first, first)
    assert result["pages"] == 2
    assert result["article_f1"] == result["title_exact"] == result["credits_exact"] == 1.0


def test_a_second_reader_who_drops_a_teaser_and_dates_otherwise_agrees_less(tmp_path):
    first, second = _copy(tmp_path / "first"), _copy(tmp_path / "second")
    _edit(second, LISTING, lambda gold: gold["articles"].pop())
    _edit(second, PAGE, lambda gold: gold["articles"][0].update(published="1999-01-01"))
    result = agreement(first, second)
    assert result["counts"]["gold"] == 10 and result["counts"]["found"] == 9
    assert result["counts"]["output"] == 9 and result["records_not_in_gold"] == 0
    assert result["date_exact"] == round(8 / 9, 4)
    assert result["article_f1"] == round(2 * 1.0 * 0.9 / 1.9, 4)


def test_pages_only_one_reader_annotated_are_left_out(tmp_path):
    first = _copy(tmp_path / "first")
    second = tmp_path / "second"
    second.mkdir()
    shutil.copy(first / f"{PAGE}.gold.json", second)
    assert agreement(first, second)["pages"] == 1


def test_untitled_stories_match_however_many_opening_words_each_reader_copied(tmp_path):
    """Readers copy an untitled story's opening words to different lengths; read from the
    page's text, the stories match both ways."""
    untitled = "ds_news_macaonews_community_listing_p127_2020"  # nine untitled summaries
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(REALWORLD / "tune" / f"{untitled}.gold.json", folder)
    shutil.copy(REALWORLD / "tune" / f"{untitled}.txt", first)

    def shorter(gold: dict) -> None:
        for article in gold["articles"]:
            article["body_first_words"] = " ".join(article["body_first_words"].split()[:4])

    _edit(second, untitled, shorter)
    assert agreement(first, second)["article_f1"] == 1.0
    assert agreement(second, first)["article_f1"] == 1.0
