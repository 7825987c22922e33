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


def test_cue_prefix_is_only_letters_every_match_starts_with():
    from newslint.kinds.cue import literal_prefix

    assert literal_prefix(r"appears?\s+to") == "appear"
    assert literal_prefix("it is believed") == "it"  # a space matches any white space, a line break too
    assert literal_prefix(r"may(?:\s+(?:well|also))?\s+have") == "may"
    assert literal_prefix("some|many|others") == ""
    assert literal_prefix(r"(?:critics|experts)\s+say") == ""
