"""Offsets, paragraphs and sentences: the things fixture articles cannot pin down one by one."""

from __future__ import annotations

import re

import pytest

from newslint.document import Document
from newslint.sentences import split_sentences


def paragraphs(text: str, name: str = "story.txt") -> list[str]:
    return [p.text for p in Document(name, text).paragraphs]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_position_counts_characters_not_bytes_and_a_tab_as_one():
    document = Document("story.txt", "Première ligne\n\t\u00c9lodie Garnier a dit\U0001f600 oui.\n")
    offset = document.raw.index("oui")
    assert document.position(offset) == (2, 24)
    assert document.position(0) == (1, 1)


def test_crlf_and_lone_cr_keep_lines_and_columns():
    document = Document("story.txt", "one\r\ntwo\rthree\r\n")
    assert document.position(document.raw.index("three")) == (3, 1)
    assert document.newline == "\r\n"


def test_masking_keeps_length_and_newlines():
    raw = "---\ntitle: x\n---\nSee [the report](https://example.org/a-b).\n\n```\ncode\n```\n"
    document = Document("story.md", raw)
    assert len(document.text) == len(raw)
    assert [i for i, c in enumerate(document.text) if c == "\n"] == [i for i, c in enumerate(raw) if c == "\n"]
    assert "example.org" not in document.text and "title" not in document.text and "code" not in document.text
    assert "the report" in document.text


@pytest.mark.parametrize("line, masked", [
    ("[report]: https://example.org/council-report.pdf", True),  # a link reference definition: a target
    ('[report]: <https://example.org/a b.pdf> "The council\'s report"', True),
    ("  [report]:/council-report.pdf (Council report)", True),
    ("[^1]: Critics say the figures were never audited.", False),  # a footnote: copy the reader sees
    ("[Update]: Critics say the vote will be held again on Monday.", False),  # not a definition: copy
    ('[4]: https://example.org/minutes\n    "minutes of the full council meeting on 4 March"', True),  # title wraps
])
def test_only_a_link_reference_definition_is_masked_not_a_footnote_or_a_label_before_copy(line, masked):
    raw = f"The council published its report on Tuesday.\n\n{line}\n"
    document = Document("story.md", raw)
    start = raw.index(line)
    assert len(document.text) == len(raw)
    assert (document.text[start:start + len(line)].strip() == "") == masked, document.text


def test_footnote_marks_and_reference_link_labels_are_masked_and_the_note_is_copy():
    raw = "Ruiz said on Monday.[^1] She had read [the survey][survey] and [the minutes][].\n\n[^1]: At the town hall.\n"
    assert Document("story.md", raw).text == (
        "Ruiz said on Monday.     She had read  the survey          and  the minutes   .\n\n      At the town hall.\n")


def test_markdown_entities_read_as_their_characters_and_widen_to_the_whole_entity():
    raw = "&ldquo;It&#8217;s over,&rdquo; said Ruiz of AT&amp;T&nbsp;Fibre.\n"
    document = Document("story.md", raw)
    joiner = "\u2060"
    assert document.text == (
        f"      \u201cIt{joiner * 6}\u2019s over,\u201d       said Ruiz of AT{joiner * 4}&T      Fibre.\n")
    opening, closing = document.text.index("\u201c"), document.text.index("\u201d")
    assert document.widened(opening, closing + 1) == (0, raw.index(" said"))
    assert Document("story.txt", raw).text == raw  # plain text has no entities: "&amp;" is as written


def test_a_fence_left_open_in_a_block_quote_ends_with_the_quote():
    raw = "> ```\n> Westgate might be sold.\n\nThe council met on Monday.\n"
    assert Document("story.md", raw).text == " " * 5 + "\n" + " " * 25 + "\n\nThe council met on Monday.\n"


