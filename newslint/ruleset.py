"""Load and validate rule files (YAML) into `Rule` objects; every error names the file, line and rule."""

from __future__ import annotations

import functools
import os

from newslint.errors import RuleError, as_written, not_strings, shown
from newslint.finding import Severity
from newslint.patterns import LazyPattern, PatternError, any_of, can_match_empty, phrase_alternation, validate_pattern
from newslint.regexcache import compiled
from newslint.yamlfile import parse_yaml, read_settings_file  # imports PyYAML only when a file is parsed

RULE_ID = compiled(r"[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*")
COMMON_FIELDS = frozenset({"id", "kind", "severity", "message", "description", "enabled", "examples", "link"})
REQUIRED_FIELDS = ("id", "kind", "severity", "message", "description")


def builtin_rules_dir():
    """Shipped rule sets, as a `pathlib.Path`: inside the installed package, or `rules/` at the top of a
    source checkout."""
    from pathlib import Path

    return Path(_rules_dir())


@functools.lru_cache(maxsize=1)
def _rules_dir() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "rules")
    return packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(here), "rules")


@functools.lru_cache(maxsize=1)
def _shipped_dir() -> str:
    return os.path.realpath(_rules_dir())


def builtin_rule_files() -> list[str]:
    """The shipped rule files, in order. (os.path, not pathlib, which costs a one-file run its import.)"""
    folder = _rules_dir()
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".yaml"))


def flatten(items: list) -> list:
    """A list nested in a rule's list is a list written once and reused through a YAML anchor, with more of
    its own: another rule's cues (`cues: [*modal, *epistemic]`), a shared guard or word list (`not_after:
    [*figures, more]`, `speech_verbs: [*speech-verbs, cited]`). One level deep."""
    return [item for entry in items for item in (entry if isinstance(entry, list) else [entry])]


