"""The compiled-data cache: hits, misses on change, opting out, and damage tolerance."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fixer import cache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FIXER_NO_CACHE", raising=False)
    return tmp_path / "cache" / "fixer"


def build_counter():
    calls = []

    def build() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    return build, calls


def test_second_load_is_a_hit_and_a_change_is_a_miss(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.tsv"
    source.write_text("a\n", encoding="utf-8")
    build, calls = build_counter()
    assert cache.cached("demo", [source], build, tuple) == (1, 2, 3)
    assert cache.cached("demo", [source], build, tuple) == (1, 2, 3)
    assert len(calls) == 1
    source.write_text("b\n", encoding="utf-8")
    cache.cached("demo", [source], build, tuple)
    assert len(calls) == 2
    assert all(p.suffix == ".json" for p in cache_home.iterdir())


def test_a_different_key_is_a_miss(cache_home: Path) -> None:
    """The key stands for data held in memory (the fuzzy index keys on the lexicon's entries)."""
    build, calls = build_counter()
    cache.cached("demo", [], build, tuple, key="one")
    cache.cached("demo", [], build, tuple, key="one")
    cache.cached("demo", [], build, tuple, key="two")
    assert len(calls) == 2


def two_lexicons(cache_home: Path) -> tuple[Path, Path]:
    """Two user lexicons, beside the cache, with one entry each: "zorb blax" → "fever" and
    "quux flarp" → "cough"."""
    lexicons = cache_home.parent.parent
    one, two = lexicons / "one.tsv", lexicons / "two.tsv"
    header = "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
    one.write_text(header + "SY9001\tzorb blax\tfever\tsymptom\terror\tsafe\t\tuser\tx\n")
    two.write_text(header + "SY9001\tquux flarp\tcough\tsymptom\terror\tsafe\t\tuser\tx\n")
    return one, two


def test_the_fuzzy_index_follows_the_lexicon(cache_home: Path) -> None:
    """Two lexicons of the same files' names but different entries never share an index."""
    from fixer import check_text

    one, two = two_lexicons(cache_home)
    for lexicon, text, found in ((one, "zorbblax", "fever"), (two, "quuxflarp", "cough")):
        (finding,) = check_text(text, lexicons=[lexicon], builtin=False, detectors=["fuzzy"])
        assert finding.suggestions == (found,)


def test_what_a_lexicon_documents_follows_its_entries(cache_home: Path) -> None:
    """Lexicons with different entries never share what they document of spinners."""
    from fixer.detectors.reversal import Documented
    from fixer.lexicon import load_lexicon
    from fixer.words import default_normalizer

    one, two = two_lexicons(cache_home)
    for lexicon, term, word in ((one, "fever", "zorb"), (two, "cough", "quux")):
        found = Documented.of(load_lexicon([lexicon]), default_normalizer())
        assert (found.terms, word in found.words) == ({term}, True)


def test_a_lexicon_documents_the_words_its_garbles_put_in(tmp_path: Path) -> None:
    """Of "problems dozing" for "problems sleeping", spinners put in "dozing", not "problems"."""
    from fixer.detectors.reversal import Documented
    from fixer.lexicon import load_lexicon
    from fixer.words import default_normalizer

    lexicon = tmp_path / "sleep.tsv"
    lexicon.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "SY9001\tproblems dozing\tproblems sleeping\tsymptom\terror\tsafe\t\tuser\t"
        "She has problems dozing.\n",
        encoding="utf-8",
    )
    found = Documented.of(load_lexicon([lexicon]), default_normalizer())
    assert (found.terms, found.words) == ({"problem sleep"}, {"doze"})


