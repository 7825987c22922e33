"""Settings for each checked file: shipped rules, then the nearest `.newslint.yaml` or `[tool.newslint]`
above the file, then the command line (later wins). This module reads and checks a config file and lays the
command line over it; `configsearch` finds the file that governs each checked file."""

from __future__ import annotations

import os

from newslint.errors import NewslintError, as_written, not_strings
from newslint.finding import Severity
from newslint.globs import parts_below, path_matches
from newslint.pyproject import TomlLines, read_pyproject, toml_item_line
from newslint.records import record
from newslint.yamlfile import parse_yaml, read_settings_file  # imports PyYAML only when a file is parsed

KEYS = frozenset({"rule_files", "select", "enable", "ignore", "severity", "exclude", "fail_level"})
SELECTION_KEYS = ("select", "ignore", "enable")  # settings that name rule ids or sets


@record
class Config:
    """Everything that decides which rules run on a file and how loud they are. (Named tuples, here and
    for `Overrides`: a frozen dataclass costs a one-file run about a millisecond to define.)"""

    source: str | None = None  # the config file that set these values, if any
    rule_files: tuple[str, ...] = ()  # extra rule sets, absolute paths
    select: tuple[str, ...] | None = None  # when set, exactly these ids or prefixes run
    enable: tuple[str, ...] = ()  # rules that are off by default, switched on
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    exclude: tuple[str, ...] = ()  # globs, relative to `root`
    root: str = "."
    fail_level: Severity | None = None

    def selects(self, rule, dormant: frozenset[str] = frozenset()) -> bool:
        """Does `rule` run? `select` narrows the rules that are on (by default or through `enable`) to some
        sets or ids. A rule that is off runs when enabled, when `select` names it by its full id, or when
        it names a set none of whose rules is on (`dormant`: see `_dormant_sets`)."""
        if _matches(rule.id, self.ignore):
            return False
        on = rule.enabled or _matches(rule.id, self.enable)
        if self.select is not None:
            return rule.id in self.select or (on or _matches(rule.id, dormant)) and _matches(rule.id, self.select)
        return on

    def selected(self, rules: list) -> list:
        """The rules of `rules` that run, in order."""
        dormant = self._dormant_sets(rules)
        return [rule for rule in rules if self.selects(rule, dormant)]

    def _dormant_sets(self, rules) -> frozenset[str]:
        """The selected sets of which no rule is on: `select: [readability]` wants the set that ships off,
        not nothing at all."""
        return frozenset(name for name in self.select or () if not any(
            _matches(rule.id, (name,)) and (rule.enabled or _matches(rule.id, self.enable)) for rule in rules))

    def severity_of(self, rule) -> Severity:
        """The most specific override wins: `hedging.stacked` over `hedging`."""
        best = None
        for prefix, level in self.severity:
            if _matches(rule.id, (prefix,)) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, level)
        return best[1] if best else rule.severity

    def excludes(self, path: str) -> bool:
        if not self.exclude:
            return False
        relative = parts_below(os.path.abspath(path), self.root)
        return relative is not None and any(path_matches(relative, pattern) for pattern in self.exclude)


@record
class Overrides:
    """What the command line says; applied on top of every file's config."""

    rule_files: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    enable: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # globs, relative to the working directory
    fail_level: Severity | None = None
    config_file: str | None = None  # --config: use this file for everything, no search

    def apply(self, config: Config) -> Config:
        return config._replace(
            rule_files=config.rule_files + tuple(os.path.abspath(f) for f in self.rule_files),
            select=self.select if self.select is not None else config.select,
            enable=config.enable + self.enable,
            ignore=config.ignore + self.ignore,
            fail_level=self.fail_level or config.fail_level,
        )


def load_config(path: str) -> Config:
    path = os.path.abspath(path)
    if path.endswith(".toml"):
        data, lines = read_pyproject(path), TomlLines(path)
    else:
        data, lines = _read_yaml(path)
    if not isinstance(data, dict):
        raise NewslintError("a config file is a mapping of settings", path, 1)
    for key in data:
        if key not in KEYS:
            raise NewslintError(f"unknown setting {key!r} (known: {', '.join(sorted(KEYS))})", path, lines.get(key))
    root = os.path.dirname(path)

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise NewslintError(not_strings(key, value), path, lines.get(key))
        return tuple(value)

    def names(key: str) -> tuple[str, ...]:
        return split_names(strings(key))  # `select: hedging, names` is one YAML string

    levels = _severity_levels(data.get("severity", {}), path, lines.get("severity"))
    fail_level = (_level(data["fail_level"], path, lambda: lines.get("fail_level"), "'fail_level'")
                  if "fail_level" in data else None)
    select = names("select") if "select" in data else None
    if select == ():
        # Every run would pass having checked nothing: the mistake a CI gate must not hide.
        raise NewslintError("'select' names no rule or set, so nothing would be checked; name some, or remove "
                            "the setting to run the rules that are on", path, lines.get("select"))
    files = strings("rule_files")
    item_lines = getattr(data.get("rule_files"), "item_lines", None)

    def line_of(index: int) -> int | None:  # looked up only for a missing file: each entry at its own line
        return item_lines[index] if item_lines else _line_of(path, "rule_files", files[index])

    return Config(
        source=path,
        rule_files=tuple(_rule_file(written, root, path, lambda i=i: line_of(i)) for i, written in enumerate(files)),
        select=select,
        enable=names("enable"),
        ignore=names("ignore"),
        severity=levels,
        exclude=strings("exclude"),
        root=root,
        fail_level=fail_level,
    )


