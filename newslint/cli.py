"""The `newslint` command: the only module that prints or exits."""

from __future__ import annotations

import atexit
import os
import signal
import sys

import click

from newslint.errors import NewslintError
from newslint.finding import Severity
from newslint.reporters import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_BUG = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # Ctrl-C, SIGTERM
LEVELS = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newslint", message="newslint %(version)s")
def main() -> None:
    """Lint news copy for duplicated paragraphs, unattributed claims, hedging and name spellings.

    Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or input error.
    """


def entry() -> None:
    """The `newslint` console script and `python -m newslint`: `main`, then a quick exit.

    Tearing the interpreter down (freeing every module, rule and kind one by one) costs a one-file run,
    the pre-commit case, a tenth of its time and does nothing a linter needs. So once the exit handlers
    have run (one saves the regex cache) and the output is flushed, the process ends at once. After a
    worker pool, the interpreter winds down as usual: its shutdown is what stops the pool's threads."""
    try:
        main()  # standalone click: every run, --help and usage errors included, ends in sys.exit(an int)
    except SystemExit as exit:
        if "concurrent.futures.process" in sys.modules:
            raise
        code = exit.code
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `newslint check drafts/ | head`: the report was cut short, so not exit 0
        code = code or EXIT_FINDINGS
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


def _run_options(command):
    """What is checked and with which rules: the options `check` and `baseline` share."""
    for option in reversed((
        click.argument("paths", nargs=-1, required=True, type=click.Path()),
        click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="Extra rule file (repeatable)."),
        click.option("--select", multiple=True, help="Run only these rule ids or sets (comma-separated)."),
        click.option("--enable", multiple=True, help="Also run these rules that are off by default (comma-separated)."),
        click.option("--ignore", multiple=True, help="Skip these rule ids or sets (comma-separated)."),
        click.option("--include", multiple=True, help="File-name globs to check in folders (repeatable).  "
                     "[default: *.txt, *.md, *.markdown]"),
        click.option("--exclude", multiple=True, help="Skip files matching this glob (repeatable)."),
        click.option("--config", "config_file", type=click.Path(), help="Use this config file instead of searching."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per core)."),
        click.option("--stdin-filename", help="With '-': the path the text would have (for config and Markdown)."),
        click.option("--quiet", "-q", is_flag=True, help="No notices on stderr."),
    )):
        command = option(command)
    return command


