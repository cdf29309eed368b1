"""How the flow cuts the files of a run into batches for its workers."""

from math import ceil

from hypothesis import given
from hypothesis import strategies as st

from flows.clean import batch_count


def test_ten_thousand_files_make_six_batches_for_two_workers_not_five():
    assert batch_count(10_000, 2000, 2) == 6


@given(
    files=st.integers(0, 100_000),
    batch_size=st.integers(1, 10**5),
    workers=st.integers(1, 64),
)
def test_batches_stay_within_batch_size_and_fill_every_worker(files, batch_size, workers):
    """The flow gives batch n the files from files * n // count to files * (n + 1) // count."""
    count = batch_count(files, batch_size, workers)
    sizes = [files * (n + 1) // count - files * n // count for n in range(count)]
    assert sum(sizes) == files
    assert all(1 <= size <= batch_size for size in sizes)
    assert count % workers == 0 or count == files  # fewer files than workers: one each
    assert count < ceil(files / batch_size) + workers  # at most one more batch per worker
