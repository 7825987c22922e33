"""Files as newsrooms have them: odd encodings, odd characters, huge and empty files. Every finding must
still point at the right line and column (1-based; a column counts Unicode code points, a tab is one)."""

from __future__ import annotations

import codecs
import json
import time

import pytest

# A repeated paragraph is the one finding every default rule set makes, so it anchors the positions.
PARAGRAPH = ("The council voted 7-2 on Tuesday to close the library on Elm Street at the end of June, "
             "officials said.")


HOUSE_RULE = """\
rules:
  - id: house.irregardless
    kind: existence
    severity: warning
    message: "'{text}' is not a word."
    description: Irregardless.
    phrases: [irregardless]
"""


def findings(cli, path, *options):
    result = cli("check", "--format", "json", "--jobs", "1", *options, path)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"], result


def assert_points_at_text(data: bytes, encoding: str, found: list[dict]) -> None:
    """The file, decoded, has each finding's `text` at its line and column."""
    text = data.decode(encoding)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for finding in found:
        line = lines[finding["line"] - 1]
        start = finding["column"] - 1
        if finding["end_line"] == finding["line"]:
            assert line[start : finding["end_column"] - 1] == finding["text"], finding
        else:
            assert finding["text"].startswith(line[start:]), finding


def repeats(cli, tmp_path, name: str, data: bytes, encoding: str):
    path = tmp_path / name
    path.write_bytes(data)
    found, result = findings(cli, path, "--select", "duplicates")
    assert_points_at_text(data, encoding, found)
    return [(f["line"], f["column"]) for f in found if f["rule"] == "duplicates.paragraph"], result


@pytest.mark.parametrize("content", ["", "   ", "\n\n\n", " \t \r\n \u00a0\u200b\n"], ids=repr)
def test_empty_and_whitespace_only_files_are_clean(cli, tmp_path, content):
    (tmp_path / "empty.txt").write_text(content, encoding="utf-8")
    found, result = findings(cli, tmp_path / "empty.txt")
    assert found == [] and result.exit_code == 0


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1252", b""), ("latin-1", b""), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_encodings_keep_positions(cli, tmp_path, encoding, bom):
    # "Café" and "naïve" are in both Latin-1 and Windows-1252; the curly quotes only in Windows-1252.
    quotes = ("\u201cWe will appeal,\u201d she said." if encoding != "latin-1" else '"We will appeal," she said.')
    body = f"Caf\u00e9 owners were na\u00efve.\r\n\r\n{PARAGRAPH}\r\n\r\n{quotes}\r\n\r\n{PARAGRAPH}\r\n"
    data = bom + body.encode(encoding)
    got, result = repeats(cli, tmp_path, f"story-{encoding}.txt", data, encoding)
    assert got == [(7, 1)]
    if encoding in ("cp1252", "latin-1"):
        assert "read as" in result.stderr  # a guessed encoding is said, not hidden
    if encoding.startswith("utf-16") and not bom:  # a Windows export with no mark, not a binary file skipped
        assert f"no byte-order mark; read as {encoding}" in result.stderr


def test_utf8_with_a_byte_order_mark_and_stray_windows_quotes_reads_as_it_does_without_the_mark(cli, tmp_path):
    """A byte-order mark says nothing about the Windows smart quotes pasted into the copy: they are read
    as Windows-1252 either way, so the speaker's hedge stays inside the quotation, and the columns after
    them are the same."""
    body = ("Harbour row\r\n\r\nThe harbourmaster, Jos\u00e9 Garc\u00eda, was blunt: \x93The quay may well close "
            "for good.\x94 Critics say the board never asked.\r\n")
    data = body.encode("utf-8").replace(b"\xc2\x93", b"\x93").replace(b"\xc2\x94", b"\x94")
    (tmp_path / "plain.txt").write_bytes(data)
    (tmp_path / "marked.txt").write_bytes(codecs.BOM_UTF8 + data)
    plain, _ = findings(cli, tmp_path / "plain.txt")
    marked, result = findings(cli, tmp_path / "marked.txt")
    assert [(f["line"], f["column"], f["rule"]) for f in marked] == [(3, 80, "attribution.weasel")]
    assert [(f["line"], f["column"], f["rule"]) for f in plain] == [(3, 80, "attribution.weasel")]
    offset = len(codecs.BOM_UTF8) + data.index(b"\x93")  # in the file, as a hex editor counts
    assert f"0x93 at offset {offset} is not UTF-8; read as UTF-8, with the bytes that are not as Windows-1252" \
        in result.stderr


def test_invalid_utf16_is_named_by_its_offset_in_the_file_and_the_columns_after_it_hold(cli, tmp_path):
    # A lone high surrogate (0xD800) where a CMS export cut a pair in two: one U+FFFD, one column.
    head, tail = "Quay closure\n\n".encode("utf-16-le"), " Critics say the plan will fail.\n".encode("utf-16-le")
    data = codecs.BOM_UTF16_LE + head + b"\x00\xd8" + tail
    (tmp_path / "cut.txt").write_bytes(data)
    found, result = findings(cli, tmp_path / "cut.txt")
    assert [(f["line"], f["column"], f["text"]) for f in found] == [(3, 3, "Critics")]
    offset = len(codecs.BOM_UTF16_LE + head)  # in the file, as a hex editor counts
    assert f"invalid utf-16-le at offset {offset};" in result.stderr


def test_mixed_line_endings_count_every_kind_of_newline(cli, tmp_path):
    body = f"Headline here\r\n\n{PARAGRAPH}\r\rA second paragraph of copy.\n\r\n{PARAGRAPH}\n"
    got, _ = repeats(cli, tmp_path, "mixed.txt", body.encode(), "utf-8")
    assert got == [(7, 1)]


