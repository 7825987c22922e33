"""The command line as a newsroom runs it: exit codes, formats, rule loading errors, rule self-tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import checkout_env

FIXTURES = Path(__file__).parent / "fixtures"
PASTED = FIXTURES / "articles" / "duplicates-pasted-twice.txt"
BAD_RULES = sorted((FIXTURES / "bad-rules").glob("*.yaml"))

CLEAN_COPY = """Bridge reopens after repairs

DERBY, June 2 - The Exeter Bridge reopened to traffic on Monday after four months
of repairs, the county council said.

Engineers replaced 40 steel bearings and resurfaced the deck at a cost of 3.2 million
pounds, council leader Priya Shah said in a statement.
"""


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(CLEAN_COPY, encoding="utf-8")
    return path


def test_clean_copy_exits_0(cli, clean_file):
    result = cli("check", clean_file)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "newslint: no findings; 1 file checked."


def test_findings_exit_1_with_clickable_lines(cli):
    result = cli("check", "--select", "duplicates", PASTED)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (f"{PASTED}:6:1: error duplicates.paragraph A block of 4 paragraphs repeats lines 2\u20135 "
                        "(100% alike); delete one copy.")
    assert lines[-1] == "newslint: 1 finding (1 error); 1 file checked; failed (fail level: warning)."


def test_fail_level_above_findings_exits_0(cli, tmp_path):
    rules = tmp_path / "house.yaml"
    rules.write_text(HOUSE_RULES, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Shelling hit Kiev overnight, the mayor said.\n", encoding="utf-8")
    assert cli("check", "--select", "house", "--rules", rules, story).exit_code == 1
    assert cli("check", "--select", "house", "--rules", rules, "--fail-level", "error", story).exit_code == 0


def test_fail_level_help_names_the_config_as_its_default(cli, tmp_path, monkeypatch):
    """Left out, --fail-level is the config's `fail_level`; help that said "[default: warning]" sent a desk
    whose config says `fail_level: error` looking for why warnings passed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text("fail_level: error\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Critics say the pier will never pay.\n", encoding="utf-8")
    assert cli("check", "story.txt").exit_code == 0  # a warning, under the config's level
    assert "[default: the config's fail_level, else warning]" in " ".join(cli("check", "--help").stdout.split())


def test_baseline_help_says_what_quiet_does_there_without_naming_fix(cli):
    """`baseline` has no --fix: its -q help must not promise notices about files --fix could not write."""
    baseline_help = " ".join(cli("baseline", "--help").stdout.split())
    assert "--fix" not in baseline_help
    assert "-q, --quiet No notices or progress on stderr (errors are still said)." in baseline_help
    assert "(errors, and files --fix could not write, are still said)" in " ".join(cli("check", "--help").stdout.split())


def test_json_format(cli):
    result = cli("check", "--format", "json", "--select", "duplicates", PASTED)
    data = json.loads(result.stdout)
    lines = PASTED.read_text(encoding="utf-8").splitlines()[5:9]
    assert data["findings"] == [{
        "path": str(PASTED), "line": 6, "column": 1, "end_line": 9, "end_column": len(lines[-1]) + 1,  # exclusive
        "rule": "duplicates.paragraph", "severity": "error",
        "message": "A block of 4 paragraphs repeats lines 2\u20135 (100% alike); delete one copy.",
        "text": "\n".join(lines),
    }]
    assert data["summary"]["findings"] == 1 and data["summary"]["failed"] is True


def test_output_is_identical_run_after_run(cli):
    folder = FIXTURES / "articles"
    first = cli("check", "--format", "json", folder).stdout
    assert first == cli("check", "--format", "json", folder).stdout
    assert first == cli("check", "--format", "json", "--jobs", "1", folder).stdout


def test_select_and_ignore_by_prefix(cli):
    assert cli("check", "--select", "duplicates", "--ignore", "duplicates.paragraph", PASTED).exit_code == 0


def test_a_selection_that_leaves_no_rule_is_an_error_not_a_pass(cli):
    """A CI gate given `--select hedging --ignore hedging` would check nothing and pass every draft."""
    result = cli("check", "--select", "hedging", "--ignore", "hedging", PASTED)
    assert result.exit_code == 2
    assert result.stderr == ("newslint: error: the selection leaves no rule to run, so nothing would be checked; "
                             "check --select, --ignore and the config's select and ignore\n")


