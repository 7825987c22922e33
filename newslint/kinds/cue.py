"""Flag cue phrases (hedges, weasel words) whose neighbouring words say they really are cues."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.carried import CarriedSpeech
from newslint.finding import Hit
from newslint.kinds.base import Kind
from newslint.kinds.cue_entries import CueEntry, fits, read_entry
from newslint.patterns import phrase_alternation  # whole words: "may" is not in "dismay", nor "known" in "well-known"
from newslint.ruleset import flatten
from newslint.wordindex import word_at
from newslint.wordscan import (can_start, could_match, first_start_before, matches, phrase_scanner, trigger_words,
                               words_for)

_JOIN_GAP = 3  # at most ", " and a stray space between cues read as one
# The first words of a cue that, after a comma, only describes the source before it ("A British source, who asked
# not to be named"; "An aide, speaking on condition of anonymity"). Any other cue after a comma is a second source:
# "regarded as a failure by some, many fans argued", "Many experts, some critics and several analysts".
_DESCRIBING = frozenset(("who", "speaking", "on"))
_OPENING_MARKS = " \t\n\"'\u201c\u2018([\u2022*"  # what may stand before a clause's first word, a plain-text bullet too
_CLAUSE_OPENERS = ("-", "\u2013", "\u2014", ":", ";")  # what a clause may follow, as a dateline's dash


class Cue(Kind):
    """Flag cue phrases, each with the context that makes it a cue.

    Fields: cues (required): each a phrase (regex, whole words), or a mapping with `phrase` and any of
    `before` / `after` (regexes that must match the words just before / after the cue), `not_before` /
    `not_after` (regexes that excuse it), `case` (`any`, the default, or `lower`: a capitalised form
    mid-sentence is a name or a month, not the cue), `lede_sourced_below` (regexes: a cue in the story's
    lede is excused when the paragraph after the lede matches one; "The striker is reportedly unhappy."
    then "The Harbour Gazette reported that ...": the report the lede leans on, named just below it),
    `sourced_earlier` (regexes: a cue is excused when its paragraph, before the cue's sentence, matches one;
    "..., the Coastal Times reports. ... It reportedly plans to buy two ships.": the report named a sentence
    or two above, which the cue points back to). A list nested in `cues` or in a cue's guard is flattened
    (a list shared through a YAML anchor).
    Rule-level `not_before` / `not_after` / `case` apply to every cue. skip_quotes (default true): ignore
    cues inside direct quotations.
    reported_speech (regexes): when one matches earlier in the sentence ("police said", "analysts
    believe"), the cue is the source's hedge in indirect speech, not the writer's.
    reported_after (regexes): the same for what follows the cue and makes the sentence no claim of the
    writer's: attribution ("..., he added.", "..., sources said on Tuesday.") or a closing question mark.
    A match anywhere after the cue in the sentence excuses it.
    carried_speech and backshifted (regexes, both or neither): indirect speech carried on into the next
    sentence. A cue is excused when `carried_speech` matches the sentence before it in its paragraph, outside
    its quotations ("The harbourmaster said the dredging had fallen behind."), and `backshifted` (whole words)
    matches in the cue's own clause ("The new berth would probably not open before the spring."): see
    `carried.CarriedSpeech`. backshifted_across (regexes, whole words; needs the two above): the backshifted forms
    that carry speech on from the last sentence of the paragraph above too (wire copy's one-sentence paragraphs).
    min_count (default 1): with 2 or more, report once per sentence that holds that many cues, from the
    first cue to the last. The message may use {count} (cues in the finding: 1 unless min_count is 2 or
    more) and {cues} (them, quoted: 'may', 'reportedly').
    stacked_cues (cues, as `cues`): a sentence holding two or more of them is reported once by the
    stacked-hedge rule, so this rule says nothing about it (one finding per sentence, at the higher
    severity). Turn both rules off together, or neither.
    skip_paragraphs (regexes): a paragraph whose text outside quotation marks matches one is not the
    writer's voice (a reader's comment, a column in the first person), and none of its cues is reported;
    nor are those of a paragraph between two such paragraphs (a reader's comment with no "I" on a page of
    them, see `Span.in_voice`).
    """

    unit = "sentence"
    fields = frozenset({"cues", "skip_quotes", "min_count", "case", "not_before", "not_after", "reported_speech",
                        "reported_after", "stacked_cues", "skip_paragraphs", "carried_speech", "backshifted",
                        "backshifted_across"})
    placeholders = frozenset({"count", "cues"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.skip_quotes = rule.boolean("skip_quotes", True)
        self.min_count = int(rule.number("min_count", 1, 1, 10))
        self.reported = rule.regex_from_list("reported_speech", required=False)
        # The words a `reported_speech` match can start with (None: any), so that a sentence holding none
        # of them before its cue is not searched: "said" and "told" stand before few of a story's cues.
        self.reported_words = words_for(self.reported, rule.strings("reported_speech")) if self.reported else None
        self.reported_after = rule.alternation("reported_after")  # not whole words: from the comma before the speaker
        self.skip_paragraphs = rule.alternation("skip_paragraphs")
        self.carried = self._carried_speech()
        defaults = {"case": rule.get("case", "any")}
        for guard in ("not_before", "not_after"):
            defaults[guard] = rule.patterns(guard)
        self.entries = [read_entry(self.rule, raw, defaults) for raw in self._raw_cues("cues")]
        self.scan = self._scanner("cues", self.entries)
        self.trigger = trigger_words(self.scan)
        self.stack = None
        if rule.get("stacked_cues") is not None:
            stacked = [read_entry(self.rule, raw, defaults) for raw in self._raw_cues("stacked_cues")]
            self.stack = (stacked, self._scanner("stacked_cues", stacked))

    def _carried_speech(self) -> CarriedSpeech | None:
        """`carried_speech`, `backshifted` and `backshifted_across`, or None: the sentence before alone says nothing
        of this one's voice."""
        speech, tense = self.rule.alternation("carried_speech"), self.rule.regex_from_list("backshifted", required=False)
        across = self.rule.regex_from_list("backshifted_across", required=False)
        if (speech is None) != (tense is None):
            given, missing = ("carried_speech", "backshifted") if tense is None else ("backshifted", "carried_speech")
            raise self.rule.error(f"'{given}' needs '{missing}' beside it", given)
        if across is not None and speech is None:
            raise self.rule.error("'backshifted_across' needs 'carried_speech' and 'backshifted' beside it",
                                  "backshifted_across")
        return CarriedSpeech(speech, tense, across) if speech is not None else None

    def _scanner(self, key: str, entries: list[CueEntry]) -> tuple:
        """(pattern, first words) for `wordscan.matches` over these cues."""
        phrases = [entry.phrase for entry in entries]
        return phrase_scanner(self.rule.regex(key, phrase_alternation(phrases)), phrases, [e.pattern for e in entries])

    def _raw_cues(self, key: str) -> list:
        cues = self.rule.require(key)
        if not isinstance(cues, list) or not cues:
            raise self.rule.error(f"'{key}' must be a non-empty list of phrases or mappings", key)
        return flatten(cues)

    def check(self, sentence) -> Iterator[Hit]:
        seen = sentence.seen  # "prob\u00adably" with a soft hyphen from the CMS reads as "probably"
        found = list(self._cues(seen))
        if found and self.stack and _nth(self._cues(seen, *self.stack), 2):
            return  # two hedges in one sentence: the stacked-hedge rule reports it once
        if self.min_count == 1:
            yield from hits(seen, found)
        elif len(found) >= self.min_count:
            yield Hit(seen.absolute(found[0][0]), seen.absolute(found[-1][1], end=True), _cue_values(found))

    def could_match(self, paragraph) -> bool:
        return could_match(self.scan, paragraph.seen.word_index)  # no cue, no finding (stacked or not)

    def _cues(self, sentence, entries=None, scan=None) -> Iterator[tuple[int, int, str]]:
        """The cues in `sentence` (a span as seen, `Span.seen`), as offsets into its text."""
        text = sentence.text
        entries, (pattern, words) = entries or self.entries, scan or self.scan
        found = matches(pattern, text, words, sentence.word_index)
        reported, reported_after = self.reported, self.reported_after
        if len(found) > 1:
            # A sentence with no reported speech anywhere has none before or after any of its cues: asked once,
            # not once a cue, so that a sentence of thousands of cues is read once.
            reported, reported_after = _if_found(reported, text), _if_found(reported_after, text)
        for match in found:
            if self.skip_quotes and sentence.in_quote(match.start()):
                continue  # a speaker's hedge is reporting, not the writer hedging
            if reported and (first := first_start_before(self.reported_words, sentence.word_index, match.start())) \
                    is not None and reported.search(text, first, match.start()):
                continue  # "police said he appeared to have died": the hedge is the source's
            accepted = self._accepted(text, match.start(), entries)
            if accepted is None:
                continue
            end, entry = accepted
            if reported_after and _speaker_follows(reported_after, text, match.start(), end):
                continue  # "..., he added": indirect speech, attributed after the hedge
            if self.carried and self.carried.excuses(sentence, match.start(), end):
                continue  # "X said the dredging had fallen behind. The berth would probably ...": still X's words
            below = text_below_lede(sentence.paragraph or sentence) if entry.lede_below else None
            if below is not None and entry.lede_below.search(below):
                continue  # "X is reportedly ..." in the lede, then "The Harbour Gazette reported that ..."
            if entry.earlier is not None and entry.earlier.search(_text_before(sentence)):
                continue  # "..., the Coastal Times reports. It reportedly plans ...": the report is named above
            # Most cues found fall to the tests above: the paragraph's voice is looked at only for one that
            # passes them, and a paragraph in the first person silences every cue in the sentence.
            if self.skip_paragraphs and (sentence.paragraph or sentence).in_voice(self.skip_paragraphs):
                return
            yield match.start(), end, text[match.start():end]

    @staticmethod
    def _accepted(text: str, start: int, entries: list[CueEntry]) -> tuple[int, CueEntry] | None:
        """End and entry of the longest cue at `start` whose context fits, or None."""
        matches = [(m.end(), entry) for entry in can_start(entries, word_at(text, start))
                   if (m := entry.pattern.match(text, start))]
        for end, entry in sorted(matches, key=lambda item: -item[0]):
            if fits(entry, text, start, end):
                return end, entry
        return None


def _speaker_follows(reported_after, text: str, start: int, end: int) -> bool:
    """Is a speaker (`reported_after`) named after the cue at start..end? A cue opening its clause with a comma,
    "Allegedly, a manager told staff to cross the picket line.", is an adverb on the whole clause after it,
    speech verb and all: that comma is the adverb's, not the one before a speaker ("..., the union said").
    A speaker set off by a second comma right after it is a speaker all the same: "Probably, he said, the
    fire started in the kitchen." is his guess."""
    found = reported_after.search(text, end)
    if found is None or found.start() != end or not text.startswith(",", end) or found.group().endswith(","):
        return found is not None
    before = text[:start].rstrip(_OPENING_MARKS)
    opens_clause = not before or before.endswith(_CLAUSE_OPENERS)
    return not opens_clause or reported_after.search(text, end + 1) is not None


def _if_found(pattern, text: str):
    """`pattern` when it matches anywhere in `text`, else None."""
    return pattern if pattern is not None and pattern.search(text) else None


def hits(sentence, found: list[tuple[int, int, str]]) -> Iterator[Hit]:
    """One finding a cue found in `sentence` (offsets into its text), cues read as one (`_joined`) as one."""
    for start, end, written in _joined(found, sentence.text):
        yield Hit(sentence.absolute(start), sentence.absolute(end, end=True), _cue_values([(start, end, written)]))


def _joined(found: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """The cues found, with those that only a space parts, or a comma before words describing the first
    (`_DESCRIBING`), taken as one: "was regarded by many" and "a British source, who declined to be identified"
    are each one unnamed source, reported once."""
    cues: list[tuple[int, int, str]] = []
    for start, end, written in found:
        if cues and len(gap := text[cues[-1][1]:start]) <= _JOIN_GAP and not gap.strip(" ,") and (
                "," not in gap or written.split(None, 1)[0].lower() in _DESCRIBING):
            start = cues.pop()[0]
            written = text[start:end]
        cues.append((start, end, written))
    return cues


def _cue_values(found: list[tuple[int, int, str]]) -> dict:
    """{count} and {cues} for every hit, one cue or several: a placeholder the kind lists is always filled."""
    return {"count": len(found), "cues": ", ".join(dict.fromkeys(f"'{text.lower()}'" for _, _, text in found))}


def text_below(paragraph) -> str | None:
    """The next paragraph's text as seen, or None at the end of the story or before a heading."""
    below = paragraph.document.paragraph_after(paragraph)
    return None if below is None or below.is_heading else below.seen.text


def text_below_lede(paragraph) -> str | None:
    """The text after the story's lede when `paragraph` is the lede (where a wire or the BBC names, just
    below, the source the lede leans on), else None."""
    lede = paragraph.document.lede
    return text_below(paragraph) if lede is not None and paragraph.start == lede.start else None


def _text_before(sentence) -> str:
    """The text of `sentence`'s paragraph before it: empty for a paragraph, or for its first sentence."""
    paragraph = sentence.paragraph or sentence
    return paragraph.document.text[paragraph.start:max(paragraph.start, sentence.absolute(0))]


def _nth(iterator: Iterator, n: int) -> bool:
    """Does `iterator` yield at least `n` items? Stops as soon as it does."""
    return sum(1 for _, _ in zip(range(n), iterator)) == n
