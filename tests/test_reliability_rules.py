"""Rule files anyone in the newsroom can edit: they are parsed safely, and their patterns cannot hang a run.
Bad YAML cases are data in tests/fixtures/bad-rules; these are the ones data cannot say."""

from __future__ import annotations

import json
import os
import re
import threading
import time
import unicodedata

import pytest

from newslint import engine, regex_engines
from newslint.patterns import compile_pattern, phrase_alternation

RULE = """\
  - id: house.{name}
    kind: existence
    severity: warning
    message: "'{{text}}' flagged."
    description: A house rule.
    phrases: {phrases}
"""


def rule_file(tmp_path, **phrases) -> str:
    path = tmp_path / "house.yaml"
    path.write_text("rules:\n" + "".join(RULE.format(name=n, phrases=p) for n, p in phrases.items()), encoding="utf-8")
    return str(path)


def test_python_tags_construct_nothing(cli, tmp_path):
    marker = tmp_path / "owned"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system", "!!python/object:os.system"):
        path = tmp_path / "evil.yaml"
        path.write_text(f"rules:\n  - {tag} [\"touch {marker}\"]\n", encoding="utf-8")
        result = cli("rules", "--rules", path)
        assert result.exit_code == 2 and "evil.yaml:2: not valid YAML" in result.stderr
    assert not marker.exists()


