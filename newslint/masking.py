"""Find the parts of a file that are not copy (front matter, code, comments, URLs) so they can be masked.

Masking replaces characters with spaces and keeps every newline, so offsets into the masked text are
offsets into the file: nothing is deleted and line numbers never drift.
"""

from __future__ import annotations

import re

from newslint.regexcache import compiled

# Each alternative is tried only where its run of characters starts, so a 100,000-character run of dots
# or letters is scanned once, not once per character.
_URL = compiled(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FRONT_MATTER = compiled(r"\A(---|\+\+\+)[ \t]*\n.*?\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = compiled(r"^ {0,3}(`{3,}|~{3,})")
# "> ", "> > ": a block quote's markers, before a fence or a list item in it. A space between two markers is
# read one way only: written "(?: {0,3}>[ \t]?)+", a line quoted 24 deep ("> > > ... text", a pasted email
# chain) took five seconds to mask, and each level more nearly doubled it.
QUOTE_PREFIX = compiled(r" {0,3}>(?:(?:\t {0,3}| {0,4})>)*[ \t]?")
_HTML_COMMENT = compiled(r"<!--.*?(?:-->|\Z)", re.S)
# A line opening a script or style element (an article's JSON-LD, an embed's CSS): code the page runs, never shown.
_SCRIPT_OR_STYLE = compiled(r"^ {0,3}<(script|style)(?=[\s>])[^<>]*>", re.M | re.I)
# An HTML tag as CommonMark reads one: an attribute's quoted value may hold a `>` (an image's alt text, "Cars
# queue > 300 metres"), which does not end the tag; read to the first `>`, the rest of the alt text was copy.
_ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|"[^"]*"|'[^']*'))?"""
_HTML_TAG = compiled(rf"<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>")
# A code span may wrap onto the next line of its paragraph, as a hard-wrapped story wraps it, but not past a blank line.
_INLINE_CODE = compiled(r"(?<!`)(`+)[^`\n](?:[^\n]|\n(?![ \t]*\n))*?\1")
# A link's target and its optional title, which CommonMark lets a writer put in double or single quotes or in
# brackets: `](https://... 'Maria Ruiz, who is standing down')` is a tooltip, not copy. A title may wrap.
_TITLE = r"""(?:"(?:[^"\n]|\n(?![ \t]*\n))*"|'(?:[^'\n]|\n(?![ \t]*\n))*'|\((?:[^()\n]|\n(?![ \t]*\n))*\))"""
_LINK_TARGET = compiled(rf"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+{_TITLE})?[ \t]*\)")
# A link reference definition, `[label]: destination "optional title"`, is a link target, not copy; a line
# that goes on with more words is copy (a footnote, `[^1]: Critics say ...`, or a label: `[Update]: ...`).
# A long title may wrap onto the next line on its own.
_REFERENCE_DEFINITION = compiled(r"""^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)"""
                                 r"""(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$""", re.M)
# A footnote mark, `[^1]` in the copy or `[^1]:` opening the note, and the label of a reference link,
# `[the survey][survey]`, are markup: read as words, "said on Monday.[^1] The pool" was one sentence.
_FOOTNOTE_MARK = compiled(r"\[\^[^\]\s]+\]:?")
_FOOTNOTE_NOTE = compiled(r" {0,3}\[\^[^\]\s]+\]:")
_REFERENCE_LABEL = compiled(r"\]\[[^\]\n]*\]")
_AUTOLINK = compiled(r"<(?:https?|mailto|ftp):[^<>\s]*>")
# A Hugo shortcode's tag, `{{< figure src="..." caption="..." >}}` or `{{% aside title="..." %}}`: its parameters
# are settings for a template, not copy, and their quotation marks quote no one. The words between a paired
# shortcode's tags (`{{< quote >}}...{{< /quote >}}`) are copy: Hugo puts them on the page as written. A tag may
# wrap its parameters over lines, but not past a blank line.
_SHORTCODE = compiled(r"\{\{<(?:[^\n]|\n(?![ \t]*\n))*?>\}\}|\{\{%(?:[^\n]|\n(?![ \t]*\n))*?%\}\}")
# Markup characters, masked so a heading or list item reads as plain words.
# A heading's or a list item's marker may follow a block quote's: "> ## Findings", "> - the pool closes".
_HEADING_OR_ITEM = r" {0,3}#{1,6}(?=\s)|[ \t]*(?:[-*+]|\d{1,9}[.)])(?=\s)"
_BLOCK_MARKERS = compiled(rf"^(?:{QUOTE_PREFIX.pattern})?(?:{_HEADING_OR_ITEM})|^{QUOTE_PREFIX.pattern}", re.M)
_CLOSING_HASHES = compiled(r"[ \t]#+[ \t]*$", re.M)
# A section break or a setext heading's underline, in a block quote too ("> Roof beyond repair" over "> ------").
_RULE_LINE = compiled(rf"^(?:{QUOTE_PREFIX.pattern})? {{0,3}}(?:[-=*_][ \t]*){{3,}}$", re.M)
HEADING = compiled(r" {0,3}#{1,6}(?:[ \t]|$)")  # an ATX heading's opening hashes
# A backslash ending a line is a hard line break, markup as a heading's hashes are: read as copy, the one
# after "five sailings." hid the end of the sentence, and the next sentence's hedge read as reported speech.
_HARD_BREAK = compiled(r"\\$", re.M)
_EMPHASIS = compiled(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
# "- ", "* ", "12. " opening a Markdown list item; one nested under another is indented four spaces or a tab.
LIST_MARKER = compiled(r"[ \t]*(?:[-*+]|\d{1,9}[.)])\s")
_NUMBERED = compiled(r"[ \t]*(\d{1,9})[.)]\s")
_TABLE_DIVIDER = compiled(r"[\s|:-]+")
# A table may stand in a block quote, "> | Route | Sailings |", as in a statement that quotes a timetable.
_TABLE_ROW = compiled(rf"^(?:{QUOTE_PREFIX.pattern})?[^\S\n]*\|.*\|[^\S\n]*$", re.M)  # `\s*` would rescan blank lines
# The row under a table's header, `:--- | ---:`, which makes a table of rows that have no pipe at either end.
_DELIMITER_ROW = compiled(rf"^(?:{QUOTE_PREFIX.pattern})? {{0,3}}\|?[ \t]*:?-+:?[ \t]*"
                          r"(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.M)

Region = tuple[int, int]

_QUOTE_MARK = compiled('"')
_JOINER = "\u2060"  # a word joiner, invisible to the rules as an entity's padding inside a word is


def plain_text_regions(text: str) -> list[Region]:
    from newslint.suppression import PLAIN_DIRECTIVE  # an editor's `[newslint-disable ...]` line is not copy

    # `re` tries the directive pattern at every character: skip it for the many files that hold none.
    directives = [m.span() for m in PLAIN_DIRECTIVE.finditer(text)] if "newslint-" in text else []
    return _url_spans(text) + directives


def markdown_regions(text: str) -> list[Region]:
    blocks, wrapped_numbers = _block_regions(text)
    regions = blocks + _url_spans(text)
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _REFERENCE_DEFINITION, _FOOTNOTE_MARK, _AUTOLINK, _HTML_TAG,
                    _SHORTCODE, _CLOSING_HASHES, _RULE_LINE, _HARD_BREAK, _EMPHASIS):
        regions.extend(m.span() for m in pattern.finditer(text))
    for marker in _BLOCK_MARKERS.finditer(text):
        if marker.start() in wrapped_numbers:  # "2019." wrapped to a line's start: copy, but for a quote marker
            marker = QUOTE_PREFIX.match(text, marker.start())
        if marker:
            regions.append(marker.span())
    regions.extend(_link_markup(_SHORTCODE.sub(_placeholder, text) if "{{" in text else text))
    regions.extend(_table_pipes(text))
    regions.extend(_scripts_and_styles(text))
    return regions


def _placeholder(shortcode: re.Match) -> str:
    """A shortcode as one word of its length, as Hugo swaps in a placeholder before reading the Markdown: a link to
    another story, `[the price list]({{< ref "ferry-fares" >}})`, is a link, not the words "[the price list](".
    """
    return re.sub(r"[^\n]", "x", shortcode.group())


def _scripts_and_styles(text: str) -> list[Region]:
    """Script and style elements, opening tag to closing tag: read as copy, a JSON-LD block's "headline" was
    reported as the story's own words. One left unclosed is not masked past its tag (a tech story's snippet)."""
    regions: list[Region] = []
    unclosed, floor = set(), 0
    for opener in _SCRIPT_OR_STYLE.finditer(text):
        name = opener.group(1).lower()
        if opener.start() < floor or name in unclosed:
            continue  # inside the element before, or no closing tag after this one either
        close = compiled(f"</{name}", re.I).search(text, opener.end())
        if close is None:
            unclosed.add(name)
            continue
        floor = text.find(">", close.end()) + 1 or len(text)
        regions.append((opener.start(), floor))
    return regions


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
                chars[low : high + 1] = _JOINER * (high + 1 - low)
    return "".join(chars)


def code_regions(text: str) -> list[Region]:
    """Fenced, indented and inline code: where Markdown shows text instead of saying it, as a style memo
    quotes a `newslint-disable` comment."""
    blocks, _ = _block_regions(text)
    if _FRONT_MATTER.match(text):
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


def _block_regions(text: str) -> tuple[list[Region], set[int]]:
    """Front matter, fenced code and indented code: whole lines that are not copy; and the starts of the lines
    that open on a number and a stop inside a paragraph ("... privatised in\n2019. Critics say"), which
    CommonMark reads as the paragraph's words: only "1." may open a list that interrupts a paragraph."""
    regions: list[Region] = []
    wrapped_numbers: set[int] = set()
    match = _FRONT_MATTER.match(text)
    offset = match.end() if match else 0
    if match:
        regions.append(match.span())
    lines = text[offset:].split("\n")
    fence: str | None = None
    fence_start = 0
    fence_quoted = False
    # How many block quotes deep the paragraph being read lies, -1 between paragraphs: indented code cannot
    # interrupt a paragraph, but a block quote can, and its first line may be code ("Text\n>     code").
    paragraph_depth = -1
    list_depth = -1  # how many block quotes deep the list being read lies, -1 outside any list
    item_columns: list[int] = []  # where the words of the list's open items start, outermost first
    paragraph_in_list = False  # did the paragraph being read open in a list (its lazy lines end `list_depth`)?
    position = offset
    for line in lines:
        end = position + len(line)
        depth, body = _unquoted(line)
        is_item = False
        in_list = list_depth == depth  # a list inside a block quote ends with the quote
        if fence is not None and fence_quoted and not depth:
            regions.append((fence_start, position - 1))  # the block quote ended, and its fence with it
            fence = None
        # Under a list item a fence is indented with the item's words, four spaces or a tab deep.
        opener = _FENCE.match(body.lstrip(" \t") if in_list else body)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) and not body.strip(
                "`~ \t"
            ):
                regions.append((fence_start, end))
                fence = None
        elif opener:
            fence, fence_start, fence_quoted = opener.group(1), position, depth > 0
            # A fence at the margin is no part of the list above it: an indented block after it is code again.
            list_depth = list_depth if in_list and body[0] in " \t" else -1
        elif body.strip():
            # Inside a block quote, code is indented four spaces past the quote marker and its one space; inside
            # a list item or a footnote, four spaces past the column its words start at.
            indent = _width(body[: len(body) - len(body.lstrip(" \t"))])
            if in_list and depth > paragraph_depth:
                item_columns = [column for column in item_columns if column <= indent] or item_columns[:1]
            is_indented = indent >= (min(item_columns[0], 4) if in_list else 4)  # under the list's item, if in one
            if depth > paragraph_depth and indent >= (item_columns[-1] if in_list else 0) + 4:
                regions.append((position, end))
                position = end + 1
                continue  # no paragraph opens in an indented code block
            # "* * *" and "- - -" are section breaks, not list items: they end a list.
            # A footnote's note, "[^1]: ...", holds its later paragraphs as a list item does, indented under it.
            is_item = bool(LIST_MARKER.match(body) or _FOOTNOTE_NOTE.match(body)) and not _RULE_LINE.match(body)
            if is_item and paragraph_depth >= depth and not (in_list or paragraph_in_list) and _numbered_past_one(body):
                wrapped_numbers.add(position)
                is_item = False
            if is_item:  # an item nests in those whose words start at or before its marker
                item_columns = [column for column in item_columns if column <= indent] if in_list else []
                item_columns.append(_content_column(body))
            list_depth = depth if is_item or (in_list and is_indented) else -1
        # A line without a quote marker after a quoted one goes on with its paragraph (CommonMark's lazy line).
        # A heading or a section break (or a heading's underline) is a block of one line, no paragraph: an
        # indented line after it is code ("## Fares\n    adult: 4.20").
        opens_paragraph = body.strip() and not (HEADING.match(body) or _RULE_LINE.match(body))
        if opens_paragraph and paragraph_depth < 0:
            paragraph_in_list = is_item or in_list
        paragraph_depth = max(paragraph_depth, depth) if opens_paragraph else -1
        position = end + 1
    if fence is not None:  # an unclosed fence runs to the end of the file, as CommonMark says
        regions.append((fence_start, len(text)))
    return regions, wrapped_numbers


def _width(whitespace: str) -> int:
    """How many columns `whitespace` spans, a tab reaching the next multiple of four, as CommonMark counts."""
    return len(whitespace.expandtabs(4))


def _content_column(body: str) -> int:
    """The column a list item's or a footnote's words start at, which its later paragraphs line up under: "- "
    2, "10. " 4, a footnote 4 (as GitHub reads one). Five spaces after a marker are its one space and code."""
    if _FOOTNOTE_NOTE.match(body):
        return 4
    marker = LIST_MARKER.match(body)
    marker_end = _width(body[: marker.end() - 1]) + 1  # past the marker, and the first column after it
    words = _width(body[: len(body) - len(body[marker.end() - 1 :].lstrip(" \t"))])
    return marker_end if words - marker_end >= 4 or not body[marker.end() - 1 :].strip() else words


def _numbered_past_one(body: str) -> bool:
    """Does the line open on a number other than 1 and a stop or a bracket ("2019. ", "3) ")?"""
    numbered = _NUMBERED.match(body)
    return numbered is not None and int(numbered.group(1)) != 1


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
        if _TABLE_DIVIDER.fullmatch(_unquoted(row)[1]):
            regions.append((start, end))
    return regions


def table_rows(text: str) -> list[Region]:
    """The lines of pipe tables, as (start, end): a line with a pipe at each end, and each line of a table whose
    delimiter row says it is one ("Route | Sailings" over ":--- | ---:"), down to a blank line or a line
    without a pipe (copy that follows the table without a blank line)."""
    if "|" not in text:
        return []
    rows = {m.span() for m in _TABLE_ROW.finditer(text)}
    position = 0
    while (divider := _DELIMITER_ROW.search(text, position)) is not None:
        position = divider.end() + 1  # a table's rows are read once: the next search starts past them
        header_start = text.rfind("\n", 0, max(divider.start() - 1, 0)) + 1
        header = text[header_start : max(divider.start() - 1, 0)]
        (depth, header_cells), (divider_depth, delimiters) = _unquoted(header), _unquoted(divider.group())
        if depth != divider_depth or _cell_count(header_cells) != _cell_count(delimiters):
            continue  # GFM's rule: as many header cells as delimiters, in the same block quote, or it is no table
        rows |= {(header_start, header_start + len(header)), divider.span()}
        while position < len(text):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            row = text[position:end]
            if "|" not in row or not row.strip() or _unquoted(row)[0] != depth:
                break  # the table's end, or the end of the block quote holding it
            rows.add((position, end))
            position = end + 1
    return sorted(rows)


def _unquoted(line: str) -> tuple[int, str]:
    """How many block quotes deep `line` lies, and its text inside them."""
    quoted = QUOTE_PREFIX.match(line)
    return (quoted.group().count(">"), line[quoted.end():]) if quoted else (0, line)


def _cell_count(line: str) -> int:
    return len(line.strip().strip("|").split("|")) if "|" in line else 0