@pytest.mark.parametrize("option, name, closest", [
    ("--select", "hedgin", "hedging"),
    ("--ignore", "duplicates.paragrpah", "duplicates.paragraph"),
    ("--enable", "readabilty", "readability"),
    ("--select", "obituaries", None),
])
def test_an_unknown_rule_or_set_on_the_command_line_exits_2(cli, tmp_path, option, name, closest):
    story = tmp_path / "kyiv.txt"
    story.write_text("Critics say the plan could fail in Kiev, the minister said.\n", encoding="utf-8")
    # A typo must not select nothing and let the draft pass.
    result = cli("check", option, f"names,{name}", story)
    assert result.exit_code == 2, result.output
    hint = f" (did you mean '{closest}'?)" if closest else ""
    assert result.stderr == f"newslint: error: unknown rule or set '{name}' in {option}{hint}\n"
    assert result.stdout == ""


def test_known_names_are_accepted_when_a_folder_holds_no_stories(cli, tmp_path):
    (tmp_path / "drafts").mkdir()
    result = cli("check", "--select", "hedging", tmp_path / "drafts")
    assert result.exit_code == 0, result.output  # checked against the rules a story there would get
    assert cli("check", "--select", "hedgin", tmp_path / "drafts").exit_code == 2


def test_stdin(cli):
    result = cli("check", "--select", "duplicates", "--stdin-filename", "draft.txt", "-",
                 input=PASTED.read_bytes())
    assert result.exit_code == 1
    assert result.stdout.startswith("draft.txt:6:1: error duplicates.paragraph")


@pytest.mark.parametrize("how", ["closed", "write-only"])
def test_standard_input_that_cannot_be_read_is_a_path_that_could_not_be_read(tmp_path, how):
    """`newslint check - story.txt` started by a job with no standard input (`<&-`), or one open only for
    writing: stdin is named as unreadable, the story is still checked, and the run exits 2, as for any
    path it could not read, not 3 as a bug in newslint."""
    import os
    import subprocess
    import sys

    (tmp_path / "story.txt").write_bytes(PASTED.read_bytes())
    if how == "closed":
        def prepare():
            os.close(0)
    else:
        def prepare():
            os.dup2(os.open(os.devnull, os.O_WRONLY), 0)
    done = subprocess.run([sys.executable, "-m", "newslint", "check", "--jobs", "1", "--select", "duplicates",
                           "-", "story.txt"], cwd=tmp_path, capture_output=True, preexec_fn=prepare, timeout=120,
                          env=checkout_env())
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert "newslint: error: <stdin>: " in stderr and "internal error" not in stderr
    assert done.stdout.decode().startswith("story.txt:6:1: error duplicates.paragraph")


def test_a_closed_standard_output_or_error_is_no_traceback_and_no_false_verdict(tmp_path):
    """A job started with standard output closed (`>&-`): `baseline -o`, which needs none, succeeds, and
    `check`, whose report would have nowhere to go, says so and exits 2 before checking anything. With
    standard error closed (`2>&-`), a clean story still exits 0."""
    import os
    import subprocess
    import sys

    (tmp_path / "story.txt").write_bytes(PASTED.read_bytes())
    (tmp_path / "clean.txt").write_text("The council met on Monday and agreed the budget.\n", encoding="utf-8")

    def newslint(*args, closing=1):
        done = subprocess.run([sys.executable, "-m", "newslint", *args], cwd=tmp_path, capture_output=True,
                              preexec_fn=lambda: os.close(closing), timeout=120, env=checkout_env())
        return done.returncode, done.stderr.decode()

    code, stderr = newslint("baseline", "--jobs", "1", "-o", "baseline.json", "story.txt")
    assert (code, stderr) == (0, "")
    assert (tmp_path / "baseline.json").exists()
    for args in (["story.txt"], ["--format", "json", "story.txt"]):
        code, stderr = newslint("check", *args)
        assert code == 2, stderr
        assert stderr == "newslint: error: standard output is closed: the report would have nowhere to go\n"
    for args in (["clean.txt"], ["--format", "json", "clean.txt"]):
        assert newslint("check", *args, closing=2)[0] == 0
    assert newslint("check", "story.txt", closing=2)[0] == 1


