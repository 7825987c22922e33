"""Measure the names rules on real news text.

1. Recall: plant a variant pair into a real article (one spelling twice, the other once, later) and count
   how often `names.mixed-spelling` reports the planted minority spelling. Pairs: JRC-Names (by category)
   and the news-style variants in bench/name_pairs.py.
2. Merges: plant two different people the same way; any finding on them is a merge.
3. False alarms: run over every article of both corpora with nothing planted; findings per 1,000
   articles, each written to --findings for reading (the corpora hold genuine inconsistencies too).

    /tmp/venv/bin/python bench/evaluate_names.py [--limit N] [--findings /tmp/names-findings.tsv] [--halves] [--by-part]

With --halves, JRC recall is reported on two fixed halves: half a is the one whose misses were read while
developing the matcher, half b was never read, so b shows whether a gain is general or memorised. With
--by-part, JRC spelling recall is also split by what differs between the two names: only accents, nothing
once transliteration is folded, the first names only, the last name only, both, or the number of words.

The corpora and JRC-Names are read from ../shared/data and never copied into the project.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from name_pairs import Pair, jrc_different_people, jrc_variants, namesakes, news_variants  # noqa: E402
from newslint.document import Document  # noqa: E402
from newslint.engine import Engine  # noqa: E402
from newslint.kinds.name_keys import plain, skeleton  # noqa: E402
from newslint.ruleset import builtin_rules_dir, load_rule_file  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPORA = {"bbc-news": DATA / "bbc-news", "reuters-21578": DATA / "reuters-21578"}
RULE = "names.mixed-spelling"
# Sentences written for the evaluation; the name fills each, as first, middle and last mention.
FIRST = ["{name} said on Tuesday that the talks would continue next week.",
         "Officials close to {name} declined to comment on the report.",
         "The statement was issued by {name} after a meeting in the capital."]
MIDDLE = ["A spokesman for {name} said no decision had been taken.",
          "{name} has rejected the proposal twice this year.",
          "Critics of {name} say the plan goes too far."]
LAST = ["{name} is due to speak again later this week.",
        "Aides said {name} would travel abroad in the spring.",
        "Supporters of {name} gathered outside the building on Friday."]


def articles(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt"))


_ENGINE: Engine | None = None


def engine() -> Engine:
    global _ENGINE
    if _ENGINE is None:
        rules = [r for r in load_rule_file(builtin_rules_dir() / "names.yaml") if r.id == RULE]
        _ENGINE = Engine(rules)
    return _ENGINE


def findings_of(path: str, text: str) -> list:
    return engine().check(Document(path, text))[0]


# Planting ---------------------------------------------------------------------------------------


def plant(host: str, pair: Pair, rng: random.Random) -> tuple[str, list[tuple[int, int]], tuple[int, int]]:
    """The host article with the pair planted as three new paragraphs (four with a bare last name); offsets
    of the other planted names (the majority uses, the bare name) and of the minority use."""
    paragraphs = host.split("\n\n")
    inserts = [(1, rng.choice(FIRST), pair.majority), (len(paragraphs) // 2 + 1, rng.choice(MIDDLE), pair.majority),
               (len(paragraphs) + 2, rng.choice(LAST), pair.minority)]
    if pair.bare:
        inserts.append((len(paragraphs) + 3, rng.choice(MIDDLE), pair.bare))
    for index, template, name in inserts:
        paragraphs.insert(min(index, len(paragraphs)), template.replace("{name}", name, 1))
    text = "\n\n".join(paragraphs)
    spans, position = [], 0
    for _, template, name in inserts:
        start = text.index(template.replace("{name}", name, 1), position) + template.index("{name}")
        spans.append((start, start + len(name)))
        position = start
    return text, spans[:2] + spans[3:], spans[2]


def _overlaps(document: Document, finding, span: tuple[int, int]) -> bool:
    line, column = document.position(span[0])
    end_line, end_column = document.position(span[1])
    return finding.line == line and column <= finding.column < end_column


def _trial(job) -> tuple[Pair, bool, bool]:
    """(pair, minority reported, any planted name reported)."""
    pair, host_path, seed = job
    host = Document.read(host_path).raw
    text, others, minority = plant(host, pair, random.Random(seed))
    document = Document("planted.txt", text)
    found = engine().check(document)[0]
    hit_minority = any(_overlaps(document, f, minority) for f in found)
    hit_any = hit_minority or any(_overlaps(document, f, span) for f in found for span in others)
    return pair, hit_minority, hit_any


def _corpus_findings(path: Path) -> list[tuple[str, int, int, str, str]]:
    document = Document.read(str(path))
    return [(str(path), f.line, f.column, f.text, f.message) for f in engine().check(document)[0]]


# Report -----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="at most this many pairs per source (0: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--findings", default="/tmp/names-findings.tsv", help="where to write corpus findings")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--halves", action="store_true",
                        help="report JRC recall on two fixed halves of the pairs (a: looked at while developing, b: not)")
    parser.add_argument("--by-part", action="store_true", help="split JRC spelling recall by the part of the name that differs")
    parser.add_argument("--misses", action="store_true",
                        help="print the missed pairs of half a and the news sets (never half b's: it stays unread)")
    args = parser.parse_args()
    hosts = [p for corpus in CORPORA.values() for p in articles(corpus)]
    positives = news_variants() + jrc_variants()
    if args.halves:
        positives = [_halved(pair) for pair in positives]
    if args.by_part:
        positives = [_by_part(pair) for pair in positives]
    random_people, jrc_namesakes = jrc_different_people(args.limit or 2000, args.seed)
    negatives = namesakes() + random_people + jrc_namesakes
    with Pool(args.jobs) as pool:
        report_planted(pool, "Recall (planted minority spelling reported)", positives, hosts, args.seed, args.limit, 1,
                       args.misses and args.halves)
        report_planted(pool, "Different people merged (any planted name reported)", negatives, hosts, args.seed,
                       args.limit, 2)
        report_corpora(pool, args.findings)


def _halved(pair: Pair) -> Pair:
    """The pair labelled with its fixed half (by CRC32 of the two names), so that recall on pairs nobody
    read while tuning can be told from recall on pairs that were read."""
    if not pair.source.startswith("jrc-"):
        return pair
    half = "a" if zlib.crc32(f"{pair.majority}\t{pair.minority}".encode()) % 2 == 0 else "b"
    return dataclasses.replace(pair, source=f"{pair.source}/{half}")


def _by_part(pair: Pair) -> Pair:
    """A JRC spelling pair labelled with what differs between its two names, word by word: "accents" (only
    diacritics), "folded" (nothing once transliteration is folded), "given" (first or middle names only),
    "last" (the last name only), "both", or "words" (a word more or fewer)."""
    if not pair.source.startswith("jrc-spelling"):
        return pair
    words, other = pair.majority.split(), pair.minority.split()
    if len(words) != len(other):
        part = "words"
    elif all(plain(a) == plain(b) for a, b in zip(words, other)):
        part = "accents"
    else:
        differ = {i for i, (a, b) in enumerate(zip(words, other)) if skeleton(a) != skeleton(b)}
        last = len(words) - 1
        part = "folded" if not differ else "last" if differ == {last} else "both" if last in differ else "given"
    return dataclasses.replace(pair, source=f"{pair.source}/{part}")


def _limited(pairs: list[Pair], limit: int) -> list[Pair]:
    by_source: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_source[pair.source].append(pair)
    return [pair for group in by_source.values() for pair in (group[:limit] if limit else group)]


def report_planted(pool, title: str, pairs: list[Pair], hosts: list[Path], seed: int, limit: int, column: int,
                   misses: bool = False) -> None:
    pairs = _limited(pairs, limit)
    jobs = []
    for pair in pairs:
        # Each pair draws its host from its own names, so adding a pair moves no other pair's host.
        draw = random.Random(zlib.crc32(f"{seed}\t{pair.majority}\t{pair.minority}".encode()))
        jobs.append((pair, str(draw.choice(hosts)), draw.randrange(1 << 30)))
    totals, hits, missed = Counter(), Counter(), []
    for pair, minority, any_name in pool.imap(_trial, jobs, chunksize=32):
        totals[pair.source] += 1
        hits[pair.source] += (minority, any_name)[column - 1]
        if misses and not minority and _readable(pair.source):
            missed.append(pair)
    print(f"\n{title}")
    width = max([16, *map(len, totals)])
    for source in sorted(totals):
        print(f"  {source:<{width}} {hits[source]:>5} / {totals[source]:<5} = {hits[source] / totals[source]:.3f}")
    for pair in sorted(missed, key=lambda pair: pair.source):
        print(f"  missed {pair.source}: {pair.majority} | {pair.minority}")


def _readable(source: str) -> bool:
    """May a miss from `source` be read? Half a's spelling pairs and the news sets; never half b's."""
    return source.startswith("news") or source.startswith("jrc-spelling/a") or source.startswith("jrc-single/a")


def report_corpora(pool, findings_path: str) -> None:
    print("\nFalse alarms on unplanted corpora (findings to read before counting them as false)")
    with open(findings_path, "w", encoding="utf-8") as out:
        for name, corpus in CORPORA.items():
            paths = articles(corpus)
            start = time.perf_counter()
            rows = [row for result in pool.imap(_corpus_findings, paths, chunksize=64) for row in result]
            seconds = time.perf_counter() - start
            for row in rows:
                out.write("\t".join(map(str, row)) + "\n")
            files = len({row[0] for row in rows})
            print(f"  {name:<14} {len(rows):>4} findings in {files} of {len(paths)} articles = "
                  f"{1000 * len(rows) / len(paths):.1f} per 1,000 articles ({seconds:.1f} s)")
    print(f"  findings written to {findings_path}")


if __name__ == "__main__":
    main()
