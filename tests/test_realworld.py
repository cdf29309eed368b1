"""The real pages of tests/fixtures/realworld through the real pipeline (split, extract,
repair, GX, Parquet): the tuning set keeps its figures, and on every page no furniture is
put out as a record. The held-back set is scored by `tests/realworld.py --set heldout`, not
gated here: it measures whether a change generalises, it is no target to tune against."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from realworld import changed_pages, golds, main, own_figures, page_misses, pages, run_pipeline

from newsmend.furniture import furniture_kind

# Floors the tuning set holds today, so that no change loses what was won. The issue's
# targets are for the held-back pages (F1 0.95, titles 0.90, dates 0.95, credits 0.90);
# README, "Real pages", says where those stand. The tuning set grows with each fresh batch
# (the r_ and s_ batches brought listings whose titles the store lost and reposts in other
# languages; ba_ a listing whose teasers the reader dates by the event dates of their
# snippets, as the shared corpus dates a teaser, where this corpus's gold does not; bz_ and
# ca_ digests of briefs, dated by the page in their gold, not by the reader; cb_ and cc_
# credits in captions and reposts' bylines), so the floors are today's figures less a
# little. An untitled gold article is matched by its body's opening words since 32c1a5b,
# which found fewer; cl_ and cm_, added after the session's last rule, took tune F1 to 0.937;
# cq_, cr_ and cs_ (county portals, spam copies of machine translations, photo pages) took
# titles to 0.984 and dates to 0.967; cw_, cx_ and cy_ (listings of untitled summaries among
# them) took F1 to 0.928; rounds 11 and 12 (dr_ to dw_, 61 tuning pages) to 0.913 at
# the start of session 24 (938 pages: one more hung that code), 0.920 at its end; rounds 13
# to 15 (dx_ to ef_, 90 tuning pages read at 0.58 to 0.83 before tuning) to 0.913, credits
# to 0.970, in session 25 (those 939 pages: 0.925 at its end); round 24 (fe_ to fg_, 30 tuning
# pages, ff_ and fg_ read at 0.68 and 0.59) took titles to 0.9799 in session 27; rounds 26
# and 27 (fk_ to fp_, 60 tuning pages) took F1 to 0.902 at the start of session 28, 0.914 at
# its end; round 28 (fq_ to fs_, 30 tuning pages: reporters' listing pages whose stories name
# no one of their own) took credits to 0.964 and titles to 0.975. bounds_exact, measured
# since session 30, stood at 0.851. Session 32's 240 fresh tuning pages (gs_ to hp_, read at
# 0.59 to 1.0 before tuning) took F1 to 0.909, credits to 0.950 and bounds to 0.837 at its
# start's code; its end's reads them at 0.915, 0.954 and 0.840. Session 33's 200 (hq_ to
# ij_) took F1 to 0.907, titles to 0.975, dates to 0.958 and bounds to 0.834 at its start's
# code; its end's reads them at 0.911, 0.975, 0.963, credits 0.951 and bounds 0.836.
# Session 34's 260 (io_ to jn_) took F1 to 0.903, dates to 0.957 and credits to 0.949 at its
# start's code; its end's reads them at 0.906, titles 0.976, dates 0.958, credits 0.950 and
# bounds 0.836. Session 35's 345 (jo_ to kk_; 230 tuning) took F1 to 0.897 and bounds to
# 0.830 at its start's code; its end's reads them at 0.898, titles 0.977, dates 0.958,
# credits 0.951 and bounds 0.835. Session 36's 268 (kl_ to lc_; 179 tuning) took F1 to 0.892,
# titles to 0.976 and credits to 0.948 at its start's code; its end's reads them at 0.892,
# titles 0.975, dates 0.959, credits 0.950 and bounds 0.836. Session 37's 117 (ld_ to lk_;
# 80 tuning) took F1 to 0.890 at its start's code; its end's reads them at 0.893, titles
# 0.975, dates 0.960, credits 0.951 and bounds 0.837. Session 38's 177 (ll_ to lw_; 119
# tuning) took F1 to 0.892, titles to 0.974 and credits to 0.951 at its start's code; its
# end's reads them at 0.893, titles 0.974, dates 0.959, credits 0.950 and bounds 0.836.
# Session 39's 172 (lx_ to mi_; 118 tuning) took F1 to 0.888 and bounds to 0.834 at its
# start's code; its end's reads them at 0.890, titles 0.974, dates 0.959, credits 0.951 and
# bounds 0.834. Session 40's 174 (mj_ to mu_; 116 tuning) took F1 to 0.887, credits to 0.948 and
# bounds to 0.833 at its start's code; its end's reads them at 0.8875, titles 0.973, dates
# 0.959, credits 0.948 and bounds 0.8327 (four stories more found, one more bounded).
# Session 41's 238 (mv_ to nk_; 159 tuning) took F1 to 0.885, titles to 0.972 and bounds to
# 0.830 at its start's code; its end's reads them at 0.8878, titles 0.9725, dates 0.9605,
# credits 0.9471 and bounds 0.8281 (15 stories more found; the ratios are over them).
# Session 42's 58 (nl_ to no_; 39 tuning) took F1 to 0.8868, titles to 0.9719, dates to
# 0.9595, credits to 0.9467 and bounds to 0.8280 at its start's code; its end's reads them at
# 0.8872, titles 0.9720, dates 0.9595, credits 0.9467 and bounds 0.8281.
# Session 43's 58 (np_ to ns_; 40 tuning) took F1 to 0.8864 and bounds to 0.8275 at its
# start's code (titles 0.9722, dates 0.9598, credits 0.9469); its end's reads them at 0.8867,
# titles 0.9723, dates 0.9598, credits 0.9469 and bounds 0.8276. Session 44's 58 (nt_ to
# nw_; 39 tuning) took bounds to 0.8266 at its start's code (F1 0.8869, titles 0.9715, dates
# 0.9603, credits 0.9466); its next 60 (nx_ to oa_; 40 tuning) read at 0.8877, titles 0.9714,
# dates 0.9608, credits 0.9468 and bounds 0.8279 there. Session 45's 51 (ob_ to oe_; 34
# tuning) read at 0.8873, titles 0.9711, dates 0.9608, credits 0.9460 and bounds 0.8272 at
# its start's code; its next 59 (of_ to oi_; 40 tuning) took credits to 0.9455 there (F1
# 0.8869, titles 0.9712, dates 0.9609, bounds 0.8264). Session 46's 115 (oj_ to oq_; 79
# tuning) read at 0.8862, titles 0.9715, dates 0.9610, credits 0.9450 and bounds 0.8253 at its
# start's code; its end's reads them at 0.8862, titles 0.9715, dates 0.9610, credits 0.9460
# and bounds 0.8268. Session 47's 59 (or_ to ou_; 40 tuning) read at 0.8863, titles 0.9711,
# dates 0.9609, credits 0.9457 and bounds 0.8267 at its start's code; its next 57 (ov_ to oy_;
# 39 tuning) took F1 to 0.8859 there (titles 0.9710, dates 0.9610, credits 0.9456, bounds
# 0.8261); its end's reads them at 0.8876, titles 0.9711, dates 0.9612, credits 0.9458 and
# bounds 0.8280. Session 48's 119 (oz_ to pg_; 80 tuning) read at 0.8870, titles 0.9710,
# dates 0.9610, credits 0.9450 and bounds 0.8271 at its start's code; its end's reads them
# at 0.8873, titles 0.9710, dates 0.9610, credits 0.9450 and bounds 0.8332. Session 49's 179
# (ph_ to ps_; 120 tuning) read at 0.8856, titles 0.9711, dates 0.9604, credits 0.9448 and
# bounds 0.8326 at its start's code; its end's reads them at 0.8870, titles 0.9711, dates
# 0.9607, credits 0.9451 and bounds 0.8334. Session 50's 238 (pt_ to qi_; 160 tuning) read
# at 0.8861, titles 0.9708, dates 0.9611, credits 0.9443 and bounds 0.8331 at its start's
# code; its end's reads them at 0.8890, titles 0.9708, dates 0.9610, credits 0.9443 and
# bounds 0.8339. Session 51's 206 (qj_ to qw_; 139 tuning) read at 0.8873, titles 0.9715,
# dates 0.9612, credits 0.9437 and bounds 0.8338 at its start's code; its end's reads them at
# 0.8897, titles 0.9715, dates 0.9613, credits 0.9444 and bounds 0.8346. Session 52's 128
# (qx_ to rf_; 87 tuning) read at 0.8881, titles 0.9713, dates 0.9612, credits 0.9439 and
# bounds 0.8342 at its start's code; its end's reads them at 0.8943, titles 0.9716, dates
# 0.9619, credits 0.9438 and bounds 0.8367.
FLOORS = {
    "article_f1": 0.894,
    "title_exact": 0.970,
    "date_exact": 0.960,
    "credits_exact": 0.943,
    "bounds_exact": 0.836,
}


@pytest.fixture(scope="module")
def every_page(tmp_path_factory) -> Path:
    """One batch over every page, tuning and held back: each test reads the set it asks of."""
    out = tmp_path_factory.mktemp("realworld-all")
    (out / "result.json").write_text(json.dumps(run_pipeline(pages("all"), out).furniture))
    return out


@pytest.fixture(scope="module")
def tune_figures(every_page: Path) -> dict:
    figures, _per_page = own_figures(every_page, golds("tune"))
    return figures


def test_there_are_sixty_real_pages_a_part_held_back() -> None:
    tune, heldout = len(pages("tune")), len(pages("heldout"))
    assert tune + heldout >= 60
    assert heldout * 3 >= tune + heldout  # a third held back
    for page in pages("all"):
        source = json.loads(page.with_suffix(".source.json").read_text(encoding="utf-8"))
        assert source["url"].startswith("http"), page.name


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_tuning_set_keeps_its_figures(tune_figures: dict, figure: str) -> None:
    assert tune_figures[figure] >= FLOORS[figure], tune_figures


def test_no_record_is_page_furniture(every_page: Path) -> None:
    titles = [
        *pl.read_parquet(every_page / "articles").get_column("title_raw").to_list(),
        *pl.read_parquet(every_page / "headlines").get_column("title_raw").to_list(),
    ]
    quarantine = pl.read_parquet(every_page / "quarantine")
    titles += [json.loads(r).get("title_raw") for r in quarantine["record"]]
    furniture = [(t, furniture_kind(t)) for t in titles if t and furniture_kind(t)]
    assert furniture == []


def test_only_checks_the_gold_expects_quarantine_real_articles(tune_figures: dict) -> None:
    """Missing credits, and a headline the stored page does not hold: nothing else; and no
    text, where the store lost the story's (its gold gives it no words) or on a page that
    holds only other stories' titles (its record has none)."""
    articles = [article for gold in golds("tune") for article in gold["articles"]]
    expected = {check for article in articles for check in article.get("expect_fail", [])}
    assert expected <= {"credits_present", "title_not_empty", "body_not_empty"}
    assert all(
        not article["body_first_words"]
        for article in articles
        if "body_not_empty" in article.get("expect_fail", [])
    )
    if any(not gold["articles"] for gold in golds("tune")):
        expected.add("body_not_empty")
    assert set(tune_figures["quarantined_by_check"]) <= expected, tune_figures


