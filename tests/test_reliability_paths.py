"""Paths that cannot be checked get one clear line each; every other file is still checked and reported,
and the run exits 2 (an input error), so a CI gate told a path it cannot read never passes."""

from __future__ import annotations

import json
import os
import sys
from xml.etree import ElementTree

import pytest

PARAGRAPH = "The council voted 7-2 on Tuesday to close the library on Elm Street at the end of June."
REPEATED = f"{PARAGRAPH}\n\n{PARAGRAPH}\n"


def check(cli, *paths):
    result = cli("check", "--format", "json", "--jobs", "1", "--select", "duplicates.paragraph", *paths)
    return result, json.loads(result.stdout)


def test_missing_path_is_named_and_the_rest_checked(cli, tmp_path):
    (tmp_path / "story.txt").write_text(REPEATED, encoding="utf-8")
    result, data = check(cli, tmp_path / "gone.txt", tmp_path / "story.txt")
    assert "gone.txt: no such file or directory" in result.stderr
    assert data["summary"]["files_checked"] == 1 and len(data["findings"]) == 1
    assert data["summary"]["files_failed_to_read"] == 1  # counted as a dangling link in a folder is
    # and named, as stderr, SARIF and JUnit name it: a script reading the JSON alone can say which path to fix
    assert data["summary"]["failed_to_read"] == [{"path": str(tmp_path / "gone.txt"),
                                                  "message": "no such file or directory"}]
    assert data["summary"]["failed"] and result.exit_code == 2
    sarif = cli("check", "--format", "sarif", "--jobs", "1", tmp_path / "gone.txt", tmp_path / "story.txt")
    assert json.loads(sarif.stdout)["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert cli("check", tmp_path / "gone.txt").exit_code == 2  # nothing could be checked


def test_a_missing_path_beside_clean_copy_fails_the_run(cli, tmp_path):
    """`newslint check drafs/ published/` in a CI job: the typo must fail the gate, not pass it because the
    other folder is clean. The summary line, the one a CI log reader looks at, says why."""
    (tmp_path / "clean.txt").write_text(PARAGRAPH + "\n", encoding="utf-8")
    result = cli("check", "--jobs", "1", tmp_path / "drafs", tmp_path / "clean.txt")
    assert result.exit_code == 2, result.output
    assert result.stdout == "newslint: no findings; 1 file checked; 1 path could not be read; failed.\n"
    assert "drafs: no such file or directory" in result.stderr
    baseline = cli("baseline", "--output", tmp_path / "baseline.json", tmp_path / "drafs", tmp_path / "clean.txt")
    assert baseline.exit_code == 2 and not (tmp_path / "baseline.json").exists()
    assert "no baseline written" in baseline.stderr


@pytest.mark.parametrize("on_command_line", [False, True], ids=["in-a-folder", "named"])
def test_unreadable_file_is_named_and_the_rest_checked(cli, tmp_path, monkeypatch, on_command_line):
    """In a folder or named on the command line with options (here --format, --jobs, --select), which must
    not turn it into a usage error that checks nothing."""
    story = tmp_path / "story.txt"
    story.write_text(REPEATED, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(REPEATED, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:
        # root reads through chmod 000 (as in CI containers): make the checks and the read fail the way they would.
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, *args, **kwargs: os.path.basename(path) != "locked.txt"
                            and real_access(path, mode, *args, **kwargs))

        def read_open(path, *args, **kwargs):
            if os.path.basename(path) == "locked.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return open(path, *args, **kwargs)

        monkeypatch.setattr("newslint.document.open", read_open, raising=False)
    try:
        result, data = check(cli, *((locked, story) if on_command_line else (tmp_path,)))
    finally:
        locked.chmod(0o644)
    assert "locked.txt: Permission denied" in result.stderr
    assert data["summary"]["files_checked"] == 1 and data["summary"]["files_failed_to_read"] == 1
    assert [entry["path"] for entry in data["summary"]["failed_to_read"]] == [str(locked)]
    assert len(data["findings"]) == 1 and result.exit_code == 2


def test_symlink_loops_and_dangling_links_do_not_trap_the_walk(cli, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text(REPEATED, encoding="utf-8")
    (tmp_path / "desk" / "up").symlink_to("..")  # a folder loop: not followed
    (tmp_path / "desk" / "self.txt").symlink_to("self.txt")  # a link to itself
    (tmp_path / "desk" / "dangling.txt").symlink_to("nowhere.txt")
    result, data = check(cli, tmp_path)
    assert "self.txt: Too many levels of symbolic links" in result.stderr
    assert "dangling.txt: No such file or directory" in result.stderr
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "desk" / "story.txt")]
    named = cli("check", tmp_path / "desk" / "self.txt")
    assert named.exit_code == 2 and "a symbolic link to 'self.txt'" in named.stderr


@pytest.fixture
def folders_deep():
    """Makes a folder 1,100 deep, past Python's default recursion limit of 1,000 (and well inside PATH_MAX),
    and removes it from the bottom up: pytest's own clean-up recurses, and would fail on it."""
    made = []

    def make(top):
        for _ in range(1100):
            top = top / "d"
            top.mkdir()
            made.append(top)
        return top

    yield make
    for folder in reversed(made):
        for item in folder.iterdir():
            if not item.is_dir():
                item.unlink()
        folder.rmdir()


def test_a_story_a_thousand_folders_deep_is_checked(cli, tmp_path, folders_deep):
    """The config search went up one call a folder, and ran out of stack: an internal error (exit 3)."""
    story = folders_deep(tmp_path) / "story.txt"
    story.write_text(REPEATED, encoding="utf-8")
    result, data = check(cli, story)
    assert result.exit_code == 1, result.output
    assert [(f["line"], f["column"], f["rule"]) for f in data["findings"]] == [(3, 1, "duplicates.paragraph")]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="os.walk no longer recurses from Python 3.12")
