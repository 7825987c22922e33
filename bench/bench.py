"""Benchmark newslint against other prose linters, each timed as a whole process on the same files.

    python bench/bench.py                         # everything: installs peers on first run
    python bench/bench.py --corpus one,bbc --peers write-good,proselint
    python bench/bench.py --peers none            # newslint only

Corpora (read in place from ../shared/data, never copied into the repository):
  one       one short article, run --repeat times, median reported (start-up cost)
  bbc       the 2,225 BBC articles (*/*.txt)
  reuters   the 10,000 Reuters stories (*.txt)
  planted   a temporary copy of Reuters with near-duplicate paragraphs planted across files, run with
            --select duplicates: time, recall of the plants, every real repeated story found, and recall
            against an exhaustive pairwise comparison on a sample
  scale     peak RSS of newslint at 1,000 and 10,000 Reuters stories
  long      one file holding Reuters stories as a single paragraph on one line, at 0.25, 0.5, 1 and 2 MB:
            MB/s that falls as the file grows means work that grows faster than the text
  rerun     a temporary copy of Reuters checked with --cache: the run that fills the cache, a second run,
            and a run after editing 1% of the stories, each timed and its output compared with a run
            without the cache (not in the default set: `--corpus rerun`)
"""

from __future__ import annotations

import argparse
import atexit
import functools
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import duplicates  # noqa: E402
import measure  # noqa: E402
import peers as peer_tools  # noqa: E402

DATA = Path(os.environ.get("NEWSLINT_BENCH_DATA", HERE.parent.parent / "shared" / "data"))
CORPORA = ("one", "bbc", "reuters", "planted", "scale", "long")
MB = 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=",".join(CORPORA), help="comma-separated: " + ", ".join(CORPORA) + " (the default), rerun")
    parser.add_argument("--peers", default=",".join(peer_tools.PEER_NAMES),
                        help="comma-separated peers to run beside newslint, or 'none'")
    parser.add_argument("--install-peers", action="store_true", help="install missing peers and exit")
    parser.add_argument("--no-install", action="store_true", help="do not install missing peers")
    parser.add_argument("--repeat", type=int, default=7, help="runs of the one-article case (median reported)")
    parser.add_argument("--jobs", type=int, default=0, help="newslint --jobs (0: one per core)")
    parser.add_argument("--article", default=str(DATA / "bbc-news" / "business" / "001.txt"))
    parser.add_argument("--plants", type=int, default=500, help="near-duplicate paragraphs to plant")
    parser.add_argument("--sample", type=int, default=400, help="files in the exhaustive-comparison sample")
    parser.add_argument("--json", dest="json_out", help="also write all figures to this JSON file")
    args = parser.parse_args()
    if not (DATA / "bbc-news").is_dir() or not (DATA / "reuters-21578").is_dir():
        parser.error(f"no corpora under {DATA}: set NEWSLINT_BENCH_DATA to the folder holding bbc-news/ and reuters-21578/")

    problems = {}
    wanted = [] if args.peers == "none" else [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = set(wanted) - set(peer_tools.PEER_NAMES)
    if unknown:
        parser.error(f"unknown peer(s): {', '.join(sorted(unknown))}")
    if wanted and not args.no_install or args.install_peers:
        problems = peer_tools.install(log=lambda message: print(message, file=sys.stderr))
    if args.install_peers:
        for peer in peer_tools.available(problems).values():
            print(f"{peer.name:<11} {peer.version:<8} {'ok' if peer.argv else peer.problem}")
        return 1 if problems else 0
    available = peer_tools.available(problems)
    tools = {"newslint": newslint_argv(args.jobs)}
    for name in wanted:
        peer = available[name]
        if peer.argv is None:
            print(f"peer {name} {peer.version}: NOT RUN ({peer.problem})", file=sys.stderr)
        tools[name] = peer
    corpora = [c.strip() for c in args.corpus.split(",") if c.strip()]
    results = {"machine": machine(), "versions": versions(available, wanted), "corpora": {}}

    for corpus in corpora:
        if corpus == "one":
            results["corpora"]["one"] = bench_files("one article", [Path(args.article)], tools, args.repeat)
        elif corpus == "bbc":
            files = bbc_files()
            results["corpora"]["bbc"] = bench_files(f"BBC ({len(files):,} articles)", files, tools, 1)
        elif corpus == "reuters":
            files = reuters_files()
            results["corpora"]["reuters"] = bench_files(f"Reuters ({len(files):,} stories)", files, tools, 1)
        elif corpus == "planted":
            results["corpora"]["planted"] = bench_planted(tools["newslint"], args.plants, args.sample)
        elif corpus == "scale":
            results["corpora"]["scale"] = bench_scale(tools["newslint"])
        elif corpus == "long":
            results["corpora"]["long"] = bench_long(tools["newslint"])
        elif corpus == "rerun":
            results["corpora"]["rerun"] = bench_rerun(tools["newslint"])
        else:
            parser.error(f"unknown corpus {corpus!r}")
    report(results)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n")
    return 0


def newslint_argv(jobs: int) -> list[str]:
    """The installed console script beside this Python, as a user runs it; `python -m newslint` otherwise.
    Without --jobs unless asked for, as the pre-commit hook runs it (one worker per core)."""
    script = Path(sys.executable).with_name("newslint")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]
    return [*base, "check", "--quiet", *([f"--jobs={jobs}"] if jobs else [])]


