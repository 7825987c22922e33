"""The `newslint` command line, read by click; what each command does is in `commands`."""

from __future__ import annotations

import sys

import click

from newslint import commands
from newslint.commands import errors_exit, run_checks
from newslint.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, shown
from newslint.reporters import FORMATS

LEVELS = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)


_NAME_LISTS = frozenset({"select", "enable", "ignore"})  # options that take comma-separated rule ids or sets


class _Command(click.Command):
    """A command whose options refuse an empty value (`--select ''`, `--config ''`): left alone, click
    passes the empty string on, and the run takes it for the option not given. That is how a shell
    variable that was never set (`--select "$DESK_SETS"`) would run every rule, or search for a config,
    and pass without a word."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        for param in self.get_params(ctx):
            if not isinstance(param, click.Option) or param.is_flag or ctx.resilient_parsing:
                continue
            value = ctx.params.get(param.name)
            values = value if isinstance(value, tuple) else (value,)  # a repeatable option gives a tuple
            if param.name in _NAME_LISTS:  # "," from `--select "$SETS,$IDS"` with neither set names nothing too
                values = tuple(v.replace(",", "").strip() for v in values)
            if "" in values:
                raise click.BadParameter("empty; give a value, or leave the option out.", ctx=ctx, param=param)
        return rest


class _Group(click.Group):
    command_class = _Command  # every subcommand, present and future, refuses empty option values


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newslint", message="newslint %(version)s")
def main() -> None:
    """Lint news copy for duplicated paragraphs, unattributed claims, hedging and name spellings.

    Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or input error,
    3 a bug in newslint, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
    """


def _run_options(quiet: str):
    """What is checked and with which rules: the options `check` and `baseline` share. `quiet` is what -q
    still lets through on stderr, which differs: only `check` has --fix."""
    def decorate(command):
        for option in reversed((
            # readable=False: an unreadable path is named by the run, which checks the rest; click would stop it.
            click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False)),
            click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="Extra rule file (repeatable)."),
            click.option("--select", multiple=True, help="Run only these rule ids or sets (comma-separated): a set, its rules that are on; an id, that rule."),
            click.option("--enable", multiple=True, help="Also run these rules that are off by default (comma-separated)."),
            click.option("--ignore", multiple=True, help="Skip these rule ids or sets (comma-separated)."),
            click.option("--include", multiple=True, help="File-name globs to check in folders (repeatable).  "
                         "[default: *.txt, *.md, *.markdown]"),
            click.option("--exclude", multiple=True, help="Skip files matching this glob (repeatable)."),
            click.option("--config", "config_file", type=click.Path(), help="Use this config file instead of searching."),
            click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0, the default: one per core)."),
            click.option("--stdin-filename", help="With '-': the path the text would have (for config and Markdown)."),
            click.option("--quiet", "-q", is_flag=True, help=f"No notices or progress on stderr ({quiet} still said)."),
            click.option("--cache", is_flag=True, help="Keep each file's results between runs and check again only the files, "
                         "rules or configuration that changed."),
        )):
            command = option(command)
        return command
    return decorate


@main.command()
@_run_options(quiet="errors, and files --fix could not write, are")
@click.option("--format", "output_format", type=click.Choice(tuple(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-level", type=LEVELS, help="Lowest severity that fails the run.  [default: the config's fail_level, else warning]")
@click.option("--baseline", "baseline_file", type=click.Path(), help="Report only findings not in this baseline.")
@click.option("--changed-since", metavar="REF", help="Report only findings on lines changed since this git ref.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (house spellings, exact repeats) to the files.")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing.")
def check(paths, **options) -> None:
    """Check files and folders (.txt, .md, .markdown); '-' reads standard input."""
    if options["fix"] and options["diff"]:
        raise click.UsageError("--fix writes the fixes and --diff only shows them: give one or the other.")
    _check_stdin_filename(paths, options["stdin_filename"])
    commands.check(paths, **options)


def _check_stdin_filename(paths, stdin_filename) -> None:
    """`--stdin-filename` without `-` is a mistake (an editor integration that lost its `-`, say): left
    alone, the story it names would go unchecked without a word."""
    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names the text read from '-': give '-' among the paths.")


@main.command("baseline")
@_run_options(quiet="errors are")
@click.option("--output", "-o", required=True, type=click.Path(), help="The baseline file to write.")
def baseline_command(output, **options) -> None:
    """Record today's findings, so that `check --baseline FILE` reports only new ones."""
    _check_stdin_filename(options["paths"], options["stdin_filename"])
    with errors_exit():
        from newslint import baseline

        report, _ = run_checks(**options)
        # A baseline missing a story, or a rule's findings, would later report all those as new.
        if report.incomplete:
            why = "some paths could not be read" if report.unreadable else "a rule was stopped"
            click.echo(f"newslint: error: no baseline written to {output}: {why}.", err=True)
            sys.exit(EXIT_ERROR)
        count = baseline.write(report.findings, output)
        # "in 4 files" read as where the findings are; a desk adopting newslint wants both counts.
        holding = len({finding.path for finding in report.findings})
        click.echo(f"newslint: baseline of {count} finding{'s' if count != 1 else ''} in {holding} "
                   f"file{'s' if holding != 1 else ''} ({report.checked} checked) written to {output}.")