def test_the_batch_counts_the_furniture_it_dropped_per_kind(every_page: Path) -> None:
    counted = json.loads((every_page / "result.json").read_text())
    assert {"breadcrumb", "footer", "caption", "share_bar", "navigation"} <= set(counted)
    assert all(count > 0 for count in counted.values())


def test_the_pages_a_change_moved_are_listed_by_their_counts() -> None:
    before = {"a.txt": {"found": 1, "output": 2}, "b.txt": {"found": 3, "output": 3}}
    after = {"a.txt": {"found": 2, "output": 2}, "b.txt": {"found": 3, "output": 3}}
    assert changed_pages(before, after) == ["a.txt: found 1 -> 2"]
    assert changed_pages(before, before) == []


def test_a_story_not_found_says_where_its_text_went_and_a_stray_record_its_words() -> None:
    lead = "Ningbo pledged measures to ease traffic congestion by 2020."
    gold = {
        "articles": [
            {"title": "Festival opened", "body_first_words": "On the morning of November 2"},
            {"title": "Ningbo to build top transit system", "body_first_words": lead},
        ]
    }
    mine = [
        {"kind": "article", "title": "Festival opened", "body": "On the morning of November 2."},
        {"kind": "teaser", "title": "Search", "body": "Type to search the site"},
        {"kind": "article", "title": "Festival opened", "body": f"More news. {lead}"},
    ]
    missed = "missed (several stories, titled, inside another record): "
    assert page_misses(gold, mine) == [
        f"{missed}'Ningbo to build top transit system' -> 'Festival opened'",
        "not in gold (teaser): 'Search' | 'Type to search the site'",
        "not in gold (article): 'Festival opened' | " + repr(f"More news. {lead}"[:60]),
    ]


@pytest.mark.parametrize("listing", ["--verbose", "--misses"])
def test_the_held_back_pages_misses_are_never_listed(monkeypatch, capsys, listing: str) -> None:
    """What is never read while tuning is not shown either: --verbose and --misses are
    refused for any set holding held-back pages, before anything runs."""
    monkeypatch.setattr("sys.argv", ["realworld.py", "--set", "heldout", listing])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    assert "held-back" in capsys.readouterr().err
