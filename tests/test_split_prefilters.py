"""The fast paths of split and extract against what they skip: a text a gate turns away must
be one the full rule finds nothing in."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmend import dates

# Date-like text without a digit: month names, weekdays, separators, Chinese date marks.
NO_DIGIT_PIECES = st.sampled_from(
    [*dates.MONTHS, "MARCH", "Monday", " ", ", ", "-", "/", ".", "年", "月", "日", "号", "st",
     "th", "AM", "pm", ":", "Updated", "x", "〇", "二"]
)  # fmt: skip


def test_every_date_form_writes_its_day_in_digits():
    """What dates.DIGIT's gate rests on: a date's day, which every form has, is digits."""
    for form in dates.FORMATS:
        assert re.search(r"\(\?P<day>\\d\{1,2\}\)", form["pattern"]), form["pattern"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(NO_DIGIT_PIECES, max_size=10).map("".join) | st.text(max_size=30))
def test_a_text_without_a_digit_holds_no_date(text):
    if dates.DIGIT.search(text) is None:
        assert all(dates._to_date(m, 2000) is None for m in dates.DATE.finditer(text))
        assert dates.DATE.fullmatch(text.strip()) is None
