"""Run rules over documents, in worker processes when there are many, then the cross-file pass."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from newslint import kinds, suppression, visible
from newslint.config import Config
from newslint.decoding import BinaryFile
from newslint.document import Document, read_bytes, unified_line_breaks
from newslint.errors import NewslintError, shown
from newslint.finding import Finding, Hit
from newslint.patterns import PatternTimeout
from newslint.kinds.base import CrossHit, Kind
from newslint.records import record
from newslint.ruleset import Rule, builtin_rule_files, load_rules

# Below this many files a worker pool costs more than it saves.
PARALLEL_MIN_FILES = 16
# During a run, how many collections of the middle generation a full one waits for (Python: 10).
FULL_COLLECTION_RARITY = 1000


class Engine:
    """The kinds selected by one configuration, ready to check documents."""

    def __init__(self, rules: list[Rule], known_ids: frozenset[str] = frozenset()):
        self.rules = rules
        # Every loaded rule, run or not, and the suppression check, which is selected like any rule.
        self.known_ids = known_ids | {rule.id for rule in rules} | {suppression.UNKNOWN_RULE.id}
        self.kinds: list[Kind] = [kinds.create(rule) for rule in rules]
        if any(rule.kind == "substitution" for rule in rules):
            from newslint.kinds.substitution import check_agreement

            check_agreement(self.kinds)
        for kind in self.kinds:
            kind.alongside(self.kinds)
        self._by_unit = {unit: [k for k in self.kinds if k.unit == unit] for unit in ("document", "paragraph", "sentence")}
        self.cross_file = [k for k in self.kinds if k.cross_file]
        self.stopped: set[str] = set()  # rules whose pattern overran its time budget
        self.stopped_here: list[str] = []  # what was stopped on the document checked last

    def check(self, document: Document) -> tuple[list[Finding], dict[str, object]]:
        findings = []
        document.copies.clear()  # this engine's duplicate rule notes them afresh
        self.stopped_here = []
        for kind in self._by_unit["document"]:
            findings.extend(self._run(kind, document, document))
        paragraph_kinds, sentence_kinds = self._by_unit["paragraph"], self._by_unit["sentence"]
        if paragraph_kinds or sentence_kinds:
            for paragraph in document.paragraphs:
                for kind in paragraph_kinds:
                    if kind.could_match(paragraph):
                        findings.extend(self._run(kind, document, paragraph))
                # Each kind is asked once a paragraph, not once a sentence, whether it can find anything.
                active = [kind for kind in sentence_kinds if kind.could_match(paragraph)]
                for sentence in paragraph.sentences if active else ():
                    for kind in active:
                        findings.extend(self._run(kind, document, sentence))
        summaries = {kind.rule.id: kind.summarize(document) for kind in self.cross_file}
        if document.copies:
            findings = _once_per_copy(document, findings)
        return sorted(findings), summaries

    def _run(self, kind: Kind, document: Document, unit) -> list[Finding]:
        """One kind on one unit. A rule whose pattern overran its time budget is stopped for the rest of the
        run (in this process): a hung CI job helps no one, and the message names the rule to fix."""
        if kind.rule.id in self.stopped:
            return []
        try:
            return [self._finding(kind.rule, document, hit) for hit in kind.check(unit)]
        except PatternTimeout as error:
            self.stopped.add(kind.rule.id)
            self.stopped_here.append(f"rule {kind.rule.id} stopped ({shown(kind.rule.path)}:{kind.rule.line}): {error.message}")
            return []

    @staticmethod
    def _finding(rule: Rule, document: Document, hit: Hit) -> Finding:
        line, column = document.position(hit.start)
        end_line, end_column = document.position(hit.end)
        text = document.written(hit.start, hit.end)
        fix = (hit.start, hit.end, hit.replacement) if hit.replacement is not None else None
        return Finding(document.path, line, column, end_line, end_column, rule.id, rule.severity,
                       rule.message.format(text=_quoted(text), **hit.values), text, fix)


def _once_per_copy(document: Document, findings: list[Finding]) -> list[Finding]:
    """Without the findings inside a pasted copy that repeat one on the original (same rule, same words, the
    same distance back as the copy): one mistake in a block pasted twice is one finding, and deleting the
    copy, as the duplicate finding says, leaves the one on the original."""
    # Compared as the copy was found, line breaks unified: a block pasted from a CRLF file into an LF one.
    where = {(f.rule, unified_line_breaks(f.text), document.offset(f.line, f.column)) for f in findings}

    def repeated(finding: Finding) -> bool:
        offset, text = document.offset(finding.line, finding.column), unified_line_breaks(finding.text)
        return any(start <= offset < end and finding.rule != rule and (finding.rule, text, offset - back) in where
                   for start, end, back, rule in document.copies)

    return [f for f in findings if not repeated(f)]


def _cross_finding(rule: Rule, hit: CrossHit) -> Finding:
    return Finding(hit.path, hit.line, hit.column, hit.end_line, hit.end_column, rule.id, rule.severity,
                   rule.message.format(text=_quoted(hit.text), **hit.values), hit.text)


def _quoted(text: str) -> str:
    """Flagged words as a message quotes them: as seen on screen (a soft hyphen inside "Ki\u00adev" shows as a
    hyphen in some terminals and as nothing in others), and on one line when they wrap ("It is widely" /
    "believed that"), so that each finding stays one `path:line:col:` line for editors and CI problem
    matchers. The finding's `text` keeps them as written."""
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text if text.isascii() else visible.drop_invisible(text)


