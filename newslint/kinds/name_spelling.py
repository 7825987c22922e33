"""When two spellings of a name part are the same name: a guarded fuzzy test on their keys (`name_keys`).

`are_variants` adds to the shared key of `name_keys.skeleton` a vowel-blind test and one edit, guarded so
that inflections (Korea, Korean) and close but different names (Austria, Australia) stay apart; the
other tests weigh what else vouches for a respelling.
"""

from __future__ import annotations

from functools import lru_cache

from newslint import similarity
from newslint.kinds.name_endings import is_derived, is_english_derivation, is_inflection, stem
from newslint.kinds.name_keys import consonants, loose, plain
from newslint.regexcache import compiled

# Below this length a one-letter difference is usually another name: Iran/Iraq, Rice/Rose.
MIN_LENGTH = 5
MIN_CONSONANTS = 3
# From this length two edits still leave most of a name standing: Stoltenberg/Stoltenburgh.
LONG_NAME = 8


def may_be_variants(a: str, b: str, endings: bool = True) -> bool:
    """Cheap test on two skeletons: could one edit or a vowel change separate them? With `endings`, a
    difference in the last letter that inflects (a vowel, s, n) makes another word, not a respelling."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_LENGTH or a[0] != b[0]:
        return False  # Iran/Iraq, Rice/Rose: too short to tell a respelling from another name
    if endings and is_inflection(a, b):
        return False
    return abs(len(a) - len(b)) <= (2 if min(len(a), len(b)) >= LONG_NAME else 1) or consonants(a) == consonants(b)


@lru_cache(maxsize=65536)
def are_variants(a: str, b: str, endings: bool = True) -> bool:
    """Are skeletons `a` and `b` spellings of one name part? Equal keys always are; otherwise the names
    must be long enough to tell apart, start alike, and differ by vowels only or by one edit."""
    if not may_be_variants(a, b, endings):
        return False
    if a == b:
        return True
    if len(consonants(a)) >= MIN_CONSONANTS and consonants(a) == consonants(b):
        return True
    # Optimal string alignment: two letters swapped (Kasier, Napoelon) is one slip of the keyboard, not two.
    edits = 2 if min(len(a), len(b)) >= LONG_NAME else 1
    return similarity.osa_distance(a, b, score_cutoff=edits) <= edits


def is_loose_match(a: str, b: str, shortest: int = 1) -> bool:
    """Do two skeletons agree, in a fold at least `shortest` letters long, once the looser folds are applied
    (Chaim and Haim, Gonzalez and Gonzales)?"""
    return a == b or any(len(fold) >= shortest for fold in set(loose(a)) & set(loose(b)))


@lru_cache(maxsize=65536)
def likeness(a: str, b: str) -> float:
    """How alike two skeletons are, from 0 to 1: the best edit similarity (a swap of two letters is one edit)
    of the keys or their looser folds."""
    # Each distinct pair scored once: most names have no "h" to read two ways, so their three folds are one.
    return max(similarity.osa_normalized_similarity(x, y) for x, y in {(a, b), *zip(loose(a), loose(b))})


# How alike a respelt part must be (Levenshtein similarity of the keys or their looser folds), by what else
# vouches for it. ANCHORED: the other part of the full name is spelt the same (Youssef Haddach, Youssef
# Haddas). BOTH: both parts are respelt (Sergei Kovalenko, Serhiy Kovalenka). BARE: a last name with nothing
# beside it, the riskiest (Austria, Australia).
MIN_LOOSE = 4
# Names shorter than six letters leave less standing after each edit.
SHORT_LIKENESS = 0.8
ANCHORED, BOTH, BARE = "anchored", "both", "bare"
_THRESHOLDS = {ANCHORED: (4, 0.7), BOTH: (4, 0.75), BARE: (6, 0.88)}


@lru_cache(maxsize=65536)
def is_respelling(a: str, b: str, evidence: str) -> bool:
    """Are skeletons `a` and `b` one name part written two ways, given what else vouches for it?"""
    if evidence != BARE and are_variants(a, b):
        return True
    if evidence == BARE and (swaps_e_and_i(a, b) or swaps_first_o_and_u(a, b)):
        return True
    shortest, threshold = _THRESHOLDS[evidence]
    if min(len(a), len(b)) < shortest:
        return False
    if is_english_derivation(a, b) if evidence == ANCHORED else is_derived(a, b):
        return False
    if len(a) < 6 or len(b) < 6:
        threshold = max(threshold, SHORT_LIKENESS)  # Paris and Paribas after the same "Banque"
    return is_loose_match(a, b) or likeness(a, b) >= threshold or is_transposed(a, b) or drops_a_letter(a, b)


MIN_SWAPPED_VOWEL, LONG_SWAPPED_VOWEL = 5, 7
# The one length at which a bare name's first vowel may change as Arabic's does (Morsi, Mursi; Erbil, Irbil):
# shorter, the name has too little else to vouch for it; longer, English and Dutch names differ so (Irving, Erving).
SHORT_ARABIC_NAME = 5


def swaps_e_and_i(a: str, b: str) -> bool:
    """Is one skeleton the other with an e for an i (`_swapped_vowel`)? Arabic has one vowel that
    romanisations write e or i, so a bare name from Arabic is written both ways. Only where English names
    seldom differ so: in a name of seven letters or more (Hezbollah, Hizbollah) or beside another vowel
    (al-Qaeda, al-Qaida), or opening a five-letter name before two consonants, as the Arabic kasra does
    (Erbil, Irbil). A shorter name differs by an e and an i in its first syllable (Lester, Lister;
    Nelson, Nilson) and in its ending (Austen, Austin; Samer, Samir, two Arabic names). The o and u of Arabic
    are `swaps_first_o_and_u`'s."""
    at = _swapped_vowel(a, b, ({"e", "i"},))
    if at is None:
        return False
    if at == 0 and opens_closed_syllable(a):
        return True  # the kasra opening a short name's closed syllable: Erbil, Irbil; Idlib, Edlib (not Irving, Erving)
    return len(a) >= LONG_SWAPPED_VOWEL or any(c in "aeiou" for c in a[at - 1 : at] + a[at + 1 : at + 2])


