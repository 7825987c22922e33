"""The first pairs of a run are scored in Python instead of importing rapidfuzz: every score must be exactly
rapidfuzz's, so a finding never depends on which of the two computed it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from newslint import similarity

NAMES = ["Zelensky", "Zelenskyy", "Peskov", "Peskoff", "Stoltenberg", "Stoltenebrg", "Kowalczyk", "Kowalczik",
         "Gaddafi", "Qaddafi", "Kadhafi", "", "a", "ab", "ba", "Erdoğan", "Erdogan", "Čech", "Cech"]
PARAGRAPHS = [
    "the council voted 7 2 on tuesday to close the library on elm street at the end of june",
    "the council voted 7 2 on tuesday to shut the library on elm street at the end of june",
    "the school board voted 5 0 on wednesday to keep the pool on oak avenue open all summer",
    "prices rose for a third month the statistics office said on friday",
    "",
]


@pytest.fixture(autouse=True)
def in_python(monkeypatch):
    """Score every pair in Python (as the first pairs of a run are)."""
    monkeypatch.setattr(similarity, "PYTHON_PAIRS", 10**9)
    monkeypatch.setattr(similarity, "_scored", 0)
    monkeypatch.setattr(similarity, "_rapidfuzz", lambda: False)


def test_paragraph_ratios_are_rapidfuzz_ratios():
    for a in PARAGRAPHS:
        for b in PARAGRAPHS:
            assert similarity.ratio(a, b) == fuzz.ratio(a, b), (a, b)


def test_name_distances_are_rapidfuzz_distances():
    for a in NAMES:
        for b in NAMES:
            assert similarity.osa_distance(a, b) == OSA.distance(a, b)
            for cutoff in (0, 1, 2):
                assert similarity.osa_distance(a, b, score_cutoff=cutoff) == OSA.distance(a, b, score_cutoff=cutoff)
            assert similarity.osa_normalized_similarity(a, b) == OSA.normalized_similarity(a, b)
            assert similarity.levenshtein_normalized_similarity(a, b) == Levenshtein.normalized_similarity(a, b)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcde zy\u00e9", max_size=40), st.text(alphabet="abcde zy\u00e9", max_size=40))
def test_random_text_scores_the_same(a, b):
    assert similarity.ratio(a, b) == fuzz.ratio(a, b)
    assert similarity.osa_distance(a, b) == OSA.distance(a, b)
    assert similarity.osa_normalized_similarity(a, b) == OSA.normalized_similarity(a, b)
    assert similarity.levenshtein_normalized_similarity(a, b) == Levenshtein.normalized_similarity(a, b)


def test_long_near_repeats_score_the_same():
    """Paragraph-length strings with a few words changed: the bit-parallel LCS over many machine words."""
    rng = random.Random(7)
    words = "the council said on tuesday that prices for fuel and food would rise again next year".split()
    for _ in range(50):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(30, 120)))
        b = a.split()
        for _ in range(rng.randint(0, 6)):
            b[rng.randrange(len(b))] = rng.choice(words)
        b = " ".join(b)
        assert similarity.ratio(a, b) == fuzz.ratio(a, b)


def test_rapidfuzz_takes_over_after_the_first_pairs(monkeypatch):
    monkeypatch.undo()
    monkeypatch.setattr(similarity, "_scored", 0)
    monkeypatch.setattr(similarity, "PYTHON_PAIRS", 2)
    monkeypatch.delitem(__import__("sys").modules, "rapidfuzz", raising=False)
    assert [similarity._rapidfuzz() for _ in range(3)] == [False, False, True]
