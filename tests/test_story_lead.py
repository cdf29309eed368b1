"""dedup._lead cuts the lead from the text; it must equal the words-list reading it replaced."""

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend.dedup import LEAD_WORDS, _lead, normalise

WORD = st.text(alphabet="ab1é中", min_size=1, max_size=4)
KIND = st.sampled_from(["article", "teaser", "headline"])


def _lead_from_words() -> pl.Expr:
    words = pl.col("body_norm").str.split(" ")
    count = pl.when(pl.col("kind") == "teaser").then(words.list.len() - 1).otherwise(LEAD_WORDS)
    lead = words.list.head(pl.min_horizontal(count, LEAD_WORDS)).list.join(" ")
    return pl.when(pl.col("kind") == "headline").then(None).otherwise(lead)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(KIND, st.lists(WORD, max_size=2 * LEAD_WORDS + 2)), max_size=20))
def test_lead_equals_the_words_reading(rows):
    df = pl.DataFrame(
        [(kind, " ".join(words)) for kind, words in rows],
        schema={"kind": pl.String, "body_norm": pl.String},
        orient="row",
    )
    assert df.select(_lead()).equals(df.select(_lead_from_words()))


@settings(max_examples=200, deadline=None)
@given(KIND, st.text(max_size=200))
def test_lead_of_normalised_text(kind, text):
    df = pl.DataFrame({"kind": [kind], "body": [text]}).select(
        "kind", normalise("body").alias("body_norm")
    )
    assert df.select(_lead()).equals(df.select(_lead_from_words()))


def test_lead_examples():
    df = pl.DataFrame(
        {
            "kind": ["article", "teaser", "teaser", "headline", "article"],
            "body_norm": ["a b c", "a b c", " ".join("w" * i for i in range(1, 14)), "", ""],
        }
    )
    lead = df.select(_lead()).to_series().to_list()
    assert lead == ["a b c", "a b", " ".join("w" * i for i in range(1, 11)), None, ""]
