"""`check --fix` and `--diff`: safe fixes written atomically, every other byte of the file as saved (BOM,
CRLF, Windows-1252), files without a fix untouched; and `check -` with `--stdin-filename` for editors."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from newslint import kinds
from newslint.finding import Hit
from newslint.kinds.base import Kind

LEAD = ("KYIV, March 3 - Air raid sirens sounded across Kiev for three hours overnight as drones struck "
        "an energy plant on the city's eastern edge, the mayor said.")
DAMAGE = ("Repair crews restored power to most homes by morning, though 12,000 households in two districts "
          "were still without heating, officials said.")
QUOTE = "\u201cWe heard the first blast just after two,\u201d said Olena Marchenko, a nurse at the city hospital."
HOUSE_RULES = """rules:
  - id: house.spelling
    kind: house_spelling
    severity: warning
    message: "House style is '{right}', not '{text}'."
    description: Declared house spellings.
    spellings: {Kiev: Kyiv, "cafe": "caf\\u00e9"}
    examples: {flags: [Shelling hit Kiev.], passes: [Shelling hit Kyiv.]}
  - id: house.capital
    kind: house_spelling
    severity: warning
    message: "House style is '{right}', not '{text}'."
    description: A second rule whose fix overlaps the first.
    spellings: {"across Kiev": "across the capital"}
    examples: {flags: [Sirens sounded across Kiev.], passes: [Sirens sounded across Kyiv.]}
