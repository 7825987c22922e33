"""The CI gate: SARIF checked against the published 2.1.0 schema, GitHub workflow commands parsed back,
JUnit XML read as GitLab and Jenkins read it, and `--changed-since` in a real git repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"
LIBRARY = (FIXTURES / "newsroom" / "library-vote.md").read_text(encoding="utf-8")
FERRY = (FIXTURES / "newsroom" / "ferry-strike.txt").read_text(encoding="utf-8")
RULES_WITH_LINK = """rules:
  - id: house.kiev
    kind: existence
    severity: suggestion
    message: "Use 'Kyiv', not '{text}': 100% of style guides agree, since 2019."
    description: House spelling of Ukraine's capital. The AP changed in 2019.
    link: https://newsroom.example/style#kyiv
    phrases: [Kiev]
    examples: {flags: [Shelling hit Kiev.], passes: [Shelling hit Kyiv.]}
"""
# A GitHub workflow command: ::level key=value,key=value::message
COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """A folder of drafts, as a CI job sees the checkout: paths relative to the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "metro").mkdir()
    (tmp_path / "metro" / "library-vote.md").write_text(LIBRARY, encoding="utf-8")
    (tmp_path / "metro" / "ferry-strike.txt").write_text(FERRY, encoding="utf-8")
    # Comma, colon and percent in the path: GitHub needs them escaped in a property.
    (tmp_path / "metro" / "kiev, 100%: update.txt").write_text(
        "Shelling hit Kiev overnight, the mayor said.\n", encoding="utf-8")
    (tmp_path / "house.yaml").write_text(RULES_WITH_LINK, encoding="utf-8")
    return tmp_path


def _check(cli, *args):
    return cli("check", "--jobs", "1", "--select", "duplicates,house", "--rules", "house.yaml", *args, "metro")


