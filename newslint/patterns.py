"""Compile the regular expressions that rule files contain; the one place that chooses the regex engine.

Rule files are edited by anyone in the newsroom, so a pattern must never hang a run. A newsroom's patterns
run on RE2 (linear time, no backtracking); one RE2 cannot express (lookaround, backreferences, `\\b`,
verbose mode) runs on the `regex` module under a time budget, and a rule that overruns it is stopped and
named. newslint's own shipped rules run on Python's `re` (see `LazyPattern`).

Patterns are written in Python `re` syntax and mean what they mean there: `\\w` is any Unicode letter,
digit or underscore, `\\s` any Unicode white space (no-break space included), `\\d` any decimal digit.
"""

from __future__ import annotations

import re

from newslint.errors import NewslintError

try:  # the parser Python's `re` is built on, which newslint reads patterns with; renamed in Python 3.11
    from re import _constants as regex_constants
    from re import _parser as regex_parser
except ImportError:  # Python 3.10
    import sre_constants as regex_constants  # type: ignore[no-redef]
    import sre_parse as regex_parser  # type: ignore[no-redef]

# What phrase_alternation wraps phrases in: a neighbouring letter, digit, hyphen or (before) apostrophe
# makes a longer word, so "well-known" does not contain "known" nor "o'clock" "clock". So does a combining accent
# after it, which Python's \w leaves out: "Zelensky" and a combining acute, as a PDF export saves it, is Zelenský.
_WORD_BEFORE, _WORD_AFTER = r"(?<![\w'-])", r"(?![\w\u0300-\u036f-])"
_WHOLE_WORD = (_WORD_BEFORE + "(?:", ")" + _WORD_AFTER)
# RE2's own limit on a counted repeat, nested counts multiplied ("(?:ab{50}){30}" counts 1,500). RE2 refuses
# a pattern past it, and the backtracking engine it would then fall back on unrolls the repeat in memory:
# "a{99999999}" asks for some 28 GB, and a typo of that kind must not bring down a newsroom's CI machine.
MAX_REPEAT = 1000


class PatternError(ValueError):
    """A pattern that does not compile; the message says why."""


class PatternTimeout(NewslintError):
    """A backtracking pattern ran past its time budget and was stopped."""


def compile_pattern(source: str, ignore_case: bool = False, rule: str | None = None):
    """A compiled pattern with the `re` API (finditer, search, match, fullmatch, sub; match objects with
    start, end, span, group). `rule` names the rule when a pattern is stopped for running too long."""
    flags = validate_pattern(source, ignore_case)
    from newslint import regex_engines
    from newslint.re2syntax import literal_hyphens, split_context, to_re2  # house rules only: not at every start

    before, body, after = split_context(source)
    translated = to_re2(body)
    classes = [to_re2("[" + "".join(map(literal_hyphens, side)) + "]") if side else "" for side in (before, after)]
    if translated is not None and None not in classes and regex_engines.HAS_RE2:
        program, inside, context = translated, None, 0
        if before or after:
            # RE2 has no lookaround: match the neighbouring character too, and report group 1.
            body = f"({translated})" + (f"(?:[^{classes[1][1:]}|\\z)" if after else "")
            program = f"(?:\\A|[^{classes[0][1:]})" + body if before else body
            inside = f"[^{classes[0][1:]}" + body if before else None  # a search from the 2nd character on
            context = 1
        try:
            return regex_engines.RE2Pattern(source, program, ignore_case, context, inside)
        except regex_engines.RE2Error:
            pass  # too large for RE2's memory budget, or a construct it lacks: run it bounded instead
    program = source
    try:
        return regex_engines.BoundedPattern(source, program, flags, rule)
    except Exception as error:  # noqa: BLE001 - `regex` rejects a few patterns that `re` accepts
        raise PatternError(f"bad regular expression {source!r}: {error}") from None


