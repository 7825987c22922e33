"""Indirect speech carried on into the next sentence: whether a hedge there is still the speaker's.

British and wire copy report a speaker in one sentence and go on in the next without a new speech verb,
keeping the speaker's tenses shifted back: "The harbourmaster said the dredging had fallen behind. The new
berth would probably not open before the spring." The second "would" is the harbourmaster's "will", so the
hedge is his; "The berth will probably open in spring" there is the writer's forecast. The cue kind's
`carried_speech` and `backshifted` fields say what each sentence must hold (see `rules/hedging.yaml`).

Wire copy gives each sentence a paragraph of its own, so its reported speech goes on across a paragraph
break ("..., the ferry line's chairman added." then "The line would probably add a Sunday sailing."). There
only the forms in `backshifted_across` carry it on (the shipped rules: "would"): "might", "could" and "had"
open a new paragraph in the writer's own voice as often as in the speaker's.
"""

from __future__ import annotations

from newslint.records import record
from newslint.regexcache import compiled

# How far either side of a hedge its clause is looked for: a backshifted modal governs the words close by.
_WINDOW = 60
# What ends a clause: a comma, a semicolon, a colon, a bracket, a dash ("-" or a wire's "--" between spaces) or
# a conjunction. "The berth will probably open, which would please the ferry company" and "The blaze may have
# smouldered for hours before the alarm was raised and could have been stopped": that "would" and "could" are
# another clause's, and the hedge's own "may have" is the writer's present.
_CLAUSE_END = compiled(r"[,;:()\u2013\u2014]|\s--?\s|\s(?:and|but|or|because|although|though|while|whereas|when"
                       r"|before|after|until|unless|if)\s")


@record
class CarriedSpeech:
    speech: object  # matched against the sentence before, outside its quotations
    tense: object  # matched in the hedge's clause
    across: object | None  # matched in the hedge's clause when the sentence before ends the paragraph above

    def excuses(self, sentence, start: int, end: int) -> bool:
        """Is the cue at `start`-`end` of `sentence` (as seen) in a backshifted clause right after a sentence of
        reported speech: in the same paragraph, or ending the paragraph above when the clause is backshifted in a
        form `across` takes?"""
        clause = clause_around(sentence.text, start, end)
        if not self.tense.search(clause):
            return False  # the cheap test first: most hedges are in the present or the future
        paragraph = sentence.paragraph or sentence
        before = paragraph.sentence_before(sentence.absolute(0))
        if before is None and self.across is not None and self.across.search(clause):
            before = _last_sentence_above(paragraph)
        # Outside its quotations: '"We will finish in May," he said.' is direct speech, no clause to carry on.
        return before is not None and before.voice_matches(self.speech)


def _last_sentence_above(paragraph):
    """The last sentence of the paragraph before `paragraph`, or None at the top of the story or below a heading."""
    above = paragraph.document.paragraph_before(paragraph)
    return None if above is None or above.is_heading else above.sentences[-1]


def clause_around(text: str, start: int, end: int) -> str:
    """The clause holding `text[start:end]`, within a window either side, so a long sentence stays linear."""
    before = text[max(0, start - _WINDOW):start]
    cuts = [match.end() for match in _CLAUSE_END.finditer(before)]
    before = before[cuts[-1]:] if cuts else before
    after = text[end:end + _WINDOW]
    cut = _CLAUSE_END.search(after)
    return before + text[start:end] + (after[:cut.start()] if cut else after)

