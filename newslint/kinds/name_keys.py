"""The keys a name part is compared by: transliteration folded, so that most spellings of one name share one.

A name reaches English copy through several romanisations (Zelensky, Zelenskyy, Zelenskiy; Gaddafi, Qaddafi,
Kadhafi; Mahmud, Mahmoud). `skeleton` folds the letters those systems disagree on, so most variants share
a key and are found by a dictionary lookup; `loose` folds more, for scoring only (`name_spelling`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from operator import itemgetter

from newslint.regexcache import compiled

# Letters NFKD does not decompose into a base letter and a mark (it turns Vučić into Vucic by itself).
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
                          "ı": "i", "ħ": "h"})
_DOUBLE = compiled(r"(.)\1+")
_VOWEL_Y = compiled(r"(?<=[aeiou])y(?=[aeiou])")  # Dostoyevsky's y, dropped by `skeleton` (`name_readings` reads it as i)
_ONE_LETTER = itemgetter(1)  # a run of one letter as that letter: in Python 3.11, a callable costs a third of r"\1"


def _sub(pattern: str, replacement) -> Callable[[str], str]:
    """A fold by regular expression: `pattern` replaced by `replacement` wherever it matches."""
    return partial(compiled(pattern).sub, replacement)


def _replace(old: str, new: str) -> Callable[[str], str]:
    """A fold of one literal string: str.replace finds the matches re.sub would (leftmost, never overlapping)
    at a tenth of its cost, and a skeleton is worked out for every name a story brings that the run has not
    met before (names are most of the instructions of a run over wire copy)."""
    return lambda text: text.replace(old, new)


# Order matters: digraphs before the single letters they contain. Each fold comes with a string it cannot
# match without ("" for always): a name holds few of these letters, and skipping a fold whose letters are
# absent costs a fraction of running it (the given-name table alone folds four hundred names). Folds at the
# start or end of a name are string tests, not patterns: "l" and "h" stand in most names.
_FOLDS = [
    ("d", _sub(r"dzh|dsch|dj", "j")),  # Dzhokhar, Djokovic; German Dsch for the j of Arabic, Persian, Hindi
    ("ch", _sub(r"t?t?sch|tch", lambda m: "sh" if m.group() == "sch" else "ch")),  # German Tsch, Sch
    ("ph", _replace("ph", "f")),
    ("h", _sub(r"(?<=[kgdt])h", "")),  # Khan/Han, Ghaddafi, Kadhafi, Othman
    ("tj", _sub(r"tj(?!e$)", "c")),  # old Indonesian Tjakra/Cakra (not the Dutch -tje of Marietje, Marieke)
    ("c", _sub(r"ck|c(?!h)", "k")),  # Mubarack
    ("q", _replace("q", "k")),  # Qaddafi/Kaddafi
    # Gaddafi/Qaddafi/Kadhafi: an opening g before an a (Google and Koogle stay apart)
    ("ga", lambda text: "k" + text[1:] if text.startswith("ga") else text),
    ("w", _replace("w", "v")),  # Wladimir, Haddawi/Haddavi, Romanow
    ("x", _replace("x", "ks")),  # Alexei/Aleksei
    ("j", _replace("j", "y")),  # from here on j and y are one letter
    # A y between vowels goes before the vowel pairs are folded, so that the pair it leaves folds as the same
    # pair written without it does: Dostoyevsky/Dostoevsky, Zuyev/Zuev (both "zuv"), Alexeyev/Alekseev. The
    # price is a short key (Leyen, like Leen, is "lin"; Layen is "laen"): `name_readings` reads the y as i too.
    ("y", partial(_VOWEL_Y.sub, "")),  # Dostoyevsky/Dostoevsky, Tokayev/Tokaev
    ("ia", _sub(r"(?<=[aeiou])ia$", "a")),  # Russian -ая, -ия either way: Navalnaia/Navalnaya, Sofiia/Sofia
    ("y", _replace("y", "i")),  # Dmitry/Dmitri, Yong/Jong, -sky/-skiy
    ("ie", lambda text: text[1:] if text.startswith("ie") else text),  # Yevgeny/Evgeny, Yeltsin/Eltsin
    ("o", _sub(r"ou|oo|oe(?![aeiou])", "u")),  # Mahmoud/Mahmud; Soeharto/Suharto in the old Indonesian spelling
    ("ue", _sub(r"ue(?![aeiou])", "u")),  # German ü as written without the dots: Mueller/Müller/Muller
    ("ee", _replace("ee", "i")),  # Shareef/Sharif
    # Haniyeh/Haniya, Fatah/Fata: a final ah or eh after two letters or more
    ("h", lambda text: text[:-2] + "a" if len(text) >= 4 and text.endswith(("ah", "eh")) else text),
    ("l", lambda text: "al" if text in ("el", "ul") else text),  # the particle: el-Sisi/al-Sisi
    ("von", _sub(r"^von(?=de[rn]$|$)", "van")),  # von der Leyen/van der Leyen
    ("", partial(_DOUBLE.sub, _ONE_LETTER)),  # double letters: Gaddafi/Gadafi, Zelenskyy
    ("f", lambda text: text[:-1] + "v" if text.endswith(("of", "ef")) else text),  # Peskoff/Peskov, Rachmaninoff
]
_NON_LETTER = compiled(r"[^a-z]")
_VOWELS = compiled(r"(?<=.)[aeiou]")


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """A name part in lower case without diacritics or punctuation: Gómez and Gomez agree here."""
    text = word.casefold().translate(_LETTERS)
    if not text.isascii():  # ASCII has nothing to decompose and no marks: most names skip the slow part
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text if text.isalpha() and text.isascii() else _NON_LETTER.sub("", text)  # most names: letters only


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The folded form of a name part: lower case, no diacritics or punctuation, transliteration folded."""
    text = plain(word)
    for needed, fold in _FOLDS:
        if needed in text:
            text = fold(text)
    return text