class LazyPattern:
    """A pattern checked now and compiled on first use. RE2 spends milliseconds building the automaton
    for a Unicode-aware pattern, and most of a rule set's guard patterns never meet a match in a short
    draft, so compiling them all up front would dominate a one-file run."""

    _METHODS = ("finditer", "search", "match", "fullmatch", "sub", "subn", "findall")

    def __init__(self, source: str, ignore_case: bool = False, rule: str | None = None, shipped: bool = False):
        # A house rule's bad pattern is an error when the rule loads. Shipped patterns are compiled, every
        # one, by the test suite (tests/test_language_rules.py), so a run need not check them again.
        self._flags = (re.IGNORECASE if ignore_case else 0) if shipped else validate_pattern(source, ignore_case)
        self.pattern = source
        self._arguments = (source, ignore_case, rule)
        self.shipped = shipped  # runs on Python's `re`, whose anchored match at an offset sees the text before

    def __getstate__(self) -> dict:
        """Pickled (in the rule cache) as its source: compiled patterns are rebuilt on first use."""
        return {key: self.__dict__[key] for key in ("_flags", "pattern", "_arguments", "shipped")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)  # copy and pickle probing for hooks: never compile for those
        # newslint's own rule files run on Python's `re`: they are reviewed, run against the fuzz and
        # pathological-input tests, and their guards only ever see a few dozen characters, while RE2 takes
        # 25 times longer to compile them (over a second for the shipped set). Rule files a newsroom adds
        # run on RE2, so a pattern written in a hurry cannot hang a CI run.
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            if self.shipped:
                from newslint import regexcache

                compiled = regexcache.compiled(self.pattern, self._flags)
            else:
                compiled = compile_pattern(*self._arguments)
            for method in self._METHODS:  # later calls go straight to the compiled pattern
                setattr(self, method, getattr(compiled, method))
            self.__dict__["_compiled"] = compiled  # for any other attribute (groups, flags)
        return getattr(compiled, name)


def validate_pattern(source: str, ignore_case: bool = False) -> int:
    """Raise PatternError unless `source` is a valid Python pattern; returns the `re` flags."""
    from newslint import regexcache

    flags = re.IGNORECASE if ignore_case else 0
    if not regexcache.is_known_pattern(source, flags):
        import warnings  # here, not at the top: a warm start knows every shipped pattern (importing it costs 1%)

        try:
            with warnings.catch_warnings():  # "possible nested set": Python's future, not the rule's fault
                warnings.simplefilter("ignore")
                # Before compiling, which records the pattern as known, never to be checked again.
                repeats = _largest_repeat(regex_parser.parse(source, flags))
                if repeats > MAX_REPEAT:
                    raise re.error(f"it repeats {repeats:,} times, more than the {MAX_REPEAT:,} a pattern may "
                                   "(nested counts multiply)")
                regexcache.compiled(source, flags)  # `re`'s syntax and errors: the ones users know
        except (re.error, RecursionError, OverflowError, ValueError) as error:
            raise PatternError(f"bad regular expression {source!r}: {error}") from None
    return flags


def _largest_repeat(parsed) -> int:
    """The largest count of a counted repeat in a parsed pattern, nested counts multiplied, as RE2 counts
    them: `{n,m}` counts m, `{n,}` counts n, and `*`, `+` and `?` count 1."""
    largest = 1
    for operator, value in parsed:
        if operator in _REPEATS:
            low, high, inner = value
            count = low if high == regex_constants.MAXREPEAT else high
            largest = max(largest, max(count, 1) * _largest_repeat(inner))
        else:
            largest = max([largest, *map(_largest_repeat, _inner_patterns(value))])
    return largest


def _inner_patterns(value):
    """The parsed patterns inside one item of a parsed pattern: a group's, each branch's, a lookaround's."""
    if isinstance(value, regex_parser.SubPattern):
        yield value
    elif isinstance(value, (tuple, list)):
        for part in value:
            yield from _inner_patterns(part)