def test_sarif_is_valid_against_the_published_schema(cli, desk):
    jsonschema = pytest.importorskip("jsonschema") if not os.environ.get("CI") else __import__("jsonschema")
    result = _check(cli, "--format", "sarif")
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator, format_checker=jsonschema.FormatChecker())

    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["house.kiev"]["helpUri"] == "https://newsroom.example/style#kyiv"
    assert rules["house.kiev"]["defaultConfiguration"] == {"level": "note"}
    assert rules["duplicates.paragraph"]["shortDescription"]["text"].startswith("A paragraph repeated")
    assert "newslint-disable-next-line duplicates.paragraph" in rules["duplicates.paragraph"]["help"]["text"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    duplicate = by_rule["duplicates.paragraph"]
    assert duplicate["level"] == "error"
    location = duplicate["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "metro/library-vote.md", "uriBaseId": "SRCROOT"}
    line = LIBRARY.splitlines()[16]
    assert location["region"] == {"startLine": 17, "startColumn": 1, "endLine": 17, "endColumn": len(line) + 1,
                                  "snippet": {"text": line}}
    assert run["tool"]["driver"]["rules"][duplicate["ruleIndex"]]["id"] == "duplicates.paragraph"
    kiev = by_rule["house.kiev"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert kiev["uri"] == "metro/kiev%2C%20100%25%3A%20update.txt"


def test_sarif_of_a_failed_run_names_each_path_it_could_not_read(cli, desk):
    """Exit 2 with findings from the files read: the SARIF file a CI job keeps says which path failed and
    why (a typo for a folder, a picture in the drafts), as stderr does, each with its file."""
    jsonschema = pytest.importorskip("jsonschema") if not os.environ.get("CI") else __import__("jsonschema")
    (desk / "metro" / "front-page.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = _check(cli, "--format", "sarif", "sport")
    assert result.exit_code == 2, result.output
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")), cls=jsonschema.Draft4Validator)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [(n["level"], n["message"]["text"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for n in invocation["toolExecutionNotifications"]] == [
        ("error", "no such file or directory", "sport"),
        ("note", "binary file (not text); skipped", "metro/front-page.txt")]
    assert log["runs"][0]["results"]  # the stories that were read keep their findings


def test_sarif_of_a_clean_run_has_no_notifications(cli, desk):
    result = cli("check", "--jobs", "1", "--select", "duplicates", "--format", "sarif", "metro/ferry-strike.txt")
    assert result.exit_code == 0, result.output
    invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True and "toolExecutionNotifications" not in invocation


def test_sarif_snippet_over_a_line_break_is_the_crlf_file_as_saved(cli, monkeypatch):
    """A snippet is the artifact's own characters: a weasel wrapped over two lines of a Windows file holds
    its "\r\n", so a viewer that matches the snippet against the file finds it."""
    monkeypatch.chdir(FIXTURES / "articles")
    result = cli("check", "--jobs", "1", "--select", "attribution,hedging", "--format", "sarif",
                 "hedging-crlf-wrapped.txt")
    saved = (FIXTURES / "articles" / "hedging-crlf-wrapped.txt").read_bytes().decode("utf-8")
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in json.loads(result.stdout)["runs"][0]["results"]]
    assert [region["snippet"]["text"] for region in regions] == [
        "It is widely\r\nbelieved that",
        "may have\r\nsmouldered for hours before the alarm was raised and could potentially",
    ]
    assert all(region["snippet"]["text"] in saved for region in regions)
    assert [(r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]) for r in regions] == [
        (6, 1, 7, 14), (7, 72, 8, 71)]


def test_sarif_regions_in_a_file_with_bare_cr_line_breaks_are_where_a_sarif_viewer_looks(cli, tmp_path, monkeypatch):
    """A SARIF consumer counts lines by the run's `newlineSequences`, which default to CRLF and LF alone
    (SARIF 2.1.0, 3.14.21). newslint also ends a line at a bare CR (an old Mac export), so the log must say
    so, or a viewer reads such a story as one line and finds no finding where the log puts it."""
    monkeypatch.chdir(tmp_path)
    story = ("Harbour fire closes the north quay\r\rFire crews spent two days on the blaze, which began in a "
             "paint store.\rCritics say the sprinklers had not been checked since 2019.\r")
    (tmp_path / "mac-export.txt").write_bytes(story.encode("utf-8"))
    result = cli("check", "--jobs", "1", "--select", "attribution", "--format", "sarif", "mac-export.txt")
    run = json.loads(result.stdout)["runs"][0]
    breaks = sorted(run.get("newlineSequences", ["\r\n", "\n"]), key=len, reverse=True)
    starts = [0] + [m.end() for m in re.finditer("|".join(map(re.escape, breaks)), story)]
    [region] = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert (region["startLine"], region["startColumn"]) == (4, 1)
    start = starts[region["startLine"] - 1] + region["startColumn"] - 1
    end = starts[region["endLine"] - 1] + region["endColumn"] - 1
    assert story[start:end] == region["snippet"]["text"] == "Critics"


def test_sarif_and_github_paths_are_relative_to_the_repository_top_even_from_a_folder_inside_it(cli, desk, monkeypatch):
    _git("init", "--quiet", cwd=desk)
    monkeypatch.chdir(desk / "metro")
    result = cli("check", "--jobs", "1", "--select", "duplicates", "--format", "sarif", ".")
    run = json.loads(result.stdout)["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == desk.as_uri() + "/"
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "metro/library-vote.md", "uriBaseId": "SRCROOT"}  # as code scanning finds it
    github = cli("check", "--jobs", "1", "--select", "duplicates", "--format", "github", ".")
    assert github.stdout.startswith("::error file=metro/library-vote.md,line=17,")


def test_sarif_and_github_paths_are_relative_to_the_repository_top_from_a_folder_outside_it(cli, desk, monkeypatch):
    """A CI script started in the folder above the checkout (`newslint check --format github /ci/checkout/metro`):
    paths were named from the working folder, `checkout/metro/library-vote.md` (in full, had the checkout been
    elsewhere), which is no file of the repository, so GitHub put the annotations on no line of the pull request."""
    _git("init", "--quiet", cwd=desk)
    monkeypatch.chdir(desk.parent)
    for drafts in (str(desk / "metro"), os.path.join(desk.name, "metro")):
        result = cli("check", "--jobs", "1", "--select", "duplicates", "--format", "sarif", drafts)
        run = json.loads(result.stdout)["runs"][0]
        assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == desk.as_uri() + "/"
        location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "metro/library-vote.md", "uriBaseId": "SRCROOT"}
        github = cli("check", "--jobs", "1", "--select", "duplicates", "--format", "github", drafts)
        assert github.stdout.startswith("::error file=metro/library-vote.md,line=17,")


