"""Editors saying "this one is fine": inline suppression comments in Markdown and plain text, and baselines
that survive the lines of a story moving."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

LEAD = ("SPRINGFIELD, June 4 - The city council voted 7-2 on Tuesday to close the Elm Street branch library "
        "at the end of June, ending 62 years of service.")
RESIDENTS = ("Residents packed the council chamber to oppose the plan, which the finance office says will save "
             "about $400,000 a year.")
QUOTE = "\"This library is where my kids learned to read,\" said Maria Okafor, who has lived on Elm Street since 1998."
REYES = "Council member Tom Reyes, who voted against the closure, said the savings were small beside the cost."
CREWS = ("PORTSMOUTH, May 12 - Ferry crews walked out on Monday in a dispute over new shift rotas, cancelling 14 "
         "crossings.")
HUB = "The council said the building could reopen as a community hub if a charity agreed to run it."
UNION = "The RMT union said the operator had imposed the changes without consultation with its members."


def _story(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def _findings(cli, *args) -> list[str]:
    result = cli("check", "--format", "json", "--jobs", "1", "--select", "duplicates", *args)
    assert result.exit_code in (0, 1), result.output
    return [f"{Path(f['path']).name}:{f['line']}:{f['column']} {f['rule']}" for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("disable, enable, next_line", [
    ("<!-- newslint-disable duplicates.paragraph -->", "<!-- newslint-enable -->",
     "<!-- newslint-disable-next-line duplicates -->"),
    # The enable names the ids in another order, or by their set.
    ("<!-- newslint-disable duplicates.paragraph, hedging -->", "<!-- newslint-enable hedging duplicates.paragraph -->",
     "<!-- newslint-disable-next-line duplicates -->"),
    ("<!-- newslint-disable duplicates.paragraph -->", "<!-- newslint-enable duplicates -->",
     "<!-- newslint-disable-next-line duplicates -->"),
    # No space before the comment's end.
    ("<!--newslint-disable duplicates.paragraph-->", "<!--newslint-enable-->", "<!--newslint-disable-next-line-->"),
])
def test_markdown_comments_suppress_a_range_and_the_next_line(cli, tmp_path, disable, enable, next_line):
    story = tmp_path / "library.md"
    # The repeated quote is deliberate (a pull quote); the repeated lead is not.
    story.write_text(_story("# Library to close", LEAD, QUOTE, RESIDENTS, disable, QUOTE, enable, REYES,
                            next_line, RESIDENTS, LEAD), encoding="utf-8")
    assert _findings(cli, story) == ["library.md:21:1 duplicates.paragraph"]
    # Without the comments, all three repeats are reported.
    bare = tmp_path / "bare.md"
    bare.write_text(_story("# Library to close", LEAD, QUOTE, RESIDENTS, QUOTE, REYES, RESIDENTS, LEAD),
                    encoding="utf-8")
    assert len(_findings(cli, bare)) == 3


def test_an_enable_naming_some_ids_keeps_the_others_disabled(cli, tmp_path):
    story = tmp_path / "library.md"
    story.write_text(_story("# Library to close", LEAD, QUOTE, RESIDENTS, "<!-- newslint-disable hedging duplicates -->",
                            QUOTE, "<!-- newslint-enable hedging -->", REYES, RESIDENTS, LEAD), encoding="utf-8")
    assert _findings(cli, story) == []


def test_plain_text_bracket_lines_suppress_and_are_not_copy(cli, tmp_path):
    story = tmp_path / "library.txt"
    # One paragraph a line, as a CMS exports it; the bracket lines sit between paragraphs.
    story.write_text("\n".join(["Library to close", LEAD, QUOTE, RESIDENTS, "[newslint-disable-next-line]", QUOTE,
                                "[newslint-disable duplicates.paragraph]", RESIDENTS, "[newslint-enable]", LEAD])
                     + "\n", encoding="utf-8")
    assert _findings(cli, story) == ["library.txt:10:1 duplicates.paragraph"]
    # The same story with the bracket lines removed: the quote and the residents pasted again as a block, and
    # the lead repeated at the end.
    bare = tmp_path / "bare.txt"
    bare.write_text("\n".join(["Library to close", LEAD, QUOTE, RESIDENTS, QUOTE, RESIDENTS, LEAD]) + "\n",
                    encoding="utf-8")
    assert _findings(cli, bare) == ["bare.txt:5:1 duplicates.paragraph", "bare.txt:7:1 duplicates.paragraph"]


def test_a_disable_without_enable_runs_to_the_end_and_covers_cross_file_findings(cli, tmp_path):
    (tmp_path / "a-original.md").write_text(_story(LEAD, RESIDENTS, REYES), encoding="utf-8")
    (tmp_path / "b-follow-up.md").write_text(
        _story("<!-- newslint-disable duplicates.across-files -->", QUOTE, RESIDENTS), encoding="utf-8")
    (tmp_path / "c-rewrite.md").write_text(_story(QUOTE, RESIDENTS), encoding="utf-8")
    # b repeating a is suppressed in b; c repeats the quote in b and the paragraph in a, both reported on c.
    assert _findings(cli, tmp_path) == ["c-rewrite.md:1:1 duplicates.across-files",
                                        "c-rewrite.md:3:1 duplicates.across-files"]


def test_unknown_ids_in_a_suppression_are_reported(cli, tmp_path):
    story = tmp_path / "library.md"
    story.write_text(_story("<!-- newslint-disable-next-line duplicates.paragrpah, duplicates -->", LEAD,
                            "[newslint-disable-next-line nosuchset]", LEAD), encoding="utf-8")
    result = cli("check", "--jobs", "1", story)
    assert result.exit_code == 1
    assert (f"{story}:1:33: warning newslint.unknown-suppression 'duplicates.paragrpah' in a suppression comment "
            "names no loaded rule (did you mean 'duplicates.paragraph'?); nothing is suppressed by it.") in result.stdout
    # In Markdown the bracket form is copy, not a directive: its id is not checked, and it suppresses nothing.
    assert "nosuchset" not in result.stdout
    assert "library.md:7:1 duplicates.paragraph" in _findings(cli, story)
    # Severity of the check itself is configurable like any rule's.
    (tmp_path / ".newslint.yaml").write_text("severity: {newslint.unknown-suppression: suggestion}\n",
                                             encoding="utf-8")
    assert "suggestion newslint.unknown-suppression" in cli("check", "--jobs", "1", story).stdout


@pytest.mark.parametrize("comment, word", [("<!-- newslint-disable-line duplicates -->", "newslint-disable-line"),
                                           ("<!-- newslint-disable-next-lines duplicates -->", "newslint-disable-next-lines"),
                                           ("<!-- newslint-enable-all -->", "newslint-enable-all"),
                                           ("<!-- newslint-disabel duplicates -->", "newslint-disabel")])
def test_a_directive_word_with_more_after_it_is_no_directive(cli, tmp_path, comment, word):
    """`newslint-disable-line` (ESLint's word) is not `newslint-disable` with an id '-line': read so, it
    switched the named rules off to the end of the story while its only finding said that nothing was
    suppressed by it. Nor did it pass in silence: the editor who wrote it saw the repeat still reported and
    no reason why, where a misspelt id is reported."""
    story = tmp_path / "library.md"
    story.write_text(_story(LEAD, QUOTE, comment, RESIDENTS, LEAD), encoding="utf-8")
    assert _findings(cli, story, "--select", "newslint") == ["library.md:5:6 newslint.unknown-suppression",
                                                             "library.md:9:1 duplicates.paragraph"]
    result = cli("check", "--jobs", "1", "--select", "duplicates,newslint", story)
    assert (f"{story}:5:6: warning newslint.unknown-suppression '{word}' is not read as a suppression comment "
            "(newslint-disable-next-line, newslint-disable or newslint-enable, on one line); nothing is suppressed by it."
            ) in result.stdout


def test_a_misspelt_directive_word_in_plain_text_is_reported(cli, tmp_path):
    story = tmp_path / "library.txt"
    story.write_text(_story(LEAD, QUOTE, "[newslint-disable-line duplicates]", RESIDENTS, LEAD), encoding="utf-8")
    assert _findings(cli, story, "--select", "newslint") == ["library.txt:5:2 newslint.unknown-suppression",
                                                             "library.txt:9:1 duplicates.paragraph"]


@pytest.mark.parametrize("name, comment, column, form", [
    ("library.txt", "<!-- newslint-disable-next-line duplicates -->", 6,
     "in an HTML comment is read only in Markdown; in plain text write it in square brackets, alone on a line"),
    ("library.md", "[newslint-disable-next-line duplicates]", 2,
     "in square brackets is read only in plain text; in Markdown write it as an HTML comment"),
])
def test_a_directive_in_the_other_formats_syntax_is_reported(cli, tmp_path, name, comment, column, form):
    """A desk that files plain text and Markdown copies one form into the other kind of file: it suppressed
    nothing and said nothing, so the editor saw the repeat still reported and no reason why, and the line
    stayed in the copy to be published."""
    story = tmp_path / name
    story.write_text(_story(LEAD, QUOTE, comment, RESIDENTS, LEAD), encoding="utf-8")
    assert _findings(cli, story, "--select", "newslint") == [f"{name}:5:{column} newslint.unknown-suppression",
                                                             f"{name}:9:1 duplicates.paragraph"]
    result = cli("check", "--jobs", "1", "--select", "duplicates,newslint", story)
    assert (f"{story}:5:{column}: warning newslint.unknown-suppression 'newslint-disable-next-line' {form}"
            ) in result.stdout


@pytest.mark.parametrize("name, line", [
    ("library.md", "[newslint-docs]: https://newslint.example.org/docs"),  # a link reference definition
    ("library.txt", "<!-- newslint-disable-line duplicates -->"),  # misspelt: no directive in either form
])
def test_only_a_whole_directive_is_reported_as_the_other_forms(cli, tmp_path, name, line):
    story = tmp_path / name
    story.write_text(_story(LEAD, QUOTE, line, RESIDENTS), encoding="utf-8")
    result = cli("check", "--jobs", "1", "--select", "duplicates,newslint", story)
    assert result.exit_code in (0, 1), result.output
    assert "is read only in" not in result.stdout


@pytest.mark.parametrize("shown", [
    "Type `<!-- newslint-disable duplicates.paragrpah -->` or `<!-- newslint-disable -->` above it.",
    "```markdown\n<!-- newslint-disable duplicates.paragrpah -->\n<!-- newslint-disable -->\n```",
    "    <!-- newslint-disable duplicates.paragrpah -->\n    <!-- newslint-disable -->",
], ids=["inline", "fenced", "indented"])
def test_directives_shown_as_markdown_code_are_examples_not_directives(cli, tmp_path, shown):
    # A style-desk memo quoting the syntax: the quoted comments neither switch rules off nor count as typos.
    memo = tmp_path / "style-memo.md"
    memo.write_text(_story("# Keeping a pull quote", "To let a deliberate repeat stand, write the comment:", shown,
                           LEAD, QUOTE, RESIDENTS, QUOTE), encoding="utf-8")
    findings = _findings(cli, memo, "--select", "newslint")
    assert [f.split(" ")[1] for f in findings] == ["duplicates.paragraph"]


# Baselines -----------------------------------------------------------------------------------------


def test_baseline_survives_line_shifts_and_reports_only_new_findings(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    archive = tmp_path / "archive" / "2023"
    archive.mkdir(parents=True)
    (archive / "library.txt").write_text(_story(LEAD, RESIDENTS, REYES, RESIDENTS), encoding="utf-8")
    (archive / "ferry.txt").write_text(_story(CREWS, UNION, CREWS), encoding="utf-8")
    (archive / "harbour.txt").write_text(  # clean: counted as checked, not as holding a finding
        _story("The harbour master said the north quay would reopen on Friday after two weeks of repairs."),
        encoding="utf-8")

    written = cli("baseline", "--select", "duplicates", "-o", "newslint-baseline.json", "archive")
    assert written.exit_code == 0, written.output
    assert written.stdout == "newslint: baseline of 2 findings in 2 files (3 checked) written to newslint-baseline.json.\n"
    data = json.loads((tmp_path / "newslint-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"], e["count"]) for e in data["findings"]] == [
        ("archive/2023/ferry.txt", "duplicates.paragraph", 1), ("archive/2023/library.txt", "duplicates.paragraph", 1)]

    clean = cli("check", "--select", "duplicates", "--baseline", "newslint-baseline.json", "archive")
    assert clean.exit_code == 0, clean.output
    assert "2 findings already in newslint-baseline.json not shown" in clean.stderr

    # An editor adds a headline and two paragraphs above the old repeat (its line moves from 7 to 11) and
    # pastes the Reyes paragraph a second time further down: only that is new.
    (archive / "library.txt").write_text(
        _story("Library to close in June", QUOTE.replace("Okafor", "Okafor Jr"), LEAD, RESIDENTS, REYES, RESIDENTS,
               HUB, REYES), encoding="utf-8")
    assert _findings(cli, "archive", "--baseline", "newslint-baseline.json") == ["library.txt:15:1 duplicates.paragraph"]
    assert _findings(cli, "archive") == ["ferry.txt:5:1 duplicates.paragraph", "library.txt:11:1 duplicates.paragraph",
                                         "library.txt:15:1 duplicates.paragraph"]

    # The baseline is keyed by path relative to itself: a run from another folder reads it the same way.
    monkeypatch.chdir(archive)
    assert _findings(cli, ".", "--baseline", "../../newslint-baseline.json") == ["library.txt:15:1 duplicates.paragraph"]


def test_a_second_copy_of_a_baselined_finding_is_new(cli, tmp_path):
    story = tmp_path / "library.txt"
    story.write_text(_story(LEAD, RESIDENTS, RESIDENTS), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert cli("baseline", "--select", "duplicates", "-o", baseline, story).exit_code == 0
    story.write_text(_story(LEAD, RESIDENTS, RESIDENTS, RESIDENTS), encoding="utf-8")
    assert _findings(cli, story, "--baseline", baseline) == ["library.txt:7:1 duplicates.paragraph"]


def test_a_missing_or_foreign_baseline_is_an_error(cli, tmp_path):
    story = tmp_path / "library.txt"
    story.write_text(_story(LEAD), encoding="utf-8")
    missing = cli("check", "--baseline", tmp_path / "nope.json", story)
    assert missing.exit_code == 2 and "cannot read baseline" in missing.stderr
    (tmp_path / "other.json").write_text('{"findings": []}', encoding="utf-8")
    foreign = cli("check", "--baseline", tmp_path / "other.json", story)
    assert foreign.exit_code == 2 and "not a newslint baseline" in foreign.stderr


@pytest.mark.skipif(os.name != "posix", reason="/dev/null is POSIX")
def test_a_device_given_as_the_baseline_is_an_error(cli, tmp_path):
    """`--baseline /dev/zero` was read until the memory ran out; /dev/null stands in for it, since a failing
    test must end."""
    story = tmp_path / "library.txt"
    story.write_text(_story(LEAD), encoding="utf-8")
    result = cli("check", "--baseline", os.devnull, story)
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {os.devnull}: cannot read baseline: a device, not a file\n"


@pytest.mark.parametrize("output", ["no-such-folder/baseline.json", "."])
def test_a_baseline_that_cannot_be_written_is_an_error(cli, tmp_path, monkeypatch, output):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "library.txt").write_text(_story(LEAD, RESIDENTS, RESIDENTS), encoding="utf-8")
    result = cli("baseline", "--select", "duplicates", "-o", output, "library.txt")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"newslint: error: cannot write baseline {output}: ")
    assert len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.txt"]  # no temporary file left behind


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_baseline_written_to_a_pipe_goes_into_it_and_leaves_the_pipe(cli, tmp_path, monkeypatch):
    """A rename over a device or pipe would put a file in its place: `-o /dev/null` run as root, as in many CI
    containers, would replace /dev/null itself."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "library.txt").write_text(_story(LEAD, RESIDENTS, RESIDENTS), encoding="utf-8")
    os.mkfifo("pipe")
    reader = os.open("pipe", os.O_RDONLY | os.O_NONBLOCK)  # open first, so the writer does not wait for one
    try:
        result = cli("baseline", "--select", "duplicates", "-o", "pipe", "library.txt")
        received = os.read(reader, 65536)
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert result.stdout == "newslint: baseline of 1 finding in 1 file (1 checked) written to pipe.\n"
    assert stat.S_ISFIFO(os.stat("pipe").st_mode)
    assert [(e["path"], e["rule"], e["count"]) for e in json.loads(received)["findings"]] == [
        ("library.txt", "duplicates.paragraph", 1)]


@pytest.mark.parametrize("content", [
    '{"format": "newslint-baseline", "version": 1, "findings": [{"path": "library.txt", '
    '"rule": "duplicates.paragraph", "text": "Residents packed the council chamber", "count": 1e999}]}',
    '{"format": "newslint-baseline", "version": 1, "findings": [{"path": "library.txt", '
    '"rule": "duplicates.paragraph", "text": "Residents packed the council chamber", "count": "many"}]}',
    '{"format": "newslint-baseline", "version": 1, "findings": [{"path": ["library.txt"], '
    '"rule": "duplicates.paragraph", "text": "Residents packed the council chamber", "count": 1}]}',
    '{"format": "newslint-baseline", "version": 1, "findings": [' + "[" * 100_000 + "]" * 100_000 + "]}",
    "[" * 100_000 + "]" * 100_000,
    # More digits than Python reads into an integer (4,300): a ValueError that was "a bug in newslint".
    '{"format": "newslint-baseline", "version": 1, "findings": [{"path": "library.txt", '
    '"rule": "duplicates.paragraph", "text": "Residents packed the council chamber", "count": ' + "9" * 5000 + "}]}",
])
def test_a_corrupt_baseline_is_an_error(cli, tmp_path, content):
    story = tmp_path / "library.txt"
    story.write_text(_story(LEAD, RESIDENTS, RESIDENTS), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result = cli("check", "--baseline", baseline, story)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"newslint: error: {baseline}: not a newslint baseline (")
    assert len(result.stderr.splitlines()) == 1