"""


class HouseSpelling(Kind):
    """A stand-in for a house-style kind that sets `Hit.replacement` (fixes rely on nothing else).

    Fields: spellings (wrong: right).
    """

    unit = "document"
    fields = frozenset({"spellings"})
    placeholders = frozenset({"right"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.spellings = rule.get("spellings")

    def check(self, document):
        for wrong, right in self.spellings.items():
            for match in re.finditer(rf"\b{re.escape(wrong)}\b", document.text):
                yield Hit(match.start(), match.end(), {"right": right}, replacement=right)


@pytest.fixture
def house(tmp_path, monkeypatch):
    monkeypatch.setitem(kinds.KINDS, "house_spelling", f"{__name__}:HouseSpelling")
    rules = tmp_path / "house.yaml"
    rules.write_text(HOUSE_RULES, encoding="utf-8")
    return ("--jobs", "1", "--select", "duplicates,house.spelling", "--rules", str(rules))


def _story(newline: str, *paragraphs: str) -> str:
    return (newline * 2).join(paragraphs) + newline


def test_fix_keeps_bom_and_crlf_and_changes_only_the_fixes(cli, tmp_path, house):
    story = tmp_path / "drone-strike.md"
    before = b"\xef\xbb\xbf" + _story("\r\n", "# Drones hit Kiev plant", LEAD, DAMAGE, QUOTE, DAMAGE).encode()
    story.write_bytes(before)
    result = cli("check", *house, "--fix", story)
    assert result.exit_code == 0, result.output
    assert "fixed 3 findings in 1 file" in result.stderr
    expected = b"\xef\xbb\xbf" + _story("\r\n", "# Drones hit Kyiv plant", LEAD.replace("Kiev", "Kyiv"), DAMAGE,
                                        QUOTE).encode()
    assert story.read_bytes() == expected
    assert result.stdout.strip() == "newslint: no findings; 1 file checked."
    assert cli("check", *house, "--fix", story).exit_code == 0 and story.read_bytes() == expected  # idempotent


def test_fix_deletes_a_pasted_paragraph_that_wraps_over_crlf_lines(cli, tmp_path, house):
    """The finding's text holds the file's own CRLF; the text the fix is checked against has them unified."""
    lead, wrapped = LEAD.replace("Kiev", "Kyiv"), DAMAGE.replace(", though", ",\r\nthough")
    story = tmp_path / "power-cuts.txt"
    story.write_bytes(_story("\r\n", lead, wrapped, QUOTE, wrapped).encode())
    result = cli("check", *house, "--fix", story)
    assert result.exit_code == 0, result.output
    assert story.read_bytes() == _story("\r\n", lead, wrapped, QUOTE).encode()


def test_fix_keeps_a_windows_1252_export_byte_for_byte(cli, tmp_path, house):
    story = tmp_path / "cafe-reopens.txt"
    lines = ["Kiev cafe reopens", "", QUOTE, "", DAMAGE, "", DAMAGE, ""]
    story.write_bytes("\r\n".join(lines).encode("cp1252"))
    result = cli("check", *house, "--fix", story)
    assert result.exit_code == 0, result.output
    assert "read as Windows-1252" in result.stderr
    fixed = ["Kyiv caf\u00e9 reopens", "", QUOTE, "", DAMAGE, ""]
    assert story.read_bytes() == "\r\n".join(fixed).encode("cp1252")
    story.write_bytes("\r\n".join(lines).encode("cp1252"))
    diff = cli("check", *house, "--diff", story)
    assert "+Kyiv caf\u00e9 reopens" in diff.stdout  # readable, but not the bytes on disk:
    assert "saved as cp1252, shown in UTF-8 in the diff; it will not apply as a patch" in diff.stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_fix_writes_utf16_saved_without_a_mark_back_without_one(cli, tmp_path, house, encoding):
    story = tmp_path / "drone-strike.txt"
    story.write_bytes(_story("\r\n", LEAD, DAMAGE, DAMAGE).encode(encoding))
    result = cli("check", *house, "--fix", story)
    assert result.exit_code == 0, result.output
    assert f"no byte-order mark; read as {encoding}" in result.stderr
    assert story.read_bytes() == _story("\r\n", LEAD.replace("Kiev", "Kyiv"), DAMAGE).encode(encoding)


def test_exact_repeats_go_without_a_gap_but_near_repeats_stay_findings(cli, tmp_path):
    story = tmp_path / "power.txt"
    near = DAMAGE.replace("12,000 households", "12,000 homes")
    # One paragraph a line, as a CMS exports it, with the exact repeat last and no final newline.
    story.write_text("\n".join(["Power restored after drone strike", LEAD, DAMAGE, QUOTE, near, LEAD]),
                     encoding="utf-8")
    result = cli("check", "--jobs", "1", "--select", "duplicates", "--fix", story)
    assert result.exit_code == 1
    assert story.read_text(encoding="utf-8") == "\n".join(["Power restored after drone strike", LEAD, DAMAGE, QUOTE,
                                                           near])
    assert result.stdout.splitlines()[0] == f"{story}:5:1: error duplicates.paragraph Paragraph repeats line 3 (97% alike); delete one copy."


@pytest.mark.parametrize("changed", [False, True])
def test_a_block_pasted_twice_is_one_finding_and_goes_whole_only_when_copied_exactly(cli, tmp_path, changed):
    story = tmp_path / "power.txt"
    block = [LEAD, DAMAGE, QUOTE]
    copy = [LEAD, DAMAGE.replace("12,000 households", "12,000 homes") if changed else DAMAGE, QUOTE]
    story.write_text(_story("\n", "Power restored after drone strike", *block, *copy), encoding="utf-8")
    message = (f"{story}:9:1: error duplicates.paragraph A block of 3 paragraphs repeats lines 3\u20137 "
               f"({97 if changed else 100}% alike); delete one copy.")
    assert cli("check", "--jobs", "1", "--select", "duplicates", story).stdout.splitlines()[0] == message
    result = cli("check", "--jobs", "1", "--select", "duplicates", "--fix", story)
    assert result.exit_code == (1 if changed else 0)
    assert ("fixed 1 finding in 1 file" in result.stderr) != changed
    kept = [*block, *copy] if changed else block
    assert story.read_text(encoding="utf-8") == _story("\n", "Power restored after drone strike", *kept)


def test_a_short_new_paragraph_inside_a_pasted_block_is_kept(cli, tmp_path):
    # Too short to compare, "Asked twice, he declined." is new copy: it splits the block, and --fix keeps it.
    story = tmp_path / "power.txt"
    story.write_text(_story("\n", LEAD, DAMAGE, QUOTE, LEAD, DAMAGE, "Asked twice, he declined.", QUOTE),
                     encoding="utf-8")
    assert cli("check", "--jobs", "1", "--select", "duplicates", "--fix", story).exit_code == 0
    assert story.read_text(encoding="utf-8") == _story("\n", LEAD, DAMAGE, QUOTE, "Asked twice, he declined.")


def test_utf8_copy_with_pasted_windows_smart_quotes_keeps_its_columns_and_names(cli, tmp_path):
    """Windows-1252 quotes (bytes 0x92, 0x93, 0x94; more of them than accented letters) in a UTF-8 story:
    only those bytes are read as Windows-1252, so "Erdoğan" stays itself and the columns after it are an
    editor's; read whole as Windows-1252 they were one off per accent. `--fix` will not rewrite the stray
    bytes, so it leaves the file alone."""
    text = ("Turkish President Recep Tayyip Erdoğan met café owners in Kiev on Monday.\n\n"
            "The mayor\x92s office said: \x93Erdogan will return next week.\x94\n")
    data = text.encode("utf-8")
    for quote in "\x92\x93\x94":
        data = data.replace(quote.encode("utf-8"), quote.encode("latin-1"))
    story = tmp_path / "visit.txt"
    story.write_bytes(data)
    result = cli("check", "--jobs", "1", "--format", "json", "--select", "names", story)
    assert [(f["line"], f["column"], f["rule"], f["text"]) for f in json.loads(result.stdout)["findings"]] == [
        (1, 59, "names.house-spelling", "Kiev"), (3, 27, "names.mixed-spelling", "Erdogan")]
    assert "byte 0x92 at offset 86 is not UTF-8; read as UTF-8, with the bytes that are not as Windows-1252" \
        in result.stderr
    fixed = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", story)
    assert fixed.exit_code == 1 and "not fixed: the file does not read back byte for byte" in fixed.stderr
    assert story.read_bytes() == data


def test_diff_prints_the_fixes_and_changes_nothing(cli, tmp_path, house, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story, copy = Path("drone-strike.md"), Path("copy.md")
    for path in (story, copy):
        path.write_text(_story("\n", "# Drones hit Kiev plant", LEAD, DAMAGE, DAMAGE, QUOTE), encoding="utf-8")
    before, stat = story.read_bytes(), story.stat()
    result = cli("check", *house, "--diff", story)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/drone-strike.md\n+++ b/drone-strike.md\n@@ -1,")
    assert "-# Drones hit Kiev plant\n+# Drones hit Kyiv plant\n" in result.stdout
    assert result.stdout.count(f"-{DAMAGE}\n") == 1 and f"+{DAMAGE}" not in result.stdout
    assert story.read_bytes() == before and story.stat().st_mtime_ns == stat.st_mtime_ns
    # The diff is a real patch: applied, it gives what --fix writes.
    Path("fix.patch").write_text(result.stdout, encoding="utf-8")
    subprocess.run(["git", "apply", "fix.patch"], check=True, capture_output=True)
    assert cli("check", *house, "--fix", copy).exit_code == 0
    assert story.read_bytes() == copy.read_bytes()
    clean = tmp_path / "clean.md"
    clean.write_text(_story("\n", "# Power restored", DAMAGE), encoding="utf-8")
    nothing = cli("check", *house, "--diff", clean)
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    both = cli("check", *house, "--fix", "--diff", copy)  # write, or only show? Ask rather than guess.
    assert both.exit_code == 2 and "give one or the other" in both.stderr


def test_diff_over_a_path_that_could_not_be_read_exits_2(cli, tmp_path, house, monkeypatch):
    """`newslint check --diff drafts/` as a CI step (fail when fixes are pending) given a misspelt folder, or
    a story it cannot open, exited 0 when nothing else needed a fix: the gate passed on copy it never read."""
    monkeypatch.chdir(tmp_path)
    clean = Path("clean.md")
    clean.write_text(_story("\n", "# Power restored", DAMAGE), encoding="utf-8")
    result = cli("check", *house, "--diff", clean, "draft/")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "newslint: error: draft/: no such file or directory" in result.stderr
    story = Path("drone-strike.md")
    story.write_text(_story("\n", "# Drones hit Kiev plant", LEAD), encoding="utf-8")
    result = cli("check", *house, "--diff", story, "draft/")
    assert result.exit_code == 2 and "+# Drones hit Kyiv plant" in result.stdout


def test_diff_of_a_classic_mac_export_numbers_lines_as_the_findings_do(cli, tmp_path, house):
    story = tmp_path / "drone-strike.txt"
    before = _story("\r", "Drones hit power plant", DAMAGE, LEAD, QUOTE).encode("utf-8")
    story.write_bytes(before)
    assert cli("check", *house, story).stdout.startswith(f"{story}:5:")  # "Kiev", in the third paragraph
    result = cli("check", *house, "--diff", story)
    assert result.exit_code == 1
    assert f"@@ -2,6 +2,6 @@\n \n {DAMAGE}\n \n-{LEAD}\n+{LEAD.replace('Kiev', 'Kyiv')}\n" in result.stdout
    assert "\r" not in result.stdout
    assert "lines end in a bare CR, shown as newlines in the diff; it will not apply as a patch" in result.stderr
    assert story.read_bytes() == before


def test_one_fix_asked_for_by_two_rules_settles_both(cli, tmp_path, house):
    story = tmp_path / "drone-strike.md"
    story.write_text(_story("\n", "# Drones hit Kiev plant", LEAD), encoding="utf-8")
    both = [*house[:3], "house.spelling,names.house-spelling", *house[4:]]  # the shipped list says Kyiv too
    result = cli("check", *both, "--fix", story)
    assert result.exit_code == 0 and "no findings" in result.stdout, result.output
    fixed = story.read_text(encoding="utf-8")
    assert fixed.startswith("# Drones hit Kyiv plant\n") and "Kiev" not in fixed


def test_files_without_a_fix_are_never_touched(cli, tmp_path, house):
    fixable, other = tmp_path / "a.txt", tmp_path / "b.txt"
    fixable.write_text(_story("\n", LEAD, DAMAGE), encoding="utf-8")
    other.write_text(_story("\n", QUOTE, DAMAGE), encoding="utf-8")
    stat = other.stat()
    result = cli("check", *house, "--fix", tmp_path)
    assert "Kyiv" in fixable.read_text(encoding="utf-8")
    after = other.stat()
    assert (after.st_ino, after.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    assert "duplicates.across-files" in result.stdout  # a cross-file repeat is an editor's call: no fix
    assert [p.name for p in tmp_path.iterdir() if "newslint-tmp" in p.name] == []


def test_overlapping_fixes_are_resolved_the_same_way_every_time(cli, tmp_path, house):
    both = (*house[:-2], "--select", "house", *house[-2:])
    outcomes = []
    for attempt in range(2):
        story = tmp_path / f"sirens-{attempt}.txt"
        story.write_text(LEAD + "\n", encoding="utf-8")
        result = cli("check", *both, "--fix", story)
        outcomes.append((story.read_text(encoding="utf-8"), result.stdout.replace(str(story), "STORY")))
    assert outcomes[0] == outcomes[1]
    text, report = outcomes[0]
    # "across Kiev" starts first, so it wins; the spelling fix inside it is settled with it (its word is gone).
    assert "across the capital" in text and "Kiev" not in text
    assert "house.spelling" not in report and "house.capital" not in report


def test_of_two_fixes_from_one_place_the_longer_and_more_specific_wins(cli, tmp_path):
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - id: house.places\n    kind: substitution\n    severity: warning\n    message: m\n"
        "    description: d\n    spellings:\n      - {canonical: Kyiv region, variants: [Kiev oblast]}\n",
        encoding="utf-8")
    story = tmp_path / "shelling.txt"
    story.write_text("Shelling hit villages across Kiev oblast overnight, the governor said.\n", encoding="utf-8")
    result = cli("check", "--jobs", "1", "--rules", tmp_path / "house.yaml", "--select", "house,names.house-spelling",
                 "--fix", story)
    assert story.read_text(encoding="utf-8") == "Shelling hit villages across Kyiv region overnight, the governor said.\n"
    assert result.exit_code == 0, result.output  # the plain "Kiev" inside it went with it


def test_findings_left_after_a_fix_point_at_the_story_as_fixed(cli, tmp_path):
    """The findings `--fix` leaves are clicked in the story it wrote: a deleted repeat moves the lines after
    it up, and "Harbor Road" to "Harbour Road" moves the rest of its line one column right."""
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - id: house.places\n    kind: substitution\n    severity: warning\n    message: m\n"
        "    description: d\n    spellings:\n      - {canonical: Harbour Road, variants: [Harbor Road]}\n",
        encoding="utf-8")
    story = tmp_path / "fire.txt"
    story.write_text(_story("\n", "Crews reached Harbor Road. The fire may have started in a store.", LEAD, DAMAGE,
                            LEAD, "Critics say the city ignored warnings."), encoding="utf-8")
    result = cli("check", "--jobs", "1", "--rules", tmp_path / "house.yaml", "--fix", story)
    assert "fixed 3 findings in 1 file" in result.stderr  # Harbor Road, Kiev (shipped) and the repeat
    fixed = story.read_text(encoding="utf-8").splitlines()
    left = [line.split(": ")[0].removeprefix(f"{story}:") for line in result.stdout.splitlines()[:-1]]
    assert left == ["1:38", "7:1"]
    assert fixed[0][37:].startswith("may have") and fixed[6].startswith("Critics")


# Editors and CMS plug-ins: standard input under a file's name ------------------------------------------


def test_stdin_filename_decides_markdown_and_config(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / ".newslint.yaml").write_text("ignore: [duplicates.paragraph]\n", encoding="utf-8")
    unsaved = _story("\n", "# Drone strike", LEAD, "```", LEAD, "```", DAMAGE)  # a repeat inside a code block
    args = ("check", "--format", "json", "--jobs", "1", "--select", "duplicates", "-")

    as_markdown = cli(*args, "--stdin-filename", "metro/strike.md", input=unsaved)
    assert as_markdown.exit_code == 0 and json.loads(as_markdown.stdout)["findings"] == []
    as_text = json.loads(cli(*args, "--stdin-filename", "metro/strike.txt", input=unsaved).stdout)["findings"]
    assert [(f["path"], f["line"], f["rule"]) for f in as_text] == [("metro/strike.txt", 7, "duplicates.paragraph")]
    # The sports desk's config switches the rule off for anything named under sport/.
    repeated = _story("\n", LEAD, DAMAGE, LEAD)
    assert json.loads(cli(*args, "--stdin-filename", "sport/strike.txt", input=repeated).stdout)["findings"] == []
    assert len(json.loads(cli(*args, "--stdin-filename", "metro/strike.txt", input=repeated).stdout)["findings"]) == 1


def test_stdin_filename_under_an_exclude_is_not_checked(cli, tmp_path, monkeypatch):
    """An editor plug-in sends every buffer: one the desk's config or `--exclude` leaves out gets no findings."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text('exclude: ["wires/**"]\n', encoding="utf-8")
    repeated = _story("\n", LEAD, DAMAGE, LEAD)
    args = ("check", "--format", "json", "--jobs", "1", "--select", "duplicates", "-", "--stdin-filename")

    for excluded in (cli(*args, "wires/strike.txt", input=repeated),
                     cli(*args, "metro/strike.txt", "--exclude", "metro/*", input=repeated)):
        assert excluded.exit_code == 0, excluded.output
        summary = json.loads(excluded.stdout)["summary"]
        assert (summary["findings"], summary["files_checked"], summary["files_skipped"]) == (0, 0, 1)
        assert "excluded, so not checked" in excluded.stderr
    checked = cli(*args, "metro/strike.txt", input=repeated)
    assert checked.exit_code == 1 and len(json.loads(checked.stdout)["findings"]) == 1


