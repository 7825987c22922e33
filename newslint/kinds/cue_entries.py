"""One cue as a rule lists it: its phrase, case and guards read from YAML, and whether the words around a
match of it fit them (`cue` finds the cues in a sentence and reports them)."""

from __future__ import annotations

import re

from newslint.errors import RuleError
from newslint.patterns import any_of, phrase_alternation
from newslint.phrasewords import phrase_starts
from newslint.records import record
from newslint.ruleset import flatten

GUARDS = ("before", "after", "not_before", "not_after")
# A cue's excuse in the paragraph below the lede, not in its own sentence (see `cue.Cue`).
LEDE_GUARD = "lede_sourced_below"
# A cue's excuse earlier in its own paragraph, before its sentence (see `cue.Cue`).
EARLIER_GUARD = "sourced_earlier"
CASES = ("any", "lower")
# How far a guard looks: a few words either side is what a reader uses to tell "May 14" from "may".
_WINDOW = 60
# Characters between a cue and its guard words: spaces and punctuation, never words. Not a dash: in a bare
# dateline ("PORTMERE - Critics say ...") it ends the place name, which would pass for "HPA analysts".
_GAP = r"[\s,;:\"'\u201c\u201d\u2018\u2019()\[\]]*"


@record
class CueEntry:
    phrase: str
    pattern: re.Pattern
    guards: dict  # guard name -> compiled pattern
    case: str
    lede_below: re.Pattern | None  # `lede_sourced_below`, or None
    earlier: re.Pattern | None  # `sourced_earlier`, or None
    # The lower-case words a match can start with (wordscan's reading of the phrase), or None when any
    # word can: at a cue only the entries that can start there are compiled and tried.
    starts: frozenset[str] | None


def read_entry(rule, raw, defaults: dict) -> CueEntry:
    """One of the rule's cues (a phrase, or a mapping with `phrase`) read and checked; an error names the cue's
    line."""
    try:
        return _read_entry(rule, raw, defaults)
    except RuleError as error:
        raise error.at(raw) from None


def _read_entry(rule, raw, defaults: dict) -> CueEntry:
    if isinstance(raw, str):
        raw = {"phrase": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("phrase"), str):
        raise rule.error(f"each cue is a phrase or a mapping with 'phrase', not {raw!r}", "cues")
    unknown = sorted(set(raw) - {"phrase", "case", LEDE_GUARD, EARLIER_GUARD, *GUARDS})
    if unknown:
        raise rule.error(f"cue {raw['phrase']!r}: unknown key '{unknown[0]}'", "cues")
    case = raw.get("case", defaults["case"])
    if case not in CASES:
        raise rule.error(f"cue {raw['phrase']!r}: 'case' must be one of {', '.join(CASES)}", "cues")
    guards = {}
    for guard in GUARDS:
        sources = _own_patterns(rule, raw, guard) + defaults.get(guard, [])
        if sources:
            guards[guard] = rule.regex("cues", _guard_source(guard, sources))
    phrase = raw["phrase"]
    rule.check_phrase("cues", phrase)
    return CueEntry(phrase, rule.regex("cues", phrase_alternation([phrase])), guards, case,
                    _own_regex(rule, raw, LEDE_GUARD), _own_regex(rule, raw, EARLIER_GUARD), phrase_starts(phrase))


def _own_patterns(rule, raw: dict, key: str) -> list[str]:
    """A cue's own patterns under `key`, each checked alone (as `Rule.patterns` checks a rule's)."""
    sources = _strings(raw.get(key, []), rule, raw["phrase"], key)
    for source in sources:
        rule.check_pattern("cues", source)
    return sources


def _own_regex(rule, raw: dict, key: str) -> re.Pattern | None:
    """A cue's own patterns under `key` as one regex, or None when it has none."""
    sources = _own_patterns(rule, raw, key)
    return rule.regex("cues", any_of(sources)) if sources else None


def fits(entry: CueEntry, text: str, start: int, end: int) -> bool:
    """Does the match of `entry` at `start`..`end` fit its case and its guards, in the words around it?"""
    written = text[start:end]
    if entry.case == "lower" and written != written.lower():
        at_sentence_start = not text[:start].strip(" \"'\u201c\u2018(")
        if not (at_sentence_start and written[1:] == written[1:].lower()):
            return False  # "Theresa May", "May Day": a capital mid-sentence is a name
    window = max(0, start - _WINDOW)  # `^` in a before-guard still means the start of the sentence
    after = text[end:end + _WINDOW]
    guards = entry.guards
    if "before" in guards and not guards["before"].search(text, window, start):
        return False
    if "after" in guards and not guards["after"].match(after):
        return False
    if "not_before" in guards and guards["not_before"].search(text, window, start):
        return False
    return not ("not_after" in guards and guards["not_after"].match(after))




def _guard_source(guard: str, sources: list[str]) -> str:
    body = any_of(sources)
    # Word boundaries spelled as characters, not lookaround, so the guard runs on RE2 (linear time).
    if guard.endswith("before"):
        return rf"(?:^|[^\w'-])(?:{body}){_GAP}$"
    return rf"{_GAP}(?:{body})(?:[^\w'-]|$)"


def _strings(value, rule, phrase: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    elif isinstance(value, list):
        value = flatten(value)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise rule.error(f"cue {phrase!r}: '{key}' must be a list of regexes", "cues")
    return value
