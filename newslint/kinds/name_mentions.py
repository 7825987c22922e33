"""Find name mentions in copy: runs of capitalised words, with titles, initials, particles and possessives
taken apart so that "Gen. Mohammed bin Salman's" yields given name "Mohammed", particle "bin" and name
"Salman"."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from newslint.kinds.name_spelling import skeleton
from newslint.records import record
from newslint.regexcache import compiled
from newslint.visible import INVISIBLE, drop_invisible


# Inside a word and unseen: combining accents (copy saved decomposed, as macOS and some PDF exports do,
# writes "Erdoğan" as g and a breve), and the invisible characters of `visible` ("Zelen\u00adskyy").
_MARKS = "\u0300-\u036f" + INVISIBLE
# A word (letters, accents, inner apostrophes and hyphens) or a run of initials ("J.R.").
_WORD = compiled(rf"(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_](?:[\w'\u2019{_MARKS}-]*[^\W_][{_MARKS}]*)?")
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"  # Latin capitals (Latin Extended-A mixes both cases)
# Particles: the ones written as words of their own ("van der", "bin") and the Arabic ones fused to a name
# by a hyphen ("al-Assad", "ash-Sharaa"); "as" and "at" are too common as English words to join a run.
SPACED_PARTICLES = frozenset("""al el ul bin ben ibn abu bint van von der den de di da du la le del della dos das
do ter ten zu y""".split())
FUSED_PARTICLES = frozenset("al el ul ad as ash at az bin ben ibn abu bint".split())
PARTICLES = SPACED_PARTICLES | FUSED_PARTICLES
# Particles that some families write with a capital (De Niro, Van Dyke, Le Pen, Da Silva); "Al", "Ben" and
# "Abu" are left out: capitalised inside a name they are as often a name of their own (Abu Hamid).
CAPITALISED_PARTICLES = SPACED_PARTICLES - frozenset("al el ul bin ben ibn abu bint y".split())
_PARTICLE_WORD = "(?:" + "|".join(sorted(SPACED_PARTICLES, key=lambda p: (-len(p), p))) + ")"
_CAPITAL = rf"[{_UPPER}](?:\.(?:[{_UPPER}]\.)*|[\w'\u2019{_MARKS}-]*)"
# Capitalised words (and initials) joined by spaces, with particles between them: "Charles de Gaulle",
# "Ursula von der Leyen", "John F. Kennedy". It opens on a capital, which the regex engine finds fast;
# a particle before the run ("al-Assad", "de Gaulle" opening a sentence) is picked up by `_run_start`.
_RUN = compiled(rf"{_CAPITAL}(?:\s+(?:{_PARTICLE_WORD}(?:\s+|-))*{_CAPITAL})*")
_LEADING_PARTICLES = compiled(rf"(?:(?<![\w'\u2019-]){_PARTICLE_WORD}(?:\s+|-))+$")
_SENTENCE_END = compiled(r"(?:(\w+)\.|[.!?:\u2026])[\"'\u201d\u2019)\]]*\s+[\"'(\u201c\u2018\[]*$")
_INITIAL = compiled(r"(?:[A-Z]\.)+|[A-Z]")
_DIGIT = compiled(r"\d")
_HYPHEN_PARTICLE = compiled(r"(?i)(" + "|".join(sorted(FUSED_PARTICLES, key=lambda p: (-len(p), p))) + r")-(?=[^\W\d_]{2})")
# Words a title or job puts before a name; everything up to the last of them is dropped.
TITLES = frozenset("""mr mrs ms miss mx dr prof gen lt col maj capt cmdr sgt cpl pvt adm brig sen rep gov supt insp det
rev fr msgr st hon amb president presidents prime premier minister ministers chancellor secretary king queen
prince princess pope sheikh sheik sir dame lord lady judge justice chairman chairwoman chair chief executive
director captain officer detective inspector father bishop archbishop mayor senator governor ambassador
commissioner speaker deputy vice general admiral major colonel sergeant corporal private ayatollah emir crown
imam rabbi cardinal coach manager striker midfielder defender goalkeeper leader spokesman spokeswoman
correspondent editor professor doctor economist analyst""".split())
# Capitalised words that end a name: days, company suffixes, the pronoun "I".
BREAKS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december i inc corp co ltd plc llc lp ag sa nv bv spa gmbh group""".split())
# Words after a hyphen that make a name a modifier ("a Stearns-led group", "Pop Idol-style shows").
MODIFIER_SUFFIXES = frozenset("""led based style type made owned born era like backed linked controlled listed run
funded related sponsored designed built bound inspired leaning""".split())
# Capitalised only because they open a sentence; the document's own lower-case words catch the rest.
STOPWORDS = frozenset("""the a an but and or so if in on at as of for to from by with after before when while
he she it they we you his her its their our my your this that these those there here however meanwhile still
also then now some many most few no not one two three what who why how where which yet although though since
until because despite during under over""".split())