def opens_closed_syllable(key: str) -> bool:
    """Is a skeleton five letters long, its opening vowel before two consonants (Erbil, Idlib)?"""
    return len(key) == SHORT_ARABIC_NAME and all(c not in "aeiou" for c in key[1:3])


def swaps_first_o_and_u(a: str, b: str) -> bool:
    """Is one skeleton of five letters the other with an o for a u in its first vowel, after the consonants it
    opens with (`_swapped_vowel`)? Arabic writes its u so in the first syllable of a short name (Morsi, Mursi;
    Mosul, Musul). English names that differ by an o and a u differ past it (Colombia, Columbia), and in a
    longer key the u is as often the Dutch oe of another family's name (Poelman, Polman). Nor in a name with
    three consonants together, which Arabic never writes: English and German names close a syllable so
    (Hurst, Horst; Holst, Hulst), and those are two families."""
    if len(a) != SHORT_ARABIC_NAME or len(b) != SHORT_ARABIC_NAME:
        return False  # nearly every pair of names
    at = _swapped_vowel(a, b, ({"o", "u"},))
    return at is not None and at > 0 and all(c not in "aeiou" for c in a[:at]) and not _stacks_three_consonants(a)


_THREE_CONSONANTS = compiled(r"[^aeiou]{3}")


def _stacks_three_consonants(key: str) -> bool:
    """Three consonants together in a skeleton, sh and ch counted once: one letter each in Arabic script (Rushd)."""
    return _THREE_CONSONANTS.search(key.replace("sh", "s").replace("ch", "c")) is not None


def swaps_arabic_vowel(a: str, b: str, shortest: int = MIN_SWAPPED_VOWEL) -> bool:
    """Is one skeleton the other with an e for an i, or an o for a u (`_swapped_vowel`)? Arabic has one vowel
    that romanisations write e or i, and one they write o or u (El Fasher, al-Fashir): asked only of names
    that both carry the Arabic article, since English names differ so (Lester, Lister; Colombia, Columbia)."""
    return _swapped_vowel(a, b, ({"e", "i"}, {"o", "u"}), shortest) is not None


