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
import unicodedata

from newslint.errors import NewslintError

try:  # the parser Python's `re` is built on, which newslint reads patterns with; renamed in Python 3.11
    from re import _constants as regex_constants
    from re import _parser as regex_parser
except ImportError:  # Python 3.10
    import sre_constants as regex_constants  # type: ignore[no-redef]
    import sre_parse as regex_parser  # type: ignore[no-redef]

# Python's `\w` for text is "isalnum() or underscore"; RE2 needs it spelled out to be Unicode-aware.
WORD = r"\p{L}\p{N}_"
# Exactly the characters for which str.isspace() is true, as Python's `\s` matches.
SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f\x85\p{Z}"
_CLASS_ESCAPES = {"w": WORD, "s": SPACE, "d": r"\p{Nd}"}
_ESCAPES = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "s": f"[{SPACE}]", "S": f"[^{SPACE}]", "d": r"\p{Nd}",
            "D": r"\P{Nd}", "Z": r"\z"}
_RE2_FLAGS = set("ims-")
# What phrase_alternation wraps phrases in: a neighbouring letter, digit, hyphen or (before) apostrophe
# makes a longer word, so "well-known" does not contain "known" nor "o'clock" "clock".
_WHOLE_WORD = (r"(?<![\w'-])(?:", r")(?![\w-])")


class PatternError(ValueError):
    """A pattern that does not compile; the message says why."""


class PatternTimeout(NewslintError):
    """A backtracking pattern ran past its time budget and was stopped."""


def compile_pattern(source: str, ignore_case: bool = False, rule: str | None = None):
    """A compiled pattern with the `re` API (finditer, search, match, fullmatch, sub; match objects with
    start, end, span, group). `rule` names the rule when a pattern is stopped for running too long."""
    flags = validate_pattern(source, ignore_case)
    from newslint import regex_engines

    before, body, after = _split_context(source)
    translated = _to_re2(body)
    classes = [_to_re2("[" + "".join(map(_literal_hyphens, side)) + "]") if side else "" for side in (before, after)]
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
                regexcache.compiled(source, flags)  # `re`'s syntax and errors: the ones users know
        except (re.error, RecursionError, OverflowError, ValueError) as error:
            raise PatternError(f"bad regular expression {source!r}: {error}") from None
    return flags


def can_match_empty(source: str, ignore_case: bool = False) -> bool:
    """Can `source` (a valid pattern) match no characters at all? Such a phrase ("a*", "x?") flags a
    zero-width gap between words: a finding with no text that no editor can act on."""
    # The shortest match the parser works out for the pattern: 0 for an empty one, lookaround alone included.
    return regex_parser.parse(source, re.IGNORECASE if ignore_case else 0).getwidth()[0] == 0


def longest_first(phrases: list[str]) -> list[int]:
    """The indices of `phrases` in the order their alternation tries them: longest first, ties in the
    list's order (never a set's, which changes with the hash seed). `wordscan.FirstOf` tries them so too."""
    return sorted(range(len(phrases)), key=lambda i: -len(phrases[i].strip()))


def phrase_alternation(phrases: list[str]) -> str:
    """One pattern matching any of `phrases` as whole words, longest first. A space in a phrase matches
    any run of white space, so a phrase still matches across a hard line wrap."""
    unique = list(dict.fromkeys(phrase.strip() for phrase in phrases if phrase.strip()))
    parts = [unique[i] for i in longest_first(unique)]
    body = "|".join(_flexible_spaces(part) for part in parts)
    return f"{_WHOLE_WORD[0]}{body}{_WHOLE_WORD[1]}"


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
            end = _class_end(phrase, i)
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


def _split_context(source: str) -> tuple[list[str], str, list[str]]:
    """A pattern's leading `(?<![...])` and trailing `(?![...])` (the whole-word idiom), as the contents of
    the character classes a neighbour must not be in, and the pattern between them."""
    before: list[str] = []
    after: list[str] = []
    while True:
        leading = re.match(r"\(\?<!\[(?!\^)", source)
        end = _class_end(source, leading.end() - 1) if leading else -1
        if end > 0 and source.startswith(")", end) and _is_one_branch(source[end + 1 :]):
            before.append(source[leading.end() : end - 1])
            source = source[end + 1 :]
            continue
        trailing = source.rfind("(?![")
        if trailing >= 0 and not source.startswith("(?![^", trailing) and _class_end(source, trailing + 3) == len(
                source) - 1 and source.endswith(")") and _is_one_branch(source[:trailing]):
            after.append(source[trailing + 4 : -2])
            source = source[:trailing]
            continue
        if source.startswith("(?:") and source.endswith(")") and _is_one_branch(source[3:-1], whole_group=True):
            source = source[3:-1]  # a group around everything: look inside for more context
            if before or after:
                continue
        return before, source, after