@pytest.mark.parametrize("raw, masked", [
    ("The notice read:\n>     status: closed\n", "The notice read:\n" + " " * 20 + "\n"),  # a quote may open on code
    (">    status: closed\n", "     status: closed\n"),  # three spaces past the marker's one: copy
    ("> Bookings\n>     may be lost.\n", "  Bookings\n      may be lost.\n"),  # code cannot interrupt a paragraph
    ("> Bookings\nmay be\n>     lost.\n", "  Bookings\nmay be\n      lost.\n"),  # nor can it after a lazy line
    ("> - Bookings\n>\n>     may be lost.\n", "    Bookings\n \n      may be lost.\n"),  # the item's copy
    ("> - Bookings\n\n    status: closed\n", "    Bookings\n\n" + " " * 18 + "\n"),  # the list ended with the quote
])
def test_indented_code_inside_a_block_quote_is_masked_as_outside_one(raw, masked):
    assert Document("story.md", raw).text == masked


@pytest.mark.parametrize("raw, masked", [
    # Code is indented four columns past where the item's words start ("- " 2, "10. " 4, a footnote 4).
    ("- The motion read:\n\n      may be deferred\n", "  The motion read:\n\n" + " " * 21 + "\n"),
    ("- The motion read:\n\n    may be deferred\n", "  The motion read:\n\n    may be deferred\n"),  # copy
    ("10. The motion read:\n\n        may be deferred\n", "    The motion read:\n\n" + " " * 23 + "\n"),
    ("[^1]: The amendment read:\n\n\t    may be deferred\n", " " * 6 + "The amendment read:\n\n" + " " * 20 + "\n"),
    ("[^1]: The amendment read:\n\n\tmay be deferred\n", " " * 6 + "The amendment read:\n\n\tmay be deferred\n"),
    # An item's paragraph lined up under its words keeps the list open: the line after it is the item's copy.
    ("- Votes:\n\n  Both read:\n\n    may be deferred\n", "  Votes:\n\n  Both read:\n\n    may be deferred\n"),
    # Back in the outer item after a nested one, code is four past the outer item's words.
    ("- Motions:\n\n  - The first failed.\n\n  Both read:\n\n      may be deferred\n",
     "  Motions:\n\n    The first failed.\n\n  Both read:\n\n" + " " * 21 + "\n"),
])
def test_indented_code_in_a_list_item_or_a_footnote_is_indented_past_the_item_s_words(raw, masked):
    assert Document("story.md", raw).text == masked


@pytest.mark.parametrize("raw, masked", [
    ("## Fares\n    adult: may rise\n", "   Fares\n" + " " * 19 + "\n"),  # a heading is no paragraph
    ("Fares\n---\n    adult: may rise\n", "Fares\n   \n" + " " * 19 + "\n"),  # nor is a heading's underline
    ("* * *\n    adult: may rise\n", " " * 5 + "\n" + " " * 19 + "\n"),  # nor a section break
    ("Fares\n    may rise\n", "Fares\n    may rise\n"),  # a paragraph goes on: copy
])
def test_an_indented_line_after_a_heading_or_section_break_is_code(raw, masked):
    assert Document("story.md", raw).text == masked


@pytest.mark.parametrize("raw, masked, paragraphs", [
    # A year wrapped to the start of a line goes on with its paragraph: only "1." may interrupt one.
    ("The pier was sold in\n2019. Critics say so.\n", "The pier was sold in\n2019. Critics say so.\n",
     ["The pier was sold in\n2019. Critics say so."]),
    ("> The pier was sold in\n> 2019. Critics say so.\n", "  The pier was sold in\n  2019. Critics say so.\n",
     ["The pier was sold in\n  2019. Critics say so."]),
    ("Fares:\n1. adult\n2. child\n", "Fares:\n   adult\n   child\n", ["Fares:", "adult", "child"]),  # "1." opens a list
    ("1. adult\nfare\n2. child\n", "   adult\nfare\n   child\n", ["adult\nfare", "child"]),  # the list goes on
])
def test_a_numbered_line_inside_a_paragraph_is_copy_unless_it_opens_on_1(raw, masked, paragraphs):
    document = Document("story.md", raw)
    assert document.text == masked
    assert [paragraph.text for paragraph in document.paragraphs] == paragraphs


def test_a_link_s_opening_bracket_is_masked_with_its_target_even_when_its_words_wrap():
    raw = "[Ruiz](r.html) saw ![the pool](pool.jpg) and [the council's\nreport](https://example.org/r) [sic].\n"
    assert Document("story.md", raw).text == (
        " Ruiz" + " " * 9 + " saw   the pool" + " " * 11 + " and  the council's\nreport" + " " * 24 + " [sic].\n")


