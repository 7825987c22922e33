"""Find name mentions in copy: the runs of capitalised words (with the particles between and before them)
that are names and not a sentence's first word, a day or a headline in capitals (`name_words` judges each
word); `name_parts` takes each run apart into given name, particles and last name."""

from __future__ import annotations

from newslint.kinds.name_keys import skeleton
from newslint.kinds.name_parts import (ASSIMILATED_ARTICLES, ELIDED, SPACED_PARTICLES, SUN_LETTER_DOUBLED, Mention,
                                       Part, mention_of, new_part)
from newslint.kinds.name_words import (COMPANY_SUFFIXES, LowerCaseWords, is_bare_title, is_name_word, opens_sentence,
                                       word_verdict)
from newslint.regexcache import compiled
from newslint.visible import INVISIBLE


# Inside a word and unseen: combining accents (copy saved decomposed, as macOS and some PDF exports do,
# writes "Erdoğan" as g and a breve), and the invisible characters of `visible` ("Zelen\u00adskyy").
_MARKS = "\u0300-\u036f" + INVISIBLE
# A word (letters, accents, inner apostrophes and hyphens) or a run of initials ("J.R.").
_WORD = compiled(rf"(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_](?:[\w'\u2019{_MARKS}-]*[^\W_][{_MARKS}]*)?")
# Spelt out, as in wordindex: importing `string` for it (and the Template regex that module compiles on import)
# costs a one-story run about 1% of its instructions.
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"  # Latin capitals (Latin Extended-A mixes both cases)
_PARTICLE_WORD = "(?:" + "|".join(sorted(SPACED_PARTICLES, key=lambda p: (-len(p), p))) + ")"


# Capitalised words (and initials) joined by spaces, with particles between them: "Charles de Gaulle",
# "Ursula von der Leyen", "John F. Kennedy". It opens on a capital, which the regex engine finds fast;
# a particle before the run ("al-Assad", "de Gaulle" opening a sentence) is picked up by `_run_start`.
# Inside a name, an apostrophe may open a word: romanisations of Arabic write the consonant 'ayn so
# ("Khalid 'Abd al-Rahim", "Zayd 'Ali"). It stands outside the word, as a possessive's does, and is
# read so only where no quote closes soon after it on its line: "Omar 'The Nightingale' Haddad" holds a
# nickname in quotes, and "told Radio Solent 'We will not give up.'" a quotation, closed after its stop
# as British copy closes one. Soon: a line of a one-line-a-paragraph export may run to thousands of
# characters, and looking to its end from every apostrophe would take time growing as its square.
def _ayn(upper: str, word: str, apostrophes: str, stops: str) -> str:
    """The optional 'ayn apostrophe before a name word, from the run's classes of characters."""
    return rf"(?:[{apostrophes}\u2018](?=[{upper}])(?![^\n]{{0,200}}?[{word}{stops}][{apostrophes}](?![{word}])))?"


# An assimilated article in lower case between the words of a name (Ahmed ash-Sharaa); capitalised, it is a
# name word of its own (Ahmed Ash-Sharaa).
_ASSIMILATED = rf"[aeu]{SUN_LETTER_DOUBLED}"


def _run(upper: str, word: str, space: str, apostrophes: str, marks: str, stops: str) -> str:
    """The pattern of a run of capitalised words, from its classes of characters."""
    capital = rf"[{upper}](?:\.(?:[{upper}]\.)*|[{word}{apostrophes}{marks}-]*)"
    # A lower-case elided particle written onto a name word: "d'" in "Hélène d'Aubrac", "l'" in "Étienne
    # l'Ormeau" (capitalised, "D'Ercole" is a capitalised word like any other).
    elided = rf"[dl][{apostrophes}](?=[{upper}])"
    particle = rf"{_PARTICLE_WORD}(?:{space}+|-)|{_ASSIMILATED}|{elided}"
    return rf"{capital}(?:{space}+(?:{particle})*{_ayn(upper, word, apostrophes, stops)}{capital})*"