@main.command("rules")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="Extra rule file (repeatable).")
@click.option("--config", "config_file", type=click.Path(), help="Use this config file instead of searching.")
@click.option("--test", "run_tests", is_flag=True, help="Run every rule against its own examples.")
def rules_command(rule_files, config_file, run_tests) -> None:
    """List every loaded rule, or test each against its examples."""
    with errors_exit():
        from newslint import kinds
        from newslint.config import Overrides, check_names
        from newslint.configsearch import ConfigFinder
        from newslint.ruleset import builtin_rule_files, load_rules
        from newslint.suppression import UNKNOWN_RULE

        config = ConfigFinder(Overrides(rule_files=tuple(rule_files), config_file=config_file)).for_working_folder()
        rules = load_rules([*builtin_rule_files(), *config.rule_files])
        for rule in rules:
            kinds.create(rule)  # validate every rule, selected or not
        check_names({config: frozenset(rule.id for rule in rules) | {UNKNOWN_RULE.id}}, Overrides())
        selected = config.selected(rules)
        if run_tests:
            sys.exit(_test_rules(rules, selected))
        for rule in rules:
            state = "on " if rule in selected else "off"
            click.echo(f"{rule.id:<32} {state} {str(config.severity_of(rule)):<10} {rule.kind:<16} {rule.description}")


def _test_rules(rules, selected) -> int:
    from newslint.examples import missing_examples, test_rule, unsettled_fixes

    failures = 0
    for rule in rules:
        results = test_rule(rule)
        bad = [r for r in results if not r.ok]
        missing = missing_examples(rule)
        failures += len(bad) + len(missing)
        if not bad and not missing:
            click.echo(f"ok   {rule.id} ({len(results)} examples)")
        else:  # where to fix it, as a load error says
            click.echo(f"FAIL {rule.id} ({len(results)} examples) {shown(rule.path)}:{rule.line}")
        for result in bad:
            wanted = "a finding" if result.expectation == "flags" else "no finding"
            click.echo(f"     {result.expectation}: expected {wanted}, got {result.found}: {result.example}")
        for key in missing:
            click.echo(f"     no '{key}' examples ({shown(rule.path)}:{rule.line})")
    unsettled = unsettled_fixes(selected)
    for problem in unsettled:
        click.echo(f"FAIL {problem}")
    failures += len(unsettled)
    click.echo(f"{len(rules)} rules tested, {failures} failure{'s' if failures != 1 else ''}.")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