def test_github_commands_parse_back_to_the_findings(cli, desk):
    result = _check(cli, "--format", "github")
    json_findings = json.loads(_check(cli, "--format", "json").stdout)["findings"]
    lines = result.stdout.splitlines()
    assert lines[-1] == "newslint: 2 findings (1 error, 1 suggestion); 3 files checked; failed (fail level: warning)."
    parsed = []
    for line in lines[:-1]:
        level, properties, message = COMMAND.match(line).groups()
        fields = dict(item.split("=", 1) for item in properties.split(","))
        fields = {key: _unescape(value) for key, value in fields.items()}
        parsed.append({"path": fields["file"], "line": int(fields["line"]), "column": int(fields["col"]),
                       "end_line": int(fields["endLine"]), "end_column": int(fields["endColumn"]),
                       "rule": fields["title"], "level": level, "message": _unescape(message)})
    assert parsed == [{"path": f["path"], "line": f["line"], "column": f["column"], "end_line": f["end_line"],
                       "end_column": f["end_column"], "rule": f["rule"],
                       "level": {"error": "error", "warning": "warning", "suggestion": "notice"}[f["severity"]],
                       "message": f["message"]} for f in json_findings]
    assert parsed[0]["path"] == os.path.join("metro", "kiev, 100%: update.txt")
    assert "100%25 of style guides" in lines[0] and "file=metro/kiev%2C 100%25%3A update.txt," in lines[0]


def test_github_annotates_a_path_it_could_not_read(cli, desk):
    """The run fails (exit 2) for `sprot/`, a typo for `sport/`: the run's summary says why beside the
    findings of the files read, not only in the log."""
    result = _check(cli, "--format", "github", "sprot")
    assert result.exit_code == 2, result.output
    lines = result.stdout.splitlines()
    assert lines[-2] == "::error file=sprot,title=newslint::sprot: no such file or directory"
    assert lines[-1].endswith("3 files checked; 1 path could not be read; failed (fail level: warning).")
    assert all(COMMAND.match(line) for line in lines[:-1])


def test_a_finding_wrapped_over_two_lines_stays_one_line_of_text_and_one_annotation(cli, tmp_path):
    """The flagged words are quoted on one line, so editors and problem matchers read one finding a line;
    GitHub gets no columns for it, since its runner refuses them on an annotation over several lines."""
    story = tmp_path / "port.txt"
    story.write_text("Port plan\n\nThe board met on Monday. It is widely\nbelieved that the plan will fail.\n",
                     encoding="utf-8")
    text = cli("check", "--select", "attribution.weasel", story).stdout.splitlines()
    assert text[0] == (f"{story}:3:26: warning attribution.weasel 'It is widely believed that' attributes the "
                       "claim to no one in particular; name the source.")
    assert text[1].startswith("newslint: 1 finding")
    github = cli("check", "--select", "attribution.weasel", "--format", "github", story).stdout.splitlines()
    assert github[0].startswith(f"::warning file={story},line=3,endLine=4,title=attribution.weasel::'It is widely ")


def _unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_junit_has_a_suite_per_file_and_fails_only_at_the_fail_level(cli, desk):
    result = _check(cli, "--format", "junit")
    root = ElementTree.fromstring(result.stdout.split("\n<!--")[0])
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {os.path.join("metro", name) for name in
                           ("ferry-strike.txt", "kiev, 100%: update.txt", "library-vote.md")}
    library = suites[os.path.join("metro", "library-vote.md")]
    assert library.get("failures") == "1"
    failure = library.find("testcase/failure")
    assert failure.get("type") == "error" and "repeats line 11" in failure.get("message")
    kiev = suites[os.path.join("metro", "kiev, 100%: update.txt")]
    assert kiev.get("failures") == "0" and "house.kiev" in kiev.find("testcase/system-out").text
    assert suites[os.path.join("metro", "ferry-strike.txt")].find("testcase").get("name") == "no findings"
    assert root.get("tests") == "3" and root.get("failures") == "1"
    assert "failed (fail level: warning)" in result.stdout.splitlines()[-1]


def test_fail_level_decides_the_exit_and_the_summary(cli, desk):
    passed = _check(cli, "--fail-level", "error", "--ignore", "duplicates")
    assert passed.exit_code == 0
    assert passed.stdout.splitlines()[-1] == ("newslint: 1 finding (1 suggestion); 3 files checked; "
                                              "passed (fail level: error).")
    failed = _check(cli, "--fail-level", "suggestion", "--ignore", "duplicates")
    assert failed.exit_code == 1
    assert failed.stdout.splitlines()[-1].endswith("failed (fail level: suggestion).")


