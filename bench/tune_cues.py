"""Per-cue precision and support on the TUNE split of the CoNLL-2010 Wikipedia file: the evidence for the YAML.

    python bench/tune_cues.py PATH [--min-support 3] [--cue may --cue some ...] [--greedy 60] [--residual 40]

PATH is the CoNLL-2010 XML file, whose `<ccue>` elements mark every cue. Only the tune split (the same fixed
split as bench/evaluate_sentences.py) is read; the check split is never opened here. For each gold cue
string (lower case), the script counts how often the string occurs in tune sentences as whole words and how
often that occurrence lies in a marked cue (cue precision), and how many of the sentences holding it are
uncertain (sentence precision: what the sentence-level evaluation rewards). For the context guards it
breaks every cue down by the next word, the previous word and capitalisation, and prints the variants
whose precision differs from the cue's own. `--greedy N` lists the N strings that, added one at a time,
most raise tune F1 when a sentence is flagged for holding any of them: a reading list, not a rule set.
`--residual N` runs the shipped hedging and attribution rules (every rule, as bench/evaluate_sentences.py
does) and lists the N strings whose sentences would most raise tune F1 if added to what the rules already
flag, with their precision among the sentences the rules miss: the headroom left for new cues.
The script prints; it never writes the YAML.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentence_data import Sentence, load  # noqa: E402

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*")


@dataclass
class Stats:
    occurrences: int = 0
    marked: int = 0  # occurrences inside a gold <ccue>
    sentences: set = field(default_factory=set)
    uncertain: set = field(default_factory=set)

    def add(self, sentence_id: int, is_marked: bool, is_uncertain: bool) -> None:
        self.occurrences += 1
        self.marked += is_marked
        self.sentences.add(sentence_id)
        if is_uncertain:
            self.uncertain.add(sentence_id)

    @property
    def precision(self) -> float:
        return self.marked / self.occurrences if self.occurrences else 0.0

    @property
    def sentence_precision(self) -> float:
        return len(self.uncertain) / len(self.sentences) if self.sentences else 0.0


@dataclass
class Tokens:
    words: list[str]  # lower case
    written: list[str]
    marked: list[bool]  # the token overlaps a gold cue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--min-support", type=int, default=3, help="gold occurrences a cue needs to be listed")
    parser.add_argument("--cue", action="append", default=[], help="print every context variant of this cue")
    parser.add_argument("--greedy", type=int, default=0, help="list the N strings that most raise tune F1")
    parser.add_argument("--residual", type=int, default=0, help="list the N strings that best add to the shipped rules")
    args = parser.parse_args(argv)
    sentences = [s for s in load(args.path) if s.split == "tune"]  # never the check split
    tokens = [_tokens(s) for s in sentences]
    uncertain = [s.uncertain for s in sentences]
    gold = Counter(tuple(w.lower() for w in _TOKEN.findall(c)) for s in sentences for c in s.cues)
    cues = [cue for cue, n in gold.items() if cue and n >= args.min_support]
    print(f"tune sentences {len(sentences)}, uncertain {sum(uncertain)}; "
          f"{len(gold)} distinct gold cues, {len(cues)} seen {args.min_support}+ times")
    stats, variants = _count(cues, tokens, uncertain)
    _print_cues(cues, stats, gold)
    _print_variants(cues, stats, variants, args.min_support, args.cue)
    candidates = {**{" ".join(c): stats[c] for c in cues}, **variants}
    if args.greedy:
        _print_greedy(candidates, uncertain, args.greedy, args.min_support)
    if args.residual:
        _print_residual(candidates, uncertain, _flagged_by_rules(sentences), args.residual, args.min_support)
    return 0


def _tokens(sentence: Sentence) -> Tokens:
    words, written, marked = [], [], []
    for match in _TOKEN.finditer(sentence.text):
        words.append(match.group().lower())
        written.append(match.group())
        marked.append(any(a < match.end() and match.start() < b for a, b in sentence.cue_spans))
    return Tokens(words, written, marked)


def _count(cues, tokens: list[Tokens], uncertain: list[bool]):
    by_first = defaultdict(list)
    for cue in cues:
        by_first[cue[0]].append(cue)
    stats = {cue: Stats() for cue in cues}
    variants: dict[str, Stats] = defaultdict(Stats)
    for sid, sentence in enumerate(tokens):
        words = sentence.words
        for i, word in enumerate(words):
            for cue in by_first.get(word, ()):
                j = i + len(cue)
                if tuple(words[i:j]) != cue:
                    continue
                is_marked = any(sentence.marked[i:j])
                stats[cue].add(sid, is_marked, uncertain[sid])
                text = " ".join(cue)
                following = words[j] if j < len(words) else "<end>"
                previous = words[i - 1] if i else "<start>"
                capital = "Capitalised" if sentence.written[i][:1].isupper() else "lower"
                for key in (f"{text} +{following}", f"{previous}+ {text}", f"{text} [{capital}]"):
                    variants[key].add(sid, is_marked, uncertain[sid])
    return stats, variants


def _print_cues(cues, stats, gold) -> None:
    print("\n== cues: gold count, occurrences in tune text, cue precision, sentences, sentence precision")
    for cue in sorted(cues, key=lambda c: (-gold[c], c)):
        s = stats[cue]
        print(f"{' '.join(cue):28} gold {gold[cue]:4}  occ {s.occurrences:5}  P {s.precision:.2f}  "
              f"sent {len(s.sentences):5}  sentP {s.sentence_precision:.2f}")


def _print_variants(cues, stats, variants, min_support: int, wanted: list[str]) -> None:
    """Variants that a guard could use: the context changes the cue's precision by a quarter or more."""
    print("\n== context variants (next word '+w', previous word 'w+', capitalisation) that move precision by >= 0.25")
    wanted = {w.lower() for w in wanted}
    for cue in cues:
        text = " ".join(cue)
        base = stats[cue].precision
        rows = [(key, s) for key, s in variants.items()
                if (key.startswith(text + " ") or key.endswith(" " + text)) and _is_variant_of(key, text)]
        if text in wanted:
            chosen = sorted(rows, key=lambda r: -r[1].occurrences)
        else:
            chosen = sorted((r for r in rows if r[1].occurrences >= min_support and abs(r[1].precision - base) >= 0.25),
                            key=lambda r: -r[1].occurrences)[:12]
        if not chosen:
            continue
        print(f"-- {text} (P {base:.2f}, occ {stats[cue].occurrences})")
        for key, s in chosen:
            print(f"   {key:36} occ {s.occurrences:4}  marked {s.marked:4}  P {s.precision:.2f}  sentP {s.sentence_precision:.2f}")


