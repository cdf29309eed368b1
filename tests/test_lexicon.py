"""The glossary's lexicon file: it answers as jieba, pypinyin and CC-CEDICT do, and it is
built once per package versions, whole or not at all, by one process at a time."""

import csv
import random
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from newsmend import lexicon as lexicon_module
from newsmend.lexicon import lexicon, lexicon_path

NAME_TABLE = Path(__file__).parent / "fixtures" / "place_names.tsv"


def _samples() -> list[str]:
    """Names of the table, CC-CEDICT words alone and run together with units, random
    characters, and spans mixing Latin letters, digits and punctuation."""
    rng = random.Random(18)
    with NAME_TABLE.open(encoding="utf-8") as rows:
        names = [row[0] for row in csv.reader(rows, delimiter="\t")][1:]
    words = [
        row[0]
        for row in sqlite3.connect(f"{lexicon_path().as_uri()}?mode=ro", uri=True).execute(
            "SELECT key FROM cedict ORDER BY key LIMIT 2000 OFFSET 30000"
        )
    ]
    units = ["县", "市", "区", "镇", "乡", "村", "旗", "街道", "自治县", "人民政府", ""]
    joined = ["".join(rng.sample(words, rng.randint(1, 3))) + rng.choice(units) for _ in range(800)]
    random_chars = [
        "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 9)))
        for _ in range(800)
    ]
    mixed = [
        "A股市场",
        "2016年9月北京",
        "责任编辑：李娜",
        "记者 张伟",
        "约翰·史密斯",
        "Wi-Fi热点",
        "〇七",
    ]
    return names + words + joined + random_chars + mixed


@pytest.fixture(scope="module")
def samples() -> list[str]:
    lexicon()  # builds the file if this machine has none yet
    return _samples()


def test_segmentation_is_jiebas(samples):
    import jieba

    different = [s for s in samples if lexicon().segment(s) != jieba.lcut(s)]
    assert different == []


def test_pinyin_is_pypinyins(samples):
    from pypinyin import lazy_pinyin

    different = [s for s in samples if lexicon().pinyin(s) != lazy_pinyin(s, v_to_u=True)]
    assert different == []


def test_words_are_cc_cedicts():
    word = lexicon().word
    assert word("炉霍").proper and word("炉霍").name == "Luhuo"
    assert word("托克托").name == "Togtoh"  # the English name its definition starts with
    assert not word("城市").proper and word("城市").sense == "city"
    assert word("没有这个词语") is None


def test_a_new_package_version_gets_a_file_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    before = lexicon_path()
    assert before.parent == tmp_path / "newsmend"
    real = lexicon_module.version
    monkeypatch.setattr(lexicon_module, "version", lambda p: "9.9" if p == "pypinyin" else real(p))
    assert lexicon_path() != before and lexicon_path().parent == before.parent


def _fake_fill(calls: list, fail: bool = False):
    def fill(db: sqlite3.Connection) -> None:
        calls.append(threading.get_ident())
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        time.sleep(0.3)  # long enough for the other builders to be waiting
        if fail:
            raise RuntimeError("disk full")

    return fill


def test_concurrent_builders_build_the_file_once_and_atomically(tmp_path, monkeypatch):
    """Threads stand in for processes: flock locks open files, not processes."""
    calls: list = []
    monkeypatch.setattr(lexicon_module, "_fill", _fake_fill(calls))
    path = tmp_path / "cache" / "glossary-lexicon-test.sqlite"
    builders = [
        threading.Thread(target=lexicon_module._ensure_built, args=(path,)) for _ in range(4)
    ]
    for builder in builders:
        builder.start()
    for builder in builders:
        builder.join()
    assert len(calls) == 1
    assert sqlite3.connect(path).execute("SELECT count(*) FROM meta").fetchone() == (0,)
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, f"{path.stem}.lock"])


def test_a_failed_build_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_module, "_fill", _fake_fill([], fail=True))
    path = tmp_path / "glossary-lexicon-test.sqlite"
    with pytest.raises(RuntimeError, match="disk full"):
        lexicon_module._ensure_built(path)
    assert [p.name for p in tmp_path.iterdir()] == [f"{path.stem}.lock"]