@pytest.mark.parametrize("prefix", [
    "\u200b\u200bZero\u200dwidth\u2060joiners\u00a0and\u202fno-break spaces.",
    "Smart \u201cquotes\u201d, \u2018single\u2019 ones \u2014 and dashes\u2026",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eright-to-left\u202c text.",
    "Emoji \U0001f600\U0001f44d\U0001f3fd and flags \U0001f1ec\U0001f1e7 in copy.",
    "Combining: Zoe\u0308, Jose\u0301, \u1e9b\u0323 and e\u0301\u0301\u0301.",
    "Tabs\tinside\tthe\tline.",
    "A NUL\x00 byte from a CMS export.",
], ids=["zero-width", "smart-quotes", "right-to-left", "emoji", "combining", "tabs", "nul"])
def test_unusual_characters_before_a_finding_keep_its_column(cli, tmp_path, prefix):
    (tmp_path / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    body = f"{prefix}\n\n{PARAGRAPH}\n\n{prefix} Irregardless, {PARAGRAPH}\n\n{PARAGRAPH}\n"
    (tmp_path / "chars.txt").write_bytes(body.encode())
    found, _ = findings(cli, tmp_path / "chars.txt", "--rules", tmp_path / "house.yaml", "--select",
                        "house,duplicates")
    assert_points_at_text(body.encode(), "utf-8", found)
    got = [(f["line"], f["column"], f["rule"]) for f in found]
    assert (5, len(prefix) + 2, "house.irregardless") in got  # code points, so an emoji or a tab is one
    assert (7, 1, "duplicates.paragraph") in got


def test_binary_files_are_skipped_with_a_notice(cli, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (tmp_path / "story.txt").write_text(f"{PARAGRAPH}\n\n{PARAGRAPH}\n", encoding="utf-8")
    result = cli("check", "--format", "json", "--jobs", "1", tmp_path)
    assert "photo.txt: binary file" in result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["files_skipped"] == 1 and data["summary"]["files_checked"] == 1
    assert {f["path"] for f in data["findings"]} == {str(tmp_path / "story.txt")}


def test_a_100000_character_line_is_checked_quickly(cli, tmp_path):
    line = " ".join(["The U.S. said it might act, officials said."] * 2300)  # ~100,000 characters
    body = f"{line}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
    started = time.perf_counter()
    got, _ = repeats(cli, tmp_path, "long-line.txt", body.encode(), "utf-8")
    assert got == [(5, 1)]
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize("text", [
    "." * 1_000_000, "`" * 200_000, "a" * 1_000_000, "U.S. " * 20_000, "\n" * 200_000, "x@" * 100_000,
    "| a |\n" * 20_000, '"' * 200_000, "*_" * 100_000, "- " * 100_000, "Critics say " * 9_000,
    "A " * 50_000, "Hale said so.\n\n" + 'It was "one two three four" now. ' * 12_000, "Zayd 'Ali and " * 7_000,
    "--- | ---\n" * 20_000, "&amp;x" * 50_000, "[b](u)[" * 30_000, "> " * 50_000,
    "> | a |\n" * 20_000, "> --- | ---\n" * 20_000, "{%" * 100_000, "{{<" * 70_000, "{{< highlight " * 15_000,
], ids=["dots", "backticks", "one-word", "abbreviations", "blank-lines", "at-signs", "table", "quotes",
        "emphasis", "dashes", "cues-in-one-sentence", "initials", "quotations-in-many-sentences", "ayn-apostrophes",
        "table-delimiter-rows", "entities", "link-brackets", "nested-quote-markers", "quoted-table",
        "quoted-table-delimiter-rows", "liquid-openers", "shortcode-openers", "highlight-openers"])
def test_pathological_text_is_linear(text):
    """Runs of one character once made the sentence splitter and the masking regexes quadratic, and a
    sentence of thousands of cues the attribution rules (each cue read the rest of its sentence again), and
    a paragraph of thousands of quoted sentences the quote rule (each sentence walked every quotation), and
    a line of names with an apostrophe before each the name finder (each looked to the line's end for a
    closing quote): a quadratic pass over 100,000 characters takes minutes; these take about a second."""
    from newslint.document import Document
    from newslint.engine import Engine
    from newslint.ruleset import builtin_rule_files, load_rules

    engine = Engine(load_rules(builtin_rule_files()))
    for name in ("story.txt", "story.md"):
        started = time.perf_counter()
        engine.check(Document(name, text))
        assert time.perf_counter() - started < 20, name


def test_a_50_mb_file_finishes_with_correct_findings(tmp_path):
    """Generated at run time, checked through the engine with one phrase rule (the full rule set on
    50 MB is a benchmark, not a test). The phrase planted mid-file and on the last line is found there."""
    from newslint.config import Config
    from newslint.runner import Task, run

    (tmp_path / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    line = "wire copy from the overnight desk with figures and names and more figures " * 1 + "x" * 25
    block = "\n".join([line] * 49) + "\n\n"  # hard-wrapped paragraphs of 49 lines, 100 characters each
    half = block * 5_102
    data = f"{half}It was, irregardless, late.\n\n{half}Irregardless.\n".encode()
    assert len(data) > 50_000_000
    path = tmp_path / "wire.txt"
    path.write_bytes(data)
    del half, block
    config = Config(select=("house",), rule_files=(str(tmp_path / "house.yaml"),))
    started = time.perf_counter()
    report = run([Task(str(path), config)], jobs=1)
    assert [(f.line, f.column, f.text) for f in report.findings] == [
        (255_101, 9, "irregardless"), (510_203, 1, "Irregardless")]
    assert time.perf_counter() - started < 240