def _severity_levels(severity, path: str, line: int | None) -> tuple[tuple[str, Severity], ...]:
    """The `severity` setting as sorted (rule id or set, level) pairs, each error at its entry's own line."""
    if not isinstance(severity, dict):
        raise NewslintError("'severity' maps rule ids or sets to error, warning or suggestion", path, line)
    entry_lines = getattr(severity, "key_lines", {})  # each entry's own line (YAML; a TOML one is looked for)

    def line_of(key) -> int | None:  # looked up only for an error
        return entry_lines.get(key) or _line_of(path, "severity", str(key)) or line

    return tuple(sorted((str(k), _level(v, path, lambda k=k: line_of(k), f"severity of {str(k)!r}"))
                        for k, v in severity.items()))


def _rule_file(written: str, root: str, path: str, line_of) -> str:
    """A `rule_files` entry as a path from the config's folder; it must name a file that is there.
    `line_of()` gives the entry's line, for the error."""
    rule_file = os.path.normpath(os.path.join(root, written))
    if not os.path.exists(rule_file):
        raise NewslintError(f"rule file {written!r} in 'rule_files' not found (paths are relative to the "
                            "config's folder)", path, line_of())
    if os.path.isdir(rule_file):
        raise NewslintError(f"rule file {written!r} in 'rule_files' is a folder; name the YAML files in it",
                            path, line_of())
    return rule_file


def split_names(values) -> tuple[str, ...]:
    """`--select a,b --select c` and `select: [a, "b, c"]` mean the same: a, b, c."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def check_names(known_by_config: dict[Config, frozenset[str]], overrides: Overrides) -> None:
    """Every id or set in select, ignore, enable and a config's severity must name a loaded rule: a typo
    would select (or raise) nothing, and a run that checks nothing passes. `known_by_config` holds each
    config's loaded rule ids. A config file may name only rules it loads; the command line, rules any
    config in the run loads (house rules one desk keeps)."""
    everywhere = frozenset().union(*known_by_config.values())
    for key in SELECTION_KEYS:
        for name in getattr(overrides, key) or ():
            _check_name(name, everywhere, f"--{key}", None)
    for config, known in known_by_config.items():
        for key in SELECTION_KEYS:
            from_command_line = getattr(overrides, key) or ()
            for name in getattr(config, key) or ():
                if name not in from_command_line:
                    _check_name(name, known, key, config.source)
        for name, _ in config.severity:
            _check_name(name, known, "severity", config.source)


def _check_name(name: str, rule_ids: frozenset[str], setting: str, path: str | None) -> None:
    """`setting` is the option (`--select`, with no `path`) or the config file's setting that names it."""
    if any(_matches(rule_id, (name,)) for rule_id in rule_ids):
        return
    where = f"'{setting}'" if path else setting
    raise NewslintError(f"unknown rule or set {name!r} in {where}{did_you_mean(name, rule_ids)}", path,
                        _line_of(path, setting, name))


def did_you_mean(name: str, rule_ids: frozenset[str]) -> str:
    """" (did you mean 'hedging'?)": the rule or set closest to a misspelt `name`, or "" when none is close."""
    from difflib import get_close_matches  # only for a misspelt name

    sets = {rule_id.split(".", 1)[0] for rule_id in rule_ids}
    closest = get_close_matches(name, sorted(rule_ids | sets), n=1)
    return f" (did you mean {closest[0]!r}?)" if closest else ""


def _line_of(path: str | None, setting: str, name: str) -> int | None:
    """The line in the config at `path` where `name` stands under `setting`: its own line in a list
    written one item a line or as a `severity` entry, else the setting's. Looked up only for an error."""
    if not path:
        return None
    if path.endswith(".toml"):
        return toml_item_line(path, setting, name)
    import yaml

    try:
        root = yaml.compose(read_settings_file(path, "config"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, NewslintError):
        return None
    for key, value in root.value if isinstance(root, yaml.MappingNode) else ():
        if key.value == setting:
            if isinstance(value, yaml.SequenceNode):
                items = value.value
            else:  # the entries of `severity`; none in a setting written on one line
                items = [entry for entry, _ in value.value] if isinstance(value, yaml.MappingNode) else []
            for item in items:
                if isinstance(item.value, str) and name in split_names([item.value]):
                    return item.start_mark.line + 1
            return key.start_mark.line + 1
    return None


def _level(value, path: str, line_of, setting: str) -> Severity:
    """The severity a config sets, or an error naming the setting at `line_of()`: `fail_level: warn` is not a
    rule's severity, and a list of severities needs the one that is wrong."""
    try:
        return Severity.parse(value)
    except ValueError:
        raise NewslintError(f"{setting} must be error, warning or suggestion, not {as_written(value)}", path,
                            line_of()) from None


def _read_yaml(path: str) -> tuple[object, dict]:
    data = parse_yaml(path, read_settings_file(path, "config"))
    if data is None:
        return {}, {}
    return data, getattr(data, "key_lines", {})


def _matches(rule_id: str, prefixes) -> bool:
    return any(p == "all" or rule_id == p or rule_id.startswith(p + ".") for p in prefixes)