@record
class Part:
    """One word of a name as written (possessive removed); made by `_new_part`. `where` is set only in
    cross-file summaries: (path, line, column, end_line, end_column), since offsets mean nothing once the
    document is gone. (Named tuples here: a frozen dataclass costs a one-file run a millisecond to define.)"""

    text: str
    start: int
    end: int
    spelling: str  # the spelling as written, case aside
    key: str  # the transliteration-folded skeleton
    where: tuple = ()


def _new_part(text: str, start: int, end: int) -> Part:
    return Part(text, start, end, composed(text).casefold(), skeleton(text))  # skeleton is cached


def composed(text: str) -> str:
    """`text` as an editor sees it: accents composed and invisible characters gone. "Erdoğan" typed and
    "Erdoğan" saved decomposed (g and a combining breve), or "Zelenskyy" with a soft hyphen inside, look
    alike on screen, and are one spelling."""
    return text if text.isascii() else unicodedata.normalize("NFC", drop_invisible(text))


@record
class Mention:
    """A name: the last word (`surname`), the first (`given`, when there are two or more), the words
    between them (`middle`: "Tayyip" in "Recep Tayyip Erdogan") and any particles before the last word
    ("von der", "al"), and what joins them to it."""

    surname: Part
    given: Part | None = None
    particles: Part | None = None
    middle: tuple[Part, ...] = ()
    joiner: str = " "  # between the particles and the last name: "-" in "al-Assad"
    initials: Part | None = None  # "J.K." in "J.K. Rowling", "W." in "George W. Bush": compared only for their stops and spaces

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(p for p in (self.given, self.initials, *self.middle, self.particles, self.surname) if p is not None)


def find_mentions(document) -> list[Mention]:
    """Every name mention in the document, in order. One regular expression finds the runs of capitalised
    words, so Python looks only at those, never at every word of the story. Worked out once per document:
    the within-story and across-files rules both ask (mentions are frozen, so sharing them is safe)."""
    memo = document.__dict__.get("_name_mentions")
    if memo is None:
        memo = document.__dict__["_name_mentions"] = _find_mentions(document)
    return list(memo)


def _find_mentions(document) -> list[Mention]:
    text, mentions = document.text, []
    lower_case = _LowerCaseWords(text)
    for paragraph in document.paragraphs:
        for run in _RUN.finditer(text, paragraph.start, paragraph.end):
            word = run.group()
            one_word = word.isalpha()
            if one_word and _word_verdict(word)[0] is False:
                continue  # a day, an acronym, a headline's capitals: no name, whatever particle stands before it
            start = _run_start(text, paragraph.start, run.start())
            if start is None:
                continue  # the tail of a word: "McDonald", "x-Ray"
            opens = paragraph.is_heading or _opens_sentence(text, paragraph.start, start)
            if start == run.start() and one_word:
                # Most runs are one plain word ("The", "Reuters"): no word split, no possessive to cut.
                if _is_name_word(word, opens, lower_case) and not _is_bare_title(word):
                    mentions.append(Mention(_new_part(word, start, start + len(word))))
                continue
            if paragraph.is_heading:  # each word of a heading is judged by the story's own lower-case words
                for words in _name_words(text, start, run.end(), True, True, lower_case):
                    mention = _mention(words)
                    if mention is not None:
                        mentions.append(mention)
                continue
            if opens:  # only the first word is judged by the story's lower-case words ("Shares", "The")
                first = _WORD.match(text, start, run.end())
                if not _is_name_word(first.group(), True, lower_case):
                    start = first.end()  # the rest of the run reads as it would mid-sentence
            mentions.extend(_run_mentions(text, start, run.end()))
    return mentions


# Runs of words read mid-sentence, as taken apart where first met: the run -> (its start, its mentions).
_RUNS: dict[str, tuple[int, list[Mention]]] = {}
MAX_RUNS = 65536


def _run_mentions(text: str, start: int, end: int) -> list[Mention]:
    """The mentions in the run of words from `start` to `end`, read mid-sentence. There a run's names
    depend on its words alone, and wire copy repeats the same runs ("West Germany", "Prime Minister
    Yasuhiro Nakasone") story after story: a run met before has only its mentions moved to where it stands."""
    run = text[start:end]
    known = _RUNS.get(run)
    if known is None:
        if len(_RUNS) >= MAX_RUNS:
            _RUNS.clear()
        mentions = [mention for words in _name_words(text, start, end, False, False, None)
                    if (mention := _mention(words)) is not None]
        _RUNS[run] = start, mentions
        return mentions
    first_start, mentions = known
    return [_moved(mention, start - first_start) for mention in mentions]


def _moved(mention: Mention, offset: int) -> Mention:
    """`mention` with every part's offsets moved on by `offset`."""
    def move(part: Part | None) -> Part | None:
        return None if part is None else Part(part.text, part.start + offset, part.end + offset, part.spelling, part.key)

    return Mention(move(mention.surname), move(mention.given), move(mention.particles),
                   tuple(map(move, mention.middle)), mention.joiner, move(mention.initials))


def _opens_sentence(text: str, paragraph_start: int, offset: int) -> bool:
    before = text[max(paragraph_start, offset - 12) : offset]
    if offset - paragraph_start <= len(before) and not before.strip(" \n\"'(\u201c\u2018["):
        return True
    if not _may_end_sentence(before):
        return False
    end = _SENTENCE_END.search(before)
    return bool(end) and not (end.group(1) and end.group(1).casefold() in TITLES)


def _may_end_sentence(window: str) -> bool:
    """Could _SENTENCE_END match `window`? The same test with string methods (most runs are mid-sentence):
    a stop, closing quotes, white space, opening quotes, at the end or, as "$" allows, before a final
    line break (said. "<line break>Smith)."""
    for end in (len(window), len(window) - 1) if window.endswith("\n") else (len(window),):
        tail = window[:end].rstrip("\"'(\u201c\u2018[")
        if tail[-1:].isspace() and tail.rstrip().rstrip("\"'\u201d\u2019)]").endswith((".", "!", "?", ":", "\u2026")):
            return True
    return False


def _run_start(text: str, paragraph_start: int, offset: int) -> int | None:
    """Where a run really starts: before any particles in front of it; None inside a word."""
    if offset > paragraph_start and (text[offset - 1].isalnum() or text[offset - 1] in "'\u2019"):
        return None
    window_start = max(paragraph_start, offset - 24)
    particles = _ends_with_particle(text[window_start:offset]) and _LEADING_PARTICLES.search(text, window_start, offset)
    if particles:
        return particles.start()
    return None if offset > paragraph_start and text[offset - 1] == "-" else offset


def _ends_with_particle(window: str) -> bool:
    """Could _LEADING_PARTICLES match at the end of `window`? Its last particle would be the lower-case
    word left after stripping the white space and hyphens that end the window. A string test, since
    almost no run has one and the regex search tries every position of the window."""
    stem = window.rstrip()
    while stem.endswith("-"):
        stem = stem[:-1].rstrip()
    start = len(stem)
    while start and "a" <= stem[start - 1] <= "z":
        start -= 1
    return stem[start:] in SPACED_PARTICLES


def _name_words(text: str, start: int, end: int, opens: bool, heading: bool, lower_case: _LowerCaseWords):
    """The run's words as (text, start), split where a word is not part of a name or after a possessive."""
    words: list[tuple[str, int]] = []
    for index, match in enumerate(_WORD.finditer(text, start, end)):
        word = match.group()
        if _is_name_word(word, (index == 0 and opens) or heading, lower_case):
            words.append((word, match.start()))
            if word.endswith(("'s", "\u2019s")):
                yield words  # "Soeharto's New Order": a possessive ends the name it belongs to
                words = []
        elif words:
            yield words
            words = []
    if words:
        yield words


def _is_name_word(word: str, opens: bool, lower_case: _LowerCaseWords) -> bool:
    verdict, folded = _word_verdict(word)
    if verdict is not None:
        return verdict
    if opens and (folded in STOPWORDS or folded in lower_case):
        return False  # "Shares fell": capitalised only because it opens the sentence
    return True


@lru_cache(maxsize=65536)
def _word_verdict(word: str) -> tuple[bool | None, str]:
    """What the word alone says (True, False, or None: a name unless it merely opens a sentence), and its
    folded form. Cached: wire copy repeats the same capitalised words story after story."""
    word = _unpossessive(word)
    folded = word.casefold().rstrip(".")
    if folded in PARTICLES and word.islower():
        return True, folded
    fused = _HYPHEN_PARTICLE.match(word) if "-" in word else None  # the test is cheaper than the regex
    if fused and word[fused.end()].isupper():
        return True, folded  # "al-Assad"
    if not word[0].isupper() or folded in BREAKS:
        return False, folded
    head = word.split("-", 1)[0]
    if len(head) > 1 and head.isupper() and not _INITIAL.fullmatch(word) or _DIGIT.search(word):
        return False, folded  # an acronym, a wire headline in capitals, a rating (BB-plus) or a model (A320s)
    return None, folded


