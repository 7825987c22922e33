"""Paragraphs reduced for comparison, and the index that finds a paragraph's likely repeats among those
seen before it: exact keys, and postings of word shingles (runs of four words), so that candidates come
from shared shingles and never from comparing every paragraph with every other."""

from __future__ import annotations

import zlib
from collections import Counter
from operator import itemgetter

from newslint import similarity
from newslint.records import record
from newslint.regexcache import compiled

SHINGLE_WORDS = 4  # spelt out in the zip of `shingles`
_count = itemgetter(1)
# A shingle shared by this many paragraphs is stock phrasing ("said in a statement on"), not evidence.
MAX_POSTINGS = 40
# Candidates must share this fraction of the later paragraph's shingles before their similarity is scored.
MIN_SHARED = 0.2
CANDIDATES_VERIFIED = 3
_FIGURE = compiled(r"\d(?:[\d,.]*\d)?")
# The same figures in ASCII text, where \d is 0-9: `re` tests a character against a range in a few
# instructions, and for \d looks it up in Unicode's tables, which over every paragraph of a story costs
# more than a third of the search.
_ASCII_FIGURE = compiled(r"[0-9](?:[0-9,.]*[0-9])?")
_FIGURE_WORD = compiled(r"\S*\d\S*")  # a word of a paragraph's key holding a figure ("1994", "8", "2nd")
# A year as a date writes it ("due March 1, 1997", "in 1994"), not a quantity ("1,850 tonnes", "rose to 1850").
_DATED_YEAR = compiled(r"(?:\b(?:in|since|by|of|from|until|due|[A-Z][a-z]{2,8}\.?)\s+(?:\d{1,2},?\s+)?)"
                       r"((?:18|19|20)\d\d)(?![\d,.]\d)")
