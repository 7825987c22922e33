"""What an ending does to a name: make another word of it (Korea, Korean; Texas, Texans) or give the
same name another language's form (Levandovskis for Lewandowski, Robertus for Robert).

Each test compares two name parts, most of them as skeletons (`name_keys.skeleton`), by how they end.
"""

from __future__ import annotations

import re

from newslint.regexcache import compiled

_INFLECTING = frozenset("aeiousn")
_DERIVING = frozenset("aeiousnklr")


def is_inflection(a: str, b: str) -> bool:
    """Korea/Korean, Germans/Germany, Zelensky/Zelenska, Democrat/Democrats (but not Mahmut/Mahmud)."""
    tail_a, tail_b = tails(a, b)
    return len(tail_a) <= 1 and len(tail_b) <= 1 and any(c in _INFLECTING for c in tail_a + tail_b)


def tails(a: str, b: str) -> tuple[str, str]:
    """What each of two words has after the longest start they share: ("n", "") for Korean, Korea."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    return a[prefix:], b[prefix:]


# Endings that other languages put on a name: Latvian and Lithuanian -s, -as, -is, -us; Latin -us;
# Romanian -ul; a final vowel (Roberto, Roche).
_ENDING = compiled(r"(?<=...)(?:[aeiou]?s|ul|[aeiou])$")


def stem(key: str) -> str:
    """A skeleton without a foreign grammatical ending: Levandovskis and Lewandowski agree here."""
    return _ENDING.sub("", key)


def is_derived(a: str, b: str) -> bool:
    """Do two skeletons differ only by an ending that makes another word: a plural, an adjective or a
    people (Treasury/Treasuries, Europe/European, Texas/Texans, Korea/Koreans,
    Forsyth/Forsythe)?"""
    return _derived_tails(a, b) is not None


def _derived_tails(a: str, b: str) -> tuple[str, str] | None:
    """If `is_derived`, the two words' tails after the start they share, the shorter first; else None."""
    if a == b:
        return None
    short, long = sorted(tails(a, b), key=len)
    return (short, long) if len(short) <= 1 and len(long) <= 3 and not set(short + long) - _DERIVING else None


# The endings English swaps rather than adds, as skeletons: Germans/Germany, Texas/Texans, Canada/Canadian,
# China/Chinese, Chile/Chilean, Democrats/Democratic. Any other swap beside the same first name is another
# language's ending on one person's name (Lukashenka, Lukashenko; Africanus, Africanul).
_ENGLISH_SWAPS = frozenset({("s", "i"), ("i", "s"), ("s", "ns"), ("a", "an"), ("a", "ian"), ("a", "ese"),
                            ("e", "an"), ("e", "ean"), ("i", "es"), ("e", "es"), ("i", "ian"), ("s", "ik")})


def is_english_derivation(a: str, b: str) -> bool:
    """Does one skeleton make an English word from the other by adding an ending or by one of the swaps
    English makes?"""
    derived = _derived_tails(a, b)
    return derived is not None and (not derived[0] or derived in _ENGLISH_SWAPS)


# Latvian and Lithuanian give a man's name a case ending: -s, -as, -is, -us, -ys (Romans Levandovskis
# for Roman Lewandowski, Robertas for Robert), sometimes in place of a final vowel (Rošs, Roche).
_BALTIC_ENDING = compiled(r"[aeiuy]?s$")
_FINAL_VOWEL = compiled(r"[aeiouy]$")
MIN_BALTIC_STEM = 4


def is_baltic_form(a: str, b: str) -> bool:
    """Is one skeleton the other with a Latvian or Lithuanian ending?"""
    if a == b or a.endswith("s") == b.endswith("s"):
        return False
    plain_form, ending = (a, b) if b.endswith("s") else (b, a)
    root = _BALTIC_ENDING.sub("", ending)
    return len(root) >= MIN_BALTIC_STEM and root in (plain_form, _FINAL_VOWEL.sub("", plain_form))


# The endings Latvian and Lithuanian add to a man's first name that ends in a consonant (Baraks or Barakas
# for Barack, Ludvigs for Ludwig, Kristians for Christian), where English adds none: English copy that takes
# a Latvian or Lithuanian wire's first name as written names one man two ways. Only -s and -as, after a
# consonant, on a stem of four letters or more, so this test leaves Jon and Jonas apart, and Frank and
# Francis, Curt and Curtis, with the -is that Lithuanian also writes. English pairs such as Evan and Evans
# or Colin and Collins beside the same last name are joined: more often one man misspelt than two. The same
# test finds a firm's or a charity's first word with and without an English plural before the same last word
# (Rivers Trust, River Trust): one name written two ways as well.
_BALTIC_GIVEN = compiled(r"a?s")


def adds_baltic_given_ending(a: str, b: str) -> bool:
    """Is one first name's skeleton the other's with a Latvian or Lithuanian ending after its final
    consonant (Baraks, Barak)?"""
    root = _stem_before(a, b, _BALTIC_GIVEN)
    return root is not None and len(root) >= MIN_BALTIC_STEM and root[-1] not in "aeiouys"


# A Latvian or Lithuanian ending on a man's first name after its final consonant: -s, -as, -is, -us, -ys
# (Deividas, Antonis). Not after a vowel, where the s is as often the name's own: Johannes, Marius, Julius.
_BALTIC_GIVEN_ENDING = compiled(r"(?<=[^aeiouy])[aiuy]?s$")


def baltic_given_stem(key: str) -> str | None:
    """A first name's skeleton without a Latvian or Lithuanian ending after its final consonant, if it has
    one and four letters or more are left: None for most names."""
    if not key.endswith("s"):
        return None
    stem = _BALTIC_GIVEN_ENDING.sub("", key)
    return stem if stem != key and len(stem) >= MIN_BALTIC_STEM else None


def without_baltic_ending(key: str) -> str:
    """A skeleton without a Latvian or Lithuanian ending: Vitloks, Vitlok."""
    return _BALTIC_ENDING.sub("", key)


def adds_ending(a: str, b: str) -> bool:
    """Is one name part, as spelt, the other with an -s, -as, -is, -us or -ys simply added (Peters, Peter;
    Andreas, Andre)? English, Spanish and Portuguese names end so too, so this alone proves no rendering."""
    return _stem_before(a, b, _BALTIC_ENDING) is not None


def _stem_before(a: str, b: str, ending: re.Pattern) -> str | None:
    """The shorter of two words, if the longer is it with a match of `ending` added; else None."""
    short, long = sorted((a, b), key=len)
    return short if long.startswith(short) and ending.fullmatch(long, len(short)) else None


# A first name in Latin (Hendrikus, Robertus) or Italian and Spanish (Alfredo, Rolando): the English or
# Dutch form with an ending added. Only on a stem this long, ending in a consonant: Marc and Marcus, or
# Mari and Mario, are two names.
_CLASSICAL_ENDING = compiled(r"(?:us|o)$")
MIN_CLASSICAL_STEM = 6


def is_classical_form(a: str, b: str) -> bool:
    """Is one skeleton the other with a Latin -us or a Romance -o added (Robert, Robertus; Alfred, Alfredo)?"""
    root = _stem_before(a, b, _CLASSICAL_ENDING)
    return root is not None and len(root) >= MIN_CLASSICAL_STEM and root[-1] not in "aeiou"