def test_each_folder_is_judged_by_its_own_fail_level_in_every_format(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # Features gates only on errors; metro keeps the default, so its hedge fails the run.
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / ".newslint.yaml").write_text("fail_level: error\n", encoding="utf-8")
    (tmp_path / "metro").mkdir()
    for desk in ("features", "metro"):
        (tmp_path / desk / "fire.txt").write_text("The fire probably started in the kitchen of the flat.\n",
                                                  encoding="utf-8")
    text = cli("check", "--jobs", "1", "--select", "hedging", "features", "metro")
    assert text.exit_code == 1
    assert text.stdout.splitlines()[-1] == ("newslint: 2 findings (2 warnings); 2 files checked; "
                                            "failed (fail level per config: error, warning).")
    junit = cli("check", "--jobs", "1", "--select", "hedging", "--format", "junit", "features", "metro")
    suites = {s.get("name"): s for s in ElementTree.fromstring(junit.stdout.split("\n<!--")[0]).iter("testsuite")}
    assert suites[os.path.join("metro", "fire.txt")].get("failures") == "1"
    assert suites[os.path.join("features", "fire.txt")].get("failures") == "0"
    summary = json.loads(cli("check", "--jobs", "1", "--select", "hedging", "--format", "json",
                             "features", "metro").stdout)["summary"]
    assert (summary["failed"], summary["fail_level"], summary["fail_levels"]) == (True, None, ["error", "warning"])
    # Features alone passes, and says by which level.
    alone = cli("check", "--jobs", "1", "--select", "hedging", "features")
    assert alone.exit_code == 0 and alone.stdout.splitlines()[-1].endswith("passed (fail level: error).")


# --changed-since ----------------------------------------------------------------------------------