@pytest.mark.parametrize("tag", [
    '<img src="/img/odesa-queue.jpg" alt="Cars queue > 300 metres" width="640">',
    "<img alt='Cars queue > 300 metres'\n     src=/img/odesa-queue.jpg />",  # a tag may wrap; a value may go unquoted
    '<abbr title="Fares > \u00a34.20">',
])
def test_a_quoted_attribute_value_holding_a_closing_bracket_does_not_end_the_tag(tag):
    raw = f"{tag}Ferries sailed twice.</abbr>\n"
    assert Document("story.md", raw).text == re.sub(r"[^\n]", " ", tag) + "Ferries sailed twice.       \n"


def blank(markup: str) -> str:
    return re.sub(r"[^\n]", " ", markup)


@pytest.mark.parametrize("raw, masked", [
    ('{{< figure src="/img/pier.jpg"\n  caption="The pier in 1994" >}}\n', blank('{{< figure src="/img/pier.jpg"\n'
                                                                           '  caption="The pier in 1994" >}}') + "\n"),
    ('{{< quote author="Maria Ruiz" >}}\nWe will reopen.\n{{< /quote >}}\n',
     blank('{{< quote author="Maria Ruiz" >}}') + "\nWe will reopen.\n" + blank("{{< /quote >}}") + "\n"),
    ('{{% aside title="Fares" %}}Fares rose.{{% /aside %}}\n',
     blank('{{% aside title="Fares" %}}') + "Fares rose." + blank("{{% /aside %}}") + "\n"),
    ('See [the fares]({{< ref "ferry-fares" >}}) now.\n', "See  the fares" + blank(']({{< ref "ferry-fares" >}})') + " now.\n"),
    # A highlighted snippet is code, tags and all, and its `~~~` opens no fence that would hide the copy after it.
    ("{{< highlight md >}}\n~~~\n{{< /highlight >}}\nFares rose.\n", blank("{{< highlight md >}}\n~~~\n{{< /highlight >}}")
     + "\nFares rose.\n"),
    ("{%- highlight md -%}\n~~~\n{%- endhighlight -%}\nFares rose.\n", blank("{%- highlight md -%}\n~~~\n"
                                                                          "{%- endhighlight -%}") + "\nFares rose.\n"),
    ("Type {{< highlight >}} to show code.\n", "Type " + blank("{{< highlight >}}") + " to show code.\n"),  # never closed
    ("{% raw %}\nFares rose.\n{% endraw %}\n", blank("{% raw %}") + "\nFares rose.\n" + blank("{% endraw %}") + "\n"),
    # A blank line inside the snippet leaves the list item open, as Hugo's one placeholder does: the item's next
    # paragraph is copy, not code four columns deep.
    ("1.  Install it:\n\n    {{< highlight sh >}}\n    brew install\n\n    hugo new\n    {{< /highlight >}}\n\n"
     "    Some say it was rushed.\n", "    Install it:\n\n    " + blank("{{< highlight sh >}}\n    brew install\n\n"
                                                                  "    hugo new\n    {{< /highlight >}}")
     + "\n\n    Some say it was rushed.\n"),
])
def test_a_hugo_shortcode_s_tag_is_masked_and_the_words_between_a_pair_are_copy(raw, masked):
    assert Document("story.md", raw).text == masked


def test_a_line_at_the_margin_after_a_list_item_s_closed_fence_ends_the_list():
    """CommonMark's lazy line goes on with a paragraph, and a fence is none: after it the list ends, and a line
    indented four columns is code, not the item's copy."""
    raw = "- Install it:\n\n  ```sh\n  brew install hugo\n  ```\nThe board met.\n\n    # some analysts say so\n"
    assert Document("story.md", raw).text.endswith("The board met.\n\n" + blank("    # some analysts say so") + "\n")


@pytest.mark.parametrize("raw, expected", [
    ("> Roof beyond repair\n> ---\n> The tank may crack.\n", [("Roof beyond repair", True), ("The tank may crack.", False)]),
    ("> > Roof beyond repair\n> > ===\n", [("Roof beyond repair", True)]),
    # Unquoted, the underline ends the block quote as a section break: the quoted words stay a paragraph.
    ("> Roof beyond repair\n---\nThe tank may crack.\n", [("Roof beyond repair", False), ("The tank may crack.", False)]),
])
def test_a_setext_underline_in_a_block_quote_underlines_the_words_quoted_above_it(raw, expected):
    assert [(p.text, p.is_heading) for p in Document("story.md", raw).paragraphs] == expected


@pytest.mark.parametrize("target", [
    "(https://harbour.example.gov/leader 'Maria Ruiz, who may stand down')",  # a title in single quotes
    "(https://harbour.example.gov/leader (Maria Ruiz, who may stand down))",  # or in brackets
    '(/leader "Maria Ruiz, who may\nstand down" )',  # wrapped, and a space before the closing bracket
])
def test_a_link_s_title_in_any_of_its_three_forms_is_masked_with_its_target(target):
    raw = f"Harbour Council's [leader]{target} said so.\n"
    assert Document("story.md", raw).text == "Harbour Council's  leader " + blank(target) + " said so.\n"


def test_a_link_s_title_does_not_run_past_a_blank_line():
    raw = 'See [the notice](https://harbour.example.gov.uk/westgate\n\n"The pool closes in May")\n'
    assert Document("story.md", raw).text.endswith('\n\n"The pool closes in May")\n')  # the next paragraph is copy


def test_hard_wrapped_paragraphs_separated_by_blank_lines():
    text = "Headline here\n\nFirst line of a paragraph\nthat wraps onto a second.\n\nAnother paragraph.\n"
    assert paragraphs(text) == ["Headline here", "First line of a paragraph\nthat wraps onto a second.",
                                "Another paragraph."]


def test_cms_export_one_paragraph_per_line():
    text = "Headline\nThe first paragraph ends here.\nThe second paragraph ends here.\n"
    assert paragraphs(text) == ["Headline", "The first paragraph ends here.", "The second paragraph ends here."]


def test_long_lines_are_paragraphs_even_without_full_stops():
    long_line = "word " * 40
    assert len(paragraphs(f"{long_line}\n{long_line}\n")) == 2


def test_markdown_headings_and_list_items_are_paragraphs():
    text = "# Storm hits coast\nWinds reached 90 mph.\n- Schools closed\n- Ferries cancelled\n"
    assert [p.strip() for p in paragraphs(text, "story.md")] == [
        "Storm hits coast", "Winds reached 90 mph.", "Schools closed", "Ferries cancelled"]
    document = Document("story.md", text)
    assert document.paragraphs[0].is_heading and not document.paragraphs[1].is_heading


def test_a_table_in_a_block_quote_is_read_cell_by_cell_and_ends_with_the_quote():
    text = "> Route | Sailings\n> :--- | ---:\n> Holm | Probably 2 a day\nHolm | Might be cut\n"
    assert paragraphs(text, "story.md") == ["Route", "Sailings", "Holm", "Probably 2 a day", "Holm | Might be cut"]
    text = "Route | Sailings\n> :--- | ---:\n> Holm | Probably 2 a day\n"  # a header outside the quote: no table
    assert paragraphs(text, "story.md") == ["Route | Sailings\n  :--- | ---:\n  Holm | Probably 2 a day"]


def test_plain_text_headline_is_marked():
    document = Document("story.txt", "MINISTER RESIGNS OVER EXPENSES\n\nThe minister resigned on Friday.\n")
    assert document.paragraphs[0].is_heading and not document.paragraphs[1].is_heading


