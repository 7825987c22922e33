"""In-process CPU time per file, per rule, and of the cross-file pass: figures that hold on a busy machine.

    python bench/cpu.py                       # both corpora, whole
    python bench/cpu.py --corpus reuters --limit 2000 --rules

Wall-clock time of a whole run moves with whatever else the machine is doing; the CPU time one process
spends on each file (time.process_time) moves much less, so compare changes with this (or with
`valgrind --tool=callgrind` instruction counts on a few hundred files) and confirm with bench/bench.py.
It checks files one after another, as `--jobs 1` does, after a warm-up on the first files so that
compiling rule patterns is not counted. --rules adds each rule's share, with the shared paragraph and
sentence structure worked out first and counted apart (otherwise the first rule to ask pays for it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import DATA, bbc_files, reuters_files  # noqa: E402  (bench/bench.py)
from newslint import runner  # noqa: E402
from newslint.engine import engine_for  # noqa: E402
from newslint.configsearch import ConfigFinder  # noqa: E402
from newslint.document import Document  # noqa: E402

CORPORA = {"reuters": reuters_files, "bbc": bbc_files}
WARM_UP = 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="reuters,bbc", help="comma-separated: " + ", ".join(CORPORA))
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    parser.add_argument("--rules", action="store_true", help="also each rule's CPU time per file")
    args = parser.parse_args()
    for corpus in (c.strip() for c in args.corpus.split(",") if c.strip()):
        paths = [str(p) for p in CORPORA[corpus]()][: args.limit or None]
        if not paths:
            print(f"no {corpus} files under {DATA} (set NEWSLINT_BENCH_DATA)", file=sys.stderr)
            return 2
        finder = ConfigFinder()
        tasks = [runner.Task(path, finder.for_path(path)) for path in paths]
        for task in tasks[:WARM_UP]:
            runner.check_task(task)
        start = time.process_time()
        results = [runner.check_task(task) for task in tasks]
        checked = time.process_time() - start
        start = time.process_time()
        runner._cross_file_pass(tasks, runner.engines_for(tasks), results, iter(results))
        joined = time.process_time() - start
        print(f"{corpus}: {len(tasks)} files, check {checked / len(tasks) * 1000:.2f} ms/file CPU "
              f"({checked:.1f} s), cross-file pass {joined:.2f} s CPU")
        if args.rules:
            for name, seconds in sorted(_per_rule(tasks).items(), key=lambda item: -item[1]):
                print(f"  {name:<34} {seconds / len(tasks) * 1000:.3f} ms/file")
    return 0


def _per_rule(tasks: list[runner.Task]) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)
    checker = engine_for(tasks[0].config)
    run = checker._run

    def timed(kind, document, unit):
        start = time.process_time()
        found = run(kind, document, unit)
        spent[kind.rule.id] += time.process_time() - start
        return found

    checker._run = timed
    try:
        for task in tasks:
            start = time.process_time()
            document = Document.read(task.path)
            spent["(read)"] += time.process_time() - start
            start = time.process_time()
            for paragraph in document.paragraphs:
                paragraph.word_index, paragraph.quotes
                for sentence in paragraph.sentences:
                    sentence.word_index
            spent["(paragraphs, sentences)"] += time.process_time() - start
            checker.check(document)
    finally:
        del checker._run
    return spent


if __name__ == "__main__":
    sys.exit(main())
