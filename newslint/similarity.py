"""Edit-distance scores: rapidfuzz's, computed here in Python until a run has enough pairs to score.

rapidfuzz's C++ is the right tool for a corpus, but importing it costs a one-draft run (the pre-commit
case) a fifth of its time, and a draft has a handful of pairs to score. So the first pairs of a run are
scored here, with rapidfuzz's own formulas and arithmetic, and rapidfuzz takes over after that: a score
never depends on which of the two computed it (tests/test_performance_similarity.py compares them).
"""

from __future__ import annotations

import functools
import importlib
import sys

# Pairs scored in Python before rapidfuzz is imported: about what its import costs.
PYTHON_PAIRS = 32
_scored = 0


def _rapidfuzz() -> bool:
    """Should rapidfuzz score this pair? Yes once it is imported, or once this run has scored enough pairs."""
    global _scored
    _scored += 1
    return _scored > PYTHON_PAIRS or "rapidfuzz" in sys.modules


@functools.cache
def _rapidfuzz_module(name: str):
    """`rapidfuzz.fuzz` or `rapidfuzz.distance`, imported on the first score it takes over and kept: a `from`
    import in a scoring function goes through the import machinery (a package's fromlist is handled in
    Python) on every pair, costing twice what rapidfuzz takes to score one."""
    return importlib.import_module(f"rapidfuzz.{name}")


def ratio(a: str, b: str) -> float:
    """`rapidfuzz.fuzz.ratio`: the Indel similarity of two strings, 0 to 100."""
    if _rapidfuzz():
        return _rapidfuzz_module("fuzz").ratio(a, b)
    total = len(a) + len(b)
    if not total:
        return 100.0
    return (1.0 - (total - 2 * _lcs_length(a, b)) / total) * 100


def _lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence, one machine word per character of `b` (bit-parallel, as
    Crochemore et al. 2001): bit i of `row` is 0 where a[:i+1] has gained a match."""
    masks: dict[str, int] = {}
    for position, char in enumerate(a):
        masks[char] = masks.get(char, 0) | 1 << position
    full = (1 << len(a)) - 1
    row = full
    for char in b:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(a) - row.bit_count()


def osa_distance(a: str, b: str, score_cutoff: int | None = None) -> int:
    """`rapidfuzz.distance.OSA.distance`: edits (insert, delete, replace, swap two neighbours) from a to b;
    above `score_cutoff`, `score_cutoff + 1`."""
    if _rapidfuzz():
        return _rapidfuzz_module("distance").OSA.distance(a, b, score_cutoff=score_cutoff)
    distance = _osa(a, b)
    return distance if score_cutoff is None or distance <= score_cutoff else score_cutoff + 1


def osa_normalized_similarity(a: str, b: str) -> float:
    """`rapidfuzz.distance.OSA.normalized_similarity`: 1 minus the edits over the longer length."""
    if _rapidfuzz():
        return _rapidfuzz_module("distance").OSA.normalized_similarity(a, b)
    return _normalized_similarity(_osa(a, b), max(len(a), len(b)))


def levenshtein_normalized_similarity(a: str, b: str) -> float:
    """`rapidfuzz.distance.Levenshtein.normalized_similarity`: 1 minus the edits over the longer length."""
    if _rapidfuzz():
        return _rapidfuzz_module("distance").Levenshtein.normalized_similarity(a, b)
    return _normalized_similarity(_osa(a, b, swaps=False), max(len(a), len(b)))


def _normalized_similarity(distance: int, longest: int) -> float:
    return 1.0 - (distance / longest if longest else 0.0)


def _osa(a: str, b: str, swaps: bool = True) -> int:
    """Edit distance by the textbook table (names are short); with `swaps`, two neighbours swapped is one
    edit (optimal string alignment)."""
    before, previous = None, list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if swaps and i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other and char != other:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]