@main.command()
@_run_options
@click.option("--format", "output_format", type=click.Choice(tuple(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-level", type=LEVELS, help="Lowest severity that fails the run.  [default: warning]")
@click.option("--baseline", "baseline_file", type=click.Path(), help="Report only findings not in this baseline.")
@click.option("--changed-since", metavar="REF", help="Report only findings on lines changed since this git ref.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (house spellings, exact repeats) to the files.")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing.")
def check(output_format, fail_level, baseline_file, changed_since, fix, diff, **options) -> None:
    """Check files and folders (.txt, .md, .markdown); '-' reads standard input."""
    with _errors_exit():
        if fix and not diff and "-" in options["paths"]:
            raise NewslintError("--fix cannot write to standard input; use --diff")
        report, tasks = _run(fail_level=fail_level, **options)
        findings = _filtered(report.findings, tasks, changed_since, baseline_file, options["quiet"])
        if fix or diff:
            findings = _fixed(findings, tasks, diff, options["quiet"])
        report = report._replace(findings=findings)
        from newslint.reporters import reporter
        from newslint.verdict import FailLevels

        fail_levels = FailLevels({task.path: task.config.fail_level or Severity.WARNING for task in tasks},
                                 Severity.parse(fail_level) if fail_level else Severity.WARNING)
        failed = any(fail_levels.fails(f) for f in report.findings)

        stream = sys.stdout
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a file name that is not UTF-8 prints, escaped
        color = output_format == "text" and stream.isatty() and "NO_COLOR" not in os.environ
        reporter(output_format)(report, stream, failed=failed, fail_levels=fail_levels, color=color)
        if not report.checked and any(r.error for r in report.results):
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@main.command("baseline")
@_run_options
@click.option("--output", "-o", required=True, type=click.Path(), help="The baseline file to write.")
def baseline_command(output, **options) -> None:
    """Record today's findings, so that `check --baseline FILE` reports only new ones."""
    with _errors_exit():
        from newslint import baseline

        report, _ = _run(**options)
        if not report.checked and any(r.error for r in report.results):
            sys.exit(EXIT_ERROR)
        count = baseline.write(report.findings, output)
        click.echo(f"newslint: baseline of {count} finding{'s' if count != 1 else ''} in {report.checked} "
                   f"file{'s' if report.checked != 1 else ''} written to {output}.")


def _run(paths, rule_files, select, enable, ignore, include, exclude, config_file, jobs, stdin_filename, quiet,
         fail_level=None):
    """Find the files, check them, and say what could not be read: (report, tasks). The report's results
    include the paths never read (missing, or a pipe in a folder), so every format counts them alike."""
    from newslint.config import ConfigFinder, Overrides, check_names, split_names
    from newslint.engine import Task, engine_for, run
    from newslint.files import DEFAULT_INCLUDE, discover

    overrides = Overrides(
        rule_files=tuple(rule_files),
        select=split_names(select) or None,
        enable=split_names(enable),
        ignore=split_names(ignore),
        exclude=tuple(exclude),
        fail_level=Severity.parse(fail_level) if fail_level else None,
        config_file=config_file,
    )
    finder = ConfigFinder(overrides)
    tasks = []
    file_paths = [p for p in paths if p != "-"]
    found = discover(file_paths, include=tuple(include) or DEFAULT_INCLUDE, exclude=overrides.exclude,
                     is_excluded=lambda path: finder.for_path(path).excludes(path))
    for path in found.files:
        tasks.append(Task(path, finder.for_path(path)))
    if "-" in paths:
        name = stdin_filename or "<stdin>"
        config = finder.for_path(stdin_filename) if stdin_filename else finder.for_working_folder()
        tasks.append(Task(name, config, sys.stdin.buffer.read()))
    # With no file to check, names are checked against the rules a file here would get.
    configs = dict.fromkeys(t.config for t in tasks) or [finder.for_working_folder()]
    check_names({config: engine_for(config).known_ids for config in configs}, overrides)
    from newslint.progress import progress_for

    report = run(tasks, jobs, on_progress=progress_for(quiet))
    report.results[:0] = [_unread(path, error=problem) for path, problem in found.problems] + [
        _unread(path, skipped=reason) for path, reason in found.skipped]
    for result in report.results:
        for stopped in result.stopped:  # a rule file's runaway pattern, stopped rather than left to hang
            _say(f"error: {result.path}: {stopped}")
        if result.error:
            _say(f"error: {result.path}: {result.error}")
        elif result.skipped and not quiet:
            _say(f"notice: {result.path}: {result.skipped}")
        elif result.notice and not quiet:
            _say(f"notice: {result.path}: {result.notice}")
    return report, tasks


def _unread(path: str, error: str | None = None, skipped: str | None = None):
    from newslint.engine import FileResult

    result = FileResult(path)
    result.error, result.skipped = error, skipped
    return result


def _filtered(findings, tasks, changed_since, baseline_file, quiet):
    """Only findings on changed lines, then only those the baseline does not hold; says what was hidden."""
    if changed_since:
        from newslint.changes import only_changed

        kept = only_changed(findings, changed_since, [t.path for t in tasks if t.data is not None])
        if len(kept) < len(findings) and not quiet:
            _say(f"notice: {len(findings) - len(kept)} findings on lines unchanged since {changed_since} not shown")
        findings = kept
    if baseline_file:
        from newslint.baseline import new_findings

        findings, known = new_findings(findings, baseline_file)
        if known and not quiet:
            _say(f"notice: {known} findings already in {baseline_file} not shown")
    return findings


def _fixed(findings, tasks, diff_only, quiet):
    """Apply (or, with `diff_only`, print and exit) the safe fixes; the findings still standing."""
    from newslint import fixes

    plans = fixes.plan(findings, {t.path: t.data for t in tasks if t.data is not None})
    for plan in plans:
        if plan.problem:
            _say(f"notice: {plan.path}: {plan.problem}")
        elif diff_only and plan.fixed is not None and plan.unpatchable and not quiet:
            _say(f"notice: {plan.path}: {plan.unpatchable}; it will not apply as a patch")
    if diff_only:
        diff = "".join(plan.diff() for plan in plans)
        sys.stdout.write(diff)
        sys.exit(EXIT_FINDINGS if diff else EXIT_CLEAN)
    applied = fixes.write(plans)
    if applied and not quiet:
        files = len({f.path for f in applied})
        _say(f"fixed {len(applied)} finding{'s' if len(applied) != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return [f for f in findings if f not in applied]  # `applied` is a set


@main.command("rules")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="Extra rule file (repeatable).")
@click.option("--config", "config_file", type=click.Path(), help="Use this config file instead of searching.")
@click.option("--test", "run_tests", is_flag=True, help="Run every rule against its own examples.")
def rules_command(rule_files, config_file, run_tests) -> None:
    """List every loaded rule, or test each against its examples."""
    with _errors_exit():
        from newslint import kinds
        from newslint.config import ConfigFinder, Overrides, check_names
        from newslint.ruleset import builtin_rule_files, load_rules
        from newslint.suppression import UNKNOWN_RULE

        config = ConfigFinder(Overrides(rule_files=tuple(rule_files), config_file=config_file)).for_working_folder()
        rules = load_rules([*builtin_rule_files(), *config.rule_files])
        for rule in rules:
            kinds.create(rule)  # validate every rule, selected or not
        check_names({config: frozenset(rule.id for rule in rules) | {UNKNOWN_RULE.id}}, Overrides())
        if run_tests:
            sys.exit(_test_rules(rules, [rule for rule in rules if config.selects(rule)]))
        for rule in rules:
            state = "on " if config.selects(rule) else "off"
            click.echo(f"{rule.id:<32} {state} {str(config.severity_of(rule)):<10} {rule.kind:<16} {rule.description}")


def _test_rules(rules, selected) -> int:
    from newslint.examples import missing_examples, test_rule, unsettled_fixes

    failures = 0
    for rule in rules:
        results = test_rule(rule)
        bad = [r for r in results if not r.ok]
        missing = missing_examples(rule)
        failures += len(bad) + len(missing)
        status = "ok  " if not bad and not missing else "FAIL"
        click.echo(f"{status} {rule.id} ({len(results)} examples)")
        for result in bad:
            wanted = "a finding" if result.expectation == "flags" else "no finding"
            click.echo(f"     {result.expectation}: expected {wanted}, got {result.found}: {result.example}")
        for key in missing:
            click.echo(f"     no '{key}' examples ({rule.path}:{rule.line})")
    unsettled = unsettled_fixes(selected)
    for problem in unsettled:
        click.echo(f"FAIL {problem}")
    failures += len(unsettled)
    click.echo(f"{len(rules)} rules tested, {failures} failure{'s' if failures != 1 else ''}.")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


class _Terminated(BaseException):
    """SIGTERM, raised in the main process so that workers and half-written files are cleaned up on the
    way out, as they are for Ctrl-C."""


def _terminate(signum, frame):
    raise _Terminated()


class _errors_exit:
    """Turn a NewslintError into one line and exit 2; Ctrl-C exits 130 and SIGTERM 143 (128 + signal, as
    shells report them), without a traceback; anything else is a bug, said plainly, exit 3."""

    def __enter__(self):
        try:
            self._previous = signal.signal(signal.SIGTERM, _terminate)
        except ValueError:  # not the main thread (an embedding application): leave its signals alone
            self._previous = None
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)
        if isinstance(error, NewslintError):
            _say(f"error: {error}")
            sys.exit(EXIT_ERROR)
        if isinstance(error, KeyboardInterrupt):
            _say("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        if isinstance(error, _Terminated):
            _say("terminated")
            sys.exit(EXIT_TERMINATED)
        if isinstance(error, BrokenPipeError):
            # `newslint check drafts/ | head`: the reader has all it wants. Point stdout at /dev/null so
            # the interpreter's final flush cannot fail again; the report was cut short, so not exit 0.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FINDINGS)
        if error is not None and not isinstance(error, (SystemExit, click.exceptions.Exit, click.ClickException)):
            if os.environ.get("NEWSLINT_DEBUG"):
                return False
            _say(f"internal error ({kind.__name__}: {error}); this is a bug in newslint, please report it. "
                 "Set NEWSLINT_DEBUG=1 to see the traceback.")
            sys.exit(EXIT_BUG)
        return False


def _say(message: str) -> None:
    click.echo(f"newslint: {message}", err=True)
