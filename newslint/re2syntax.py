"""Python `re` syntax rewritten for RE2, which runs a newsroom's own patterns in linear time: `\\w`, `\\s`
and `\\d` spelt out so RE2 reads them as Unicode-aware as Python does, `{,n}` made `{0,n}`, and the
whole-word idiom's lookarounds (`(?<![\\w'-])`, `(?![\\w-])`), which RE2 lacks, taken off to be matched
as neighbouring characters instead. `to_re2` says None for what RE2 cannot express at all
(backreferences, other lookarounds, `\\b`)."""

from __future__ import annotations

import re
import unicodedata

# Python's `\w` for text is "isalnum() or underscore"; RE2 needs it spelled out to be Unicode-aware.
WORD = r"\p{L}\p{N}_"
# Exactly the characters for which str.isspace() is true, as Python's `\s` matches.
SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f\x85\p{Z}"
_CLASS_ESCAPES = {"w": WORD, "s": SPACE, "d": r"\p{Nd}"}
_ESCAPES = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "s": f"[{SPACE}]", "S": f"[^{SPACE}]", "d": r"\p{Nd}",
            "D": r"\P{Nd}", "Z": r"\z"}
_RE2_FLAGS = set("ims-")


def split_context(source: str) -> tuple[list[str], str, list[str]]:
    """A pattern's leading `(?<![...])` and trailing `(?![...])` (the whole-word idiom), as the contents of
    the character classes a neighbour must not be in, and the pattern between them."""
    before: list[str] = []
    after: list[str] = []
    while True:
        leading = re.match(r"\(\?<!\[(?!\^)", source)
        end = class_end(source, leading.end() - 1) if leading else -1
        if end > 0 and source.startswith(")", end) and _is_one_branch(source[end + 1 :]):
            before.append(source[leading.end() : end - 1])
            source = source[end + 1 :]
            continue
        trailing = source.rfind("(?![")
        if trailing >= 0 and not source.startswith("(?![^", trailing) and class_end(source, trailing + 3) == len(
                source) - 1 and source.endswith(")") and _is_one_branch(source[:trailing]):
            after.append(source[trailing + 4 : -2])
            source = source[:trailing]
            continue
        if source.startswith("(?:") and source.endswith(")") and _is_one_branch(source[3:-1], whole_group=True):
            source = source[3:-1]  # a group around everything: look inside for more context
            if before or after:
                continue
        return before, source, after


def literal_hyphens(contents: str) -> str:
    """Class contents that stay literal beside other contents: "\\w'-" + "\\w-" must not make a range."""
    if contents.startswith("-"):
        contents = "\\" + contents
    if contents.endswith("-") and not contents.endswith("\\-"):
        contents = contents[:-1] + "\\-"
    return contents


def class_end(source: str, start: int) -> int:
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
            i = class_end(source, i)
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


def to_re2(source: str) -> str | None:
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
