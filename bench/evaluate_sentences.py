"""Score the hedging and attribution rule sets on labelled sentences: precision, recall and F1 of `uncertain`.

    python bench/evaluate_sentences.py PATH [--split all|tune|check] [--rules FILE ...] [--as-shipped]
        [--enable RULE ...] [--top 10] [--show fp|fn]

PATH is a CoNLL-2010 XML file, a Szeged Uncertainty Corpus or BioScope XML file (uncertain when a sentence holds a
`<ccue>`, or a speculation `<cue>`), a CSV with `text,label` columns (Penn Treebank text is detokenised), or a
folder of such files (all are read). Each sentence is linted as its own document; it counts as predicted
uncertain when any rule of the hedging and attribution sets flags it, including the rules that ship
switched off for news copy (`hedging.peacock`, `hedging.vague-quantity`, `hedging.alleged-charge`): the
annotation counts those cues too. `--as-shipped` scores only the rules a newsroom gets by default (plus
any named with --enable). When the cues are typed (Szeged), recall is also given per type, and a sentence
whose only cues are conditions ("if", "would") counts as certain: newslint does not flag conditionals, so
the figures with every typed cue counted come on the line before. The last line is
`precision=P recall=R f1=F n=N`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentence_data import CUE_TYPES, DataError, Sentence, load  # noqa: E402

from newslint.document import Document  # noqa: E402
from newslint.engine import Engine  # noqa: E402
from newslint.ruleset import builtin_rules_dir, load_rules  # noqa: E402

RULE_SETS = ("hedging", "attribution")
_WORD = re.compile(r"[a-z][a-z'-]+")
_COMMON = frozenset("the a an of and in to is was for on as by with that it at from be are his its or this which"
                    " were their he has had have but not also been they who she her an one two".split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--split", choices=("all", "tune", "check"), default="all")
    parser.add_argument("--rules", nargs="*", help="rule files to use instead of the shipped hedging and attribution")
    parser.add_argument("--as-shipped", action="store_true", help="only the rules that are on by default")
    parser.add_argument("--enable", nargs="*", default=[], help="with --as-shipped: off-by-default rules to add")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--show", choices=("fp", "fn"), help="print the false positives or negatives")
    args = parser.parse_args(argv)
    try:
        sentences = load(args.path)
    except DataError as error:
        print(f"evaluate_sentences: {error}", file=sys.stderr)
        return 2
    sentences = [s for s in sentences if args.split in ("all", s.split)]
    if not sentences:
        print(f"evaluate_sentences: {args.path}: no labelled sentences in it (split: {args.split})", file=sys.stderr)
        return 2
    engine = Engine(_rules(args.rules, args.enable, args.as_shipped))
    outcomes = [(sentence, _flags(engine, sentence.text)) for sentence in sentences]
    _report(outcomes, args.top, args.show)
    return 0


def _rules(paths: list[str] | None, enable: list[str], as_shipped: bool):
    """Every rule of the sets, or with `as_shipped` those on by default plus any named with --enable."""
    if paths is None:
        paths = [builtin_rules_dir() / f"{name}.yaml" for name in RULE_SETS]
    return [rule for rule in load_rules(paths) if not as_shipped or rule.enabled or rule.id in enable]


def _flags(engine: Engine, text: str) -> list[str]:
    """The flagged words, lower case, or [] when no rule fires. A stacked hedge stands in for its single
    hedges (they are not reported beside it), so it counts like any other finding."""
    findings, _ = engine.check(Document("sentence.txt", text))
    return [" ".join(f.text.lower().split()) if f.rule != "hedging.stacked" else "(stacked hedges)" for f in findings]


def _is_positive(sentence: Sentence) -> bool:
    """What the rules should flag: an uncertain sentence, unless only a condition makes it so. "If the vote
    passes, fares would rise" states a condition, and a reporter is right to write it (newslint has no rule
    for it); counting it as a miss would score that decision, not the rules."""
    return sentence.uncertain and not sentence.is_conditional_only


def _report(outcomes: list[tuple[Sentence, list[str]]], top: int, show: str | None) -> None:
    tp, fp, fn = _confusion(outcomes, _is_positive)
    false_positives = Counter(cue for s, flags in outcomes if not _is_positive(s) for cue in set(flags))
    missed = [s for s, flags in outcomes if _is_positive(s) and not flags]
    print(f"sentences {len(outcomes)}, uncertain {tp + fn}, flagged {tp + fp}: tp {tp}, fp {fp}, fn {fn}")
    print("top false-positive cues:", _counts(false_positives, top))
    if any(s.cues for s, _ in outcomes):
        false_negatives = Counter(c.lower() for s in missed for c in set(s.cues))
        print("top false-negative cues (gold <ccue>):", _counts(false_negatives, top))
    else:
        print("top words of missed sentences (no gold cues in this file):", _counts(_overused(outcomes, missed), top))
    if show:
        wanted = (lambda s, f: f and not _is_positive(s)) if show == "fp" else (lambda s, f: _is_positive(s) and not f)
        for sentence, flags in outcomes:
            if wanted(sentence, flags):
                print(f"  [{', '.join(flags) or ' / '.join(sentence.cues)}] {sentence.text}")
    if any(any(s.cue_types) for s, _ in outcomes):
        _report_cue_types(outcomes)
        print("every typed cue counted (condition-only sentences uncertain):",
              _scores(outcomes, lambda s: s.uncertain))
        print("headline, conditions left out (condition-only sentences count as certain):")
    print(_scores(outcomes, _is_positive))


def _report_cue_types(outcomes: list[tuple[Sentence, list[str]]]) -> None:
    """Recall among the sentences holding a cue of each type; a sentence with two types counts in both."""
    seen = {kind for s, _ in outcomes for kind in s.cue_types if kind}
    kinds = [kind for kind in CUE_TYPES.values() if kind in seen] + sorted(seen - set(CUE_TYPES.values()))
    parts = []
    for kind in kinds:
        holding = [bool(flags) for s, flags in outcomes if kind in s.cue_types]
        parts.append(f"{kind} {sum(holding) / len(holding):.3f} ({sum(holding)}/{len(holding)})")
    conditional_only = [bool(flags) for s, flags in outcomes if s.is_conditional_only]
    print("recall by cue type (flagged / sentences with such a cue):", ", ".join(parts))
    print(f"condition-only sentences flagged anyway: {sum(conditional_only)} of {len(conditional_only)}")


def _confusion(outcomes, is_positive) -> tuple[int, int, int]:
    tp = sum(1 for s, flags in outcomes if flags and is_positive(s))
    fp = sum(1 for s, flags in outcomes if flags and not is_positive(s))
    fn = sum(1 for s, flags in outcomes if not flags and is_positive(s))
    return tp, fp, fn


def _scores(outcomes, is_positive) -> str:
    tp, fp, fn = _confusion(outcomes, is_positive)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"precision={precision:.3f} recall={recall:.3f} f1={f1:.3f} n={len(outcomes)}"


def _overused(outcomes, missed: list[Sentence]) -> Counter:
    """Words far more frequent in missed sentences than in certain ones: candidate cues."""
    certain = Counter(w for s, _ in outcomes if not _is_positive(s) for w in set(_WORD.findall(s.text.lower())))
    scale = len(missed) / max(1, sum(1 for s, _ in outcomes if not _is_positive(s)))
    missing = Counter(w for s in missed for w in set(_WORD.findall(s.text.lower())) if w not in _COMMON)
    return Counter({w: round(n - certain[w] * scale) for w, n in missing.items() if n - certain[w] * scale > 0})


def _counts(counter: Counter, top: int) -> str:
    # Ties in alphabetical order: the counters are filled from sets, whose order changes with the hash seed.
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]
    return ", ".join(f"{cue} ({count})" for cue, count in ranked) or "none"


if __name__ == "__main__":
    sys.exit(main())