def _literal_hyphens(contents: str) -> str:
    """Class contents that stay literal beside other contents: "\\w'-" + "\\w-" must not make a range."""
    if contents.startswith("-"):
        contents = "\\" + contents
    if contents.endswith("-") and not contents.endswith("\\-"):
        contents = contents[:-1] + "\\-"
    return contents


def _class_end(source: str, start: int) -> int:
    """Index just past the character class that opens at `start`, or -1."""
    i = start + 1 + source.startswith("^", start + 1)
    i += source.startswith("]", i)  # a "]" first in a class is literal
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        if source[i] == "]":
            return i + 1
        i += 1
    return -1


def _is_one_branch(source: str, whole_group: bool = False) -> bool:
    """Is `source` balanced with no top-level "|", so context around it applies to all of it?"""
    depth, i = 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            if i < 0:
                return False
            continue
        if char in "()":
            depth += 1 if char == "(" else -1
            if depth < 0:
                return False
        elif char == "|" and depth == 0 and not whole_group:
            return False
        i += 1
    return depth == 0


def _to_re2(source: str) -> str | None:
    """`source` rewritten so RE2 reads it as Python would, or None when RE2 cannot express it."""
    out: list[str] = []
    i, in_class, class_start = 0, False, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escape, i = _escape(source, i, in_class)
            if escape is None:
                return None
            out.append(escape)
            continue
        if in_class:
            if char == "]" and i > class_start:
                in_class = False
            elif char == "[":
                char = r"\["  # Python reads "[:" literally; RE2 would start a POSIX class
        elif char == "[":
            in_class = True
            class_start = i + 1 + (source.startswith("^", i + 1))
        elif char == "(" and source.startswith("?", i + 1):
            if not _re2_group(source, i):
                return None
        elif char == "{":
            upto = re.match(r"\{,(\d+)\}", source[i:])
            if upto:  # Python's "at most n"; RE2 would read it as literal text
                out.append("{0," + upto.group(1) + "}")
                i += upto.end()
                continue
        out.append(char)
        i += 1
    return "".join(out)


def _escape(source: str, i: int, in_class: bool) -> tuple[str | None, int]:
    """One backslash escape at `i`, in RE2 spelling, and the index after it."""
    letter = source[i + 1 : i + 2]
    if letter in "uUN" and letter:
        found = re.match(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|N\{([^}]*)\})", source[i:])
        if not found:
            return None, i
        hex_digits = found.group(1) or found.group(2)
        code = int(hex_digits, 16) if hex_digits else ord(unicodedata.lookup(found.group(3)))
        return f"\\x{{{code:x}}}", i + found.end()
    if letter.isdigit():
        octal = re.match(r"\\(0[0-7]{0,2}|[0-7]{3})", source[i:])
        if not octal:
            return None, i  # a backreference
        return f"\\x{{{int(octal.group(1), 8):x}}}", i + octal.end()
    if in_class:
        if letter in _CLASS_ESCAPES:
            return _CLASS_ESCAPES[letter], i + 2
        if letter in "WSD":
            return None, i  # a negated class inside a class: RE2 cannot say it
        return ("\\x08" if letter == "b" else source[i : i + 2]), i + 2
    if letter in "bB":
        return None, i  # RE2's word boundary is ASCII-only: "Élysée" would have none before "É"
    return _ESCAPES.get(letter, source[i : i + 2]), i + 2


def _re2_group(source: str, i: int) -> bool:
    """Is the `(?...` group at `i` one RE2 understands (non-capturing, named, or i/m/s flags)?"""
    rest = source[i + 2 :]
    if rest.startswith(("P<", ":")):
        return True
    flags = re.match(r"([a-zA-Z-]*)[:)]", rest)
    return bool(flags) and set(flags.group(1)) <= _RE2_FLAGS
