"""The parsed-rule cache: a warm start skips YAML, an edited rule file is read again, and a cache that cannot
be written never fails a run."""

from __future__ import annotations

import os

import pytest

from newslint import rulecache
from newslint.errors import RuleError
from newslint.ruleset import load_rule_file

RULES = """rules:
  - id: house.banned
    kind: existence
    severity: warning
    message: "'{text}' is banned."
    description: Words the desk has banned.
    phrases: [%s]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return directory


def write(path, phrase, mtime=None):
    path.write_text(RULES % phrase, "utf-8")
    if mtime is not None:
        os.utime(path, ns=(mtime, mtime))


def test_second_load_comes_from_cache_without_yaml(tmp_path, cache, monkeypatch):
    rules_file = tmp_path / "house.yaml"
    write(rules_file, "irregardless")
    first = load_rule_file(rules_file)
    assert list(cache.glob("rules-*.pickle"))

    def no_yaml(*args):
        raise AssertionError("YAML parsed on a warm start")

    monkeypatch.setattr("newslint.ruleset._parse_yaml", no_yaml)
    second = load_rule_file(rules_file)
    assert [(r.id, r.fields, r.line, r.severity) for r in second] == [(r.id, r.fields, r.line, r.severity) for r in first]


def test_edited_rule_file_is_read_again(tmp_path, cache):
    rules_file = tmp_path / "house.yaml"
    write(rules_file, "irregardless", mtime=1_700_000_000_000_000_000)
    assert load_rule_file(rules_file)[0].fields["phrases"] == ["irregardless"]
    write(rules_file, "Kiev", mtime=1_700_000_000_000_000_000)  # same mtime, other size
    assert load_rule_file(rules_file)[0].fields["phrases"] == ["Kiev"]
    write(rules_file, "Kyiv", mtime=1_700_000_000_100_000_000)  # same size, other mtime
    assert load_rule_file(rules_file)[0].fields["phrases"] == ["Kyiv"]


def test_broken_rule_file_is_never_cached(tmp_path, cache):
    rules_file = tmp_path / "house.yaml"
    rules_file.write_text("rules: [", "utf-8")
    for _ in range(2):
        with pytest.raises(RuleError):
            load_rule_file(rules_file)
    assert not list(cache.glob("rules-*.pickle"))


def test_unwritable_cache_dir_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    rules_file = tmp_path / "house.yaml"
    write(rules_file, "irregardless")
    assert load_rule_file(rules_file)[0].id == "house.banned"
    assert load_rule_file(rules_file)[0].id == "house.banned"


def test_corrupt_cache_file_is_a_miss(tmp_path, cache):
    rules_file = tmp_path / "house.yaml"
    write(rules_file, "irregardless")
    load_rule_file(rules_file)
    for cached in cache.glob("rules-*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert load_rule_file(rules_file)[0].fields["phrases"] == ["irregardless"]


def test_cache_can_be_turned_off(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    rules_file = tmp_path / "house.yaml"
    write(rules_file, "irregardless")
    load_rule_file(rules_file)
    assert not cache.exists()


def test_known_patterns_survive_a_restart(cache, monkeypatch):
    monkeypatch.setattr(rulecache, "_KNOWN", None)
    monkeypatch.setattr(rulecache, "_NEW", set())
    assert not rulecache.is_known_pattern(r"allegedly|reportedly", 2)
    rulecache.remember_pattern(r"allegedly|reportedly", 2)
    rulecache._save_patterns()
    monkeypatch.setattr(rulecache, "_KNOWN", None)
    assert rulecache.is_known_pattern(r"allegedly|reportedly", 2)
    assert not rulecache.is_known_pattern(r"allegedly|reportedly", 0)
