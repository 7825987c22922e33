"""`newslint check --cache`: a second run over unchanged drafts checks none of them again and reports exactly
what the first did; any change to a file, its rules or its configuration checks that file afresh."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from newslint import engine, resultcache
from newslint.engine import Engine

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
# A desk's own rule file, its banned words filled in by each test.
HOUSE = ('rules:\n  - {id: house.banned, kind: existence, severity: warning, message: "Banned.",\n'
         '     description: Banned words., phrases: [%s]}\n')


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    """A copy of every fixture article (pasted blocks, cross-file repeats, hedges, names), worked on in place."""
    shutil.copytree(ARTICLES, tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    return Path("drafts")


def findings(result) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def no_checking(monkeypatch):
    monkeypatch.setattr(Engine, "check", lambda *args: pytest.fail("a file was checked again"))


def test_warm_run_checks_nothing_again_and_reports_the_same(cli, cache, drafts, monkeypatch):
    uncached = cli("check", "--jobs", "1", "--format", "json", drafts)
    uncached_text = cli("check", "--jobs", "1", drafts)
    first = cli("check", "--cache", "--jobs", "1", "--format", "json", drafts)
    no_checking(monkeypatch)
    second = cli("check", "--cache", "--jobs", "1", "--format", "json", drafts)
    assert findings(first) == findings(second) == findings(uncached)
    assert second.exit_code == uncached.exit_code == 1
    rules = {finding[3] for finding in findings(second)}
    assert {"duplicates.paragraph", "duplicates.across-files", "names.mixed-spelling", "hedging.stacked"} <= rules
    text = cli("check", "--cache", "--jobs", "1", drafts)  # the text report, from the same entries
    assert (text.stdout, text.stderr) == (uncached_text.stdout, uncached_text.stderr)


def test_an_edited_draft_is_checked_again(cli, cache, tmp_path, monkeypatch):
    story = tmp_path / "council.txt"
    story.write_text("The council approved the budget on Tuesday, the mayor's office said.\n", "utf-8")
    assert cli("check", "--cache", story).exit_code == 0
    story.write_text("The council approved the budget on Tuesday, the mayor's office said.\n\n"
                     "Critics say the plan could potentially raise taxes.\n", "utf-8")
    result = cli("check", "--cache", "--format", "json", story)
    assert {(f[1], f[3]) for f in findings(result)} >= {(3, "attribution.weasel")}
    no_checking(monkeypatch)
    assert findings(cli("check", "--cache", "--format", "json", story)) == findings(result)


def test_an_edited_house_rule_file_checks_every_draft_again(cli, cache, tmp_path, monkeypatch):
    story = tmp_path / "storm.txt"
    story.write_text("The council called the storm damage unprecedented on Monday.\n", "utf-8")
    house = tmp_path / "house.yaml"
    house.write_text(HOUSE % "irregardless", "utf-8")
    assert findings(cli("check", "--cache", "--rules", house, "--format", "json", story)) == []
    house.write_text(HOUSE % "unprecedented, irregardless", "utf-8")
    # A new run: in one process, rules and their stamps are read once (each run is a process of its own).
    monkeypatch.setattr(engine, "_ENGINES", {})
    resultcache._config_key.cache_clear()
    assert [f[3] for f in findings(cli("check", "--cache", "--rules", house, "--format", "json", story))] == ["house.banned"]


def test_another_selection_is_not_answered_from_the_cache(cli, cache, drafts):
    everything = findings(cli("check", "--cache", "--jobs", "1", "--format", "json", drafts))
    names_only = findings(cli("check", "--cache", "--jobs", "1", "--select", "names", "--format", "json", drafts))
    assert names_only and {f[3].split(".")[0] for f in names_only} == {"names"}
    assert set(names_only) < set(everything)


def test_the_same_relative_path_in_another_folder_is_another_file(cli, cache, tmp_path, monkeypatch):
    for desk, text in (("metro", "The mayor said the vote would go ahead.\n"),
                       ("sport", "The striker reportedly may have been injured.\n")):
        (tmp_path / desk).mkdir()
        (tmp_path / desk / "story.txt").write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path / "metro")
    assert cli("check", "--cache", "story.txt").exit_code == 0
    monkeypatch.chdir(tmp_path / "sport")
    assert cli("check", "--cache", "story.txt").exit_code == 1


def test_a_corrupt_entry_is_a_miss(cli, cache, drafts):
    first = cli("check", "--cache", "--jobs", "1", "--format", "json", drafts)
    assert "not UTF-8" in first.stderr  # a notice on a file read as Windows-1252, kept with its findings
    entries = [path for path in cache.glob("results-*/*") if path.is_file()]
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:40])  # truncated, as by a full disk
    second = cli("check", "--cache", "--jobs", "1", "--format", "json", drafts)
    assert (findings(second), second.stderr) == (findings(first), first.stderr)


def test_without_the_option_nothing_is_kept(cli, cache, drafts):
    cli("check", "--jobs", "1", drafts)
    assert not list(cache.glob("results-*"))


def test_an_unwritable_cache_never_fails_a_run_and_says_so_once(cli, tmp_path, monkeypatch, drafts):
    """NEWSLINT_CACHE_DIR under a file: the run is the one without --cache, exit code included, and one notice
    says nothing was kept, or a desk would wonder why its second run over the archive is no faster."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    expected = cli("check", "--jobs", "1", "--format", "json", drafts)
    notice = (f"newslint: notice: --cache: cannot write to the cache folder {blocker / 'cache'} (not a directory), "
              "so this run's results are not kept\n")
    for _ in range(2):
        result = cli("check", "--cache", "--jobs", "1", "--format", "json", drafts)
        assert (findings(result), result.exit_code) == (findings(expected), expected.exit_code)
        assert result.stderr == notice + expected.stderr
    quiet = cli("check", "--cache", "-q", "--jobs", "1", drafts)
    assert (quiet.stdout, quiet.stderr) == (cli("check", "-q", "--jobs", "1", drafts).stdout, "")