def test_folders_nested_too_deep_to_walk_are_named_and_the_rest_checked(cli, tmp_path, folders_deep):
    """os.walk recursed one call a folder and ran out of stack: an internal error (exit 3), nothing checked."""
    (tmp_path / "archive").mkdir()
    (folders_deep(tmp_path / "archive") / "story.txt").write_text(REPEATED, encoding="utf-8")
    (tmp_path / "today.txt").write_text(REPEATED, encoding="utf-8")
    result, data = check(cli, tmp_path / "archive", tmp_path / "today.txt")
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == (
        f"newslint: error: {tmp_path / 'archive'}: folders nested too deeply to search (hundreds of levels)")
    assert [(f["path"], f["line"]) for f in data["findings"]] == [(str(tmp_path / "today.txt"), 3)]


def test_named_pipe_in_a_folder_is_skipped_not_waited_on(cli, tmp_path):
    (tmp_path / "story.txt").write_text(REPEATED, encoding="utf-8")
    os.mkfifo(tmp_path / "feed.txt")
    result, data = check(cli, tmp_path)
    assert "notice: " + str(tmp_path / "feed.txt") + ": not a regular file" in result.stderr
    assert data["summary"]["files_checked"] == 1 and data["summary"]["files_skipped"] == 1
    assert data["summary"]["files_failed_to_read"] == 0 and "failed_to_read" not in data["summary"]
    (tmp_path / "story.txt").unlink()
    alone = cli("check", tmp_path)
    assert alone.exit_code == 0, alone.output  # skipped, as a folder of images is: nothing failed to read


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_named_is_skipped_not_read(cli, tmp_path):
    """/dev/zero named by mistake would be read until memory ran out; a device is never read. (Tested on
    /dev/null, which is a device too but ends: were the test to fail, it would not hang the suite.)"""
    (tmp_path / "story.txt").write_text(REPEATED, encoding="utf-8")
    result, data = check(cli, "/dev/null", tmp_path / "story.txt")
    assert "notice: /dev/null: a device, not a file; skipped" in result.stderr
    assert data["summary"]["files_checked"] == 1 and data["summary"]["files_skipped"] == 1
    assert result.exit_code == 1  # the story's repeat; the device is no failure


