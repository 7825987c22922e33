"""The two engines behind `patterns.compile_pattern`, both with the `re` module's API: RE2 (linear time)
and the `regex` module under a time budget, for the few patterns RE2 cannot express."""

from __future__ import annotations

import re

from newslint.regexcache import compiled

try:
    from re2 import _re2  # google-re2's engine; its pure-Python wrapper re-encodes the text on every call
except ImportError:  # a platform without a google-re2 wheel still runs, every pattern bounded
    _re2 = None

HAS_RE2 = _re2 is not None
RE2Error = _re2.Error if HAS_RE2 else Exception
RE2_MEMORY = 64 << 20  # rule sets carry long name lists; RE2's default 8 MB rejects them
# A backtracking pattern gets this long, plus a second per million characters of text, per call.
TIME_BUDGET = 1.0
_NO_SPAN = (-1, -1)
_TEMPLATE = compiled(r"\\(?:g<([^>]*)>|([1-9][0-9]?)|(.))", re.S)
_TEMPLATE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}


class Match:
    """What a match method returns: the `re.Match` methods kinds use, in character offsets."""

    __slots__ = ("re", "string", "pos", "endpos", "_spans")

    def __init__(self, pattern, string: str, pos: int, endpos: int, spans: list[tuple[int, int]]):
        self.re, self.string, self.pos, self.endpos, self._spans = pattern, string, pos, endpos, spans

    def __repr__(self) -> str:
        return f"<newslint Match span={self.span()} match={self.group()!r}>"

    def _index(self, group) -> int:
        index = self.re.groupindex.get(group, group) if isinstance(group, str) else group
        if not isinstance(index, int) or not 0 <= index <= self.re.groups:
            raise IndexError("no such group")
        return index

    def span(self, group=0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def start(self, group=0) -> int:
        return self.span(group)[0]

    def end(self, group=0) -> int:
        return self.span(group)[1]

    def __getitem__(self, group):
        start, end = self.span(group)
        return None if start < 0 else self.string[start:end]

    def group(self, *groups):
        if len(groups) <= 1:
            return self[groups[0] if groups else 0]
        return tuple(self[g] for g in groups)

    def groups(self, default=None) -> tuple:
        return tuple(default if self[g] is None else self[g] for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None) -> dict:
        return {name: default if self[name] is None else self[name] for name in self.re.groupindex}

    @property
    def lastindex(self) -> int | None:
        ends = [(end, g) for g, (start, end) in enumerate(self._spans) if g and start >= 0]
        return max(ends)[1] if ends else None

    def expand(self, template: str) -> str:
        def replace(found: re.Match) -> str:
            name, number, other = found.groups()
            if other is None:
                group = name if name is not None and not name.isdigit() else int(name or number)
                return self[group] or ""
            if other in _TEMPLATE_ESCAPES:
                return _TEMPLATE_ESCAPES[other]
            if other.isascii() and other.isalpha():
                raise re.error(f"bad escape \\{other}")
            return "\\" + other

        return _TEMPLATE.sub(replace, template)


class _Pattern:
    """Methods shared by both engines, built on `_spans(text, pos, endpos, anchor)`."""

    pattern: str
    groups: int
    groupindex: dict

    def __repr__(self) -> str:
        return f"<newslint pattern {self.pattern!r} on {self.engine}>"

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._iterate(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return next(self._iterate(string, pos, endpos), None)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list:
        found = []
        for match in self.finditer(string, pos, endpos):
            found.append(match.group() if not self.groups else match.group(1) if self.groups == 1
                         else match.groups(""))
        return found

    def subn(self, repl, string: str, count: int = 0) -> tuple[str, int]:
        pieces, last, done = [], 0, 0
        for match in self.finditer(string):
            if count and done == count:
                break
            pieces += [string[last : match.start()], repl(match) if callable(repl) else match.expand(repl)]
            last, done = match.end(), done + 1
        pieces.append(string[last:])
        return "".join(pieces), done

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.subn(repl, string, count)[0]


class RE2Pattern(_Pattern):
    """A pattern on RE2. With `context` 1, the program is `(before)?(body)(after)?` and a match is group 1:
    RE2 has no lookaround, so the word-boundary characters are matched and then left out of the match.
    `inside` is the program for a search from `pos` > 0: it matches the character before `pos`, never the start."""

    engine = "re2"

    def __init__(self, source: str, program: str, ignore_case: bool, context: int, inside: str | None = None):
        options = _re2.RE2.Options()
        options.case_sensitive = not ignore_case
        options.max_mem = RE2_MEMORY
        options.log_errors = False
        self._regexp, self._inside = (_compile(p, options) if p else None for p in (program, inside))
        self.pattern, self._context = source, context
        self.groups = self._regexp.NumberOfCapturingGroups() - context
        self.groupindex = {name.decode(): index - context for name, index in self._regexp.NamedCapturingGroups()}

    def _run(self, text: _Encoded, start: int, anchor, regexp=None) -> list[tuple[int, int]] | None:
        spans = (regexp or self._regexp).Match(anchor, text.data, start, len(text.data))
        return None if spans[0] == _NO_SPAN else spans[self._context :]

    def _iterate(self, string: str, pos: int = 0, endpos: int | None = None):
        text = _Encoded(string, endpos)
        pos = max(0, min(pos, len(text.string)))
        unanchored = _re2.RE2.Anchor.UNANCHORED
        while pos <= len(text.string):
            # The character before `pos` may be the word-boundary character the next match needs.
            if self._inside is not None and pos > 0:  # the character before `pos` decides the boundary
                spans = self._run(text, text.byte_before(pos), unanchored, self._inside)
            else:
                spans = self._run(text, text.byte(pos), unanchored)
            if spans is None:
                return
            match = Match(self, string, pos, len(text.string), text.chars(spans))
            yield match
            pos = match.end() + (match.end() == match.start())

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        found = self.search(string, pos, endpos)
        return found if found is not None and found.start() == pos else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        end = len(string) if endpos is None else min(endpos, len(string))
        if not self._context:
            text = _Encoded(string, end)
            spans = self._run(text, text.byte(pos), _re2.RE2.Anchor.ANCHOR_BOTH) if pos <= end else None
            return None if spans is None else Match(self, string, pos, end, text.chars(spans))
        for found in self.finditer(string, pos, end):  # a whole-word pattern: one at `pos` that runs to the end
            if found.start() > pos:
                return None
            if found.end() == end:
                return found
        return None


def _compile(program: str, options):
    regexp = _re2.RE2(program.encode("utf-8"), options)
    if not regexp.ok():
        raise RE2Error(regexp.error())
    return regexp


class _Encoded:
    """A string as UTF-8 bytes for RE2, with byte offsets turned back into character offsets. Offsets
    are asked for in rising order, so a cursor keeps the conversion linear in the text's length."""

    __slots__ = ("string", "data", "is_ascii", "_byte", "_char")

    def __init__(self, string: str, endpos: int | None):
        self.string = string if endpos is None or endpos >= len(string) else string[: max(0, endpos)]
        # A lone surrogate becomes one "?" byte: one character either way, so offsets still agree.
        self.data = self.string.encode("utf-8", "replace")
        self.is_ascii = len(self.data) == len(self.string)
        self._byte = self._char = 0

    def char(self, byte: int) -> int:
        if self.is_ascii or byte < 0:
            return byte
        if byte < self._byte:
            self._byte = self._char = 0
        self._char += len(self.data[self._byte : byte].decode("utf-8", "replace"))
        self._byte = byte
        return self._char

    def chars(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Byte spans as character spans, converted in rising order (groups nest, so ends interleave)."""
        if self.is_ascii:
            return spans
        offsets = {offset: self.char(offset) for offset in sorted({o for span in spans for o in span})}
        return [span if span == _NO_SPAN else (offsets[span[0]], offsets[span[1]]) for span in spans]

    def byte(self, char: int) -> int:
        if self.is_ascii:
            return char
        if char < self._char:
            self._byte = self._char = 0
        self._byte += len(self.string[self._char : char].encode("utf-8", "replace"))
        self._char = char
        return self._byte

    def byte_before(self, char: int) -> int:
        return self.byte(char) - len(self.string[char - 1].encode("utf-8", "replace"))


class BoundedPattern(_Pattern):
    """A pattern on the `regex` module (a backtracking engine), stopped when it overruns its budget."""

    engine = "regex"

    def __init__(self, source: str, program: str, flags: int, rule: str | None):
        import regex

        self._regexp = regex.compile(program, regex.IGNORECASE if flags & re.IGNORECASE else 0)
        self.pattern, self.rule = source, rule
        self.groups, self.groupindex = self._regexp.groups, dict(self._regexp.groupindex)

    def _budget(self, string: str) -> float:
        return TIME_BUDGET * (1 + len(string) / 1_000_000)

    def _stopped(self, string: str):
        from newslint.patterns import PatternTimeout

        return PatternTimeout(
            f"pattern {self.pattern!r} was stopped after {self._budget(string):.0f} s on a {len(string):,}-character "
            "text: it backtracks. Rewrite it without lookaround, backreferences or \\b so it runs on RE2.",
            rule=self.rule)

    def _call(self, method: str, string: str, *args):
        try:
            return getattr(self._regexp, method)(string, *args, timeout=self._budget(string))
        except TimeoutError:
            raise self._stopped(string) from None

    def _iterate(self, string: str, pos: int = 0, endpos: int | None = None):
        matches = self._call("finditer", string, pos, endpos)
        try:
            yield from matches
        except TimeoutError:
            raise self._stopped(string) from None

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._call("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._call("fullmatch", string, pos, endpos)