_RUN = compiled(_run(_UPPER, r"\w", r"\s", "'\u2019", _MARKS, ".,;:!?\u2026"))
# The same runs in ASCII text (most wire copy), in classes of ASCII characters alone: `re` tests a character
# against those in a table lookup, and against \w, \s or a range beyond Latin-1 in several steps each.
# (\s in ASCII is tab to carriage return, the separators 0x1c to 0x1f, and the space.)
_ASCII_RUN = compiled(_run("A-Z", "0-9A-Za-z_", r"[\t-\r\x1c- ]", "'", "", ".,;:!?"))
# Searched up to the run's first two letters, which an assimilated article doubles (ash-Sharaa), and ending
# where the run starts.
_LEADING_PARTICLES = compiled(rf"(?:(?<![\w'\u2019-])(?:{_PARTICLE_WORD}(?:\s+|-)|{_ASSIMILATED}))+(?=.{{1,2}}$)")
# A firm's name that runs on past "and" to its suffix, capitalised or in capitals and written out or not ("and
# Shanghai Banking Corp", "... Corporation" after "Hongkong"); not "group" or the "co" of "co-operate".
_FIRM_SUFFIXES = sorted({form for suffix in COMPANY_SUFFIXES + "corporation company limited incorporated holdings".split()
                         for form in (suffix.capitalize(), suffix.upper())} | {"SpA", "GmbH"})
_AND_TO_SUFFIX = compiled(r"\s+(?:and|&)\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:" + "|".join(_FIRM_SUFFIXES) + r")(?![\w-])")


def firm_words(document, mentions: list[Mention]) -> frozenset[Part]:
    """The last words of the mentions that a firm's name runs on from, past "and", to its suffix: "Hongkong"
    in "the Hongkong and Shanghai Banking Corp", "Procter" in "Procter and Gamble Co". A mention stops at
    the "and", yet the word is the firm's, kept as the firm was registered: not the story's own spelling of
    the place (Hong Kong) or the person it is named for."""
    text = document.text
    return frozenset(mention.surname for mention in mentions if text.startswith((" and ", " & "), mention.surname.end)
                     and _AND_TO_SUFFIX.match(text, mention.surname.end))


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
    lower_case = LowerCaseWords(text)
    runs = _ASCII_RUN if text.isascii() else _RUN
    for paragraph in document.paragraphs:
        for run in runs.finditer(text, paragraph.start, paragraph.end):
            word = run.group()
            one_word = word.isalpha()
            if one_word and word_verdict(word)[0] is False:
                continue  # a day, an acronym, a headline's capitals: no name, whatever particle stands before it
            start = _run_start(text, paragraph.start, run.start())
            if start is None:
                continue  # the tail of a word: "McDonald", "x-Ray"
            opens = paragraph.is_heading or opens_sentence(text, paragraph.start, start)
            if start == run.start() and one_word:
                # Most runs are one plain word ("The", "Reuters"): no word split, no possessive to cut.
                if is_name_word(word, opens, lower_case) and not is_bare_title(word):
                    mentions.append(Mention(new_part(word, start, start + len(word))))
                continue
            if paragraph.is_heading:  # each word of a heading is judged by the story's own lower-case words
                for words in _name_words(text, start, run.end(), True, True, lower_case):
                    mention = mention_of(words)
                    if mention is not None:
                        mentions.append(_heading_particle(text, mention))
                continue
            if opens:  # only the first word is judged by the story's lower-case words ("Shares", "The")
                first = _WORD.match(text, start, run.end())
                if not is_name_word(first.group(), True, lower_case):
                    start = first.end()  # the rest of the run reads as it would mid-sentence
            mentions.extend(_run_mentions(text, start, run.end()))
    if any(mention.initials is not None for mention in mentions):
        mentions = _undotted_initials(text, mentions)
    return mentions


def _heading_particle(text: str, mention: Mention) -> Mention:
    """A heading's mention without a capitalised elided particle that the story writes in lower case before
    the same name ("Hélène D'Aubrac To Buy Estate" over "Hélène d'Aubrac said"): a heading capitalises it as
    it does any word, so its case says nothing (a spaced particle so written is no name word at all)."""
    particle = mention.particles
    if mention.joiner != ELIDED or not particle.text[0].isupper():
        return mention
    lower = particle.text[0].lower()
    if f"{lower}'{mention.surname.text}" in text or f"{lower}\u2019{mention.surname.text}" in text:
        return mention.replace(particles=None, joiner=" ")
    return mention


# Two or three capitals and a space just before a name: "JK" in "JK Rowling".
_CAPITALS_BEFORE = compiled(r"(?:^|[^\w.])([A-Z]{2,3}) $")