_REPEATS = tuple(getattr(regex_constants, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(regex_constants, name))  # POSSESSIVE_REPEAT ("a++") since Python 3.11


def can_match_empty(source: str, ignore_case: bool = False) -> bool:
    """Can `source` (a valid pattern) match no characters at all? Such a phrase ("a*", "x?") flags a
    zero-width gap between words: a finding with no text that no editor can act on."""
    # The shortest match the parser works out for the pattern: 0 for an empty one, lookaround alone included.
    return regex_parser.parse(source, re.IGNORECASE if ignore_case else 0).getwidth()[0] == 0


def longest_first(phrases: list[str]) -> list[int]:
    """The indices of `phrases` in the order their alternation tries them: longest first, ties in the
    list's order (never a set's, which changes with the hash seed). `wordscan.FirstOf` tries them so too."""
    return sorted(range(len(phrases)), key=lambda i: -len(phrases[i].strip()))


def any_of(sources: list[str]) -> str:
    """One pattern matching what any of `sources` matches, each grouped so that its own "|" stays inside."""
    return "|".join(f"(?:{source})" for source in sources)


def phrase_alternation(phrases: list[str]) -> str:
    """One pattern matching any of `phrases` as whole words, longest first. A space in a phrase matches
    any run of white space, so a phrase still matches across a hard line wrap."""
    unique = list(dict.fromkeys(phrase.strip() for phrase in phrases if phrase.strip()))
    parts = [unique[i] for i in longest_first(unique)]
    body = "|".join(_flexible_spaces(part) for part in parts)
    return f"{_WHOLE_WORD[0]}{body}{_WHOLE_WORD[1]}"


def escape_literal(text: str) -> str:
    """`text` as a pattern matching it as written, its spaces left as spaces for `phrase_alternation` to
    stretch over any white space."""
    return re.escape(text).replace(r"\ ", " ")


def literal_alternation(texts: list[str]) -> str:
    """`phrase_alternation` of literal `texts` (a house spelling's variants, as written). An end that is a
    symbol ("%", "&", "$") asks nothing of its neighbour: it stands beside digits and letters in copy ("5%",
    "$5m", "R&D"), where whole-word matching would never find it. An end that is part of a word (a letter,
    digit, full stop, apostrophe or hyphen) keeps the whole-word test: "U.S." is not found in "U.S.S.R."."""
    texts = [text.strip() for text in texts if text.strip()]
    escaped = [escape_literal(text) for text in texts]
    if all(_in_a_word(text[0]) and _in_a_word(text[-1]) for text in texts):
        return phrase_alternation(escaped)  # every shipped list: the pattern it always had
    parts = []
    for i in longest_first(escaped):
        before = _WORD_BEFORE if _in_a_word(texts[i][0]) else ""
        after = _WORD_AFTER if _in_a_word(texts[i][-1]) else ""
        parts.append(before + _flexible_spaces(escaped[i]) + after)
    return "(?:" + "|".join(dict.fromkeys(parts)) + ")"


def _in_a_word(char: str) -> bool:
    """Does the end of a literal phrase take the whole-word test? `\\w` (what `str.isalnum` and "_" are) or a
    full stop, apostrophe or hyphen; tested without a regex, which would be compiled at every start."""
    return char.isalnum() or char in "_.'\u2019-"


def _flexible_spaces(phrase: str) -> str:
    """`phrase` with each run of spaces (" " or "\\ ") as `\\s+`, so it matches across a hard line wrap;
    inside a lookbehind as one `\\s`, since Python's lookbehind must be of fixed width ("(?<!chief )
    executive"), and inside a character class left as it is ("[ ,]" is a space or a comma)."""
    out, i, lookbehinds = [], 0, []  # for each open group: is it (inside) a lookbehind?
    while i < len(phrase):
        if phrase.startswith((" ", "\\ "), i):
            while phrase.startswith((" ", "\\ "), i):
                i += 1 if phrase[i] == " " else 2
            out.append("\\s" if any(lookbehinds) else "\\s+")
            continue
        if phrase[i] == "[":
            from newslint.re2syntax import class_end  # rare in a phrase, and phrases are built once, then cached

            end = class_end(phrase, i)
            end = len(phrase) if end < 0 else end
        else:
            end = i + (2 if phrase[i] == "\\" else 1)
            if phrase[i] == "(":
                lookbehinds.append(phrase.startswith(("(?<=", "(?<!"), i))
            elif phrase[i] == ")" and lookbehinds:
                lookbehinds.pop()
        out.append(phrase[i:end])
        i = end
    return "".join(out)