def consonants(key: str) -> str:
    """A skeleton without its vowels (bar the first letter): Mohammed and Muhammad agree here."""
    return _VOWELS.sub("", key)


# Looser folds, used only to score how alike two keys are, never as a dictionary key: sounds that the
# romanisations of Japanese, Arabic, Hebrew, Hungarian or Turkish write in different letters (Kishimoto
# and Kisimoto, Maszasi and Masashi, Chaim and Haim, Haddach and Haddas, Gonzalez and Gonzales). "ch"
# is a k or an h in German and Hebrew (Bach, Chaim) but a "tsh" in English and Spanish (Takeuchi, Chavez),
# so it is folded both ways.
# Each comes, as in _FOLDS, with a string it cannot match without.
_LOOSE = [
    ("", compiled(r"sz|zs|sh|ts|tz|z$"), "s"),  # z only at the end: Brazil is not Brasil
    ("i", compiled(r"ie|ei|iy|ii"), "i"),
    ("ov", compiled(r"ov(?![aeiou])"), "u"),  # Belarusian u for Russian v: Tsikhanouskaya, Tikhanovskaya
    ("e", compiled(r"(?<=..)e$"), ""),  # Roche/Roch
]
_CH = [compiled(r"ch|kh"), compiled(r"ch|kh|h")]
_H = compiled(r"h")
_OPENING_H = compiled(r"[ck]?h")


@lru_cache(maxsize=65536)
def loose(key: str) -> tuple[str, str, str]:
    """A skeleton with the looser folds applied, once with "ch" as k, once with it (and h) dropped, and once
    with an opening "ch" or "kh" as the h it stands for in Hebrew, German or Czech (Chaim, Haim; not Chris,
    Rhys)."""
    for needed, pattern, replacement in _LOOSE:
        if needed in key:
            key = pattern.sub(replacement, key)
    if "h" not in key:  # most names: no ch, kh or h to read two ways, so the three folds are one
        single = _DOUBLE.sub(_ONE_LETTER, key)
        return single, single, single
    hard = _DOUBLE.sub(_ONE_LETTER, _H.sub("", _CH[0].sub("k", key)))
    soft = _DOUBLE.sub(_ONE_LETTER, _CH[1].sub("", key))
    opening = _OPENING_H.match(key)
    breathed = "h" + _DOUBLE.sub(_ONE_LETTER, _CH[1].sub("", key[opening.end():])) if opening else soft
    return hard, soft, breathed