@pytest.mark.parametrize("name", ["desk notes/the story.txt", "Zürich/Ünïcödé story.txt", "日本/記事.md"])
def test_paths_with_spaces_and_non_ascii_names(cli, tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    path.write_text(REPEATED, encoding="utf-8")
    result, data = check(cli, tmp_path)
    assert [(f["path"], f["line"]) for f in data["findings"]] == [(str(path), 3)]
    text = cli("check", "--jobs", "1", "--select", "duplicates.paragraph", path)
    assert text.stdout.startswith(f"{path}:3:1: error duplicates.paragraph")


def test_file_name_that_is_not_utf8_is_still_checked_and_printed(cli, tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name from an old file server
    (tmp_path / name).write_text(REPEATED, encoding="utf-8")
    result, data = check(cli, tmp_path)
    assert result.exit_code == 1 and len(data["findings"]) == 1


def test_file_name_that_is_not_utf8_gets_a_sarif_uri_of_its_bytes(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(REPEATED, encoding="utf-8")
    result = cli("check", "--format", "sarif", "--jobs", "1", "--select", "duplicates.paragraph", ".")
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["runs"][0]["results"]
    assert finding["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.txt"


def test_file_name_that_is_not_utf8_round_trips_through_a_baseline(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(REPEATED, encoding="utf-8")
    written = cli("baseline", "--jobs", "1", "--select", "duplicates.paragraph", "-o", "baseline.json", ".")
    assert written.exit_code == 0, written.output
    (tmp_path / "baseline.json").read_bytes().decode("utf-8")  # still UTF-8 JSON an editor can open
    result, data = check(cli, "--baseline", "baseline.json", ".")
    assert result.exit_code == 0 and data["findings"] == [], result.output
    assert "1 finding already in baseline.json not shown" in result.stderr


def test_junit_stays_well_formed_xml_with_control_characters_and_non_utf8_names(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("wire\x01feed.txt", os.fsdecode(b"caf\xe9.txt")):  # a control character; Latin-1 bytes
        (tmp_path / name).write_text(REPEATED, encoding="utf-8")
    result = cli("check", "--format", "junit", "--jobs", "1", "--select", "duplicates.paragraph", ".")
    assert result.exit_code == 1, result.output
    suites = ElementTree.fromstring(result.stdout.encode("utf-8"))
    assert sorted(suite.get("name") for suite in suites) == ["caf\\udce9.txt", "wire\\x01feed.txt"]



def test_a_file_name_with_a_newline_stays_on_one_line_in_text_and_github_output(cli, tmp_path, monkeypatch):
    """Printed raw, "council\\nvote.txt" split its findings' lines, and `path:line:col` with them. The text
    format quotes such a name as git does; the GitHub format escapes it as its runner decodes (%0A)."""
    monkeypatch.chdir(tmp_path)
    for name in ("council\nvote.txt", "council vote.txt"):
        (tmp_path / name).write_text(REPEATED, encoding="utf-8")
    options = ("--jobs", "1", "--select", "duplicates", ".")
    text = cli("check", *options)
    assert (text.exit_code, text.stdout) == (1, (
        '"council\\nvote.txt":3:1: error duplicates.paragraph Paragraph repeats line 1 (100% alike); delete one copy.\n'
        "council vote.txt:1:1: warning duplicates.across-files Story repeats council\\nvote.txt (100% alike); "
        "keep one copy or rewrite it.\n"
        "council vote.txt:3:1: error duplicates.paragraph Paragraph repeats line 1 (100% alike); delete one copy.\n"
        "newslint: 3 findings (2 errors, 1 warning); 2 files checked; failed (fail level: warning).\n"))
    github = cli("check", "--format", "github", *options)
    assert github.stdout.splitlines()[0].startswith("::error file=council%0Avote.txt,line=3,col=1,")