def test_stdin_diff_and_fix(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    repeated = _story("\n", LEAD, DAMAGE, LEAD)
    diff = cli("check", "--select", "duplicates", "--diff", "-", "--stdin-filename", "metro/strike.txt",
               input=repeated)
    assert diff.exit_code == 1
    assert diff.stdout.startswith("--- a/metro/strike.txt\n+++ b/metro/strike.txt\n")
    assert f"-\n-{LEAD}\n" in diff.stdout
    refused = cli("check", "--fix", "-", input=repeated)
    assert refused.exit_code == 2 and "--fix cannot write to standard input; use --diff" in refused.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_a_pipe_named_with_fix_or_diff_is_checked_and_left_with_a_notice(cli, tmp_path, monkeypatch, mode):
    """A pipe is read once, to check it: read again for the fix, it waited for a writer for ever (here the
    writer comes back after 10 s, so a failing test ends), and there is no file to write the fix to."""
    import threading

    monkeypatch.chdir(tmp_path)
    os.mkfifo("strike.txt")
    checked = threading.Event()

    def feed():
        with open("strike.txt", "w", encoding="utf-8") as stream:
            stream.write(_story("\n", LEAD, DAMAGE))
        if not checked.wait(10):
            open("strike.txt", "wb").close()

    writer = threading.Thread(target=feed)
    writer.start()
    result = cli("check", "--jobs", "1", "--select", "names.house-spelling", mode, "strike.txt")
    checked.set()
    writer.join()
    assert result.stderr == "newslint: notice: strike.txt: not fixed: a pipe, not a file\n"
    if mode == "--fix":
        assert result.exit_code == 1
        assert result.stdout.splitlines()[0] == (
            "strike.txt:1:48: warning names.house-spelling 'Kiev': house style is 'Kyiv'.")
    else:
        assert result.exit_code == 0 and result.stdout == ""


def test_fix_applies_the_shipped_house_spellings(cli, tmp_path):
    story = tmp_path / "strike.txt"
    story.write_text(_story("\n", LEAD, DAMAGE), encoding="utf-8")
    result = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", story)
    assert result.exit_code == 0, result.output
    assert story.read_text(encoding="utf-8") == _story("\n", LEAD.replace("Kiev", "Kyiv"), DAMAGE)


def test_fix_never_deletes_markup_or_line_breaks_inside_a_spelling_it_replaces(cli, tmp_path):
    """Markdown and HTML inside "Dmitri Peskov" are masked for matching; replacing the whole span would
    delete a link target, an editor's comment or a closing tag. Those findings come without a fix."""
    kept = ["Spokesman [Dmitri](https://example.org/peskov) Peskov declined to comment.",
            "**Dmitri** Peskov later added that no date had been fixed.",
            "Dmitri <!-- TK: check spelling with desk --> Peskov said Moscow was ready.",
            "> Dmitri\n> Peskov told reporters the Kremlin was ready to talk.",
            "Aides to Dmitri\nPeskov said the call had been cordial."]
    story = tmp_path / "kremlin.md"
    story.write_text(_story("\n", "Power cuts returned to *Kiev* on Wednesday.", *kept), encoding="utf-8")
    result = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", story)
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.stdout.splitlines()[:-1]] == [
        f"{story}:3:12", f"{story}:5:3", f"{story}:7:1", f"{story}:9:3", f"{story}:12:10"]
    assert story.read_text(encoding="utf-8") == _story("\n", "Power cuts returned to *Kyiv* on Wednesday.", *kept)


