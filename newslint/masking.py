"""Find the parts of a file that are not copy (front matter, code, comments, URLs) so they can be masked.

Masking replaces characters with spaces and keeps every newline, so offsets into the masked text are
offsets into the file: nothing is deleted and line numbers never drift. Which whole lines are front matter
or code is Markdown's block structure, read in `markdown_blocks`; the markup inside lines is found here.
"""

from __future__ import annotations

import re

from newslint.markdown_blocks import (FRONT_MATTER, QUOTE_PREFIX, RULE_LINE, Region, as_placeholders, block_regions,
                                      paired_regions, split_quote_markers, table_rows)
from newslint.regexcache import compiled
from newslint.visible import WORD_JOINER

# Each alternative is tried only where its run of characters starts, so a 100,000-character run of dots
# or letters is scanned once, not once per character.
_URL = compiled(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HTML_COMMENT = compiled(r"<!--.*?(?:-->|\Z)", re.S)
# A line opening a script or style element (an article's JSON-LD, an embed's CSS): code the page runs, never shown.
_SCRIPT_OR_STYLE = compiled(r"^ {0,3}<(script|style)(?=[\s>])[^<>]*>", re.M | re.I)
# An HTML tag as CommonMark reads one: an attribute's quoted value may hold a `>` (an image's alt text, "Cars
# queue > 300 metres"), which does not end the tag; read to the first `>`, the rest of the alt text was copy.
# Like any markup inside a paragraph, a tag or a link cannot run past a blank line: its spaces are spaces and tabs
# and at most one line break, and a quoted value may wrap but not over a blank line. Else a stray "<a href=..."
# read on to a block quote's ">" and masked the paragraph between.
_SPACE = r"[ \t]*(?:\n[ \t]*)?"
_SPACES = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # `_SPACE`, but at least one
_ATTRIBUTE = (rf"""{_SPACES}[A-Za-z_:][A-Za-z0-9_.:-]*(?:{_SPACE}={_SPACE}(?:[^\s"'=<>`]+"""
              r"""|"(?:[^"\n]|\n(?![ \t]*\n))*"|'(?:[^'\n]|\n(?![ \t]*\n))*'))?""")
_HTML_TAG = compiled(rf"<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*{_SPACE}/?>|</[A-Za-z][A-Za-z0-9-]*{_SPACE}>")
# A code span may wrap onto the next line of its paragraph, as a hard-wrapped story wraps it, but not past a blank line.
_INLINE_CODE = compiled(r"(?<!`)(`+)[^`\n](?:[^\n]|\n(?![ \t]*\n))*?\1")
# A link's target and its optional title, which CommonMark lets a writer put in double or single quotes or in
# brackets: `](https://... 'Maria Ruiz, who is standing down')` is a tooltip, not copy. A title may wrap.
_TITLE = r"""(?:"(?:[^"\n]|\n(?![ \t]*\n))*"|'(?:[^'\n]|\n(?![ \t]*\n))*'|\((?:[^()\n]|\n(?![ \t]*\n))*\))"""
_LINK_TARGET = compiled(rf"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:{_SPACES}{_TITLE})?[ \t]*\)")
# A link reference definition, `[label]: destination "optional title"`, is a link target, not copy; a line
# that goes on with more words is copy (a footnote, `[^1]: Critics say ...`, or a label: `[Update]: ...`).
# A long title may wrap onto the next line on its own.
_REFERENCE_DEFINITION = compiled(r"""^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)"""
                                 r"""(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$""", re.M)
# A footnote mark, `[^1]` in the copy or `[^1]:` opening the note, and the label of a reference link,
# `[the survey][survey]`, are markup: read as words, "said on Monday.[^1] The pool" was one sentence.
_FOOTNOTE_MARK = compiled(r"\[\^[^\]\s]+\]:?")
_REFERENCE_LABEL = compiled(r"\]\[[^\]\n]*\]")
_AUTOLINK = compiled(r"<(?:https?|mailto|ftp):[^<>\s]*>")
# A Hugo shortcode's tag, `{{< figure src="..." caption="..." >}}` or `{{% aside title="..." %}}`: its parameters
# are settings for a template, not copy, and their quotation marks quote no one. The words between a paired
# shortcode's tags (`{{< quote >}}...{{< /quote >}}`) are copy: Hugo puts them on the page as written. A tag may
# wrap its parameters over lines, but not past a blank line. Jekyll's Liquid tags, `{% include ... %}` and `{% raw %}`,
# are the same: settings, while the Markdown between `{% raw %}` and `{% endraw %}` is copy as written.
# Each stops at the next opening tag: from every unclosed "{%" it read to the paragraph's end, which on a long line
# cost time growing with the square of its length.
_SHORTCODE = compiled(r"\{\{<(?:[^\n>{]|>(?!\}\})|\{(?!\{)|\n(?![ \t]*\n))*>\}\}"
                      r"|\{\{%(?:[^\n%{]|%(?!\}\})|\{(?!\{)|\n(?![ \t]*\n))*%\}\}"
                      r"|\{%(?:[^\n{%]|%(?!\})|\{(?!%)|\n(?![ \t]*\n))*%\}")
# Markup characters, masked so a heading or list item reads as plain words.
# A heading's or a list item's marker may follow a block quote's: "> ## Findings", "> - the pool closes".
_HEADING_OR_ITEM = r" {0,3}#{1,6}(?=\s)|[ \t]*(?:[-*+]|\d{1,9}[.)])(?=\s)"
_BLOCK_MARKERS = compiled(rf"^(?:{QUOTE_PREFIX.pattern})?(?:{_HEADING_OR_ITEM})|^{QUOTE_PREFIX.pattern}", re.M)
_CLOSING_HASHES = compiled(r"[ \t]#+[ \t]*$", re.M)
# A backslash ending a line is a hard line break, markup as a heading's hashes are: read as copy, the one
# after "five sailings." hid the end of the sentence, and the next sentence's hedge read as reported speech.
_HARD_BREAK = compiled(r"\\$", re.M)
_EMPHASIS = compiled(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
_TABLE_DIVIDER = compiled(r"[\s|:-]+")

_QUOTE_MARK = compiled('"')


def plain_text_regions(text: str) -> list[Region]:
    from newslint.suppression import PLAIN_DIRECTIVE  # an editor's `[newslint-disable ...]` line is not copy

    # `re` tries the directive pattern at every character: skip it for the many files that hold none.
    directives = [m.span() for m in PLAIN_DIRECTIVE.finditer(text)] if "newslint-" in text else []
    return _url_spans(text) + directives


def markdown_regions(text: str) -> list[Region]:
    blocks, wrapped_numbers = block_regions(text)
    shortcodes = [m.span() for m in _SHORTCODE.finditer(text)] if "{{" in text or "{%" in text else []
    # A shortcode in a link as one word of its length, as Hugo swaps in a placeholder before reading the Markdown:
    # `[the price list]({{< ref "ferry-fares" >}})` is a link, not the words "[the price list](".
    regions = blocks + _url_spans(text) + shortcodes
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _REFERENCE_DEFINITION, _FOOTNOTE_MARK, _AUTOLINK, _HTML_TAG,
                    _CLOSING_HASHES, RULE_LINE, _HARD_BREAK, _EMPHASIS):
        regions.extend(m.span() for m in pattern.finditer(text))
    for marker in _BLOCK_MARKERS.finditer(text):
        if marker.start() in wrapped_numbers:  # "2019." wrapped to a line's start: copy, but for a quote marker
            marker = QUOTE_PREFIX.match(text, marker.start())
        if marker:
            regions.append(marker.span())
    regions.extend(_link_markup(as_placeholders(text, shortcodes)))
    regions.extend(_table_pipes(text))
    regions.extend(_scripts_and_styles(text))
    return regions


def _scripts_and_styles(text: str) -> list[Region]:
    """Script and style elements, opening tag to closing tag: read as copy, a JSON-LD block's "headline" was
    reported as the story's own words. One left unclosed is not masked past its tag (a tech story's snippet)."""
    return paired_regions(text, _SCRIPT_OR_STYLE.finditer(text),
                          lambda opener: compiled(f"</{opener.group(1).lower()}", re.I),
                          lambda close: text.find(">", close.end()) + 1 or len(text))


def joined_quote_marks(raw: str, text: str) -> str:
    """`text` (masked) with the markup between a straight quotation mark and the words it opens or closes read
    as nothing: padded with word joiners, which the rules read past (`visible`), instead of spaces. The reader
    sees the mark against the words, "a fabrication", where the file has `"[a fabrication](https://...)"`;
    left as spaces, the opening mark stood before a space, which opens no quotation, and the closing mark
    after one, which opens one: the speaker's hedge was the writer's and the writer's next sentence was quoted."""
    if '"' not in text:
        return text
    chars = list(text)
    for match in _QUOTE_MARK.finditer(text):
        for step in (-1, 1):  # the markup before a closing mark, after an opening one
            position = match.start() + step
            while 0 <= position < len(text) and text[position] == " " and not raw[position].isspace():
                position += step  # masked markup: a space here, not in the file
            if position != match.start() + step and 0 <= position < len(text) and not text[position].isspace():
                low, high = sorted((match.start() + step, position - step))
                chars[low : high + 1] = WORD_JOINER * (high + 1 - low)
    return "".join(chars)


def code_regions(text: str) -> list[Region]:
    """Fenced, indented and inline code: where Markdown shows text instead of saying it, as a style memo
    quotes a `newslint-disable` comment."""
    blocks, _ = block_regions(text)
    if FRONT_MATTER.match(text):
        blocks = blocks[1:]  # front matter is always the first block region
    return blocks + [m.span() for m in _INLINE_CODE.finditer(text)]


def _url_spans(text: str) -> list[Region]:
    # Every URL or address holds "://", "www." or "@" (the pattern is case-sensitive): most stories have
    # none, and then the scan, which tries every word as the start of an address, is skipped.
    if "@" not in text and "://" not in text and "www." not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def apply_mask(text: str, regions: list[Region]) -> str:
    if not regions:
        return text
    # Region by region, not character by character: a newline inside a region stays where it is.
    parts, position = [], 0
    for start, end in sorted(regions):
        start = max(start, position)
        if start >= end:
            continue  # inside a region already masked
        parts.append(text[position:start])
        parts.append("".join("\n" if char == "\n" else " " for char in text[start:end]) if "\n" in text[start:end]
                     else " " * (end - start))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _link_markup(text: str) -> list[Region]:
    """A link's markup: its target, `](https://...)` or `][label]`, and the `[` (or an image's `![`) opening its
    words. Left in, the bracket hid a byline, "By [Maria Lopez](...)", and the lede after it was taken for one."""
    regions: list[Region] = []
    floor = 0  # each link's words lie after the one before it, so the scans back never overlap
    for start, end in sorted(m.span() for pattern in (_LINK_TARGET, _REFERENCE_LABEL) for m in pattern.finditer(text)):
        blank = text.rfind("\n\n", floor, start)
        opener = _opening_bracket(text, floor if blank < 0 else blank + 2, start)
        if opener is not None:
            regions.append((opener - 1 if text[opener - 1 : opener] == "!" else opener, opener + 1))
        regions.append((start, end))
        floor = max(floor, end)
    return regions


def _opening_bracket(text: str, floor: int, close: int) -> int | None:
    """Where the `[` matching the `]` at `close` stands, looking no further back than `floor` (a link's words
    may wrap onto a second line, but not past a blank one)."""
    depth = 0
    for position in range(close - 1, floor - 1, -1):
        if text[position] == "]":
            depth += 1
        elif text[position] == "[":
            if not depth:
                return position
            depth -= 1
    return None


def _table_pipes(text: str) -> list[Region]:
    regions = []
    for start, end in table_rows(text):
        row = text[start:end]
        regions.extend((start + i, start + i + 1) for i, char in enumerate(row) if char == "|")
        if _TABLE_DIVIDER.fullmatch(split_quote_markers(row)[1]):
            regions.append((start, end))
    return regions