class _LowerCaseWords:
    """The words a document uses in lower case as words of their own, found as asked and remembered: a long
    story opens thousands of sentences with the same few words, and each search may read the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._search(word)
        return known

    def _search(self, word: str) -> bool:
        text, found = self.text, self.text.find(word)  # str.find: faster than a regex per word
        while found != -1:
            after = found + len(word)
            if (found == 0 or not text[found - 1].isalpha()) and (after == len(text) or not text[after].isalpha()):
                return True
            found = text.find(word, after)
        return False


def _mention(run: list[tuple[str, int]]) -> Mention | None:
    words = _after_titles(run)
    while words and words[-1][0] in PARTICLES:
        words.pop()
    indexes = [i for i, (word, _) in enumerate(words) if _is_initial(word)]
    initials = _initials(words, indexes) if indexes else None
    if indexes:  # "George W. Bush": initials are no spelling of a name
        words = [word for i, word in enumerate(words) if i not in indexes]
    while words and words[0][0] in PARTICLES:
        words.pop(0)
    if not words:
        return None
    # "Robert De Niro", "Ed Van der Elsken": a particle some people capitalise, between the first and last
    # names, is a particle still (the case it is written in is then a spelling of its own).
    is_particle = [w in PARTICLES for w, _ in words]
    for i in range(1, len(words) - 1):
        if words[i][0].casefold() in CAPITALISED_PARTICLES:
            is_particle[i] = True
    surname, particles, joiner = _surname(words, is_particle)
    core = [w for w, particle in zip(words, is_particle) if not particle]
    given = _part(*core[0]) if len(core) > 1 else None
    middle = tuple(_part(*word) for word in core[1:-1] if not _HYPHEN_PARTICLE.match(word[0]))
    return Mention(surname, given, particles, middle, joiner, initials)


def _is_initial(word: str) -> bool:
    """"W", "J.R." (a length and a string test first: this runs on every word of every name)."""
    if len(word) == 1:
        return "A" <= word <= "Z"
    return word[-1] == "." and _INITIAL.fullmatch(word) is not None


def _initials(words: list[tuple[str, int]], indexes: list[int]) -> Part | None:
    """A name's initials (the words at `indexes`), where they stand together ("W. E. A." in "W. E. A. van
    Beek"), as one part: spelt as written with single spaces, keyed by their letters, so "J.K.", "J. K."
    and "J K" are one key spelt three ways."""
    if indexes[-1] - indexes[0] != len(indexes) - 1:
        return None  # apart ("J. Robert K. Smith"): no one way of writing them to compare
    run = words[indexes[0] : indexes[-1] + 1]
    start, end = run[0][1], run[-1][1] + len(run[-1][0])
    return _new_part(" ".join(word for word, _ in run), start, end)


def _is_bare_title(word: str) -> bool:
    """Is a one-word run (letters only) no name by itself: a title, a particle or an initial?"""
    return word.casefold() in TITLES or word in PARTICLES or _is_initial(word)


def _after_titles(run: list[tuple[str, int]]) -> list[tuple[str, int]]:
    cut = 0
    for index, (word, _) in enumerate(run):
        if word.casefold().rstrip(".") in TITLES:
            cut = index + 1
    return run[cut:]


def _surname(words: list[tuple[str, int]], is_particle: list[bool]) -> tuple[Part, Part | None, str]:
    """The last word, with the particles before it ("van der") or fused to it ("al-Assad"), and what joins
    the particles to it."""
    word, start = words[-1]
    word = _without_suffix(word)
    first = len(words) - 1
    while first > 0 and is_particle[first - 1]:
        first -= 1
    particles = None
    if first < len(words) - 1:
        particles = _new_part(" ".join(w for w, _ in words[first:-1]), words[first][1], words[-2][1] + len(words[-2][0]))
    fused = _HYPHEN_PARTICLE.match(word)
    if fused and fused.end() < len(word):
        particles = _new_part(word[: fused.end() - 1], start, start + fused.end() - 1)
        word, start = word[fused.end() :], start + fused.end()
        return _part(word, start), particles, "-"
    return _part(word, start), particles, " "


def _without_suffix(word: str) -> str:
    """The name in a compound that makes it a modifier: "Idol" in "Pop Idol-style", "Stearns" in
    "Stearns-led". Only these endings: "Frito-lay" and "A-levels" are names with a lower-case word."""
    head, hyphen, tail = word.rpartition("-")
    return head if hyphen and head[-1:].isalpha() and tail in MODIFIER_SUFFIXES else word


def _part(word: str, start: int) -> Part:
    word = _unpossessive(word)
    return _new_part(word, start, start + len(word))


def _unpossessive(word: str) -> str:
    """"Salman's" -> "Salman" (a string test: this runs on every capitalised word)."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word