def test_fix_through_a_symbolic_link_rewrites_the_story_and_keeps_the_link(cli, tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "drafts").mkdir()
    story, link = tmp_path / "shared" / "strike.txt", tmp_path / "drafts" / "strike.txt"
    story.write_text(_story("\n", LEAD, DAMAGE), encoding="utf-8")
    story.chmod(0o640)
    link.symlink_to(Path("..", "shared", "strike.txt"))
    result = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(Path("..", "shared", "strike.txt"))
    assert story.read_text(encoding="utf-8") == _story("\n", LEAD.replace("Kiev", "Kyiv"), DAMAGE)
    assert story.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in story.parent.iterdir()) == ["strike.txt"]  # no temporary file left behind


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_story_fixed_by_root_keeps_its_reporter_as_owner(cli, tmp_path):
    """Run as root (a CI container, a desk's shared server), --fix left the story owned by root, and a
    story saved 0600 was then closed to the reporter who wrote it."""
    story = tmp_path / "strike.txt"
    story.write_text(_story("\n", LEAD, DAMAGE), encoding="utf-8")
    os.chown(story, 1234, 5678)
    story.chmod(0o600)
    result = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", story)
    assert result.exit_code == 0, result.output
    assert story.read_text(encoding="utf-8") == _story("\n", LEAD.replace("Kiev", "Kyiv"), DAMAGE)
    assert (story.stat().st_uid, story.stat().st_gid, story.stat().st_mode & 0o777) == (1234, 5678, 0o600)


