"""The parsed-rule cache: a warm start skips YAML, an edited rule file is read again, and a cache that cannot
be written never fails a run."""

from __future__ import annotations

import os
import sys

import pytest

from newslint import regexcache, rulecache
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

    monkeypatch.setattr("newslint.ruleset.parse_yaml", no_yaml)
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


def _restart(monkeypatch):
    monkeypatch.setattr(regexcache, "_PROGRAMS", None)
    monkeypatch.setattr(regexcache, "_NEW", {})


@pytest.mark.skipif(sys.version_info < (3, 11), reason="programs are kept only from CPython 3.11's compiler on")
def test_compiled_patterns_survive_a_restart(cache, monkeypatch):
    _restart(monkeypatch)
    assert not regexcache.is_known_pattern(r"allegedly|reportedly", 2)
    regexcache.compiled(r"allegedly|reportedly", 2)
    regexcache._save_patterns()
    _restart(monkeypatch)
    assert regexcache.is_known_pattern(r"allegedly|reportedly", 2)
    assert not regexcache.is_known_pattern(r"allegedly|reportedly", 0)
    monkeypatch.setattr(regexcache, "_program", lambda *args: pytest.fail("compiled again on a warm start"))
    assert regexcache.compiled(r"allegedly|reportedly", 2).search("It REPORTEDLY fell").group() == "REPORTEDLY"


def test_a_program_the_engine_refuses_is_compiled_again(cache, monkeypatch):
    monkeypatch.setattr(regexcache, "_PROGRAMS", {("may", 0): (0, bytes(12), 0, {}, (None,))})  # not valid
    assert regexcache.compiled("may", 0).search("it may rain").span() == (3, 6)


def test_every_shipped_pattern_from_the_cache_matches_as_re_compiles_it(cache, monkeypatch):
    """The stored programs stand in for `re.compile`: same flags, groups and matches, cold and warm."""
    import re

    from newslint import kinds
    from newslint.patterns import LazyPattern
    from newslint.ruleset import builtin_rule_files, load_rules

    text = ("Critics say Mr O'Neill may have \u201cprobably\u201d erred, officials said on Tuesday. "
            "It is widely believed that some analysts, including Theresa May, appear to disagree.")
    sources = {(value.pattern, value._flags) for rule in load_rules(builtin_rule_files())
               for value in _values(kinds.create(rule)) if isinstance(value, LazyPattern)}
    assert len(sources) > 50
    _restart(monkeypatch)
    cold = {key: regexcache.compiled(*key) for key in sources}
    regexcache._save_patterns()
    _restart(monkeypatch)
    for key in sorted(sources):
        expected = re.compile(*key)
        for compiled in (cold[key], regexcache.compiled(*key)):
            assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
                expected.pattern, expected.flags, expected.groups, expected.groupindex)
            assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in expected.finditer(text)]
    assert not regexcache._NEW  # every one came from the file


def _values(value, seen=None):
    """Every object reachable from a kind's attributes."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple, set)) else (
        vars(value).values() if hasattr(value, "__dict__") and not isinstance(value, type) else ())
    for item in items:
        yield from _values(item, seen)


def test_shipped_kinds_come_from_the_cache_built_and_find_the_same(cache, monkeypatch):
    """Each rule's kind is built once and cached with it: a warm start builds no kind, and the cached
    kinds find exactly what freshly built ones do (textstat stays unimported until a readability rule runs)."""
    from newslint import kinds
    from newslint.document import Document
    from newslint.engine import Engine
    from newslint.ruleset import builtin_rule_files, load_rules

    story = ("The harbour plan may have probably failed. Critics say it was rushed.\n\n"
             "\"It may rain,\" Mr Kowalczyk said. Mr Kowalczik said it would not.\n\n"
             "The council will meet in May, the mayor said.\n")
    cold = load_rules(builtin_rule_files())
    monkeypatch.setattr(kinds, "_build", lambda rule: pytest.fail(f"{rule.id} built on a warm start"))
    warm = load_rules(builtin_rule_files())
    assert all(rule.built is not None for rule in warm)
    assert all(rule.built._measure is None for rule in warm if rule.kind == "readability")

    def findings(rules):
        return Engine(rules).check(Document("story.txt", story))[0]

    assert findings(warm) == findings(cold)
    assert {finding.rule for finding in findings(warm)} >= {"hedging.stacked", "names.mixed-spelling"}


def test_an_edited_newslint_module_makes_cached_kinds_stale(tmp_path, cache, monkeypatch):
    """In an editable install the version stays the same while the code changes: a kind pickled by other
    code must not be loaded."""
    rules_file = tmp_path / "house.yaml"
    write(rules_file, "irregardless")
    load_rule_file(rules_file)
    monkeypatch.setattr(rulecache, "_code_stamp", lambda: "edited")
    assert rulecache.load(str(rules_file))[0] is None


def test_a_kept_table_is_built_once_and_again_when_the_code_changes(cache, monkeypatch):
    """The given-name families are folded once, then read back; edited code folds them again."""
    from newslint.kinds import name_given

    built = []

    def build():
        built.append(1)
        return name_given._fold_families()

    first = rulecache.kept_table("given-names", build)
    assert rulecache.kept_table("given-names", build) == first and len(built) == 1
    assert first == name_given._fold_families() and name_given.are_cognates("piotr", "peter")
    monkeypatch.setattr(rulecache, "_code_stamp", lambda: "edited")
    assert rulecache.kept_table("given-names", build) == first and len(built) == 2
    (cache / "given-names.marshal").write_bytes(b"not marshal")
    assert rulecache.kept_table("given-names", build) == first and len(built) == 3