@pytest.mark.parametrize("text, expected", [
    ("U.S. President Joe Biden spoke. He left.", ["U.S. President Joe Biden spoke.", "He left."]),
    ("It came from the U.S. The end.", ["It came from the U.S.", "The end."]),
    ("Gen. Mark Milley and Sen. Ruiz met on Jan. 5 at No. 10 Downing St. in London.",
     ["Gen. Mark Milley and Sen. Ruiz met on Jan. 5 at No. 10 Downing St. in London."]),
    ("John F. Kennedy was shot in 1963. Growth was 3.5 percent.",
     ["John F. Kennedy was shot in 1963.", "Growth was 3.5 percent."]),
    ('He said "we will win." Then he left.', ['He said "we will win."', "Then he left."]),
    ('"Will we?" she asked. "Yes," he said.', ['"Will we?" she asked.', '"Yes," he said.']),
    ("Shares of Acme Inc. rose. Acme Inc. The firm fell.", ["Shares of Acme Inc. rose.", "Acme Inc.", "The firm fell."]),
    ("\u201cWe are ready.\u201d The talks begin.", ["\u201cWe are ready.\u201d", "The talks begin."]),
])
def test_news_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_quotes_run_to_paragraph_end_when_unclosed():
    document = Document("story.txt", '"We will rebuild," she said. "It may take years.\n')
    paragraph = document.paragraphs[0]
    assert paragraph.sentences[1].in_quote(paragraph.sentences[1].text.index("may"))
    assert not paragraph.sentences[0].in_quote(paragraph.sentences[0].text.index("she"))


def quoted(text: str) -> list[str]:
    """The quoted stretches of a one-paragraph story, as text."""
    return [text[a:b] for a, b in Document("story.txt", text).paragraphs[0].quotes]


def test_quote_that_reopens_at_each_sentence_is_two_quotes_not_a_toggle():
    # News style: a quote running into a new sentence re-opens with a mark and never closes the first.
    text = '"We did not expect this. "The board will meet again on Monday," Ruiz said. It may rain.'
    assert quoted(text) == ['"We did not expect this.', '"The board will meet again on Monday,"']
    paragraph = Document("story.txt", text).paragraphs[0]
    assert not paragraph.in_quote(text.index("Ruiz")) and not paragraph.in_quote(text.index("may"))
    assert paragraph.in_quote(text.index("Monday"))


def test_unquoted_blanks_each_sentence_s_share_of_a_quote_and_keeps_offsets():
    # The quotation starts in the first sentence and runs through the second; the third is the writer's.
    text = 'Ruiz said: "We did not expect this. The board may meet on Monday." Talks may resume.'
    paragraph = Document("story.txt", text).paragraphs[0]
    first, second, third = paragraph.sentences
    assert paragraph.unquoted == "Ruiz said:" + " " * len(text[10:66]) + text[66:]
    assert first.unquoted == "Ruiz said:" + " " * (len(first.text) - 10)
    assert second.unquoted == " " * len(second.text)
    assert third.unquoted == third.text == "Talks may resume."


def test_unclosed_quote_runs_to_the_paragraph_end():
    text = 'The chairman was blunt. "This is the worst year we have had, and it may get worse.'
    assert quoted(text) == ['"This is the worst year we have had, and it may get worse.']


def test_curly_quotes_and_apostrophes():
    text = "\u201cIt\u2019s over,\u201d she said. The players\u2019 union may strike. \u2018Not yet,\u2019 he said."
    assert quoted(text) == ["\u201cIt\u2019s over,\u201d", "\u2018Not yet,\u2019"]


def test_inch_mark_and_quoted_word_mid_sentence():
    text = 'A 12" pipe burst. The "regeneration" plan may cost more.'
    assert quoted(text) == ['"regeneration"']


def test_release_forgets_only_what_was_worked_out_from_the_text():
    # A name set in __init__ but missing from _KEPT_BY_RELEASE would be deleted by release() and never come back.
    document = Document("story.md", "The council met on Monday.\n\nIt voted to close the pool. Residents objected.\n")
    assert set(vars(document)) == Document._KEPT_BY_RELEASE
    before = [[s.text for s in p.sentences] for p in document.paragraphs]
    document.release()
    assert set(vars(document)) == Document._KEPT_BY_RELEASE
    assert [[s.text for s in p.sentences] for p in document.paragraphs] == before  # worked out again if asked


def test_a_paragraph_between_two_in_the_first_person_is_in_their_voice():
    first_person = re.compile(r"\bI\b")
    page = Document("story.txt", "The ferry will sail twice a day, the operator said.\n\nI need the early boat.\n\n"
                                 "The new timetable is a mess.\n\nI think it had to happen.\n\nFares rose 4%.\n")
    # The comment with no "I" stands between two readers; the operator's news and the last line do not.
    assert [paragraph.in_voice(first_person) for paragraph in page.paragraphs] == [False, True, True, True, False]