# Engines per configuration, cached for the life of the process (and inherited by forked workers).
_ENGINES: dict[Config, Engine] = {}


def engine_for(config: Config) -> Engine:
    if config not in _ENGINES:
        rules = load_rules([*builtin_rule_files(), *config.rule_files])
        selected = config.selected(rules)
        for rule in selected:
            rule.severity = config.severity_of(rule)
        _ENGINES[config] = Engine(selected, frozenset(rule.id for rule in rules))
    return _ENGINES[config]


@record
class Task:
    path: str
    config: Config
    data: bytes | None = None  # stdin's bytes; files are read in the worker
    cache: str | None = None  # the folder of `resultcache`, with --cache


class FileResult:
    """What checking one file gave; filled in by `check_task` (a plain class: a dataclass costs a one-file
    run about a millisecond to define)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.summaries: dict[str, object] = {}
        self.notice: str | None = None  # read, with a caveat (encoding guessed)
        self.skipped: str | None = None  # not checked, and why (binary)
        self.error: str | None = None  # could not be checked
        self.stopped: list[str] = []  # rules stopped on this file for running too long
        self.suppressions: suppression.Suppressions | None = None  # inline `newslint-disable` ranges


@record
class Report:
    findings: list[Finding]
    results: list[FileResult]
    rules: list[Rule]  # every rule that ran on some file, for reporters that describe rules

    @property
    def checked(self) -> int:
        return sum(1 for r in self.results if not r.error and not r.skipped)

    @property
    def unreadable(self) -> bool:
        """Nothing could be checked because no path could be read: an input error, not a clean run."""
        return not self.checked and any(r.error for r in self.results)


def check_task(task: Task) -> FileResult:
    result = FileResult(task.path)
    try:
        data = read_bytes(task.path) if task.data is None else task.data
        if task.cache:
            from newslint import resultcache

            kept = resultcache.load(task.cache, task.path, task.config, data)
            if kept is not None:
                return kept
        document = Document.from_bytes(task.path, data)
    except BinaryFile as why:
        result.skipped = str(why)
        return result
    except NewslintError as error:
        result.error = error.message
        return result
    result.notice = document.notice
    engine = engine_for(task.config)
    findings, result.summaries = engine.check(document)
    result.stopped = engine.stopped_here
    result.findings, result.suppressions = suppression.apply(document, findings, engine.known_ids, task.config)
    document.release()  # freed now by reference counting, not traced by the garbage collector first
    if task.cache and not engine.stopped:  # a rule stopped on any file so far is missing from this one too
        resultcache.store(task.cache, task.path, task.config, data, result)
    return result


def engines_for(tasks: list[Task]) -> list[Engine]:
    """One engine per configuration the tasks use, in task order."""
    return [engine_for(config) for config in dict.fromkeys(task.config for task in tasks)]


def run(tasks: list[Task], jobs: int = 0, on_progress: Callable[[int, int], None] | None = None) -> Report:
    """Check every task; `jobs` 0 means one worker per core. Output order never depends on `jobs`."""
    engines = engines_for(tasks)  # rules loaded and validated once, before any worker starts
    # The modules, rules and kinds loaded so far live as long as the run: out of the garbage collector's
    # reach, it does not trace them again at every collection, and forked workers keep sharing their pages.
    gc.freeze()
    # A full collection traverses every object still alive, and a long run keeps every file's findings and
    # summaries and the cross-file index: at Python's default rate, full collections cost a serial run over
    # the Reuters corpus a fifth of its CPU. Each document's own cycles die young and are still freed by
    # the younger generations; only the full collections are made rarer, for the length of the run.
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(thresholds[0], thresholds[1], FULL_COLLECTION_RARITY)
    gc.enable()  # `entry` turns it off while loading: checking files makes garbage, loading does not
    results: list[FileResult] = []
    arriving = _collecting(_results(tasks, jobs), results, len(tasks), on_progress)
    try:
        cross = _cross_file_pass(tasks, engines, results, arriving)
    finally:
        arriving.close()  # interrupted while joining: stop the workers now, not when the traceback goes
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()
    findings = [finding for result in results for finding in result.findings]
    findings.extend(suppression.drop_suppressed(cross, {r.path: r.suppressions for r in results}))
    rules = {rule.id: rule for engine in engines for rule in engine.rules}
    if any(f.rule == suppression.UNKNOWN_RULE.id for f in findings):
        rules[suppression.UNKNOWN_RULE.id] = suppression.UNKNOWN_RULE
    return Report(sorted(findings), results, [rules[k] for k in sorted(rules)])


def _collecting(stream: Iterable[FileResult], results: list[FileResult], total: int,
                on_progress: Callable[[int, int], None] | None) -> Iterator[FileResult]:
    """Each result as it arrives, kept in `results` (in task order) and counted for the progress bar."""
    for done, result in enumerate(stream, 1):
        results.append(result)
        if on_progress:
            on_progress(done, total)
        yield result


def _results(tasks: list[Task], jobs: int) -> Iterable[FileResult]:
    jobs = _workers(jobs, len(tasks))
    if jobs == 1 or len(tasks) < PARALLEL_MIN_FILES:
        return map(check_task, tasks)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers inherit the loaded rules; start-up elsewhere would reload them per worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_worker_start)
    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    return _closing(executor, executor.map(check_task, tasks, chunksize=chunk))


def _workers(jobs: int, files: int) -> int:
    """How many worker processes `--jobs` gets: never more than the files (an idle worker still costs a
    process start), nor more than four per core. Checking copy is CPU-bound, so workers past the cores help
    only while files wait on a slow network share; `-j 100000` must not start thousands of processes."""
    cores = os.cpu_count() or 1
    limit = min(files, 4 * cores)
    if sys.platform == "win32":
        limit = min(limit, 61)  # ProcessPoolExecutor refuses more: Windows waits on at most 63 handles at once
    return max(1, min(jobs or cores, limit))


def _worker_start() -> None:
    """Workers leave Ctrl-C to the main process, which stops them: the terminal sends SIGINT to every
    process in the group, and a traceback from each worker would bury the one line that matters."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _closing(executor, results):
    try:
        yield from results
    except BaseException:
        # Interrupted or failed: stop the workers now instead of letting them finish the queue.
        executor.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.terminate()
        raise
    executor.shutdown()


