"""Sample hedging and attribution findings on real news copy, with context, for judging by hand.

    python bench/sample_news.py [--corpus bbc|reuters|both] [--n 50] [--seed 4] [--enable RULE ...] [--counts]

Lints every BBC (`../shared/data/bbc-news/*/*.txt`) or Reuters (`../shared/data/reuters-21578/*.txt`) story
with the shipped hedging and attribution rules (as enabled by default, plus `--enable`), prints how many
findings each rule and each flagged phrase produced, then a fixed-seed random sample of findings, each
with its sentence (or paragraph, for quote findings), so a reviewer can mark it a real query for a
standards editor or a false alarm. Nothing is written: the corpora may be measured, never copied.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newslint.document import Document  # noqa: E402
from newslint.engine import Engine  # noqa: E402
from newslint.ruleset import builtin_rules_dir, load_rules  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CORPORA = {"bbc": (DATA / "bbc-news", "*/*.txt"), "reuters": (DATA / "reuters-21578", "*.txt")}
RULE_SETS = ("hedging", "attribution")
_ENGINE: Engine | None = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("bbc", "reuters", "both"), default="both")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--enable", nargs="*", default=[], help="off-by-default rules to run as well")
    parser.add_argument("--rule", help="sample only this rule's findings")
    parser.add_argument("--counts", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    for name in ("bbc", "reuters") if args.corpus == "both" else (args.corpus,):
        root, glob = CORPORA[name]
        paths = sorted(str(p) for p in root.glob(glob))
        with Pool(initializer=_start, initargs=(args.enable,)) as pool:
            rows = [row for rows in pool.map(_lint, paths, chunksize=32) for row in rows]
        _report(name, len(paths), rows, args)
    return 0


def _start(enable: list[str]) -> None:
    global _ENGINE
    paths = [builtin_rules_dir() / f"{name}.yaml" for name in RULE_SETS]
    _ENGINE = Engine([rule for rule in load_rules(paths) if rule.enabled or rule.id in enable])


def _lint(path: str) -> list[tuple[str, str, str, str]]:
    """(rule, flagged text, context, where) for every finding in one story."""
    document = Document.read(path)
    findings, _ = _ENGINE.check(document)
    rows = []
    for finding in findings:
        offset = document._line_starts[finding.line - 1] + finding.column - 1
        unit = _unit(document, offset, whole_paragraph=finding.rule.endswith("quote"))
        where = f"{Path(path).parent.name}/{Path(path).name}:{finding.line}"
        rows.append((finding.rule, " ".join(finding.text.split()), unit, where))
    return rows


def _unit(document: Document, offset: int, whole_paragraph: bool) -> str:
    for paragraph in document.paragraphs:
        if paragraph.start <= offset < paragraph.end:
            if whole_paragraph:
                return " ".join(paragraph.text.split())
            for sentence in paragraph.sentences:
                if sentence.start <= offset < sentence.end:
                    return " ".join(sentence.text.split())
    return ""


def _report(name: str, files: int, rows: list, args) -> None:
    print(f"=== {name}: {files} stories, {len(rows)} findings")
    print("by rule:", ", ".join(f"{r} {n}" for r, n in Counter(r for r, *_ in rows).most_common()))
    print("top phrases:", ", ".join(f"{t} {n}" for t, n in Counter(t.lower() for _, t, *_ in rows).most_common(40)))
    if args.counts:
        return
    pool = [row for row in rows if args.rule in (None, row[0])]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    for number, (rule, text, context, where) in enumerate(sample, 1):
        print(f"{number:2}. [{rule}] '{text}'  ({where})\n    {context[:600]}")


if __name__ == "__main__":
    sys.exit(main())
