"""Flag weasel attributions ("critics say") unless the paragraph goes on to name who says so."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from newslint.finding import Hit
from newslint.kinds.cue import Cue, hits, text_below, text_below_lede
from newslint.patterns import any_of, phrase_alternation
from newslint.phrasewords import first_words
from newslint.quotations import OPENING_DOUBLE
from newslint.regexcache import compiled
from newslint.wordindex import WordIndex
from newslint.wordscan import could_match, phrase_scanner


class Attribution(Cue):
    """Weasel cues excused by a named speaker nearby.

    Fields: everything the `cue` kind takes (cues, skip_quotes, case, not_before, not_after), plus
    speech_verbs (regexes: "said", "according to"), named_speakers (regexes for a specific source:
    a capitalised name, "the ministry"), vague_subjects (words that never count as a named speaker,
    even capitalised at the start of a sentence: "Critics", "Many"; after one, what follows "of", "on", "into" or
    "for" names someone only with a capital: "The study of 200 skippers" does not), introducers (regexes that put a
    name after a vague subject: "including", "such as"). A cue is excused when, after it in the same
    sentence or anywhere in the next sentence of the paragraph, a named speaker meets a speech verb, or
    an introducer is followed by a named speaker ("critics, including Senator Ruiz, say"). A named
    speaker earlier in the same sentence ("Halvorsen said ... they have been rumoured suitors") or in
    the sentence before, in the same paragraph, excuses it too: "..., said Ruth Kellaway of Quayside Capital.
    Analysts said ..." reads as the story's sourcing, not an anonymous chorus. A cue right after a named speaker's
    verb, up to two asides after the name, opens what they said ("Mary Jones, 72, who has lived there for 40 years,
    said many neighbours fear ..."). A claim that closes its sentence with the cue ("..., analysts said.", "Others
    disagreed.") is excused when the next sentence opens a quotation that closes, within a few sentences, on a named
    speaker. not_speaking (regexes, case as written): a named speaker and verb that are something else, "the Baltic
    states.". With lede_named_below
    (default false), a cue in the story's first paragraph is excused when a named speaker meets a speech
    verb in the paragraph after it: the wire lede says "analysts said" and the next paragraph quotes one.
    finding_verbs (regexes: "found that") and finders (regexes: "researchers"): a cue naming finders ("say
    researchers") is excused, as by a speaker, when a name meets a finding verb in the sentence before it in
    its paragraph or in the paragraph below its lede ("Academics at Harbour University found that ...
    Games belong in the classroom, researchers say."). Not for other groups, nor from after the cue: beside
    "Critics say ..." or "Some think ..." a body's finding is evidence for or against the view, not its source.
    With group_named_below (default false), a cue ending in a group ("analysts", "some economists") is
    excused anywhere when one of the two sentences after it in its paragraph, or the paragraph after it,
    names one of that group ("..., said Ruth Kellaway, analyst at Quayside Capital", "Harbour Research analyst Ann
    Cole said", "..., said Tidewater Securities analyst Ben Ashdown."). The message may use the cue kind's
    {count} (always 1 here) and {cues}.
    """

    unit = "paragraph"
    fields = Cue.fields | {"speech_verbs", "named_speakers", "vague_subjects", "introducers", "lede_named_below",
                           "group_named_below", "finding_verbs", "finders", "not_speaking"}

    def __init__(self, rule) -> None:
        super().__init__(rule)
        verbs = rule.patterns("speech_verbs", required=True)
        speakers = rule.patterns("named_speakers", required=True)
        vague = rule.patterns("vague_subjects")
        introducers = rule.patterns("introducers")
        not_speaking = rule.patterns("not_speaking")
        self.not_speaking = (rule.regex("not_speaking", "|".join(not_speaking), ignore_case=False)
                             if not_speaking else None)
        # Names are told by their capitals, so the speaker pattern is case-sensitive; the verb lists are not.
        # Each alternative captures its speaker in one group, so a vague one ("critics") can be set aside
        # afterwards: RE2, which runs rule patterns in linear time, has no lookahead to exclude it in place.
        speaker = f"((?:{'|'.join(speakers)}))"
        verb = f"(?i:{'|'.join(verbs)})"
        # Up to two asides between a name and its verb, as a profile gives them: "Mary Jones, 72, who has lived on
        # the street for 40 years, said ...".
        named = [rf"{speaker}(?:(?:\s*,[^,]{{1,60}}){{1,2}},)?\s+{verb}(?:\W|$)", rf"(?:^|\W){verb}\s+{speaker}"]
        if introducers:
            named.append(rf"(?i:(?:^|\W)(?:{'|'.join(introducers)}))\s+{speaker}")
        self.named = rule.regex("named_speakers", "|".join(named), ignore_case=False)
        # Every match of `named` holds a speech verb or an introducer. `re` tries the whole pattern at every
        # character, which costs more than the rest of the rule, and most text searched holds neither ("Analysts
        # expect rates to fall."): its words say so first (`_may_name`). A verb whose first word may be any word
        # ("Chairman:") is searched for on its own.
        speech = verbs + introducers
        open_ended = [source for source in speech if first_words([source]) is None]
        worded = [source for source in speech if source not in open_ended]
        self.speech = phrase_scanner(rule.regex("speech_verbs", phrase_alternation(worded)), worded,
                                     (rule.regex("speech_verbs", phrase_alternation([source])) for source in worded))
        self.open_speech = rule.regex("speech_verbs", any_of(open_ended)) if open_ended else None
        findings, finders = rule.patterns("finding_verbs"), rule.patterns("finders")
        # Only "Harbour University found that": the inverted form has no place in a finding.
        self.found = (rule.regex("finding_verbs", rf"{speaker}\s+(?i:{'|'.join(findings)})(?:\W|$)", ignore_case=False)
                      if findings and finders else None)
        self.finders = rule.regex("finders", rf"(?:^|\W)(?:{'|'.join(finders)})(?:\W|$)") if finders else None
        # The cue's own verb ("Critics say the company ..."), which must not read as an inverted attribution
        # ("..., said the company").
        self.own_verb = rule.regex("speech_verbs", rf"\s*{verb}(?:\W|$)", ignore_case=False)
        self.vague = rule.regex("vague_subjects", f"(?:{'|'.join(vague)})(?:\\W|$)") if vague else None
        self.lede_named_below = rule.boolean("lede_named_below", False)
        self.group_named_below = rule.boolean("group_named_below", False)

    def check(self, paragraph) -> Iterator[Hit]:
        sentences = [sentence.seen for sentence in paragraph.sentences]
        named_below = None  # worked out for the lede's first cue that needs it, then kept
        for index, sentence in enumerate(sentences):
            following = sentences[index + 1].text if index + 1 < len(sentences) else ""
            previous = sentences[index - 1].text if index else ""
            previous_named = None  # worked out for the sentence's first cue that needs it, then kept
            speakers = None  # the speakers named after the sentence's first cue, read as its cues ask
            first_named = None  # the first speaker the sentence names, for a passive continuing their claim
            kept = []
            for start, end, text in self._cues(sentence):
                own_verb = self.own_verb.match(sentence.text, end)
                claim_end = own_verb.end() if own_verb else end
                if speakers is None:
                    speakers = _Ahead(self._named_spans(sentence.text + " " + following, pos=claim_end))
                if speakers.any_from(claim_end):
                    continue  # "critics say, including Senator Ruiz": the claim has a name on it
                if _closes_sentence(sentence.text, start, claim_end) and \
                        self._is_attributed(_after_quotation(sentences, index)):
                    continue  # "..., analysts said. "They will buy in smaller lots ...," said Ann Cole."
                if self._is_impersonal(sentence.text[start:end]):
                    if first_named is None:
                        first_named = next(self._named_spans(sentence.text, index=sentence.word_index), ())
                    if first_named and first_named[1] <= start:
                        continue  # "Halvorsen said ..., although they have been rumoured suitors": his claim
                if self._speaker_just_before(sentence, start):
                    continue  # "Mary Jones, 72, who has lived there for 40 years, said many neighbours fear ...": hers
                if previous_named is None:
                    previous_named = bool(previous) and self._is_attributed(previous)
                if previous_named:
                    continue  # "..., said Ruth Kellaway of Quayside Capital. Analysts said ...": sourced next door
                if named_below is None:
                    named_below = self._lede_named_below(paragraph)
                if named_below:
                    continue  # "..., analysts said." then "..., said Ann Cole of Harbour Research.": sourced below
                if self._is_finders(text) and self._found_before(previous, paragraph):
                    continue  # "Academics at Harbour University found that ... researchers say": their finding
                if self.group_named_below and _member_named_later(sentences[index + 1:index + 1 + _LATER], text):
                    continue  # "Analysts said ... "...," said Ann Cole, an analyst at Harbour Research.": one paragraph
                if self.group_named_below and _member_named_below(paragraph, text):
                    continue  # "Analysts said ..." then "..., said Ruth Kellaway, analyst at Quayside Capital."
                kept.append((start, end, text))
            yield from hits(sentence, kept)

    def _lede_named_below(self, paragraph, named: re.Pattern | None = None) -> bool:
        below = text_below_lede(paragraph) if self.lede_named_below else None
        return below is not None and self._is_attributed(below, named)

    def _is_finders(self, cue: str) -> bool:
        """Does the cue name a group whose claims are findings ("say researchers", "some scientists")?"""
        return self.found is not None and self.finders.search(cue) is not None

    def _found_before(self, previous: str, paragraph) -> bool:
        """Does a name meet a finding verb in the sentence before the cue's, or below the lede the cue is in?
        Asked only of the rare cue that names finders, so nothing is kept."""
        return self._is_attributed(previous, self.found) or self._lede_named_below(paragraph, self.found)

    def _is_attributed(self, context: str, named: re.Pattern | None = None) -> bool:
        return next(self._named_spans(context, named=named), None) is not None

    def _named_spans(self, context: str, pos: int = 0, named: re.Pattern | None = None,
                     index: WordIndex | None = None) -> Iterator[tuple[int, int]]:
        """Where `context`, from `pos` on, names a speaker with a speech verb (or, with `named`, a finding
        verb): the start and end of each, in order, found as they are asked for. `index`: the words of a text
        holding `context`, if one is at hand (a sentence's), for the quick test."""
        if named is None and not self._may_name(context[pos:], index):
            return
        for match in (named or self.named).finditer(context, pos):
            speaker = next(group for group in range(1, len(match.groups()) + 1) if match.group(group) is not None)
            if not self._is_vague(match.group(speaker)) and not (self.not_speaking and
                                                                 self.not_speaking.search(match.group())):
                yield match.span()

    def _may_name(self, text: str, index: WordIndex | None = None) -> bool:
        """Can `named` match in `text`? Not when it holds no speech verb or introducer (see `__init__`); asked of
        `index`, the words of a text holding it, when there is one, which can only say yes more often."""
        if could_match(self.speech, index or WordIndex(text)):
            return True
        return self.open_speech is not None and self.open_speech.search(text) is not None

    def _speaker_just_before(self, sentence, start: int) -> bool:
        """Does a named speaker's verb stand right before the cue, the cue opening what they said? A guard's few words
        before the cue miss a name with its asides ("Mary Jones, 72, who has lived on the street for 40 years,
        said many neighbours fear ...")."""
        spans = self._named_spans(sentence.text[:start], index=sentence.word_index)
        return any(_SAID_GAP.fullmatch(sentence.text, end, start) for _, end in spans)

    def _is_impersonal(self, cue: str) -> bool:
        """A passive or "it is thought" continues the claim of a speaker named before it; a cue that names
        its own unnamed group ("but critics say") opens a new claim of its own. "It" and the "that" closing "it was
        believed that" are the passive's own words, not a group ("Mr Hale said it was widely believed that ...")."""
        return not any(self._is_vague_word(word) for word in cue.split() if word.lower() not in ("it", "that"))

    def _is_vague(self, speaker: str) -> bool:
        """Only vague words ("Critics", "The analysts" read as "The"): no one named. Leading vague words are
        set aside first, so "the finance ministry" and "However, Tom Hale" still name someone."""
        if self.vague is None:
            return False
        words = speaker.split()
        for index, word in enumerate(words):
            if self._is_vague_word(word):
                continue
            if word in _ABOUT and index and self._is_vague_word(words[index - 1]):
                # "The study of 200 skippers": who the study asked, not who made it. "A survey of Harbour
                # Council members" names the council.
                return not any(later[:1].isupper() for later in words[index + 1:])
            return False
        return True

    def _is_vague_word(self, word: str) -> bool:
        match = self.vague.match(word + " ")
        return match is not None and match.end() == len(word) + 1


# Between a speaker's verb and what they said: "said many ...", "said that many ...".
_SAID_GAP = compiled(r"\s*(?:that\s+)?")

# After a vague word, these open what a source is about or whom it asked ("The study of 200 skippers", "a
# report on the harbour"): the named-body pattern takes them in so that its verb can follow, but they name no one.
_ABOUT = frozenset({"of", "on", "into", "for"})


class _Ahead:
    """The speakers named in a sentence after its first cue, read once from left to right however many cues
    ask: each later cue asks only about what lies after it, so a sentence of thousands of cues is read once,
    and a sentence of one cue no further than its first named speaker."""

    def __init__(self, spans: Iterator[tuple[int, int]]) -> None:
        self._spans = spans
        self._current = next(spans, None)

    def any_from(self, position: int) -> bool:
        """Is a speaker named at or after `position`? Asked with positions that never go back."""
        while self._current is not None and self._current[0] < position:
            self._current = next(self._spans, None)
        return self._current is not None


# A group's claim that closes its sentence with the group ("..., analysts said.", "Others disagreed.") and then a
# quotation: the wire's claim and its source, named where the quotation closes, within a few sentences
# ("Others disagreed. "I think ... reasons. There's ... price. Anyone ... market," said Walter Brown, analyst for a
# cotton producer."). Not a group that opens its sentence ("Critics say the law would ..."): the quotation after
# that is as often the other side's.
_CLOSES_SENTENCE = compiled(r"\s*(?:[\w'-]+)?\W*$")


def _closes_sentence(text: str, start: int, claim_end: int) -> bool:
    """"Fares will rise, analysts said on Tuesday." or "Others disagreed.": a claim before the group (not a lone
    "However,"), or nothing but its verb after it."""
    before = text[:start].strip()
    return (before.endswith(",") and " " in before) or _CLOSES_SENTENCE.match(text, claim_end) is not None


# How many sentences that quotation may run to: a wire's runs to a sentence or three, a feature's to four.
_QUOTED_RUN = 4
_QUOTES = OPENING_DOUBLE + "\u201d"


def _after_quotation(sentences: list, index: int) -> str:
    """The words after the quotation that opens the sentence after the cue's, where it closes within `_QUOTED_RUN`
    sentences (they name its speaker; a name inside it is not one), or "" when that sentence opens none or it does
    not close. A sentence that opens with a quotation mark again ("I think ... reasons. "There's ...") still goes
    on with it, as in BBC copy."""
    following = sentences[index + 1:index + 1 + _QUOTED_RUN]
    if not following or following[0].text.strip()[:1] not in OPENING_DOUBLE:
        return ""
    for sentence in following:
        text = sentence.text.strip()
        closing = max(text.rfind(mark, 1) for mark in _QUOTES)
        if closing > 0:
            return text[closing + 1:]
    return ""


# A full name (two capitalised words or more) described as one of the group, or the group word before it.
_NAME = r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)+"
_MEMBER = (r"{name},\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}(?i:{noun})\b"  # "Ruth Kellaway, analyst"
           r"|\b(?i:{noun})\s+{name}\s+(?:said|says|told|added)\b"  # "analyst Ann Cole said"
           # The wire's inverted attribution: "..., said Tidewater Securities analyst Ben Ashdown.", "said
           # analyst Ann Cole of Harbour Research", "said E.F. Harbour Group analyst Tom Hale".
           r"|\b(?:said|says|added)\s+(?:[\w&.'-]+\s+){{0,4}}?(?i:{noun})\s+{name}")


# How many sentences after a group's claim, in its own paragraph, may name one of the group: a wire paragraph
# is a sentence or two, and a BBC paragraph often runs several together ("Analysts said ... Fares rose.
# "...," said Ann Cole, an analyst at Harbour Research."). Further on, an analyst named is mostly making
# another point, not the one the group was said to make.
_LATER = 2


def _member_named_later(sentences: list, cue: str) -> bool:
    """Does one of `sentences` (those just after the cue's, in its paragraph) name one of the group `cue` ends
    in: the wire's claim and, a sentence or two on, its named source?"""
    pattern = _member_pattern(cue)
    return pattern is not None and any(pattern.search(sentence.text) for sentence in sentences)


def _member_named_below(paragraph, cue: str) -> bool:
    """Does the paragraph after `paragraph` name one of the group `cue` ends in ("analysts": "Ruth Kellaway,
    analyst at Quayside Capital")? Worked out once a paragraph and group."""
    pattern = _member_pattern(cue)
    if pattern is None:
        return False
    memo = paragraph.__dict__.setdefault("_members_below", {})
    if pattern.pattern not in memo:
        below = text_below(paragraph)
        memo[pattern.pattern] = below is not None and pattern.search(below) is not None
    return memo[pattern.pattern]


def _member_pattern(cue: str) -> re.Pattern | None:
    """The pattern naming one of the group `cue` ends in ("analysts": "Ruth Kellaway, analyst at Quayside Capital"), or
    None when the cue ends in no plural group ("some", "is said")."""
    word = cue.split()[-1].lower()
    return _member_of(word[:-1]) if word.endswith("s") and len(word) >= 4 else None


@functools.lru_cache(maxsize=64)
def _member_of(noun: str) -> re.Pattern:
    """One pattern a group ("analyst"), compiled once a run: a story may ask about it in every paragraph."""
    return compiled(_MEMBER.format(name=_NAME, noun=re.escape(noun)))