def test_a_huge_rule_file_is_refused_before_parsing(cli, tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("rules:\n" + "  - x\n" * 1_000_000, encoding="utf-8")
    started = time.perf_counter()
    result = cli("rules", "--rules", path)
    assert result.exit_code == 2 and "huge.yaml: rule file is larger than 5 MB" in result.stderr
    assert time.perf_counter() - started < 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("option, what", [("--rules", "rule file"), ("--config", "config")])
def test_a_rule_or_config_file_that_never_ends_is_refused_after_5_mb(cli, tmp_path, option, what):
    """`--rules /dev/zero` or `--config <(yes)` never ends: read whole, it filled the memory until the kernel
    killed the run. A pipe stands in for /dev/zero, which a failing test would read until then: it is fed
    64 MB at most, and only the first 5 MB may be taken."""
    story = tmp_path / "pier.txt"
    story.write_text("The pier reopened on Monday, the harbour board said.\n", encoding="utf-8")
    pipe = tmp_path / "endless.yaml"
    os.mkfifo(pipe)
    fed = []

    def feed():
        with open(pipe, "wb", buffering=0) as stream:
            try:
                while sum(fed) < 64 << 20:
                    fed.append(stream.write(b"# house style\n" * 65536))
            except BrokenPipeError:  # newslint stopped reading
                pass

    writer = threading.Thread(target=feed)
    writer.start()
    result = cli("check", option, pipe, story)
    writer.join()
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {pipe}: {what} is larger than 5 MB\n"
    assert sum(fed) < 8 << 20


def test_nesting_deeper_than_the_parser_allows_is_an_error_not_a_crash(cli, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("rules: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = cli("rules", "--rules", path)
    assert result.exit_code == 2 and "deep.yaml:1:" in result.stderr and "Traceback" not in result.output


def test_billion_laughs_aliases_are_shared_not_expanded(cli, tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefghi", "bcdefghij")]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\nrules:\n" + RULE.format(name="lol", phrases="*j"), encoding="utf-8")
    started = time.perf_counter()
    result = cli("rules", "--rules", path)
    assert result.exit_code == 2 and "rule house.lol: 'phrases' must be a list of strings" in result.stderr
    assert time.perf_counter() - started < 5


def test_billion_laughs_merge_keys_are_not_expanded(cli, tmp_path):
    lines = ["a: &a {" + ", ".join(f"k{i}: lol" for i in range(9)) + "}"]
    lines += [f"{c}: &{c} {{<<: [{', '.join(['*' + p] * 9)}]}}" for p, c in zip("abcdefghi", "bcdefghij")]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\nrules:\n  - <<: *j\n   " + RULE.format(name="lol", phrases="[lol]")[3:],
                    encoding="utf-8")
    started = time.perf_counter()
    result = cli("rules", "--rules", path)
    assert result.exit_code == 2 and "rule house.lol: unknown field 'k0'" in result.stderr, result.output
    assert time.perf_counter() - started < 5


def test_a_bare_yes_or_no_in_a_word_list_says_to_quote_it(cli, tmp_path):
    result = cli("rules", "--rules", rule_file(tmp_path, answers="[Yes, No, Maybe]"))
    assert result.exit_code == 2
    assert "house.yaml:7: rule house.answers: 'phrases' must be a list of strings; YAML reads a bare On, Off, " \
           "Yes or No as true or false, so put such a word in quotes ('On')" in result.stderr


def test_a_date_that_does_not_exist_is_an_error_at_its_line(cli, tmp_path):
    """YAML reads a bare 2025-02-29 as a date, which Python cannot make: it was "a bug in newslint", exit 3."""
    result = cli("rules", "--rules", rule_file(tmp_path, polls="[2025-02-28, 2025-02-29]"))
    assert (result.exit_code, result.stderr) == (
        2, f"newslint: error: {tmp_path / 'house.yaml'}:7: cannot read '2025-02-29': day is out of range for month\n")


def test_a_yaml_merge_key_shares_fields_between_rules(cli, tmp_path):
    """`<<: *house` is how YAML writes "these fields, as in that mapping"; a rule's own field wins over a merged
    one, and a key written twice in the rule itself is still a duplicate."""
    path = tmp_path / "house.yaml"
    shared = ("house: &house {kind: existence, severity: warning, message: \"'{text}' flagged.\", "
              "description: A house rule.}\n")
    path.write_text(shared + "rules:\n"
                    "  - <<: *house\n    id: house.kyiv\n    phrases: [Kiev]\n"
                    "  - <<: *house\n    id: house.odesa\n    severity: error\n    phrases: [Odessa]\n",
                    encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Shelling hit Kiev and Odessa overnight.\n", encoding="utf-8")
    result = cli("check", "--rules", path, "--select", "house", story)
    assert result.stdout.splitlines()[:2] == [f"{story}:1:14: warning house.kyiv 'Kiev' flagged.",
                                              f"{story}:1:23: error house.odesa 'Odessa' flagged."], result.output
    path.write_text(shared + "rules:\n  - <<: *house\n    id: house.kyiv\n    phrases: [Kiev]\n    phrases: [Kyiv]\n",
                    encoding="utf-8")
    result = cli("check", "--rules", path, story)
    assert result.exit_code == 2 and "house.yaml:6: rule house.kyiv: duplicate key 'phrases'" in result.stderr


def test_a_word_list_reused_through_an_anchor_takes_words_of_its_own(cli, tmp_path):
    """`phrases: [*cities, Lvov]` is another rule's list and one more word: a list nested one level is read as
    its items, as the shipped quote rule reads the weasel rule's speech verbs and a few of its own."""
    path = tmp_path / "house.yaml"
    path.write_text("rules:\n" + RULE.format(name="cities", phrases="&cities [Kiev, Odessa]")
                    + RULE.format(name="more", phrases="[*cities, Lvov]"), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Trains left Lvov for Kiev overnight.\n", encoding="utf-8")
    result = cli("check", "--rules", path, "--select", "house.more", story)
    assert result.stdout.splitlines()[:2] == [f"{story}:1:13: warning house.more 'Lvov' flagged.",
                                              f"{story}:1:22: warning house.more 'Kiev' flagged."], result.output


def test_a_duplicate_id_across_files_names_both(cli, tmp_path):
    first = rule_file(tmp_path, kyiv="[Kiev]")
    second = tmp_path / "more.yaml"
    second.write_text((tmp_path / "house.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("rules", "--rules", first, "--rules", second)
    assert result.exit_code == 2
    assert f"{second}:2: rule house.kyiv: duplicate rule id (first defined at {first}:2)" in result.stderr


def test_a_catastrophic_pattern_is_stopped_and_named(cli, tmp_path, monkeypatch):
    """Lookahead keeps this pattern off RE2; on the backtracking engine it would run for hours."""
    monkeypatch.setattr(regex_engines, "TIME_BUDGET", 0.2)
    rules = rule_file(tmp_path, slow="['(a|aa)+(?=c)']", fast="[irregardless]")
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("Irregardless, " + "a" * 60 + "!\n", encoding="utf-8")
    started = time.perf_counter()
    result = cli("check", "--format", "json", "--jobs", "1", "--rules", rules, "--select", "house",
                 tmp_path / "one.txt", tmp_path / "two.txt")
    assert time.perf_counter() - started < 30
    assert "one.txt: rule house.slow stopped (" in result.stderr and "house.yaml:2)" in result.stderr
    assert "two.txt: rule house.slow" not in result.stderr  # stopped once, skipped after
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["house.fast", "house.fast"]
    # Not a clean run: the rule checked neither file, so a CI gate must not pass it, even with no finding.
    assert report["summary"]["rules_stopped"] == 1 and result.exit_code == 2


def test_a_stopped_rule_is_in_the_summary_and_fails_a_run_with_no_finding(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(regex_engines, "TIME_BUDGET", 0.2)
    rules = rule_file(tmp_path, slow="['(a|aa)+(?=c)']")
    story = tmp_path / "story.txt"
    story.write_text("The ferry was late again. " + "a" * 60 + "!\n", encoding="utf-8")
    result = cli("check", "--jobs", "1", "--rules", rules, "--select", "house", story)
    assert result.stdout.splitlines()[-1] == "newslint: no findings; 1 file checked; 1 rule stopped; failed."
    assert result.exit_code == 2
    baseline = tmp_path / "baseline.json"  # nor is a baseline written without the stopped rule's findings
    monkeypatch.setattr(engine, "_ENGINES", {})  # a new run, as a new process starts with the rule running
    result = cli("baseline", "-o", baseline, "--jobs", "1", "--rules", rules, "--select", "house", story)
    assert result.exit_code == 2 and "no baseline written" in result.stderr and not baseline.exists()


def test_sarif_names_the_stopped_rule_and_its_file(cli, tmp_path, monkeypatch):
    """A CI job keeps only the SARIF file: it says why the run failed with no finding, not just that it did."""
    monkeypatch.setattr(regex_engines, "TIME_BUDGET", 0.2)
    monkeypatch.chdir(tmp_path)
    rules = rule_file(tmp_path, slow="['(a|aa)+(?=c)']")
    (tmp_path / "story.txt").write_text("The ferry was late again. " + "a" * 60 + "!\n", encoding="utf-8")
    result = cli("check", "--jobs", "1", "--rules", rules, "--select", "house", "--format", "sarif", "story.txt")
    assert result.exit_code == 2
    invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and notification["associatedRule"] == {"id": "house.slow"}
    assert notification["message"]["text"].startswith("rule house.slow stopped (house.yaml:2)")
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "story.txt"


@pytest.mark.parametrize("source, engine", [
    (phrase_alternation(["could potentially", "might", r"appears? to", r"\d+ percent"]), "re2"),
    (r"(?<![\w'-])(?:" + phrase_alternation(["Kiev"]) + r")(?![\w-])", "re2"),  # wrapped twice
    (r"[\s,;:]*(?:to)(?![\w'-])", "re2"),
    (r"\w+\s+(?P<name>[A-Z]\w*)", "re2"),
    (r"\bKiev\b", "regex"),  # RE2's \b is ASCII-only: it would find a boundary inside "Kievé"
    (r"(\w)\1", "regex"),
    (r"(?x) Kiev  # verbose", "regex"),
])
def test_patterns_run_on_re2_unless_they_need_backtracking(source, engine):
    assert compile_pattern(source, True).engine == engine


def test_re2_classes_match_python_for_every_assigned_code_point():
    """`\\w`, `\\s` and `\\d` keep Python's Unicode meaning on RE2. Code points Python's Unicode database
    does not assign yet may differ (RE2 knows a newer Unicode)."""
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for escape in (r"\w", r"\s", r"\d", r"\W"):
        mine = {m.start() for m in compile_pattern(escape).finditer(text)}
        python = {m.start() for m in re.finditer(escape, text)}
        assert {unicodedata.category(text[i]) for i in mine ^ python} <= {"Cn"}, escape


@pytest.mark.parametrize("text, expected", [
    ("KIEV, Kiev and kiev", ["KIEV", "Kiev", "kiev"]),  # case-insensitive by default
    ("ÉLYSÉE and élysée", ["ÉLYSÉE", "élysée"]),  # Unicode case folding
    ("Kiev\u00a0Pechersk, Kiev\tPechersk, Kiev\nPechersk", ["Kiev\u00a0Pechersk", "Kiev\tPechersk", "Kiev\nPechersk"]),
    ("Kievan, pre-Kiev, o'Kiev, Kiev-based, Kiev's, (Kiev)", ["Kiev", "Kiev"]),
    ("Kiévé", []),  # a non-ASCII letter still joins the word
])
def test_whole_word_phrases_mean_what_they_did_on_python_re(text, expected):
    pattern = compile_pattern(phrase_alternation(["Kiev", "Kiev Pechersk", "élysée"]), True)
    found = [m.group() for m in pattern.finditer(text)]
    python = [m.group() for m in re.finditer(phrase_alternation(["Kiev", "Kiev Pechersk", "élysée"]), text, re.I)]
    assert found == python == expected


@pytest.mark.parametrize("name", ["attribution", "duplicates", "hedging", "names", "readability"])
def test_shipped_rules_read_the_same_without_libyaml(name, monkeypatch):
    """PyYAML built without libyaml has only the pure-Python loader, which is stricter in places (a bare `?`
    inside a flow list is an error there): the shipped rules must load, and load the same, with either."""
    import yaml

    from newslint.ruleset import builtin_rules_dir
    from newslint.yamlfile import parse_yaml

    path = str(builtin_rules_dir() / f"{name}.yaml")
    data = open(path, "rb").read()
    with_libyaml = parse_yaml(path, data)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert parse_yaml(path, data) == with_libyaml


def test_a_cue_message_may_count_a_single_cue(cli, tmp_path):
    rules = tmp_path / "house.yaml"
    rules.write_text("""rules:
  - id: house.hedge
    kind: cue
    severity: warning
    message: "{count} hedge ({cues}) in the writer's voice: '{text}'."
    description: Hedges the desk wants attributed.
    cues: [probably]
""", encoding="utf-8")
    story = tmp_path / "fire.txt"
    story.write_text("HALIFAX, March 3 - The warehouse fire was probably started by a faulty heater.\n",
                     encoding="utf-8")
    result = cli("check", "--select", "house", "--rules", rules, story)
    assert result.exit_code == 1, result.output
    assert "1 hedge ('probably') in the writer's voice: 'probably'." in result.stdout


def test_every_placeholder_a_kind_lists_is_filled_on_every_finding():
    """A message may use any placeholder its kind lists, whatever the rule's other fields say: run every
    shipped rule on its own examples with a message that uses them all."""
    import copy

    from newslint import kinds
    from newslint.examples import test_rule
    from newslint.ruleset import builtin_rule_files, load_rules

    for rule in load_rules(builtin_rule_files()):
        names = sorted(kinds.kind_class(rule.kind).placeholders | {"text"})
        every = copy.copy(rule)
        every.message, every.built = " ".join("{" + name + "}" for name in names), None
        assert any(result.found for result in test_rule(every)), rule.id  # the examples did flag something


@pytest.mark.parametrize("use_re2", [True, False])
def test_a_whole_word_phrase_does_not_end_before_a_combining_accent(use_re2, monkeypatch):
    """A PDF export saves "Zelenský" as "Zelensky" and a combining acute: that word is not "Zelensky", for any rule
    (house spellings, cues, desk phrases), on RE2 as on Python's engine."""
    if use_re2 and not regex_engines.HAS_RE2:
        pytest.skip("google-re2 is not installed")
    monkeypatch.setattr(regex_engines, "HAS_RE2", use_re2)
    pattern = compile_pattern(phrase_alternation(["Zelensky", "cafe"]), True, "test.rule")
    assert pattern.search(unicodedata.normalize("NFD", "Zelenský met staff at a café.")) is None
    assert pattern.search("Zelensky met staff at a cafe.").group() == "Zelensky"
