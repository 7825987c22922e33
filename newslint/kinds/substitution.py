"""Declared spellings: each variant a newsroom has ruled out is flagged with the canonical form as its fix.

Unlike `existence`, every match knows its replacement, so `newslint check --fix` can apply it. Variants
are literal text (names hold full stops and hyphens), matched as whole words; "Kiev's" is found as
"Kiev", so the fix keeps the possessive. An end that is a symbol ("%") is found beside a word ("5%").
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.errors import RuleError, shown
from newslint.finding import Hit
from newslint.kinds.base import Kind
from newslint.kinds.existence import unexcused
from newslint.patterns import escape_literal, literal_alternation
from newslint.wordscan import could_match, matches, phrase_scanner, trigger_words
from newslint.regexcache import compiled

_SPACE = compiled(r"\s+")
_TWO_WORD_CHARACTERS = compiled(r"\w\w")


class Substitution(Kind):
    """Flag declared variants of a canonical spelling ("Kiev" for "Kyiv"), even when the story uses no
    other spelling.

    Fields: spellings (required; a list of `{canonical: Kyiv, variants: [Kiev]}`), exceptions (phrases
    that excuse an overlapping match: "chicken Kiev"), ignore_case (default true; a variant in capitals
    is replaced in capitals, and a capitalised one keeps its capital), skip_quotes (default false:
    house spelling applies inside quotes too).
    """

    unit = "paragraph"
    fields = frozenset({"spellings", "exceptions", "ignore_case", "skip_quotes"})
    placeholders = frozenset({"canonical"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.ignore_case = rule.boolean("ignore_case", True)
        self.skip_quotes = rule.boolean("skip_quotes", False)
        self.canonical, self.written = self._spellings(rule)
        # Patterns from the variants as written: a lowered key is not always one ("İ" lowers to two
        # characters, which a case-insensitive regex does not match against "İ").
        written = list(self.written.values())
        variants = [escape_literal(variant) for variant in written]
        alternation = rule.regex("spellings", literal_alternation(written), self.ignore_case)
        each = (rule.regex("spellings", literal_alternation([variant]), self.ignore_case) for variant in written)
        self.scan = phrase_scanner(alternation, variants, each)
        self.trigger = trigger_words(self.scan)
        self.exceptions = rule.regex_from_list("exceptions", required=False, ignore_case=self.ignore_case)

    def _spellings(self, rule) -> tuple[dict[str, str], dict[str, str]]:
        """Variant (as looked up) to canonical, and to the variant as written; the shape is checked here so
        a typo names its line."""
        entries = rule.require("spellings")
        if not isinstance(entries, list) or not entries:
            raise rule.error("'spellings' must be a list of {canonical: ..., variants: [...]} entries", "spellings")
        canonical: dict[str, str] = {}
        written: dict[str, str] = {}
        for entry in entries:
            try:
                self._read_spelling(rule, entry, canonical, written)
            except RuleError as error:
                raise error.at(entry) from None
        return canonical, written

    def _read_spelling(self, rule, entry, canonical: dict[str, str], written: dict[str, str]) -> None:
        """Check one entry under `spellings` and add its variants to `canonical` and `written`."""
        if not isinstance(entry, dict) or set(entry) != {"canonical", "variants"}:
            raise rule.error("each entry under 'spellings' needs exactly 'canonical' and 'variants', "
                             f"not {dict(entry) if isinstance(entry, dict) else entry!r}", "spellings")
        target, variants = entry["canonical"], entry["variants"]
        variants = [variants] if isinstance(variants, str) else variants
        if not isinstance(target, str) or not target.strip() or not isinstance(variants, list) or not variants \
                or not all(isinstance(v, str) and v.strip() for v in variants):
            raise rule.error(f"entry {target!r}: 'canonical' is a name and 'variants' a list of names", "spellings")
        for variant in variants:
            key = self._key(variant)
            if key == self._key(target):
                if _SPACE.sub(" ", variant.strip()) == _SPACE.sub(" ", target.strip()):
                    raise rule.error(f"variant {variant!r} is the canonical spelling itself", "spellings")
                # "TideWater" for "Tidewater": a desk that rules on capitals needs to be told how to say so.
                raise rule.error(f"variant {variant!r} differs from {target!r} only in capitals, which this rule "
                                 "ignores; set 'ignore_case: false' to enforce them", "spellings")
            if canonical.get(key, target) != target:
                raise rule.error(f"variant {variant!r} has two canonical spellings", "spellings")
            canonical[key] = target
            written.setdefault(key, _SPACE.sub(" ", variant.strip()))

    def _key(self, text: str) -> str:
        text = _SPACE.sub(" ", text.strip())
        # Lowered, as a case-insensitive regex compares ("Straße" is not "Strasse"), not casefolded.
        return text.lower() if self.ignore_case else text

    def could_match(self, paragraph) -> bool:
        return could_match(self.scan, paragraph.seen.word_index)

    def check(self, paragraph) -> Iterator[Hit]:
        pattern, words = self.scan
        seen = paragraph.seen  # "Ki\u00adev" with a soft hyphen from the CMS is "Kiev" on screen
        found = matches(pattern, seen.text, words, seen.word_index)
        if not found:
            return  # most paragraphs: no need to look for exceptions
        document = paragraph.document
        for match in unexcused(found, seen, self.exceptions, self.skip_quotes):
            key = self._key(match.group())
            target = self.canonical[key]
            replacement = _cased(match.group(), target, self.written[key])
            # The fix replaces the word as saved, invisible characters and all.
            start, end = seen.absolute(match.start()), seen.absolute(match.end(), end=True)
            fix = _with_full_stop(match, replacement, seen.text)
            if fix is not None and _runs_words_together(seen.text, match, fix):
                fix = None
            if "\n" in match.group() or document.raw[start:end] != document.text[start:end]:
                # A line break or masked markup (a link target, emphasis, an editor's comment, a quote
                # marker) inside "Dmitri Peskov": replacing the span would re-wrap the copy or delete the
                # markup, so the finding comes without a fix, for an editor.
                fix = None
            yield Hit(start, end, {"canonical": target}, replacement=fix)


def _cased(found: str, target: str, written: str) -> str:
    """The canonical spelling as the found variant's capitals ask: "KIEV" in a wire headline is "KYIV", and
    "E-mail" opening a sentence is "Email" for a desk that writes "email". A capital on a variant the desk
    writes in lower case comes from its place in the copy, a sentence's start or a title or a name ("the
    Harbour Master", "the E-Mail Desk"), not from the spelling, so it is kept; one the desk writes with a
    capital ("Web site" for "website") says nothing of the copy, so the fix is the house spelling."""
    if found.isupper() and len(found) > 1:
        return target.upper()
    if found[:1].isupper() and written[:1].islower() and target == target.lower():
        return target[:1].upper() + target[1:]
    return target


def check_agreement(kinds: list[Kind]) -> None:
    """Refuse spelling rules that undo each other: a desk's `{canonical: Zelensky, variants: [Zelenskyy]}`
    beside the shipped list, which has it the other way round, would flag every mention of either spelling,
    and `--fix` would swap them back and forth. The later rule is named, as the one most likely just written."""
    spelling_rules = [kind for kind in kinds if isinstance(kind, Substitution)]
    for later, kind in enumerate(spelling_rules):
        clash = _required_and_ruled_out(kind, kind)
        if clash:
            raise kind.rule.error(f"{clash!r} is both a canonical spelling and a variant", "spellings")
        for earlier in spelling_rules[:later]:
            other = f"rule {earlier.rule.id} ({shown(earlier.rule.path)}:{earlier.rule.line})"
            advice = f"so each undoes the other's fix; switch one off, for example ignore: [{earlier.rule.id}]"
            clash = _required_and_ruled_out(earlier, kind)
            if clash:
                raise kind.rule.error(f"{clash!r} is ruled out here but is the spelling {other} asks for, {advice}",
                                      "spellings")
            clash = _required_and_ruled_out(kind, earlier)
            if clash:
                raise kind.rule.error(f"{clash!r} is the spelling asked for here but {other} rules it out, {advice}",
                                      "spellings")
            variant, here, there = _fixed_two_ways(kind, earlier)
            if variant:
                raise kind.rule.error(f"{variant!r} is to be written {here!r} here but {there!r} by {other}, so the "
                                      "fix would depend on the order of the rules; keep one", "spellings")


def _required_and_ruled_out(requires: Substitution, rules_out: Substitution) -> str | None:
    """A spelling that `requires` asks for and `rules_out` flags (by its own case rule: a case-sensitive
    {canonical: Nato, variants: [NATO]} flags no "Nato"), or None."""
    return next((target for target in dict.fromkeys(requires.canonical.values())
                 if rules_out._key(target) in rules_out.canonical), None)


def _fixed_two_ways(kind: Substitution, other: Substitution) -> tuple[str | None, str, str]:
    """A variant both rules flag with different canonical spellings (Kiev to Kyiv here, to Kyyiv there), with
    the two spellings; or (None, "", ""). Every variant of either rule, as written, is looked up by each
    rule's own case rule: a case-insensitive rule's key is lowered ("kiev"), which a case-sensitive rule
    holding "Kiev" would not find, though both flag "Kiev"."""
    for variant in (*kind.written.values(), *other.written.values()):
        here, there = kind.canonical.get(kind._key(variant)), other.canonical.get(other._key(variant))
        if here is not None and there is not None and here != there:
            return variant, here, there
    return None, "", ""


def _runs_words_together(text: str, match, replacement: str) -> bool:
    """Would `replacement` join the word beside a variant that opens or closes on a symbol ("5%" to
    "5per cent", "R&D" to "RandD")? Only an editor knows whether a space belongs there ("5 per cent") or the
    symbol does (R&D), so such a finding comes without a fix."""
    before = text[match.start() - 1 : match.start()] if match.start() else ""
    after = text[match.end() : match.end() + 1]
    return bool(_TWO_WORD_CHARACTERS.fullmatch(before + replacement[:1])
                or _TWO_WORD_CHARACTERS.fullmatch(replacement[-1:] + after))


def _with_full_stop(match, replacement: str, text: str) -> str | None:
    """A variant's last full stop may also end the sentence ("moved to the U.S." for house style "US"). At the
    end of the paragraph the fix keeps it; before a capital ("the U.S. Workers ...", "the U.S. Senate")
    only an editor can tell, so no fix is offered there, only the finding."""
    if not match.group().endswith(".") or replacement.endswith("."):
        return replacement
    rest = text[match.end():].lstrip()
    if not rest.strip("\"'\u201d\u2019)]"):
        return replacement + "."
    return None if rest[0].isupper() else replacement