# A month as copy writes it, wire abbreviations too ("Sept.", "Jly"), capitalised: "march" and "may" are
# verbs. After a capitalised word (the first group) or before one it is part of a name: "Theresa May", "Mrs
# May", "June Carter"; after "F/H" or "ov" it is a row's month ("F/H May - 43 ov May bid").
# "In May" and "Last June" opening a sentence are dates, not names; a name may wrap onto the next line.
_MONTH = compiled(r"(?:\b(?!(?:In|On|By|Since|Until|From|Last|Next|This|Early|Late|During)\b)([A-Z][a-z]+\.?)\s+)?"
                  r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Jly|Aug(?:ust)?"
                  r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b(?!\s+[A-Z][a-z])")


@record
class Paragraph:
    """A paragraph reduced to what comparison needs; picklable for the cross-file pass."""

    key: str  # lower-case words joined by single spaces
    shingles: tuple[int, ...]
    body: str  # its text as compared (after the dateline), for `figures`
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @property
    def location(self) -> tuple:
        return self.line, self.column, self.end_line, self.end_column, self.text

    @property
    def figures(self) -> list[str]:
        """The numbers in it, in order. Found only for a candidate repeat: finding them in every paragraph
        cost more than all the comparing."""
        return (_ASCII_FIGURE if self.body.isascii() else _FIGURE).findall(self.body)

    @property
    def dates(self) -> list[str]:
        """The years it dates things by, then the months it names ("Jly" and "July" alike): what a row of a
        list or table is for. Found only for a candidate repeat, as `figures` is."""
        years = _DATED_YEAR.findall(self.body)
        months = [name[:3].lower().replace("jly", "jul") for before, name in _MONTH.findall(self.body) if not before]
        return years + months


class ParagraphIndex:
    """Exact keys and shingle postings of the paragraphs seen so far, each tagged with its source."""

    def __init__(self, same_figures: bool, stale_figures: bool = False) -> None:
        self.same_figures = same_figures
        self.stale_figures = stale_figures
        self.entries: list[tuple[str, Paragraph]] = []
        self.exact: dict[str, int] = {}
        # A shingle's paragraphs: the number alone while it has one (most never get a second), else a list.
        # `best_match` intersects the keys with a paragraph's shingles, doing the per-shingle work in C.
        self.postings: dict[int, int | list[int]] = {}

    def add(self, source: str, paragraph: Paragraph) -> None:
        number = len(self.entries)
        self.entries.append((source, paragraph))
        self.exact.setdefault(paragraph.key, number)
        postings = self.postings
        setdefault = postings.setdefault
        # One lookup a shingle, which enters it if new. The corpus index holds millions, and the set operations
        # this replaced (the known shingles by intersection, then the new ones entered by `update`) looked each
        # up two or three times: a seventh of the across-files pass's instructions.
        for shingle in paragraph.shingles:
            posting = setdefault(shingle, number)
            if posting is number:
                continue  # a new shingle (most are), entered just now: `setdefault` hands back the very object
            if posting.__class__ is int:  # an earlier paragraph's
                postings[shingle] = [posting, number]
            elif len(posting) <= MAX_POSTINGS:
                posting.append(number)

    def best_match(self, paragraph: Paragraph, threshold: float) -> tuple[int, int] | None:
        """(entry number, similarity) of the earliest exact repeat, else of the most similar candidate at or
        above `threshold`."""
        exact = self.exact.get(paragraph.key)
        if exact is not None:
            return exact, 100
        postings = self.postings
        common = postings.keys() & paragraph.shingles
        needed = shared_needed(paragraph)
        if len(common) < needed:
            # Nothing in common with anything seen (most paragraphs of a corpus), or too little for any one
            # earlier paragraph to share enough (a stock phrase or two): none is a candidate.
            return None
        # The shared shingles' paragraphs, in a fixed order (which breaks ties among the most common), counted
        # in one call: a `Counter.update` a shingle, and a `__missing__` call for each paragraph first met,
        # ran in Python.
        sharing: list[int] = []
        for shingle in sorted(common):
            posting = postings[shingle]
            if posting.__class__ is int:
                sharing.append(posting)
            elif len(posting) <= MAX_POSTINGS:
                sharing.extend(posting)
        shared = Counter(sharing)
        if max(shared.values(), default=0) < needed:
            return None  # enough shingles shared in all, but not with any one paragraph (two thirds of the rest)
        best = figures = dates = None
        # most_common(n) without its heap (documented as equal to this sort), and sorting only the
        # candidates that share enough: most paragraphs share a stray shingle or two with dozens of others.
        enough = [item for item in shared.items() if item[1] >= needed]
        for number, _ in sorted(enough, key=_count, reverse=True)[:CANDIDATES_VERIFIED]:
            if self.same_figures:
                figures = paragraph.figures if figures is None else figures
                earlier = self.entries[number][1]
                if earlier.figures != figures and not (self.stale_figures and _same_words(earlier, paragraph)):
                    continue
                if self.stale_figures:
                    dates = paragraph.dates if dates is None else dates
                    if earlier.dates != dates:
                        continue  # a row for another date ("June - No bids" below "May - No bids"), not a stale copy
            score = int(similarity.ratio(paragraph.key, self.entries[number][1].key))
            if score >= threshold and (best is None or score > best[1]):
                best = (number, score)
        return best


def _same_words(one: Paragraph, other: Paragraph) -> bool:
    """Do the two paragraphs hold the same words once their figures are set aside? "The death toll rose to
    12" left above "The death toll rose to 15" is the stale copy of an update; "Exports fell to 2.4 million"
    above "Imports fell to 3.1 million" is two facts told alike."""
    return _FIGURE_WORD.sub("", one.key).split() == _FIGURE_WORD.sub("", other.key).split()


def shared_needed(paragraph: Paragraph) -> float:
    """How many of `paragraph`'s shingles an earlier paragraph must share to be a candidate repeat."""
    return max(1, MIN_SHARED * len(paragraph.shingles))


def shingles(key: str) -> tuple[int, ...]:
    """crc32 of each run of SHINGLE_WORDS words of `key` (crc32 rather than hash(): workers in other processes
    must agree on the value). The runs are joined from the key encoded and split once: encoding each run instead
    made a second string a run, and was a sixth of this function's instructions. Each value once, in no
    particular order: `ParagraphIndex` looks them up one by one and sorts the ones it counts. A tuple, not the
    set it is made as: every paragraph of a run is held until the cross-file pass ends, and a set of forty
    values takes some five times a tuple's memory."""
    encoded = key.encode()
    words = encoded.split(b" ")
    if len(words) < SHINGLE_WORDS:
        return (zlib.crc32(encoded),)
    runs = map(b" ".join, zip(words, words[1:], words[2:], words[3:]))
    return tuple(set(map(zlib.crc32, runs)))