def _undotted_initials(text: str, mentions: list[Mention]) -> list[Mention]:
    """Where a story writes a name's initials with stops ("J.K. Rowling", "J. D. Vance"), the same capitals
    without them before the same last name ("JK Rowling") are that name's initials too, not an acronym, so
    that `initials_punctuation` compares the two ways of writing them."""
    dotted = {(m.initials.key, m.surname.key) for m in mentions if m.initials is not None}
    undotted = []
    for mention in mentions:
        if mention.initials is None and mention.given is None:
            start = mention.particles.start if mention.particles else mention.surname.start
            capitals = _CAPITALS_BEFORE.search(text, max(0, start - 5), start)
            if capitals and (skeleton(capitals.group(1)), mention.surname.key) in dotted:
                mention = mention.replace(initials=new_part(capitals.group(1), capitals.start(1), capitals.end(1)))
        undotted.append(mention)
    return undotted


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
                    if (mention := mention_of(words)) is not None]
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


# The last two letters of each particle longer than one: after a space and a word ending in other letters
# ("said Woodco", "the Fed"), as before most runs, no particle can stand.
_PARTICLE_ENDINGS = frozenset(particle[-2:] for particle in SPACED_PARTICLES if len(particle) > 1)


def _run_start(text: str, paragraph_start: int, offset: int) -> int | None:
    """Where a run really starts: before any particles in front of it; None inside a word."""
    if offset == paragraph_start:
        return offset  # a paragraph's first word (in wire copy's short lines, a third of runs)
    if text[offset - 1] in "'\u2019":
        return _elided_start(text, paragraph_start, offset - 2)
    if text[offset - 1].isalnum():
        return None
    ending = text[offset - 3 : offset - 1]
    if offset - 3 >= paragraph_start and text[offset - 1] == " " and ending.isalpha() and ending not in _PARTICLE_ENDINGS:
        return offset  # a two-letter slice and a set test, where the search below slices and strips a window
    window_start = max(paragraph_start, offset - 24)
    particles = _ends_with_particle(text[window_start:offset]) and _LEADING_PARTICLES.search(text, window_start,
                                                                                             offset + 2)
    if particles:
        return particles.start()
    return None if text[offset - 1] == "-" else offset


def _elided_start(text: str, paragraph_start: int, particle: int) -> int | None:
    """Where a run after an apostrophe starts: at a lower-case elided particle standing as a word ("said
    d'Aubrac"), or nowhere, as the tail of a word ("O'Brien" is one word, found at its O)."""
    if particle < paragraph_start or text[particle] not in "dl":
        return None
    if particle > paragraph_start and (text[particle - 1].isalnum() or text[particle - 1] in "'\u2019-"):
        return None
    return particle


def _ends_with_particle(window: str) -> bool:
    """Could _LEADING_PARTICLES match at the end of `window`? Its last particle would be the lower-case
    word left after stripping the white space and hyphens that end the window. A string test, since
    almost no run has one and the regex search tries every position of the window."""
    stem = window.rstrip()
    while stem.endswith("-"):
        stem = stem[:-1].rstrip()
    last_word = stem[len(stem.rstrip(_ASCII_LOWER)) :]  # particles are plain lower-case letters
    return last_word in SPACED_PARTICLES or last_word in ASSIMILATED_ARTICLES


def _name_words(text: str, start: int, end: int, opens: bool, heading: bool, lower_case: LowerCaseWords):
    """The run's words as (text, start), split where a word is not part of a name or after a possessive."""
    words: list[tuple[str, int]] = []
    for index, (word, at) in enumerate(_words(text, start, end)):
        if is_name_word(word, (index == 0 and opens) or heading, lower_case):
            words.append((word, at))
            if word.endswith(("'s", "\u2019s")):
                yield words  # "Soeharto's New Order": a possessive ends the name it belongs to
                words = []
        elif words:
            yield words
            words = []
    if words:
        yield words


def _words(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The words from `start` to `end` as (text, start). Most runs are letters between spaces ("Prime
    Minister Yasuhiro Nakasone"): splitting those at the spaces gives the words `_WORD` finds, without a
    regex match per word."""
    run = text[start:end]
    if run.replace(" ", "").isalpha():
        words, at = [], start
        for word in run.split(" "):
            if word:  # "" before a space that opens the run (its first word was set aside) or doubles another
                words.append((word, at))
            at += len(word) + 1
        return words
    return [(match.group(), match.start()) for match in _WORD.finditer(text, start, end)]