def _is_variant_of(key: str, text: str) -> bool:
    return key.startswith(f"{text} +") or key.startswith(f"{text} [") or key.endswith(f"+ {text}")


def _print_greedy(candidates: dict[str, Stats], uncertain: list[bool], steps: int, min_support: int) -> None:
    """Forward selection on tune sentence F1: which strings, one at a time, pay for themselves."""
    positives = sum(uncertain)
    pool = {k: s for k, s in candidates.items() if len(s.sentences) >= min_support and s.sentence_precision >= 0.4}
    flagged: set[int] = set()
    tp = fp = 0
    print(f"\n== greedy forward selection on tune F1 ({len(pool)} candidates with sentence precision >= 0.4)")
    for step in range(1, steps + 1):
        best, best_f1, best_counts = None, _f1(tp, fp, positives), None
        for key, s in pool.items():
            gain, loss = _added(s, flagged)
            if not gain + loss:
                continue
            f1 = _f1(tp + gain, fp + loss, positives)
            if f1 > best_f1:
                best, best_f1, best_counts = key, f1, (gain, loss)
        if best is None:
            break
        flagged |= pool.pop(best).sentences
        tp, fp = tp + best_counts[0], fp + best_counts[1]
        print(f"{step:3}. {best:36} +tp {best_counts[0]:3} +fp {best_counts[1]:3}   "
              f"P {tp / (tp + fp):.3f} R {tp / positives:.3f} F1 {best_f1:.3f}")


def _flagged_by_rules(sentences: list[Sentence]) -> set[int]:
    """Indices of the sentences that any hedging or attribution rule flags, on or off by default: the rules
    and the flagging of bench/evaluate_sentences.py (imported only here: the rest never loads newslint)."""
    from evaluate_sentences import Engine, _flags, _rules

    engine = Engine(_rules(None, [], as_shipped=False))
    return {sid for sid, s in enumerate(sentences) if _flags(engine, s.text)}


def _print_residual(candidates: dict[str, Stats], uncertain: list[bool], flagged: set[int], top: int,
                    min_support: int) -> None:
    """Each string alone, added to what the rules flag: its precision on the sentences they miss, and F1."""
    positives = sum(uncertain)
    tp = sum(1 for sid in flagged if uncertain[sid])
    fp = len(flagged) - tp
    print(f"\n== residual: the shipped rules flag {tp + fp} tune sentences (P {tp / max(1, tp + fp):.3f} "
          f"R {tp / positives:.3f} F1 {_f1(tp, fp, positives):.3f}); each string added alone")
    rows = []
    for key, s in candidates.items():
        gain, loss = _added(s, flagged)
        if gain + loss < min_support:
            continue
        rows.append((_f1(tp + gain, fp + loss, positives), key, gain, loss))
    for f1, key, gain, loss in sorted(rows, reverse=True)[:top]:
        precision = (tp + gain) / (tp + fp + gain + loss)
        print(f"{key:36} +tp {gain:3} +fp {loss:3}  P on missed {gain / (gain + loss):.2f}   "
              f"-> P {precision:.3f} F1 {f1:.3f}")


def _added(s: Stats, flagged: set[int]) -> tuple[int, int]:
    """(+tp, +fp): the sentences holding the string that are not flagged yet, uncertain and certain."""
    new = s.sentences - flagged
    gain = len(new & s.uncertain)
    return gain, len(new) - gain


def _f1(tp: int, fp: int, positives: int) -> float:
    return 2 * tp / (2 * tp + fp + (positives - tp)) if tp else 0.0


if __name__ == "__main__":
    sys.exit(main())
