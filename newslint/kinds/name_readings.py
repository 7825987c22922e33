"""Other keys a name part may have, read from the letters it is written with.

A skeleton reads a name's letters one way: it drops every accent, which is how most English copy writes a
foreign letter (Vučić, Vucic; Köhler, Kohler), and reads "ee" and "oo" as English does (Shareef, Sharif;
Mahmood, Mahmud). Some letters have a second reading that other copy writes. A Czech, Slovak, Baltic or
South Slavic haček, and a Turkish or Romanian cedilla, stand for the English digraph that a
transliteration from Cyrillic or Arabic script writes for the same sound: Šoigu and Shoigu, Žuk and Zhuk,
Şahin and Shahin. Latvian and Lithuanian, which have no ä, ö or ü, write German and Nordic names with e
and i, as copy translated from them, or from Russian, does: Köhler and Kehler, Jörn and Jern. German
itself, without its umlauts, writes ä and ö as ae and oe: Händel and Haendel, Köhler and Koehler. In Dutch
and German a doubled vowel is the same vowel long: Geert and Gert, Koolhaas and Kolhaas. Spanish copy
writes j for an h or kh: Mijail and Mikhail. German and Hebrew write with one z the sound that an English
romanisation opens with ts or tz: Zwetajewa and Tsvetaeva, Zipi and Tzipi. A Ukrainian or Belarusian name
is read in its Russian form too: Luhansk and Lugansk, Kharkiv and Kharkov, Lukashenka and Lukashenko. A
first name's e before an h that closes a syllable is read as the a Arabic romanisations write: Yehya and
Yahya. A Catalan first name's final accented vowel is read with the n other languages keep: Sebastià and
Sébastien. An oe is read as an o and an e too, beside the Dutch u a skeleton reads it as: Poelskin, a slip
for Poleskin. A last name's final -eh is read as written, beside the -a a skeleton reads it as: Saleh and
Salih. Taiwanese names, romanised syllable by syllable, write a syllable's closing vowel with or without an h
(Ching-te, Ching-teh; Yu-ih, Youyi): a hyphenated name is read without it too. French writes ch for the sh
of Arabic, Hebrew and Russian names: Béchir and Bashir, Chimon and Shimon. A y or j between vowels, which a
skeleton drops, is read as the i it sounds too: Leyen and Layen, Fayyad and Fajad. A Serbian or Croatian đ,
which a skeleton reads as the d it is without its stroke, is read as the dj English copy writes for it too in
a name that has two: Đinđić and Djindjic. A name part has, besides its
skeleton, the skeletons of the readings its letters allow; two names whose readings meet are one name.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_keys import skeleton
from newslint.regexcache import compiled

# Each reading of single letters: the letters it reads, and how. Esperanto's circumflexed letters are
# the haček's sounds.
_LETTER_READINGS = [
    (frozenset("šşșŝžčćĉç"), str.maketrans({"š": "sh", "ş": "sh", "ș": "sh", "ŝ": "sh", "ž": "zh", "č": "ch",
                                             "ć": "ch", "ĉ": "ch", "ç": "ch"})),
    (frozenset("äöü"), str.maketrans({"ä": "e", "ö": "e", "ü": "i"})),
    (frozenset("äö"), str.maketrans({"ä": "ae", "ö": "oe"})),  # ü as ue needs no reading: a skeleton reads ue as u
]

# Spanish writes j for the h and kh of Hebrew, Arabic and Russian (Mijail for Mikhail; an invented Jaiel
# for Haiel). Only first names are read so: as last names Jansen and Hansen, or Jones and Hones, are two
# families. Nor is a j read so where names that read it as y put it: opening a name before one vowel
# (Jana and Hana, Jenny and Henny, Jan and Han are each two women or two men), after a consonant
# (Marietje, Ljuba) or in a Dutch ij before a consonant (Marijke).
_SPANISH_J = compiled(r"^j(?=[aeiou][aeiou])")
_SPANISH_J_INSIDE = compiled(r"(?<=[aeou])j|(?<=i)j(?=[aeiou])")

# Ukrainian writes h where Russian writes g, and i where Russian keeps an o in a last syllable; Belarusian
# ends in a what Russian ends in o. Copy names a Ukrainian or Belarusian city or person in either language's
# form: Luhansk and Lugansk, Hroisman and Groisman, Kharkiv and Kharkov, Lukashenka and Lukashenko. An h is
# read g only where it is no part of a digraph and English seldom puts one: after an i or u and before a
# vowel (Chernihiv, Luhansk; not the English compounds of "Lakehouse Finance" and "Lakehouse Financial",
# two firms, nor Greyhound) or opening a name before r or l, which English names never do.
_UKRAINIAN_H = compiled(r"(?<=[iu])h(?=[aeiouy])|^h(?=[rl])")
_UKRAINIAN_ENDING = compiled(r"(?<=.)(?:iv|enka)$")


# Persian, Urdu and Turkish write e where Arabic romanisations write a, before an h that closes a syllable:
# Yehya and Yahya, Mehdi and Mahdi, Rehman and Rahman. Only first names are read so (Behr and Bahr are two
# German families), and English first names have no such h, so Dena stays Dena and Sally stays Sally.
_PERSIAN_E = compiled(r"e(?=h[^aeiou])")


# Romanisations of Arabic end a name in -eh or -ih for one sound (Saleh, Salih), but a skeleton reads a
# final -eh as the -a it more often stands for (Haniyeh, Haniya), which takes Saleh further from Salih
# than the spelling is: the name is read with its e too. Beside the same first name that e and that i
# are one vowel respelt; a bare Saleh is left apart from a bare Salih, as a bare Lester from Lister.
_FINAL_EH = compiled(r"(?<=[^aeiouyh])eh$")

# Catalan ends a first name in an accented vowel where Spanish, French and English keep a final n (Martí,
# Martín; Sebastià, Sebastián), and `drops_final_n` joins the two only when the rest is spelt alike. A
# first name so ending is read with its n, so that another language's respelling of the n form meets it
# too (Sebastià, Sébastien). Only on four letters or more before the n, as `drops_final_n` asks: the
# added n is then one letter in five, and Adrià stays apart from Adriana as Adrian does.
_CATALAN_VOWELS = ("à", "ó", "í")
MIN_CATALAN = 4


# The h some Taiwanese names write after a syllable's closing vowel (Lai Ching-teh, Hou Yu-ih), which the
# pinyin and most copy leave off (Ching-te, Youyi). Only in a name hyphenated between its syllables.
_SYLLABLE_H = compiled(r"(?<=[aeiou])h(?=-|$)")


# French copy, and the French-language press of North Africa and Lebanon, write ch where English writes sh:
# Chamil Bassaïev, Omar el-Béchir, Chimon Peres. Not an sch or tch, which German and
# English already write for other sounds, nor a ch before a consonant or at the end, the k or kh of Bach
# and Richter (Cheikh's opening ch is read as sh: Sheikh). Only in names of six letters or more that do not end in -ng: the Chinese and Korean
# syllables Chen and Shen, Cheng and Sheng, Chiang and Shiang are different family names.
_FRENCH_CH = compiled(r"(?<![st])ch(?=[aeiouy])")
MIN_FRENCH_CH = 6


# A y between vowels, which a skeleton drops so that Dostoyevsky meets Dostoevsky, is read as the i it sounds
# too: dropped, it leaves a key too short to compare once another letter is respelt (Leyen is "lin", Layen
# "laen"; read as i, "leien" and "laien" are one vowel apart). German and Dutch write that y as j (Alijew,
# Fajad), which a skeleton reads as y, so a j between vowels is read so too.
_VOWEL_Y_OR_J = compiled(r"(?<=[aeiou])[yj](?=[aeiou])")


# Serbian and Croatian đ is written dj in most English copy (Djindjic, Djokovic) and d where the stroke is
# merely dropped (Dindic). A skeleton reads it as d, which leaves the dj form one edit away, near enough in
# Đoković; a name with two is read with dj too (Đinđić, Đorđe). Not a name with one: Đokić so read would be
# the Jokić family's key (a skeleton reads dj as j), and Vietnamese Đặng would be Chinese Yang.
MIN_SERBIAN_DJ = 2


def _as_russian_ending(match) -> str:
    return "ov" if match.group() == "iv" else "enko"


@lru_cache(maxsize=65536)
def readings(spelling: str, given: bool = False) -> tuple[str, ...]:
    """The keys of a name part's other readings (`spelling` in lower case, as `Part.spelling`), without its
    own key: none for most names. A `given` name also has the readings only first names take: the Spanish j's,
    the Persian e's and the Catalan final vowel's."""
    read = set()
    if given and "j" in spelling:
        if _SPANISH_J.match(spelling):
            read.add(skeleton(_SPANISH_J.sub("h", spelling)))  # Jaiel, Haiel
        inside = _SPANISH_J_INSIDE.search(spelling)
        if inside:
            read.update(skeleton(_SPANISH_J_INSIDE.sub(h, spelling)) for h in ("h", "kh"))  # Mijail, Mikhail
    if given and spelling.endswith(_CATALAN_VOWELS) and len(spelling) >= MIN_CATALAN:
        read.add(skeleton(spelling + "n"))  # Sebastià, Sebastián, Sébastien
    if given and "eh" in spelling:
        arabic = _PERSIAN_E.sub("a", spelling)
        if arabic != spelling:
            read.add(skeleton(arabic))  # Yehya, Yahya
    if spelling.startswith(("ts", "tz")):
        read.add(skeleton("z" + spelling[2:]))  # Tsvetaeva, Zwetajewa; Tzipi, Zipi
    if "h" in spelling or spelling.endswith(("iv", "enka")):
        russian = _UKRAINIAN_ENDING.sub(_as_russian_ending, _UKRAINIAN_H.sub("g", spelling))
        if russian != spelling:
            read.add(skeleton(russian))  # Luhansk, Lugansk; Kharkiv, Kharkov; Lukashenka, Lukashenko
    if "ch" in spelling and len(spelling) >= MIN_FRENCH_CH and not spelling.endswith("ng"):
        english = _FRENCH_CH.sub("sh", spelling)
        if english != spelling:
            read.add(skeleton(english))  # Chimon, Shimon; Béchir, Bashir
    if "y" in spelling or "j" in spelling:
        kept = _VOWEL_Y_OR_J.sub("i", spelling)
        if kept != spelling:
            read.add(skeleton(kept))  # Leyen, Layen; Fayyad, Fajad
    if spelling.count("đ") >= MIN_SERBIAN_DJ:
        read.add(skeleton(spelling.replace("đ", "dj")))  # Đinđić, Djindjic
    if "-" in spelling and "h" in spelling:
        silent = _SYLLABLE_H.sub("", spelling)
        if silent != spelling:
            read.add(skeleton(silent))  # Yu-ih, Youyi
    if spelling.endswith("eh") and _FINAL_EH.search(spelling):
        read.add(skeleton(spelling[:-2]) + "eh")  # Saleh, Salih
    if "ee" in spelling or "oo" in spelling:
        read.add(skeleton(spelling.replace("ee", "e").replace("oo", "o")))
    if "oe" in spelling:
        # A skeleton reads oe as the u Dutch and old Indonesian spelling write with it (Soeharto, Suharto); in
        # most names it is an o and an e, and a slip that swaps a letter across them (Poelskin for Poleskin) is
        # one swap only in the letters as written.
        read.add("oe".join(map(skeleton, spelling.split("oe"))))
    if not spelling.isascii():
        read.update(skeleton(spelling.translate(table)) for letters, table in _LETTER_READINGS
                    if not letters.isdisjoint(spelling))
    if not read:
        return ()
    return tuple(sorted(read - {skeleton(spelling)}))


def keys_of(spelling: str, key: str, given: bool = False) -> tuple[str, ...]:
    """A name part's key and the keys of its other readings."""
    return (key, *readings(spelling, given))


def read_alike(spelling: str, key: str, other_spelling: str, other_key: str) -> bool:
    """Does a reading of one name part give the other's key, or do their readings meet (Žuk, Zhuk)?"""
    return not set(keys_of(spelling, key)).isdisjoint(keys_of(other_spelling, other_key))