def test_cache_can_be_turned_off(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIXER_NO_CACHE", "1")
    build, calls = build_counter()
    cache.cached("demo", [], build, tuple)
    cache.cached("demo", [], build, tuple)
    assert len(calls) == 2
    assert not cache_home.exists(), "nothing is written"


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "",
        "{}",  # valid JSON of the wrong shape: a ``dict`` restore would take it for data
        "[1, 2]",
        '{"digest": "another", "value": [1, 2]}',
        '{"digest": "DIGEST"}',
        '{"digest": "DIGEST", "value": {"rows": 1}}',  # the right file, its value damaged
    ],
)
def test_damaged_cache_file_is_rebuilt(cache_home: Path, damage: str) -> None:
    build, calls = build_counter()

    def restore(value: list[int]) -> tuple[int, ...]:
        return tuple(number + 0 for number in value)

    assert cache.cached("demo", [], build, restore) == (1, 2, 3)
    (entry,) = cache_home.iterdir()
    digest = json.loads(entry.read_text(encoding="utf-8"))["digest"]
    entry.write_text(damage.replace("DIGEST", digest), encoding="utf-8")
    assert cache.cached("demo", [], build, restore) == (1, 2, 3)
    assert len(calls) == 2
    assert json.loads(entry.read_text(encoding="utf-8"))["value"] == [1, 2, 3]
    assert cache.cached("demo", [], build, restore) == (1, 2, 3)
    assert len(calls) == 2, "the rebuilt file is a hit again"


def test_every_artifact_is_rebuilt_from_a_damaged_cache(cache_home: Path, tmp_path: Path) -> None:
    """What QA did: ``echo '{}' >`` each cache file. Each run is a fresh process, since a
    process keeps what it loaded."""
    page = tmp_path / "page.md"
    page.write_text("White platelets fill the focal sensory system (CNS).\n", encoding="utf-8")

    def check() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "fixer", "check", "--format", "concise", str(page)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    first = check()
    assert first.returncode == 1 and first.stderr == ""
    assert len(list(cache_home.iterdir())) >= 5
    for entry in cache_home.iterdir():
        entry.write_text("{}\n", encoding="utf-8")
    again = check()
    assert (again.returncode, again.stdout, again.stderr) == (1, first.stdout, "")


def test_unwritable_cache_directory_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    monkeypatch.delenv("FIXER_NO_CACHE", raising=False)
    build, _ = build_counter()
    assert cache.cached("demo", [], build, tuple) == (1, 2, 3)
    assert os.listdir(tmp_path) == ["file"]


def test_bulk_loading_pauses_the_collector_and_restores_it() -> None:
    import gc

    assert gc.isenabled()
    with cache.bulk_loading():
        assert not gc.isenabled()
        with cache.bulk_loading():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner use leaves the collector to the outermost"
    assert gc.isenabled()
    gc.disable()
    try:
        with cache.bulk_loading():
            pass
        assert not gc.isenabled(), "a collector that was off stays off"
    finally:
        gc.enable()


def test_each_artifact_keeps_only_its_most_recently_used_files(cache_home: Path) -> None:
    """Every lexicon edit or upgrade writes a new file; the oldest beyond the limit go, the one
    just read counts as recent, and other artifacts (even one whose name starts alike) stay."""
    build, calls = build_counter()
    cache.cached("demo-other", [], build, tuple)
    for key in range(cache.KEEP_PER_ARTIFACT):
        cache.cached("demo", [], build, tuple, key=str(key))
    stale = sorted(cache_home.glob("demo-*.json"), key=lambda p: p.stat().st_mtime)
    for age, path in enumerate(stale):
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # written in the order of the keys
    cache.cached("demo", [], build, tuple, key="0")  # the oldest, used again
    cache.cached("demo", [], build, tuple, key="new")
    assert len(calls) == cache.KEEP_PER_ARTIFACT + 2
    names = {p.name for p in cache_home.glob("demo-*.json")}
    assert len(names) == cache.KEEP_PER_ARTIFACT + 1  # the limit, and demo-other
    cache.cached("demo", [], build, tuple, key="0")
    cache.cached("demo-other", [], build, tuple)
    assert len(calls) == cache.KEEP_PER_ARTIFACT + 2  # both still hits
    cache.cached("demo", [], build, tuple, key="1")
    assert len(calls) == cache.KEEP_PER_ARTIFACT + 3  # the least recently used was deleted