def test_a_story_in_a_read_only_folder_is_left_as_it_is_and_the_others_fixed(cli, tmp_path, monkeypatch):
    """The temporary file cannot be made beside it: the story keeps its findings and the run says why,
    without an internal error (exit 3) and without stopping the other files' fixes."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    locked, other = tmp_path / "locked" / "strike.txt", tmp_path / "open" / "strike.txt"
    for story in (locked, other):
        story.write_text(_story("\n", LEAD, DAMAGE), encoding="utf-8")
    (tmp_path / "locked").chmod(0o555)
    if os.geteuid() == 0:  # root writes into a read-only folder: make it fail as it would for a reporter
        import tempfile

        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args, dir=None, **kwargs):
            if os.path.basename(str(dir)) == "locked":
                raise PermissionError(13, "Permission denied", str(dir))
            return real_mkstemp(*args, dir=dir, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    try:
        result = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", locked, other)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.exit_code == 1, result.output
    assert f"notice: {locked}: not fixed: cannot write it: Permission denied" in result.stderr
    assert result.stdout.startswith(f"{locked}:1:") and str(other) not in result.stdout
    assert locked.read_text(encoding="utf-8") == _story("\n", LEAD, DAMAGE)
    assert other.read_text(encoding="utf-8") == _story("\n", LEAD.replace("Kiev", "Kyiv"), DAMAGE)
    assert sorted(p.name for p in locked.parent.iterdir()) == ["strike.txt"]


def test_a_read_only_story_is_not_replaced(cli, tmp_path):
    """A file an editor has made read-only (an archived or legally cleared story) keeps its text: a rename
    over it would replace it though its permissions say no. Run as root too (a CI container), which may
    write any file: no one's write bit is set, so it stays."""
    story = tmp_path / "strike.txt"
    story.write_text(_story("\n", LEAD, DAMAGE), encoding="utf-8")
    story.chmod(0o444)
    try:
        result = cli("check", "--jobs", "1", "--select", "names.house-spelling", "--fix", story)
        assert result.exit_code == 1, result.output
        assert f"notice: {story}: not fixed: cannot write it: Permission denied" in result.stderr
        assert story.read_text(encoding="utf-8") == _story("\n", LEAD, DAMAGE)
        assert story.stat().st_mode & 0o777 == 0o444
    finally:
        story.chmod(0o644)
