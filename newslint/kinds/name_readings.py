"""Other keys a name part may have, read from the letters it is written with.

A skeleton reads a name's letters one way: it drops every accent, which is how most English copy writes a
foreign letter (Vučić, Vucic; Köhler, Kohler), and reads "ee" and "oo" as English does (Shareef, Sharif;
Mahmood, Mahmud). Some letters have a second reading that other copy writes. A Czech, Slovak, Baltic or
South Slavic haček, and a Turkish or Romanian cedilla, stand for the English digraph that a
transliteration from Cyrillic or Arabic script writes for the same sound: Šoigu and Shoigu, Žuk and Zhuk,
Şahin and Shahin. Latvian and Lithuanian, which have no ä, ö or ü, write German and Nordic names with e
and i, as copy translated from them, or from Russian, does: Köhler and Kehler, Jörn and Jern. In Dutch
and German a doubled vowel is the same vowel long: Geert and Gert, Koolhaas and Kolhaas. A name part has,
besides its skeleton, the skeletons of the readings its letters allow; two names whose readings meet are
one name.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_spelling import skeleton

# Each reading of single letters: the letters it reads, and how. Esperanto's circumflexed letters are
# the haček's sounds.
_LETTER_READINGS = [
    (frozenset("šşșŝžčćĉç"), str.maketrans({"š": "sh", "ş": "sh", "ș": "sh", "ŝ": "sh", "ž": "zh", "č": "ch",
                                             "ć": "ch", "ĉ": "ch", "ç": "ch"})),
    (frozenset("äöü"), str.maketrans({"ä": "e", "ö": "e", "ü": "i"})),
]


@lru_cache(maxsize=65536)
def readings(spelling: str) -> tuple[str, ...]:
    """The keys of a name part's other readings (`spelling` in lower case, as `Part.spelling`), without its
    own key: none for most names."""
    read = set()
    if "ee" in spelling or "oo" in spelling:
        read.add(skeleton(spelling.replace("ee", "e").replace("oo", "o")))
    if not spelling.isascii():
        read.update(skeleton(spelling.translate(table)) for letters, table in _LETTER_READINGS
                    if not letters.isdisjoint(spelling))
    if not read:
        return ()
    return tuple(sorted(read - {skeleton(spelling)}))


def keys_of(spelling: str, key: str) -> tuple[str, ...]:
    """A name part's key and the keys of its other readings."""
    return (key, *readings(spelling))


def read_alike(spelling: str, key: str, other_spelling: str, other_key: str) -> bool:
    """Does a reading of one name part give the other's key, or do their readings meet (Žuk, Zhuk)?"""
    return not set(keys_of(spelling, key)).isdisjoint(keys_of(other_spelling, other_key))