class Rule:
    """One rule as written in a rule file. (A plain class: a dataclass costs a one-file run about a
    millisecond to define.)"""

    def __init__(self, id: str, kind: str, severity: Severity, message: str, description: str, path: str,
                 line: int, fields: dict | None = None, field_lines: dict | None = None, enabled: bool = True,
                 examples: dict | None = None, link: str | None = None) -> None:
        self.id, self.kind, self.severity, self.message, self.description = id, kind, severity, message, description
        self.path, self.line = path, line
        self.fields = {} if fields is None else fields  # kind-specific fields, as written
        self.field_lines = {} if field_lines is None else field_lines
        self.enabled = enabled
        self.examples = {} if examples is None else examples
        self.link = link
        # The rule's kind, built once (`kinds.create`) and kept with the rule in the rule cache: building
        # one works out which words each cue can start with, which costs a one-file run more than linting.
        self.built = None

    def __repr__(self) -> str:
        return f"Rule({self.id!r}, {self.path}:{self.line})"

    @functools.cached_property
    def is_shipped(self) -> bool:
        """Is this one of newslint's own rules (from the rules/ folder it ships), not a newsroom's? (Real
        paths on both sides, so a symlinked install or checkout is still newslint's own.)"""
        return os.path.dirname(os.path.realpath(self.path)) == _shipped_dir()

    @property
    def ruleset(self) -> str:
        return self.id.split(".", 1)[0]

    def error(self, message: str, key: str | None = None) -> RuleError:
        return RuleError(message, self.path, self.field_lines.get(key, self.line), self.id)

    def get(self, key: str, default=None):
        return self.fields.get(key, default)

    def require(self, key: str):
        if key not in self.fields:
            raise self.error(f"missing field '{key}'")
        return self.fields[key]

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self.fields.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise self.error(f"'{key}' must be a number from {low} to {high}, not {as_written(value)}", key)
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.fields.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"'{key}' must be true or false, not {as_written(value)}", key)
        return value

    def strings(self, key: str, required: bool = False) -> list[str]:
        """A list of strings; one nested in it is read as `flatten` says (`speech_verbs: [*speech-verbs, cited]`)."""
        if key not in self.fields:
            if required:
                raise self.error(f"missing field '{key}'")
            return []
        value = self.fields[key]
        if isinstance(value, str):
            value = [value]
        elif isinstance(value, list):
            value = flatten(value)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(not_strings(key, value), key)
        if required and not value:
            raise self.error(f"'{key}' must not be empty", key)
        return value

    def regex(self, key: str, source: str, ignore_case: bool = True):
        """A pattern, checked now and compiled on first use (`patterns.LazyPattern`: Python's `re` for the
        shipped rules, RE2 for a newsroom's, as `patterns.compile_pattern` describes)."""
        try:
            return LazyPattern(source, ignore_case, rule=self.id, shipped=self.is_shipped)
        except PatternError as error:
            raise self.error(str(error), key) from None

    def regex_from_list(self, key: str, required: bool = True, ignore_case: bool = True):
        """Whole-word alternation of a list of phrases (each may use regex syntax); None when absent."""
        written = self.fields.get(key)
        if isinstance(written, str) and ", " in written:
            # `phrases: Kiev, Odessa` is one phrase, "Kiev, Odessa", that copy seldom holds: the rule would
            # quietly find nothing. A list is in brackets; a phrase with a comma in it, in them and in quotes.
            raise self.error(f"'{key}' is one phrase, {written!r}; for a list write [{written}], and for one "
                             f"phrase with a comma in it, {[written]!r}", key)
        phrases = self.strings(key, required)
        if not phrases:
            return None
        for phrase in phrases:  # check each alone first, so an error names the phrase at fault
            self.check_phrase(key, phrase, ignore_case)
        return self.regex(key, phrase_alternation(phrases), ignore_case)

    def patterns(self, key: str, required: bool = False, ignore_case: bool = True) -> list[str]:
        """A list of patterns that a kind joins into one: each is checked alone first, so an error quotes the
        pattern as written, not the joined one, and a stray bracket cannot pair with the brackets around
        its neighbours and pass ("storage)|(?:garden" inside "(?:...)")."""
        sources = self.strings(key, required)
        for source in sources:
            self.check_pattern(key, source, ignore_case)
        return sources

    def alternation(self, key: str, ignore_case: bool = True):
        """The patterns listed under `key` (`patterns`) as one regex that matches where any of them does;
        None when there are none."""
        sources = self.patterns(key, ignore_case=ignore_case)
        return self.regex(key, any_of(sources), ignore_case) if sources else None

    def check_pattern(self, key: str, source: str, ignore_case: bool = True) -> None:
        """A pattern must compile on its own. (The shipped rules' are compiled, every one, by the tests.)"""
        if self.is_shipped:
            return
        try:
            validate_pattern(source, ignore_case)
        except PatternError as error:
            raise self.error(str(error), key) from None

    def check_phrase(self, key: str, phrase: str, ignore_case: bool = True) -> None:
        """A phrase to find must compile and must match at least one character."""
        if not phrase.strip():  # phrase_alternation drops it; a list of only blanks matched the empty string
            raise self.error(f"phrase {phrase!r} is blank, so it can match only an empty string", key)
        try:
            validate_pattern(phrase, ignore_case)
        except PatternError as error:
            raise self.error(str(error), key) from None
        if can_match_empty(phrase, ignore_case):
            raise self.error(f"pattern {phrase!r} can match an empty string", key)


def load_rule_file(path) -> list[Rule]:
    path = str(path)
    from newslint import rulecache

    cached, entry = rulecache.load(path)
    if cached is not None:
        return cached
    rules = _read_rule_file(path)
    if entry is not None:
        _build_kinds(rules)
    rulecache.store(entry, rules)
    return rules


def _build_kinds(rules: list[Rule]) -> None:
    """Build each rule's kind now, so the cache holds it. A rule that does not build is left as it is: its
    error is reported when it is selected to run, as without a cache."""
    from newslint import kinds

    for rule in rules:
        try:
            kinds.create(rule)
        except RuleError:
            pass


def _read_rule_file(path: str) -> list[Rule]:
    data = read_settings_file(path, "rule file", RuleError)
    document = parse_yaml(path, data)
    if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
        raise RuleError("a rule file is a mapping with a 'rules:' list", path, getattr(document, "line", 1))
    entries = document["rules"]
    return [_rule(path, entry, line) for entry, line in zip(entries, entries.item_lines)]


def load_rules(paths: list) -> list[Rule]:
    """Rules from several files, in order; a later file may not reuse an id. A file named twice (by the
    config's `rule_files:` and again by `--rules`, even through a symbolic link) is read once: its ids are
    not duplicates of themselves."""
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    named: dict[str, str] = {}  # the file itself (a link or a linked folder resolved) -> the path first naming it
    for path in paths:
        named.setdefault(os.path.realpath(path), os.path.abspath(path))
    for path in named.values():
        for rule in load_rule_file(path):
            if rule.id in seen:
                first = seen[rule.id]
                raise RuleError(f"duplicate rule id (first defined at {shown(first.path)}:{first.line})", rule.path,
                                rule.line, rule.id)
            seen[rule.id] = rule
            rules.append(rule)
    return rules