def test_missing_path_alone_exits_2_and_does_not_read_as_a_clean_run(cli, tmp_path):
    result = cli("check", tmp_path / "no-such-draft.txt")
    assert result.exit_code == 2
    assert "no-such-draft.txt: no such file or directory" in result.stderr
    assert result.stdout == "newslint: nothing checked; 1 path could not be read; failed.\n"
    as_json = cli("check", "--format", "json", tmp_path / "no-such-draft.txt")
    assert as_json.exit_code == 2 and json.loads(as_json.stdout)["summary"]["failed"] is True


def test_missing_path_beside_a_good_one_still_checks_it(cli, tmp_path):
    result = cli("check", "--select", "duplicates", tmp_path / "gone.txt", PASTED)
    assert result.exit_code == 2  # an input error outranks the findings: the verdict is not complete
    assert "gone.txt: no such file or directory" in result.stderr
    assert "duplicates.paragraph" in result.stdout and "1 path could not be read; failed" in result.stdout


def test_usage_error_exits_2(cli):
    assert cli("check", "--format", "yaml", PASTED).exit_code == 2
    assert cli("check").exit_code == 2


@pytest.mark.parametrize("command", [["check"], ["baseline", "-o", "baseline.json"]])
def test_stdin_filename_without_stdin_is_a_usage_error(cli, command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(*command, "--stdin-filename", "draft.txt", PASTED)
    assert result.exit_code == 2 and "give '-' among the paths" in result.stderr


def _options_taking_a_value():
    """Every option of every command that takes a value, so that an option added later is covered too."""
    import click

    from newslint.cli import main

    for name, command in sorted(main.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option) and not param.is_flag:
                yield pytest.param(name, param.opts[0], id=f"{name} {param.opts[0]}")


@pytest.mark.parametrize("command, option", list(_options_taking_a_value()))
def test_an_empty_option_value_is_a_usage_error_not_the_option_left_out(cli, command, option, tmp_path, monkeypatch):
    """`--select "$DESK_SETS"` with the variable never set must not run every rule and pass."""
    monkeypatch.chdir(tmp_path)
    required = {"check": [PASTED], "baseline": ["-o", "baseline.json", PASTED], "rules": []}[command]
    result = cli(command, *required, option, "")
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1].startswith(f"Error: Invalid value for '{option}'"), result.stderr
    assert not os.path.exists("baseline.json")


def test_an_empty_value_beside_a_good_one_is_still_an_error(cli):
    result = cli("check", "--select", "duplicates", "--select=", PASTED)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for '--select': empty; give a value, or leave "
                                              "the option out.")


@pytest.mark.parametrize("option", ["--select", "--enable", "--ignore"])
@pytest.mark.parametrize("value", [",", " ", " , "])
def test_a_list_of_names_that_names_nothing_is_empty_too(cli, option, value):
    """`--select "$DESK_SETS,$DESK_IDS"` with neither variable set gives ",", which names no rule as '' does:
    it must not run every rule as if the option were left out, as `select: ","` in a config may not."""
    result = cli("check", option, value, PASTED)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (f"Error: Invalid value for '{option}': empty; give a value, or leave "
                                              "the option out.")


@pytest.mark.parametrize("rule_file", BAD_RULES, ids=lambda p: p.name)
def test_bad_rule_file_names_file_line_and_rule(cli, rule_file, monkeypatch):
    """Named from the folder the user is in, however the path reached newslint (here in full)."""
    expected = rule_file.read_bytes().splitlines()[0].decode("utf-8").removeprefix("# expect: ")  # not-utf8.yaml
    monkeypatch.chdir(FIXTURES)
    result = cli("check", "--rules", rule_file, PASTED)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"newslint: error: bad-rules/{expected}" in result.stderr


def test_a_bad_rule_file_outside_the_current_folder_is_named_in_full(cli, tmp_path, monkeypatch):
    rule_file = FIXTURES / "bad-rules" / "bad-regex.yaml"
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--rules", os.path.relpath(rule_file), PASTED)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newslint: error: {rule_file}:8: rule house.weasel: bad regular expression")


def test_rules_lists_every_rule(cli):
    result = cli("rules")
    assert result.exit_code == 0
    assert any(line.startswith("duplicates.paragraph ") for line in result.stdout.splitlines())