def _cross_file_pass(tasks: list[Task], engines: list[Engine], results: list[FileResult],
                     arriving: Iterator[FileResult]) -> list[Finding]:
    """Join per-file summaries by rule id; each rule's kind from the first of `engines` (one per
    configuration, in task order) that runs it.

    `arriving` yields the results as the workers finish them, in task order. When that is also path order
    (one folder, or files named in order: the usual run), the first cross-file rule joins each file as it
    arrives, so the main process does that work while the workers still check files instead of after
    them. Any other rule, or files out of path order, are joined once every file is in."""
    finishers: dict[str, Kind] = {}
    for engine in engines:
        for kind in engine.cross_file:
            finishers.setdefault(kind.rule.id, kind)
    findings = []
    ordered = sorted(finishers.items())
    if ordered and all(a.path <= b.path for a, b in zip(tasks, tasks[1:])):
        rule_id, kind = ordered.pop(0)
        streamed = ((r.path, r.summaries[rule_id]) for r in arriving if rule_id in r.summaries)
        findings.extend(_cross_finding(kind.rule, hit) for hit in kind.finish(streamed))
    for _ in arriving:
        pass  # every result is in `results` before the other rules are joined
    for rule_id, kind in ordered:
        # sorted() is stable: files with the same path (standard input twice) keep task order.
        summaries = sorted(((r.path, r.summaries[rule_id]) for r in results if rule_id in r.summaries),
                           key=lambda item: item[0])
        findings.extend(_cross_finding(kind.rule, hit) for hit in kind.finish(summaries))
    return findings