def _rule(path: str, entry, line: int) -> Rule:
    """A rule from its entry under `rules:`, which starts on `line`."""
    line = getattr(entry, "line", line)
    if not isinstance(entry, dict):  # quoted as well, for an editor reading the file in a tool without lines
        raise RuleError(f"each entry under 'rules:' must be a mapping of fields (id:, kind:, ...), not "
                        f"{str(entry)[:60]!r}", path, line)
    rule_id = entry.get("id")
    if rule_id is None:  # an editor shown "not None" is not told the field is missing
        raise RuleError("rule has no 'id'; give it one such as 'house.weasel' (set.rule, in lower case)", path, line)
    if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
        raise RuleError(f"rule id must look like 'set.rule' in lower case, not {rule_id!r}", path, line)
    for key in REQUIRED_FIELDS:
        value = entry.get(key)
        if value is not None and not isinstance(value, str):  # `message: No`, `severity: [warning]`: not missing
            hint = ("; YAML reads a bare On, Off, Yes or No as true or false, so put it in quotes"
                    if isinstance(value, bool) else "; give error, warning or suggestion" if key == "severity" else "")
            raise RuleError(f"'{key}' must be text, not {value!r}{hint}", path, entry.key_lines.get(key, line),
                            rule_id)
        if value is None or not value.strip():
            raise RuleError(f"missing or empty field '{key}'", path, entry.key_lines.get(key, line), rule_id)
    lines = entry.key_lines
    _check_message(entry["message"], path, lines.get("message", line), rule_id)
    try:
        severity = Severity.parse(entry["severity"])
    except ValueError as error:
        raise RuleError(str(error), path, lines.get("severity", line), rule_id) from None
    examples = _examples(entry.get("examples", {}), path, lines.get("examples", line), rule_id)
    link = entry.get("link")
    if link is not None and not (isinstance(link, str) and link.startswith(("https://", "http://"))
                                 and not any(character.isspace() for character in link)):
        raise RuleError(f"'link' must be an http(s) URL, not {link!r}", path, lines.get("link", line), rule_id)
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError("'enabled' must be true or false", path, lines.get("enabled", line), rule_id)
    return Rule(
        id=rule_id,
        kind=entry["kind"],
        severity=severity,
        message=entry["message"],
        description=" ".join(entry["description"].split()),
        path=path,
        line=line,
        fields={k: v for k, v in entry.items() if k not in COMMON_FIELDS},
        field_lines=dict(lines),
        enabled=enabled,
        examples=examples,
        link=link,
    )


def _examples(examples, path: str, line: int, rule_id: str) -> dict[str, list]:
    """`flags:` and `passes:`, each a list of examples: a text, or a list of texts checked together (for
    cross-file rules). One text alone is a list of one, as for every other list in a rule file."""
    if not isinstance(examples, dict) or set(examples) - {"flags", "passes"}:
        raise RuleError("'examples' takes 'flags:' and 'passes:' lists", path, line, rule_id)
    checked = {}
    for key, value in examples.items():
        value = [] if value is None else [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(_is_example(example) for example in value):
            raise RuleError(f"'examples: {key}:' must be a list of texts (or of lists of texts, for files checked "
                            f"together), not {value!r}", path, examples.key_lines.get(key, line), rule_id)
        checked[key] = value
    return checked


def _is_example(example) -> bool:
    return isinstance(example, str) or (isinstance(example, list) and all(isinstance(text, str) for text in example))


def _check_message(template: str, path: str, line: int, rule_id: str) -> None:
    """A stray brace, or a placeholder with a format spec or conversion (`{text:d}`, `{text!z}`): the
    values' types are the kind's business, so a spec that suits one finding could fail on the next."""
    try:
        fields = _message_fields(template)
    except ValueError as error:  # "{nope": a stray brace
        raise RuleError(f"message is not a valid template ({error}); write a literal brace as {{{{ or }}}}", path,
                        line, rule_id) from None
    for name, spec, conversion in fields:
        if spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise RuleError(f"message placeholder {written} takes no format spec or conversion; write {{{name}}}",
                            path, line, rule_id)


def message_placeholders(template: str) -> set[str]:
    return {name for name, _, _ in _message_fields(template)}


def _message_fields(template: str) -> list[tuple[str, str, str | None]]:
    """(name, format spec, conversion) of each placeholder."""
    import string  # only when a rule is checked, never on a start from the rule cache

    return [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None]