def test_every_shipped_rule_passes_its_own_examples(cli):
    result = cli("rules", "--test")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1].endswith(", 0 failures.")


HOUSE_RULES = """
rules:
  - id: house.kyiv
    kind: existence
    severity: warning
    message: "Use 'Kyiv', not '{text}'."
    description: AP style since 2019.
    phrases: [Kiev]
    examples:
      flags: ["Shelling hit Kiev overnight."]
      passes: ["Shelling hit Kyiv overnight.", "Chicken Kiev is off the menu."]
"""


def test_rules_test_reports_a_broken_example(cli, tmp_path):
    rules = tmp_path / "house.yaml"
    rules.write_text(HOUSE_RULES, encoding="utf-8")
    result = cli("rules", "--test", "--rules", rules)
    assert result.exit_code == 1
    # The rule's file and line, as a load error gives them, for a desk with several house files.
    assert f"FAIL house.kyiv (3 examples) {rules}:3\n" in result.stdout
    assert "passes: expected no finding, got 1: Chicken Kiev is off the menu." in result.stdout


def test_rules_test_reads_one_example_text_as_a_list_of_one(cli, tmp_path):
    rules = tmp_path / "house.yaml"
    rules.write_text(HOUSE_RULES.replace('["Shelling hit Kiev overnight."]', '"Shelling hit Kiev overnight."')
                     .replace(', "Chicken Kiev is off the menu."', ''), encoding="utf-8")
    result = cli("rules", "--test", "--rules", rules)
    assert "ok   house.kyiv (2 examples)" in result.stdout, result.stdout


def test_rules_test_names_a_rule_with_no_passes_examples_by_the_path_the_user_gave(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "style.yaml").write_text(HOUSE_RULES.replace(
        '      passes: ["Shelling hit Kyiv overnight.", "Chicken Kiev is off the menu."]\n', ""), encoding="utf-8")
    result = cli("rules", "--test", "--rules", tmp_path / "house" / "style.yaml")
    assert result.exit_code == 1
    assert "     no 'passes' examples (house/style.yaml:3)" in result.stdout, result.stdout


UNDOING_RULES = """rules:
  - id: house.email
    kind: substitution
    severity: warning
    message: "'{text}': house style is '{canonical}'."
    description: The desk writes email.
    spellings: [{canonical: email, variants: [e-mail]}]
    examples: {flags: ["Readers can e-mail the newsroom."], passes: ["Readers can email the newsroom."]}
  - id: house.address
    kind: substitution
    severity: warning
    message: "'{text}': house style is '{canonical}'."
    description: A second editor's rule, written the other way.
    spellings: [{canonical: e-mail address, variants: [email address]}]
    examples: {flags: ["The email address is on the website."], passes: ["The e-mail address is on the website."]}
"""


def test_rules_test_reports_fixes_that_another_rule_would_undo(cli, tmp_path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UNDOING_RULES, encoding="utf-8")
    result = cli("rules", "--test", "--rules", rules)
    assert result.exit_code == 1, result.output
    assert ("FAIL house.address: fixed, 'The email address is on the website.' reads 'The e-mail address is on "
            "the website.', which house.email would change again") in result.stdout
    assert "ok   house.email (2 examples)" in result.stdout  # each rule alone passes its own examples


NESTED_GUARD_RULES = r"""
rules:
  - id: house.vague-count
    kind: cue
    severity: warning
    message: "'{text}': how many?"
    description: A vague quantity.
    cues:
      - phrase: some
        not_after: [&figures ['\d[\w,.]*', 'dozens?'], more]
      - phrase: many
        not_after: *figures
"""


def test_a_list_nested_in_a_cue_guard_is_flattened(cli, tmp_path):
    """A guard list written once and reused through a YAML anchor (`[*figures, more]`) reads as one list."""
    rules = tmp_path / "house.yaml"
    rules.write_text(NESTED_GUARD_RULES, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Some 40 people left the hall.\n\nSome more arrived later.\n\nMany dozens waited outside.\n\n"
                     "Some shops closed early.\n", encoding="utf-8")
    result = cli("check", "--rules", rules, "--select", "house", draft)
    assert result.exit_code == 1, result.stderr
    assert [line.split(":")[1] for line in result.stdout.splitlines() if "house.vague-count" in line] == ["7"]