_ANY_VOWELS = tuple({x, y} for i, x in enumerate("aeiou") for y in "aeiou"[i + 1 :])


def swaps_a_vowel(a: str, b: str, shortest: int) -> bool:
    """Is one name part the other with one vowel written for another inside it, not as its last letter
    (`_swapped_vowel`), in a name of `shortest` letters or more?"""
    return _swapped_vowel(a, b, _ANY_VOWELS, shortest) is not None


def _swapped_vowel(a: str, b: str, pairs: tuple[set[str], ...], shortest: int = MIN_SWAPPED_VOWEL) -> int | None:
    """Where one skeleton has one of `pairs`' vowels for the other, the only letter they differ by, in a name
    of `shortest` letters or more (five unless told) and not as its last letter (Marie, Marii: it inflects);
    None elsewhere."""
    if len(a) != len(b) or len(a) < shortest:
        return None
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diffs) != 1 or diffs[0] == len(a) - 1 or {a[diffs[0]], b[diffs[0]]} not in pairs:
        return None
    return diffs[0]


MIN_TRANSPOSED = 7


def is_transposed(a: str, b: str) -> bool:
    """Two neighbouring letters swapped inside a name of seven letters or more (Slutsky, Slutksy): a slip of
    the keyboard, where one changed letter would as often be another name (Colombia, Columbia). Not the
    last two letters, which make other names (Martina, Martian)."""
    if len(a) != len(b) or len(a) < MIN_TRANSPOSED:
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return (len(diffs) == 2 and diffs[1] == diffs[0] + 1 < len(a) - 1
            and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])


MIN_DROPPED, LONG_DROPPED = 7, 8


def drops_a_letter(a: str, b: str) -> bool:
    """Is one skeleton the other with one letter left out (Fergson for Ferguson, Dustan for Dunstan)? A slip
    of the keyboard, where one changed letter as often makes another name (Petersen, Columbia). The longer
    must have eight letters, or seven with a consonant left out: a vowel dropped beside another changes the
    sound, and two families spell their names so (Poelman, Polman); shorter names lose a letter into another
    name as often (Simon, Simson). At seven a few two-name pairs still join (Thomson, Thompson), fewer than
    the typos found."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(long) < MIN_DROPPED:
        return False
    if similarity.osa_distance(short, long, score_cutoff=1) > 1:
        return False
    dropped = next((x for x, y in zip(long, short) if x != y), long[-1])
    return len(long) >= LONG_DROPPED or dropped not in "aeiouy"


# An ending taken off a shorter name leaves too little to compare: Lena, without its -a, is three of Leon's
# four letters, and Lena and Leon are a sister and a brother.
MIN_STEM = 4


@lru_cache(maxsize=65536)
def sound_likeness(a: str, b: str) -> float:
    """How alike two skeletons are with or without their endings (where both stems keep `MIN_STEM` letters),
    from 0 to 1."""
    stems = stem(a), stem(b)
    if min(map(len, stems)) < MIN_STEM:
        return likeness(a, b)
    return max(likeness(a, b), likeness(*stems))


@lru_cache(maxsize=65536)
def consonant_likeness(a: str, b: str) -> float:
    """How alike the consonants of two skeletons are, endings aside, from 0 to 1."""
    return max(similarity.levenshtein_normalized_similarity(consonants(stem(x)), consonants(stem(y)))
               for x, y in {(a, b), *zip(loose(a), loose(b))})


def is_close(a: str, b: str) -> bool:
    """One edit or vowels apart, or alike once loosely folded: the stronger half of a doubly respelt name."""
    return are_variants(a, b) or min(len(a), len(b)) >= MIN_LOOSE and is_loose_match(a, b)


def drops_final_n(a: str, b: str) -> bool:
    """Is one name part, as written, the Catalan form of the other, which ends in an accented vowel where
    Spanish, French or English keep a final n (Napoleó, Napoleón; Sebastià, Sebastián; Martí, Martín)?"""
    short, long = sorted((a, b), key=len)
    return short[-1:].casefold() in ("à", "ó", "í") and len(short) >= 4 and plain(long) == plain(short) + "n"