@functools.lru_cache(maxsize=1)
def newslint_env() -> dict:
    """As a user's shell has it: bytecode caching on (some sandboxes turn it off), no CI marker, no colour.
    The rule and pattern cache is this run's own, filled by the first warm-up: a user's holds the shipped
    rules, not the thousands of candidate patterns a developer's tuning runs leave in theirs (and which
    every start would read)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NEWSLINT_NO_CACHE")}
    cache = tempfile.TemporaryDirectory(prefix="newslint-bench-cache-")
    atexit.register(cache.cleanup)
    env["NEWSLINT_CACHE_DIR"] = cache.name
    return env


def reuters_files() -> list[Path]:
    return sorted((DATA / "reuters-21578").glob("*.txt"), key=lambda p: p.name)


def bbc_files() -> list[Path]:
    return sorted((DATA / "bbc-news").glob("*/*.txt"))


def bench_files(label: str, files: list[Path], tools: dict, repeat: int) -> dict:
    size = sum(f.stat().st_size for f in files)
    names = [str(f.absolute()) for f in files]  # alex and textlint run in their own folder
    print(f"\n== {label}: {len(files):,} files, {size / MB:.2f} MB", file=sys.stderr)
    rows = {}
    for name, tool in tools.items():
        if name == "newslint":
            argv, cwd, env = tool, None, newslint_env()
        elif tool.argv is None:
            rows[name] = {"error": f"not installed: {tool.problem}"}
            continue
        else:
            argv, cwd, env = tool.argv, tool.cwd, None
        measure.run([*argv, names[0]], cwd=cwd, env=env)  # warm-up: disk cache, bytecode, rule cache
        runs = [measure.run([*argv, *names], cwd=cwd, env=env) for _ in range(repeat)]
        failed = next((r.error for r in runs if r.error), None)
        wall = statistics.median(r.wall for r in runs)
        row = {"wall": wall, "walls": [r.wall for r in runs], "max_rss": max(r.max_rss for r in runs),
               "tree_rss": max(r.tree_rss for r in runs), "articles_per_s": len(files) / wall,
               "mb_per_s": size / MB / wall, "output_lines": runs[0].output_lines, "error": failed}
        rows[name] = row
        print(f"   {name:<11} {wall:8.3f} s  {row['max_rss'] / MB:7.1f} MiB" + (f"  FAILED {failed}" if failed else ""),
              file=sys.stderr)
    return {"label": label, "files": len(files), "bytes": size, "tools": rows}


def bench_planted(newslint: list[str], count: int, sample_size: int) -> dict:
    files = reuters_files()
    work = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        print(f"\n== planted: copying {len(files):,} Reuters stories to {work}, planting {count}", file=sys.stderr)
        plants = duplicates.plant(files, work, count)
        copies = sorted(str(p) for p in work.glob("*.txt"))
        groups_files = duplicates.repeated_groups([Path(p) for p in copies], body_only=False)
        groups_bodies = duplicates.repeated_groups([Path(p) for p in copies], body_only=True)
        argv = [*newslint, "--select", "duplicates", "--format", "json"]
        measure.run([*argv, copies[0]], env=newslint_env())
        run = measure.run([*argv, *copies], env=newslint_env(), keep_stdout=True)
        findings = duplicates.load_findings(run.stdout)
        matches = in_child(duplicates.index_matches, copies)
        found, exact = duplicates.recall_of_plants(plants, matches)
        file_repeats = duplicates.repeats_found(groups_files, findings)
        body_repeats = duplicates.repeats_found(groups_bodies, findings)
        print(f"   newslint {run.wall:.2f} s, plants found {found}/{len(plants)}", file=sys.stderr)

        # The sample: every planted pair, topped up with other files, compared exhaustively.
        import random

        rng = random.Random(11)
        quarter = sample_size // 4
        chosen = {p for plant in rng.sample(plants, min(len(plants), quarter // 2)) for p in (plant.source, plant.target)}
        chosen |= {p for g in rng.sample(groups_bodies, min(len(groups_bodies), quarter // 2)) for p in g}
        others = [p for p in copies if p not in chosen]
        sample = sorted(chosen | set(rng.sample(others, max(0, sample_size - len(chosen)))))
        started = time.perf_counter()
        truth = in_child(duplicates.exhaustive_truth, sample, 90)
        exhaustive_wall = time.perf_counter() - started
        sample_found = set(in_child(duplicates.index_matches, sample))
        hits = len(truth & sample_found)
        return {
            "files": len(copies), "wall": run.wall, "max_rss": run.max_rss, "tree_rss": run.tree_rss,
            "error": run.error, "findings": len(findings),
            "matches": len(matches), "matches_reported": duplicates.reported(matches, findings),
            "plants": len(plants), "plants_found": found, "plants_found_with_source": exact,
            "plant_similarity_min": min(p.similarity for p in plants),
            "repeated_files": file_repeats, "repeated_bodies": body_repeats,
            "groups_files": len(groups_files), "groups_bodies": len(groups_bodies),
            "sample_files": len(sample), "sample_truth": len(truth), "sample_found": hits,
            "sample_extra": len(sample_found - truth), "exhaustive_wall": exhaustive_wall,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def in_child(function, *args):
    """`function(*args)` in a fresh process. Work that reads the corpus in this process would grow it, and a
    process started from it counts the memory it had at the fork in its peak RSS (wait4's ru_maxrss)."""
    import concurrent.futures
    import multiprocessing

    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def bench_scale(newslint: list[str]) -> dict:
    files = [str(f) for f in reuters_files()]
    rows = {}
    print("\n== scale", file=sys.stderr)
    for n in (1000, len(files)):
        run = measure.run([*newslint, *files[:n]], env=newslint_env())
        rows[n] = {"wall": run.wall, "max_rss": run.max_rss, "tree_rss": run.tree_rss, "error": run.error}
        print(f"   {n:>6} files  {run.wall:6.2f} s  {run.max_rss / MB:6.1f} MiB (tree {run.tree_rss / MB:.1f})",
              file=sys.stderr)
    return rows


def bench_long(newslint: list[str]) -> dict:
    """One ever longer line: a pasted feed or a file with no paragraph breaks must cost time in proportion."""
    text = " ".join(" ".join(f.read_text(encoding="utf-8", errors="replace").split()) for f in reuters_files())
    rows = {}
    print("\n== long", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="newslint-bench-long-") as folder:
        for size in (MB // 4, MB // 2, MB, 2 * MB):
            path = Path(folder) / f"line-{size}.txt"
            path.write_text(text[:size].rsplit(" ", 1)[0] + "\n", encoding="utf-8")
            if not rows:
                measure.run([*newslint, str(path)], env=newslint_env())  # warm-up: fills the cache
            run = measure.run([*newslint, str(path)], env=newslint_env())
            rows[size] = {"wall": run.wall, "max_rss": run.max_rss, "error": run.error}
            print(f"   {size / MB:5.2f} MB  {run.wall:6.2f} s  {size / MB / run.wall:5.2f} MB/s", file=sys.stderr)
    return rows


def bench_rerun(newslint: list[str], edited_share: float = 0.01) -> dict:
    """An archive audit run again: with `--cache`, a second run reads back what the first found, and after
    an edit only the edited stories are checked again. Every cached run's output must be byte-identical to
    a run without the cache over the same files."""
    files = reuters_files()
    work = Path(tempfile.mkdtemp(prefix="newslint-bench-rerun-"))
    try:
        print(f"\n== rerun: {len(files):,} Reuters stories copied to {work}", file=sys.stderr)
        for path in files:
            shutil.copyfile(path, work / path.name)
        argv = [*newslint, "--format", "json", str(work)]
        env = {**newslint_env(), "NEWSLINT_CACHE_DIR": str(work / ".cache")}  # an empty results cache
        measure.run([*newslint, str(files[0])], env=env)  # warm-up: rule cache, bytecode
        rows = {}

        def timed(label: str) -> None:
            plain = measure.run(argv, env=env, keep_stdout=True)
            cached = measure.run([*argv[:-1], "--cache", argv[-1]], env=env, keep_stdout=True)
            rows[label] = {"wall": cached.wall, "uncached_wall": plain.wall, "same": cached.stdout == plain.stdout,
                           "error": cached.error or plain.error}
            print(f"   {label:<16} --cache {cached.wall:6.2f} s, without {plain.wall:6.2f} s, "
                  f"output {'identical' if rows[label]['same'] else 'DIFFERENT'}", file=sys.stderr)

        timed("filling")
        timed("second run")
        edited = sorted(work.glob("*.txt"))[:: round(1 / edited_share)]
        for path in edited:
            with path.open("a", encoding="utf-8") as story:
                story.write("\nCritics say the figures could potentially be revised.\n")
        timed(f"{len(edited)} edited")
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform,
            "load": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M:%S")}


def versions(available: dict, wanted: list[str]) -> dict:
    from importlib.metadata import version

    found = {"newslint": version("newslint")}
    for name in wanted:
        found[name] = available[name].version
    return found


# Runs of newslint alone at several sizes: a title, and each size's line.
SIZED_RUNS = {
    "long": ("on one line of Reuters copy, by size", lambda size, row: f"{size / MB:5.2f} MB: {row['wall']:6.2f} s, "
             f"{size / MB / row['wall']:5.2f} MB/s, {row['max_rss'] / MB:6.1f} MiB"),
    "scale": ("peak RSS by corpus size, Reuters stories", lambda n, row: f"{n:>6} articles: {row['wall']:6.2f} s, "
              f"largest process {row['max_rss'] / MB:6.1f} MiB, whole process tree {row['tree_rss'] / MB:6.1f} MiB"),
}


def report(results: dict) -> None:
    print(f"\nnewslint benchmark  {results['machine']['when']}  cpus={results['machine']['cpus']}  "
          f"python {results['machine']['python']}  load {results['machine']['load'][0]:.2f}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in results["versions"].items()))
    for key, corpus in results["corpora"].items():
        if key == "planted":
            report_planted(corpus)
            continue
        if key == "rerun":
            print("\nnewslint --cache over a copy of the Reuters stories (default rules):")
            for label, row in corpus.items():
                print(f"  {label:<16} {row['wall']:6.2f} s with --cache, {row['uncached_wall']:6.2f} s without "
                      f"({row['uncached_wall'] / row['wall']:.1f}x); output "
                      f"{'byte-identical' if row['same'] else 'DIFFERENT'}" + (f"  {row['error']}" if row["error"] else ""))
            continue
        if key in SIZED_RUNS:
            title, describe = SIZED_RUNS[key]
            print(f"\nnewslint {title} (default rules):")
            for size, row in corpus.items():  # JSON keys: the sizes as strings
                print(f"  {describe(int(size), row)}" + (f"  {row['error']}" if row["error"] else ""))
            continue
        print(f"\n{corpus['label']}: {corpus['bytes'] / MB:.2f} MB")
        print(f"  {'tool':<11} {'wall s':>8} {'art/s':>9} {'MB/s':>7} {'peak RSS':>10} {'tree RSS':>10} "
              f"{'newslint/peer':>14} {'peer/newslint':>14}")
        ours = corpus["tools"].get("newslint", {}).get("wall")
        for name, row in corpus["tools"].items():
            if "wall" not in row:
                print(f"  {name:<11} {row['error']}")
                continue
            ratio = f"{ours / row['wall']:14.3f} {row['wall'] / ours:13.1f}x" if ours and name != "newslint" else ""
            wall = f"{row['wall'] * 1000:6.0f} ms" if corpus["files"] == 1 else f"{row['wall']:8.2f}"
            print(f"  {name:<11} {wall:>8} {row['articles_per_s']:9.1f} {row['mb_per_s']:7.2f} "
                  f"{row['max_rss'] / MB:7.1f} MiB {row['tree_rss'] / MB:6.1f} MiB {ratio}"
                  + (f"  FAILED: {row['error']}" if row["error"] else ""))


def report_planted(row: dict) -> None:
    print(f"\nCross-file duplicates, {row['files']:,} Reuters stories with {row['plants']} planted near-duplicates "
          f"(--select duplicates):")
    print(f"  wall {row['wall']:.2f} s, peak RSS {row['max_rss'] / MB:.1f} MiB (tree {row['tree_rss'] / MB:.1f} MiB), "
          f"{row['findings']} findings" + (f"  FAILED: {row['error']}" if row["error"] else ""))
    print(f"  paragraphs matched to an earlier file: {row['matches']}, each under a finding naming that file: "
          f"{row['matches_reported']}/{row['matches']}")
    print(f"  planted near-duplicates found: {row['plants_found']}/{row['plants']} = "
          f"recall {row['plants_found'] / max(1, row['plants']):.3f} ({row['plants_found_with_source']} matched to the "
          f"other copy; planted similarity >= {row['plant_similarity_min']:.1f})")
    found, total = row["repeated_files"]
    print(f"  real repeats, identical files: {row['groups_files']} groups, later copies reported {found}/{total}")
    found, total = row["repeated_bodies"]
    print(f"  real repeats, identical bodies: {row['groups_bodies']} groups, later copies reported {found}/{total}")
    print(f"  exhaustive pairwise check on {row['sample_files']} files: {row['sample_truth']} paragraphs with an earlier "
          f"match >= 90; newslint's index matched {row['sample_found']} = recall "
          f"{row['sample_found'] / max(1, row['sample_truth']):.3f}, and {row['sample_extra']} beyond them; "
          f"exhaustive took {row['exhaustive_wall']:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