def test_folders_are_walked_for_copy_files_with_include_globs(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.md", "c.markdown", "notes.rst", ".hidden/d.txt", "desk/e.TXT"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Trains ran on time on Monday, the operator said.\n", encoding="utf-8")
    assert "; 4 files checked;" in cli("check", ".").stdout  # a.txt, b.md, c.markdown, desk/e.TXT
    assert cli("check", "--include", "*.rst", ".").stdout.endswith("; 1 file checked.\n")


def test_a_folder_with_no_file_to_check_is_named_on_stderr(cli, tmp_path, monkeypatch):
    """`newslint check drafts/` over stories saved as .rst, or with an --include that matches nothing, checked
    no file and passed with "0 files checked": a CI gate that gates nothing. The run still passes (an empty
    folder is no error), but says which folder held nothing and what it looked for."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "ferry-strike.rst").write_text("Critics say the strike will last.\n", encoding="utf-8")
    result = cli("check", "drafts")
    assert result.exit_code == 0 and result.stdout.endswith("; 0 files checked.\n")
    assert "notice: drafts: no file to check here (none matches *.txt, *.md, *.markdown)" in result.stderr
    result = cli("check", "--include", "*.rst", "drafts")
    assert result.exit_code == 1 and "notice" not in result.stderr
    assert "notice" not in cli("check", "--quiet", "drafts").stderr


def test_a_named_story_or_folder_the_excludes_leave_out_is_said_on_stderr(cli, tmp_path, monkeypatch):
    """`newslint check archive/old.md` under `exclude: [archive/**]` answered "0 files checked" and passed,
    with no word of why, where the same story sent on standard input as archive/old.md says it is excluded."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text('exclude: ["archive/**"]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.md").write_text("Critics say the strike will last.\n", encoding="utf-8")
    result = cli("check", "--format", "json", "archive/old.md")
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["files_skipped"] == 1
    assert "notice: archive/old.md: excluded, so not checked" in result.stderr
    result = cli("check", "archive")
    assert result.exit_code == 0 and result.stdout.endswith("; 0 files checked.\n")
    assert "notice: archive: no file to check here (every one is excluded)" in result.stderr
    assert "notice" not in cli("check", "--quiet", "archive/old.md", "archive").stderr
    (tmp_path / "today.md").write_text("The strike will last, the union said.\n", encoding="utf-8")
    assert "notice" not in cli("check", ".").stderr  # an exclude met inside a folder is the config working


def test_include_and_exclude_globs_ignore_case_in_patterns_and_names(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("Story-Fire.TXT", "Archive/Story-Flood.txt", "notes.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("The fire probably started in the kitchen, firefighters said.\n",
                                     encoding="utf-8")

    def checked(*options):
        result = cli("check", "--jobs", "1", *options, ".")
        assert result.exit_code in (0, 1), result.output
        return result.stdout.splitlines()[-1].split("; ")[1].rstrip(".")

    assert checked("--include", "Story-*") == "2 files checked"
    assert checked("--include", "*.TXT") == "3 files checked"
    assert checked("--include", "story-*", "--exclude", "ARCHIVE/**") == "1 file checked"
    assert checked("--exclude", "STORY-*") == "1 file checked"
    assert checked("--exclude", f"{tmp_path}/archive/**") == "2 files checked"  # absolute, as "$PWD/archive/**"


def test_include_globs_with_a_folder_match_the_path_not_only_the_name(cli, tmp_path, monkeypatch):
    """`--include 'metro/*.md'` or `--include '**/*.md'` matched only file names, which hold no slash: the
    run checked nothing and passed, a CI gate that gates nothing. A glob with a slash is matched from the
    working folder, as `--exclude` is, and a leading `**/` matches at any depth, the top included."""
    monkeypatch.chdir(tmp_path)
    for name in ("metro/vote.md", "metro/notes.txt", "sport/derby.md", "budget.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Critics say the council wasted millions on the new depot.\n", encoding="utf-8")

    def checked(*options):
        result = cli("check", "--jobs", "1", *options, ".")
        assert result.exit_code in (0, 1), result.output
        return next(part for part in result.stdout.splitlines()[-1].split("; ") if "checked" in part).rstrip(".")

    assert checked("--include", "metro/*.md") == "1 file checked"
    assert checked("--include", "**/*.md") == "3 files checked"
    assert checked("--include", "*.md") == "3 files checked"  # no slash: the name, at any depth, as before
    assert checked("--include", "**/*.md", "--exclude", "**/budget.md") == "2 files checked"


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`newslint check archive/ | head -1`: a closed pipe ends the run quietly, not as a newslint bug."""
    import subprocess
    import sys

    for number in range(300):
        (tmp_path / f"story-{number:03}.txt").write_bytes(PASTED.read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "newslint", "check", "--jobs", "1", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=checkout_env())
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "internal error" not in stderr and "Traceback" not in stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_report_that_cannot_be_written_is_an_error_not_a_bug():
    """`newslint check drafts/ > report.txt` on a full disk: the report is lost, so the gate fails (exit 2)
    and says why, in one line."""
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "newslint", "check", "--jobs", "1", str(PASTED)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120, env=checkout_env())
    assert done.returncode == 2
    assert done.stderr.decode() == "newslint: error: cannot write the report: no space left on device\n"