def _git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@newsroom.example",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@newsroom.example", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """A git repository whose committed stories already have findings."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    monkeypatch.chdir(tmp_path)
    _git("init", "--quiet", "--initial-branch=main", cwd=tmp_path)
    (tmp_path / "library-vote.md").write_text(LIBRARY, encoding="utf-8")
    (tmp_path / "ferry-strike.txt").write_text(FERRY, encoding="utf-8")
    _git("add", ".", cwd=tmp_path)
    _git("commit", "--quiet", "-m", "Archive", cwd=tmp_path)
    return tmp_path


def _findings(result) -> list[str]:
    return [f"{f['path']}:{f['line']} {f['rule']}" for f in json.loads(result.stdout)["findings"]]


def test_changed_since_reports_only_new_problems(cli, archive):
    ferry = FERRY.splitlines(keepends=True)
    repeated = ferry[4]  # "The RMT union said ..." pasted again at the end: a new problem
    (archive / "ferry-strike.txt").write_text("".join(ferry) + "\n" + repeated, encoding="utf-8")
    (archive / "new-draft.txt").write_text(FERRY.replace("Isle of Wight", "Isle of Man"), encoding="utf-8")
    args = ("check", "--format", "json", "--jobs", "1", "--select", "duplicates")
    everything = _findings(cli(*args, "."))
    assert "library-vote.md:17 duplicates.paragraph" in everything  # old, on an unchanged line

    result = cli(*args, "--changed-since", "HEAD", ".")
    assert result.exit_code == 1
    assert _findings(result) == [
        "ferry-strike.txt:11 duplicates.paragraph",  # the line added since HEAD
        "new-draft.txt:1 duplicates.across-files",  # untracked: wholly changed
    ]
    assert "notice: 1 finding on lines unchanged since HEAD not shown" in result.stderr

    _git("add", ".", cwd=archive)
    _git("commit", "--quiet", "-m", "Ferry update", cwd=archive)
    assert _findings(cli(*args, "--changed-since", "HEAD", ".")) == []
    assert _findings(cli(*args, "--changed-since", "HEAD~1", ".")) == [
        "ferry-strike.txt:11 duplicates.paragraph", "new-draft.txt:1 duplicates.across-files"]


@pytest.mark.parametrize("name", [
    "city council.md",  # git ends the name in its diff with a tab
    "Zürich café.md",  # left as UTF-8 with core.quotePath off
    'mayor\'s "final" budget.txt',  # quoted by git, with a space as well
    os.fsdecode(b"caf\xe9 vote.txt"),  # a Latin-1 name from an old file server: quoted as octal bytes
    ":budget.md",  # a name git would read as pathspec magic, not as itself
    ":(top)budget.md",
])
def test_changed_since_finds_changed_lines_in_files_with_unusual_names(cli, archive, name):
    story = archive / name
    old = "The mayor probably left before the count."  # an old hedge, on a line left alone
    story.write_text(f"Council vote\n\nThe budget vote passed on Tuesday.\n\n{old}\n", encoding="utf-8")
    _git("add", ".", cwd=archive)
    _git("commit", "--quiet", "-m", "Budget vote", cwd=archive)
    story.write_text(f"Council vote\n\nThe budget vote probably passed on Tuesday.\n\n{old}\n", encoding="utf-8")
    result = cli("check", "--format", "json", "--jobs", "1", "--select", "hedging", "--changed-since", "HEAD", ".")
    assert _findings(result) == [f"{name}:3 hedging.epistemic"]
    assert result.exit_code == 1


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_changed_since_counts_lines_as_newslint_does_in_a_classic_mac_export(cli, archive, newline):
    """git sees a file whose lines end in a bare CR as one long line."""
    story = archive / "ferry-vote.txt"
    lines = ["Ferry vote", "The RMT union voted to strike on Friday.", "Talks probably resume next week.", ""]
    story.write_bytes(newline.join(lines).encode("utf-8"))
    _git("add", ".", cwd=archive)
    _git("commit", "--quiet", "-m", "Ferry vote", cwd=archive)
    lines[1] = "The RMT union probably voted to strike on Friday."
    story.write_bytes(newline.join(lines).encode("utf-8"))
    result = cli("check", "--format", "json", "--jobs", "1", "--select", "hedging", "--changed-since", "HEAD",
                 story.name)
    assert _findings(result) == ["ferry-vote.txt:2 hedging.epistemic"]


@pytest.mark.parametrize("name", ["ferry-vote.txt", "ferry vote and strike.txt"])
def test_changed_since_compares_utf16_copy_that_git_calls_binary(cli, archive, name):
    """git prints no hunks for UTF-16 copy (a Word export), only "Binary files a/NAME and b/NAME differ"."""
    story = archive / name
    lines = ["Ferry vote", "", "Talks probably resume next week.", "", "The RMT union voted to strike on Friday.", ""]
    story.write_bytes("\r\n".join(lines).encode("utf-16"))
    _git("add", ".", cwd=archive)
    _git("commit", "--quiet", "-m", "Ferry vote", cwd=archive)
    lines[4] = "The RMT union reportedly voted to strike on Friday."
    story.write_bytes("\r\n".join(lines).encode("utf-16"))
    result = cli("check", "--format", "json", "--jobs", "1", "--select", "hedging", "--changed-since", "HEAD",
                 story.name)
    assert _findings(result) == [f"{name}:5 hedging.epistemic"]  # line 3's hedge is old


def test_changed_since_over_more_names_than_one_command_line_holds(archive):
    """A gate on a big archive: every file with a finding went to git on one command line, and past the
    system's limit (about 2 MB of names on Linux: 30,000 stories in long folder names) the run ended in an
    internal error, exit 3, instead of a verdict."""
    from newslint.changes import changed_lines

    limit = os.sysconf("SC_ARG_MAX") if hasattr(os, "sysconf") else 32_768
    if limit > 8 * 1024 * 1024:
        pytest.skip(f"this system allows {limit} bytes of arguments: too many files to write for one test")
    folder = archive / ("national-desk-archive-" * 10).rstrip("-") / ("council-and-ferry-coverage-" * 8).rstrip("-")
    folder.mkdir(parents=True)
    paths = [os.path.relpath(folder / f"story-{number:05d}-council-budget-vote-and-ferry-strike.txt")
             for number in range(limit // 480 + 100)]
    for path in paths:
        Path(path).write_text("Ferry vote\n\nThe RMT union voted to strike on Friday.\n", encoding="utf-8")
    _git("add", ".", cwd=archive)
    _git("commit", "--quiet", "-m", "Ten years of stories", cwd=archive)
    assert sum(len(path) + 1 for path in paths) > limit
    Path(paths[-1]).write_text("Ferry vote\n\nThe RMT union probably voted to strike on Friday.\n", encoding="utf-8")
    changed = changed_lines(paths, "HEAD")
    assert changed[os.path.realpath(paths[-1])] == [(3, 3)]
    assert changed[os.path.realpath(paths[0])] == [] and len(changed) == len(paths)


def test_changed_since_looks_for_the_repository_once_a_folder_not_once_a_file(archive, monkeypatch):
    """Each file with a finding started its own `git rev-parse --show-toplevel`: on 30,000 stories that
    was 75 seconds of starting git before a single diff was read."""
    from newslint import changes

    paths = []
    for desk in ("metro", "sport"):
        (archive / desk).mkdir()
        for number in range(30):
            paths.append(f"{desk}/story-{number:02d}.txt")
            (archive / paths[-1]).write_text(FERRY, encoding="utf-8")
    asked, toplevel = [], changes._toplevel
    monkeypatch.setattr(changes, "_toplevel", lambda folder: asked.append(folder) or toplevel(folder))
    changed = changes.changed_lines(paths, "HEAD")
    assert len(asked) == 2
    assert changed == dict.fromkeys((os.path.realpath(path) for path in paths), None)  # untracked: all new


def test_changed_since_a_bad_ref_is_an_error(cli, archive):
    result = cli("check", "--changed-since", "no-such-branch", ".")
    assert result.exit_code == 2
    assert "git does not know the ref 'no-such-branch'" in result.stderr


def test_changed_since_in_a_shallow_ci_checkout_says_to_fetch_more_history(cli, archive, tmp_path, monkeypatch):
    """actions/checkout fetches one commit unless told otherwise: the base ref is simply not there."""
    (archive / "ferry-strike.txt").write_text(FERRY + "\nTalks probably resume next week.\n", encoding="utf-8")
    _git("commit", "--quiet", "-am", "Ferry update", cwd=archive)
    checkout = tmp_path / "checkout"
    _git("clone", "--quiet", "--depth", "1", archive.as_uri(), str(checkout), cwd=archive)
    monkeypatch.chdir(checkout)
    result = cli("check", "--changed-since", "HEAD~1", ".")
    assert result.exit_code == 2
    assert "git does not know the ref 'HEAD~1' (this is a shallow clone: fetch more history" in result.stderr


@pytest.mark.parametrize("folder", [
    "2026-06",
    'Zürich "final" desk',  # quoted by git in its rename lines, with a space and UTF-8 as well
])
def test_changed_since_leaves_out_the_old_findings_of_a_story_moved_to_another_folder(cli, archive, folder):
    """A desk filing last month's stories into a dated folder: git calls each a rename, but every line of the
    moved story counted as changed, so the gate reported all its old findings as new problems."""
    (archive / folder).mkdir()
    _git("mv", "library-vote.md", f"{folder}/library-vote.md", cwd=archive)
    _git("commit", "--quiet", "-m", "File June's stories", cwd=archive)
    args = ("check", "--format", "json", "--jobs", "1", "--select", "duplicates", "--changed-since", "HEAD~1", ".")
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert _findings(result) == []
    # Moved and edited: only the edit is new (the lede pasted again at the end).
    moved = archive / folder / "library-vote.md"
    lines = moved.read_text(encoding="utf-8").splitlines(keepends=True)
    moved.write_text("".join(lines) + "\n" + lines[8], encoding="utf-8")
    assert _findings(cli(*args)) == [f"{folder}/library-vote.md:{len(lines) + 2} duplicates.paragraph"]


def test_changed_since_run_from_outside_the_repository_judges_a_clean_draft_by_its_own(cli, archive, monkeypatch):
    """A CI script in the folder above the checkout (`newslint check --changed-since main desk/story.txt`):
    a draft with old findings passed, but a clean one stopped the run with "not inside a git repository",
    exit 2, because with no finding to place the ref was checked in the working folder, not the draft's."""
    monkeypatch.chdir(archive.parent)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(archive.parent.parent))
    ferry, library = f"{archive.name}/ferry-strike.txt", f"{archive.name}/library-vote.md"
    for story in (ferry, library):  # clean, then one whose only finding is old
        result = cli("check", "--format", "json", "--changed-since", "HEAD", story)
        assert result.exit_code == 0, result.stderr
        assert _findings(result) == []
    result = cli("check", "--changed-since", "no-such-branch", ferry)
    assert result.exit_code == 2
    assert "git does not know the ref 'no-such-branch'" in result.stderr


def test_changed_since_outside_git_is_an_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "ferry-strike.txt").write_text(FERRY, encoding="utf-8")
    result = cli("check", "--changed-since", "main", ".")
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr
