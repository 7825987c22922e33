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


BENCH = str(Path(__file__).resolve().parent.parent / "bench")


def _bench_module(name: str):
    if BENCH not in sys.path:
        sys.path.insert(0, BENCH)
    return __import__(name)


def test_treebank_text_is_detokenised():
    data = _bench_module("sentence_data")
    text = "The mayor -LRB- a former judge -RRB- said `` we do n't know '' , and left ."
    assert data.is_treebank(text)
    assert data.detokenize(text) == 'The mayor (a former judge) said "we don\'t know", and left.'
    assert not data.is_treebank("The mayor said we don't know, and left.")


def test_evaluation_reads_a_folder_of_xml_and_spreadsheet_csv(tmp_path, capsys):
    """A held-out release may come as a folder of parts, and a CSV saved by a spreadsheet carries a
    byte-order mark and its own capitals in the column names."""
    (tmp_path / "part1.xml").write_text(
        '<Annotation><DocumentSet><Document><DocID>d1</DocID><Paragraph>'
        '<Sentence certainty="uncertain">Critics say the bridge <ccue>may have</ccue> been unsafe.</Sentence>'
        '<Sentence certainty="certain">The bridge opened in 1932.</Sentence>'
        '</Paragraph></Document></DocumentSet></Annotation>', encoding="utf-8")
    (tmp_path / "part2.csv").write_text("Sentence,Label\nThe ferry reportedly sank,1\nThe ferry sank,0\n",
                                        encoding="utf-8-sig")
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    sentences = _bench_module("sentence_data").load(tmp_path)
    assert [(s.text, s.uncertain) for s in sentences] == [
        ("Critics say the bridge may have been unsafe.", True), ("The bridge opened in 1932.", False),
        ("The ferry reportedly sank", True), ("The ferry sank", False)]
    assert _bench_module("evaluate_sentences").main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "precision=1.000 recall=1.000 f1=1.000 n=4"


def test_bare_xml_sentences_are_split_one_by_one(tmp_path):
    """With no `Document` around them there is no paragraph to keep together: each sentence falls in the
    tune or check split on its own, so `--split check` is never empty."""
    sentences = "".join(f'<Sentence certainty="certain">The ferry to Island {n} sailed at noon.</Sentence>'
                        for n in range(20))
    (tmp_path / "bare.xml").write_text(f"<Annotation>{sentences}</Annotation>", encoding="utf-8")
    assert {s.split for s in _bench_module("sentence_data").load(tmp_path / "bare.xml")} == {"tune", "check"}


SENTENCE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sentences"


def test_szeged_sentences_are_uncertain_by_their_typed_cues():
    """No certainty attribute: a cue makes the sentence uncertain, and its type is kept beside it. The DocID's
    escapes are undone so the paragraph splits as its CoNLL-2010 twin "Ferry (Isle of Wight)_12" does."""
    sentences = _bench_module("sentence_data").load(SENTENCE_FIXTURES / "szeged.xml")
    assert [(s.uncertain, s.cue_types) for s in sentences] == [
        (False, []), (True, ["epistemic"]), (True, ["epistemic"]), (True, ["doxastic"]),
        (True, ["condition", "condition"]), (True, ["investigation"]), (True, ["condition", "epistemic"]),
        (False, []), (False, [])]
    assert [s.is_conditional_only for s in sentences].count(True) == 1
    assert sentences[3].text[slice(*sentences[3].cue_spans[0])] == sentences[3].cues[0] == "is believed"
    assert sentences[0].group == "Ferry (Isle of Wight)_12"


def test_szeged_report_gives_recall_per_cue_type_and_leaves_conditions_out_of_the_headline(capsys):
    assert _bench_module("evaluate_sentences").main([str(SENTENCE_FIXTURES / "szeged.xml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "sentences 9, uncertain 5, flagged 4: tp 3, fp 1, fn 2"
    assert ("recall by cue type (flagged / sentences with such a cue): epistemic 0.667 (2/3), doxastic 1.000 (1/1),"
            " condition 0.500 (1/2), investigation 0.000 (0/1)") in lines
    assert "condition-only sentences flagged anyway: 0 of 1" in lines
    assert ("every typed cue counted (condition-only sentences uncertain): precision=0.750 recall=0.500 f1=0.600"
            " n=9") in lines
    assert lines[-1] == "precision=0.750 recall=0.600 f1=0.667 n=9"


def test_bioscope_speculation_cues_inside_scopes_make_a_sentence_uncertain():
    sentences = _bench_module("sentence_data").load(SENTENCE_FIXTURES / "bioscope.xml")
    assert [(s.uncertain, s.cues, s.cue_types) for s in sentences] == [(True, ["suggest"], [""]), (False, [], [])]
    assert sentences[0].text == "These results suggest that the absent gene slows growth."
    assert sentences[0].cue_spans == [(14, 21)]


@pytest.mark.parametrize("name, content, message", [
    ("missing.csv", None, "No such file or directory"),
    ("wrong.csv", "body,class\nThe ferry sank,0\n", "needs a 'text' (or 'sentence') column"),
    ("broken.xml", "<Annotation><Sentence>", "not well-formed XML"),
    ("empty.csv", "text,label\n", "no labelled sentences"),
    ("cut-short.xml", '<Annotation><DocumentSet><Document><DocID>d1</DocID><DocumentPart><Sentence id="S1.1">'
                      'The ferry <ccue type="speculation_modal_probable_">may</Sentence>', "not well-formed XML"),
    ("no-sentences.xml", "<Annotation><DocumentSet><Document><DocID>d1</DocID></Document></DocumentSet></Annotation>",
     "no labelled sentences"),
])
def test_evaluation_names_the_file_it_cannot_read(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert _bench_module("evaluate_sentences").main([str(path)]) == 2
    error = capsys.readouterr().err
    assert str(path) in error and message in error


def test_every_shipped_pattern_compiles_on_re_and_on_re2():
    """Shipped rules skip the load-time pattern check (they run on Python's `re`, compiled on first use), so
    this test is that check. Each must also compile for RE2, so a newsroom can copy any of them into a house
    rule file, which runs on RE2; the one exception is the first-person guard, whose lookbehinds ("War I",
    "Phase I") RE2 lacks: copied, it runs on the backtracking engine under a time budget."""
    from newslint import kinds, regex_engines
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

    count, not_on_re2 = 0, set()
    for rule in load_rules(builtin_rule_files()):
        for pattern in lazy_patterns(kinds.create(rule), set()):
            pattern.search("")  # compiles on Python's re
            source, ignore_case, rule_id = pattern._arguments
            if not isinstance(compile_pattern(source, ignore_case, rule_id), regex_engines.RE2Pattern):
                not_on_re2.add(source)
            count += 1
    assert count > 100
    if regex_engines.HAS_RE2:
        assert len(not_on_re2) == 1 and next(iter(not_on_re2)).startswith("(?:(?-i:(?<!War )(?<!Phase )")