def test_a_declared_variant_differing_only_by_sharp_s_is_its_own_spelling(cli, tmp_path):
    """Variants compare as a case-insensitive regex does: casefolding would make "Straße" the canonical
    "Strasse" itself, refuse the rule, and never find the variant."""
    rules = tmp_path / "house.yaml"
    rules.write_text("""
rules:
  - id: house.streets
    kind: substitution
    severity: warning
    message: "Use '{canonical}'."
    description: Swiss desk style writes ss.
    spellings:
      - {canonical: Bahnhofstrasse, variants: [Bahnhofstraße]}
""", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("ZURICH, May 4 - Shops on the Bahnhofstraße closed early, police said.\n", encoding="utf-8")
    result = cli("check", "--select", "house", "--rules", rules, story)
    assert result.stdout.splitlines()[0] == f"{story}:1:30: warning house.streets Use 'Bahnhofstrasse'."


def test_a_finding_inside_a_pasted_copy_is_reported_once_only_when_the_copy_is(cli):
    # The block pasted twice holds a weasel: with the duplicate rule it is one finding on the original and one
    # on the copy as a whole; without it, nothing says the copy is a copy, so both weasels are reported.
    story = FIXTURES / "articles" / "duplicates-pasted-block-findings-once.txt"
    def lines(*select):
        result = cli("check", "--format", "json", "--select", ",".join(select), story)
        return [(f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]
    assert lines("duplicates", "attribution") == [(5, "attribution.weasel"), (9, "duplicates.paragraph")]
    assert lines("attribution") == [(5, "attribution.weasel"), (11, "attribution.weasel")]


def test_cross_file_findings_tell_the_editor_what_to_do(cli, tmp_path, monkeypatch):
    """A finding's message ends on what to do, as the single-file ones do ("delete one copy", "pick one
    spelling"): a desk reading "Story repeats ..." alone is not told whether to spike, merge or keep it."""
    monkeypatch.chdir(tmp_path)
    story = ("Harbour board votes to sell the old ferry terminal\n\n"
             "The Portmere harbour board voted 6-3 on Tuesday to sell the disused ferry terminal to a developer.\n\n"
             "Board chair Dmitry Volkov said the sale would pay for dredging the main channel next spring.\n")
    Path("desk-a").mkdir()
    Path("desk-b").mkdir()
    Path("desk-a/terminal.txt").write_text(story, encoding="utf-8")
    Path("desk-b/terminal.txt").write_text(story, encoding="utf-8")
    Path("desk-b/volkov.txt").write_text(
        "Harbour chair defends terminal sale\n\n"
        "Dmitri Volkov, the harbour board's chair, told residents the terminal had cost the town money for years.\n",
        encoding="utf-8")
    result = cli("check", "--enable", "names.across-files", "--select", "duplicates.across-files,names.across-files",
                 "desk-a", "desk-b")
    assert result.stdout.splitlines()[:-1] == [
        "desk-b/terminal.txt:1:1: warning duplicates.across-files Story repeats desk-a/terminal.txt (100% alike); "
        "keep one copy or rewrite it.",
        "desk-b/volkov.txt:3:1: warning names.across-files 'Dmitri' here but 'Dmitry' in 2 other drafts "
        "(first at desk-a/terminal.txt:5); pick one spelling.",
    ]