@pytest.mark.parametrize("upgraded", ["code_key", "_library_versions"])
def test_a_new_version_deletes_the_results_of_the_old(cli, cache, tmp_path, monkeypatch, upgraded):
    """A newer newslint, or an upgraded library it scores text with (rapidfuzz, textstat), starts afresh."""
    story = tmp_path / "council.txt"
    story.write_text("The council approved the budget on Tuesday.\n", "utf-8")
    cli("check", "--cache", story)
    old = list(cache.glob("results-*"))
    assert len(old) == 1
    owner = resultcache.rulecache if upgraded == "code_key" else resultcache
    monkeypatch.setattr(owner, upgraded, lambda: "a newer release")
    cli("check", "--cache", story)
    now = list(cache.glob("results-*"))
    assert len(now) == 1 and now != old


def test_results_are_not_kept_once_a_rule_is_stopped(cli, cache, tmp_path, monkeypatch):
    """A rule stopped for overrunning its time budget is skipped on every file after it: none of those
    results is whole."""
    for name in ("a-council.txt", "b-council.txt"):
        (tmp_path / name).write_text("Critics say the council could potentially raise taxes.\n", "utf-8")
    real_check = Engine.check

    def stopping(engine, document):
        result = real_check(engine, document)
        engine.stopped.add("hedging.modal")
        engine.stopped_here = {"hedging.modal": "rule hedging.modal stopped (hedging.yaml:3): it ran too long"}
        return result

    monkeypatch.setattr(engine, "_ENGINES", {})  # the stopped rule stays with this test's engine
    monkeypatch.setattr(Engine, "check", stopping)
    cli("check", "--cache", "--jobs", "1", tmp_path)
    assert not [path for path in cache.glob("results-*/*") if path.is_file()]


def test_a_rule_file_replaced_by_one_of_the_same_size_and_time_checks_again(cli, cache, tmp_path, monkeypatch):
    """An editor that saves by renaming a new file over the old, or a sync that keeps times, can leave a house
    style with the size and modification time of the version before it: the rules are read again (a new
    file), so the results must be too."""
    story = tmp_path / "storm.txt"
    story.write_text("The council called the storm damage unprecedented on Monday.\n", "utf-8")
    house = tmp_path / "house.yaml"
    house.write_text(HOUSE % "irregardless", "utf-8")
    assert findings(cli("check", "--cache", "--rules", house, "--format", "json", story)) == []
    edited = tmp_path / "edited.yaml"
    edited.write_text((HOUSE % "unprecedented")[:-1], "utf-8")  # one letter longer, one line break shorter
    stat = house.stat()
    assert edited.stat().st_size == stat.st_size
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(edited, house)
    monkeypatch.setattr(engine, "_ENGINES", {})
    resultcache._config_key.cache_clear()
    assert [f[3] for f in findings(cli("check", "--cache", "--rules", house, "--format", "json", story))] == ["house.banned"]


def test_a_rule_file_edited_during_a_run_is_stamped_as_it_was_read(cli, cache, tmp_path, monkeypatch):
    """A long archive run reads every configuration's rules at its start: a house style saved while it runs
    is the next run's, and the results of the rules read before must not be kept under its stamp."""
    house = tmp_path / "house.yaml"
    house.write_text(HOUSE % "irregardless", "utf-8")
    for desk, config in (("metro", "select: [hedging]\n"), ("sport", "rule_files: [../house.yaml]\n")):
        (tmp_path / desk).mkdir()
        (tmp_path / desk / ".newslint.yaml").write_text(config, "utf-8")
        (tmp_path / desk / "story.txt").write_text("The council called the storm damage unprecedented.\n", "utf-8")
    real_check = Engine.check

    def saving_the_house_style(engine, document):
        if "metro" in document.path:  # checked first: the sport desk's rules are already read
            house.write_text(HOUSE % "unprecedented", "utf-8")
        return real_check(engine, document)

    monkeypatch.setattr(Engine, "check", saving_the_house_style)
    assert findings(cli("check", "--cache", "--jobs", "1", "--format", "json", tmp_path)) == []
    monkeypatch.setattr(Engine, "check", real_check)
    monkeypatch.setattr(engine, "_ENGINES", {})  # the next run, a process of its own
    resultcache._config_key.cache_clear()
    assert [f[3] for f in findings(cli("check", "--cache", "--jobs", "1", "--format", "json", tmp_path))] == ["house.banned"]
