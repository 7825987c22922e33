"""The hedging, attribution and readability rule sets: every rule carries passing examples both ways, and
the evaluation script reads Penn Treebank text as a reader would (neither can be said by an article)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslint.examples import missing_examples
from newslint.examples import test_rule as run_examples
from newslint.ruleset import builtin_rules_dir, load_rule_file

RULE_SETS = ("hedging", "attribution", "readability")
RULES = [rule for name in RULE_SETS for rule in load_rule_file(builtin_rules_dir() / f"{name}.yaml")]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_examples_flag_and_pass(rule):
    assert missing_examples(rule) == []
    assert [result.example for result in run_examples(rule) if not result.ok] == []


def test_treebank_text_is_detokenised():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from sentence_data import detokenize, is_treebank

    text = "The mayor -LRB- a former judge -RRB- said `` we do n't know '' , and left ."
    assert is_treebank(text)
    assert detokenize(text) == 'The mayor (a former judge) said "we don\'t know", and left.'
    assert not is_treebank("The mayor said we don't know, and left.")


def test_every_shipped_pattern_compiles_on_re_and_on_re2():
    """Shipped rules skip the load-time pattern check (they run on Python's `re`, compiled on first use), so
    this test is that check. Each must also compile for RE2, so a newsroom can copy any of them into a house
    rule file, which runs on RE2."""
    from newslint import kinds
    from newslint.patterns import LazyPattern, compile_pattern
    from newslint.ruleset import builtin_rule_files, load_rules

    def lazy_patterns(value, seen):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, LazyPattern):
            yield value
        elif isinstance(value, (list, tuple, set)):
            for item in value:
                yield from lazy_patterns(item, seen)
        elif isinstance(value, dict):
            for item in value.values():
                yield from lazy_patterns(item, seen)
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            for item in vars(value).values():
                yield from lazy_patterns(item, seen)

    count = 0
    for rule in load_rules(builtin_rule_files()):
        for pattern in lazy_patterns(kinds.create(rule), set()):
            pattern.search("")  # compiles on Python's re
            source, ignore_case, rule_id = pattern._arguments
            compile_pattern(source, ignore_case, rule_id)  # RE2, or the bounded engine
            count += 1
    assert count > 100
