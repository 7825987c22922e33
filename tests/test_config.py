"""Each file takes the nearest config above it, so one run over several desks applies each desk's rules."""

from __future__ import annotations

import json
import textwrap

import pytest

from newslint.globs import parts_below, path_matches

PASTED_TWICE = "\n".join([
    "Council approves budget",
    "The council approved a budget of 90 million pounds for next year on Tuesday night.",
    "Councillors voted 31-12 after a four-hour debate on cuts to libraries and parks.",
    "The council approved a budget of 90 million pounds for next year on Tuesday night.",
]) + "\n"

HOUSE_RULES = textwrap.dedent("""
    rules:
      - id: house.kyiv
        kind: existence
        severity: error
        message: "Use 'Kyiv', not '{text}'."
        description: AP style since 2019.
        phrases: [Kiev]
""")

# What an unknown setting's error lists after its name.
KNOWN_SETTINGS = " (known: enable, exclude, fail_level, ignore, rule_files, select, severity)"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def findings(cli, *args):
    result = cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [(f["path"], f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]]


def test_each_desk_gets_its_own_config(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "sport" / ".newslint.yaml", "ignore: [duplicates]\n")
    write(tmp_path / "politics" / ".newslint.yaml", "severity: {duplicates.paragraph: suggestion}\n")
    for desk in ("sport", "politics", "business"):
        write(tmp_path / desk / "drafts" / "budget.txt", PASTED_TWICE)
    got = findings(cli, "--select", "duplicates.paragraph", ".")
    assert got == [("business/drafts/budget.txt", "duplicates.paragraph", "error"),
                   ("politics/drafts/budget.txt", "duplicates.paragraph", "suggestion")]


def test_pyproject_table_and_extra_rule_files(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "style.yaml", HOUSE_RULES)
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "newsroom"

        [tool.newslint]
        rule_files = ["house/style.yaml"]
        select = ["house"]
    """)
    write(tmp_path / "world" / "shelling.txt", "Shelling hit Kiev overnight, the mayor said.\n")
    assert findings(cli, "world") == [("world/shelling.txt", "house.kyiv", "error")]


@pytest.mark.parametrize("pyproject, severity", [
    ('[tool.newslint.severity]\n"duplicates.paragraph" = "suggestion"\n', "suggestion"),  # a subtable alone
    ('[ tool . newslint ]\nseverity = {duplicates = "suggestion"}\n', "suggestion"),  # TOML allows the spaces
    ('\ufeff[tool.newslint]\nseverity = {duplicates = "suggestion"}\n', "suggestion"),  # saved with a BOM
    # The same table in TOML's other spellings: dotted keys, at the top or under [tool], and an inline table.
    ('tool.newslint.severity = {duplicates = "suggestion"}\n', "suggestion"),
    ('[tool]\nnewslint.severity = {duplicates = "suggestion"}\n', "suggestion"),
    ('[tool]\nnewslint = {severity = {duplicates = "suggestion"}}\n', "suggestion"),
    ('[tool.black]\nline-length = 100\n# newslint: see .newslint.yaml above\n', "warning"),  # a mention only
    ('[project]\ndependencies = [\n    "newslint==1.2",\n]\n', "warning"),  # a dependency, not a table
    ('[project.scripts]\nnewslint = "newslint.entry:entry"\n', "warning"),  # a key of that name in another table
    # A table commented out is not a config: the desk's .newslint.yaml above still applies.
    ('[project]\nname = "newsroom"\n# [tool.newslint]\n# ignore = ["duplicates"]\n', "warning"),
])
def test_a_pyproject_is_the_config_when_it_has_a_newslint_table(cli, tmp_path, monkeypatch, pyproject, severity):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "severity: {duplicates.paragraph: warning}\n")
    write(tmp_path / "sport" / "pyproject.toml", pyproject)
    write(tmp_path / "sport" / "budget.txt", PASTED_TWICE)
    assert findings(cli, "--select", "duplicates.paragraph", "sport") == [
        ("sport/budget.txt", "duplicates.paragraph", severity)]


@pytest.mark.parametrize("pyproject, error", [
    ('[tool.newslint\nfail_level = "error"\n',
     ":1: not valid TOML: Expected ']' at the end of a table declaration (column 15)"),
    ('tool.newslint.fail_level = error\n', ":1: not valid TOML: Invalid value (column 28)"),
    # At the line the TOML reader names, as a YAML mistake is: here the line after the unclosed list.
    ('[project]\nname = "sport-desk"\n\n[tool.newslint]\nselect = ["duplicates", "hedging"\nfail_level = "error"\n',
     ":6: not valid TOML: Unclosed array (column 1)"),
    ('[[tool.newslint]]\nfail_level = "error"\n',
     ":1: 'tool.newslint' must be a table of settings, not [{'fail_level': 'error'}]"),
    (f"tool.newslint.fail_level = {'9' * 5000}\n", ": not valid TOML: Exceeds the limit (4300 digits) for integer "
     "string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
])
def test_a_pyproject_whose_newslint_table_is_broken_is_an_error(cli, tmp_path, monkeypatch, pyproject, error):
    """An unclosed `[tool.newslint` header was passed over, and with it the desk's settings, without a word."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "sport" / "pyproject.toml", pyproject)
    write(tmp_path / "sport" / "budget.txt", PASTED_TWICE)
    result = cli("check", "sport")
    assert (result.exit_code, result.stderr) == (2, f"newslint: error: sport/pyproject.toml{error}\n")


def test_a_broken_pyproject_that_never_opens_a_newslint_table_is_passed_over(cli, tmp_path, monkeypatch):
    """The desk's Python packaging is broken, and its config is the .newslint.yaml above: still applied."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "severity: {duplicates.paragraph: suggestion}\n")
    write(tmp_path / "sport" / "pyproject.toml", '[project]\ndependencies = ["newslint>=1.2"\n')
    write(tmp_path / "sport" / "budget.txt", PASTED_TWICE)
    assert findings(cli, "--select", "duplicates.paragraph", "sport") == [
        ("sport/budget.txt", "duplicates.paragraph", "suggestion")]


def test_exclude_globs_are_relative_to_the_config(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "exclude: ['archive/**']\nselect: [duplicates]\n")
    write(tmp_path / "archive" / "2019" / "old.txt", PASTED_TWICE)
    write(tmp_path / "today.txt", PASTED_TWICE)
    assert findings(cli, ".") == [("today.txt", "duplicates.paragraph", "error")]


def test_exclude_globs_written_from_this_folder_with_dot_slash_exclude(cli, tmp_path, monkeypatch):
    """`./archive/**`, as shell completion writes a folder, excluded nothing, silently, in a config and on
    the command line alike: the old stories' findings failed the run."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "archive" / "2019" / "old.txt", PASTED_TWICE)
    write(tmp_path / "today.txt", PASTED_TWICE)
    assert findings(cli, "--select", "duplicates", "--exclude", "./archive/**", ".") == [
        ("today.txt", "duplicates.paragraph", "error")]
    write(tmp_path / ".newslint.yaml", "exclude: ['./archive/']\nselect: [duplicates]\n")
    assert findings(cli, ".") == [("today.txt", "duplicates.paragraph", "error")]


def test_command_line_wins_over_config(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "select: [duplicates]\nfail_level: error\n")
    write(tmp_path / "today.txt", PASTED_TWICE)
    assert cli("check", "today.txt").exit_code == 1
    assert cli("check", "--ignore", "duplicates.paragraph", "today.txt").exit_code == 0


def test_bad_config_is_a_clear_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "select: [duplicates]\nseverity_overrides: {}\n")
    write(tmp_path / "today.txt", PASTED_TWICE)
    result = cli("check", "today.txt")
    assert result.exit_code == 2
    assert ".newslint.yaml:2: unknown setting 'severity_overrides'" in result.stderr


def test_a_config_that_is_a_broken_link_is_an_error_not_passed_over(cli, tmp_path, monkeypatch):
    """The desk's config is a link to a shared one that has moved: its house rules must not silently stop."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "metro").mkdir()
    (tmp_path / "metro" / ".newslint.yaml").symlink_to("../shared/newslint.yaml")
    write(tmp_path / "metro" / "today.txt", PASTED_TWICE)
    result = cli("check", "metro")
    assert result.exit_code == 2
    assert result.stderr == "newslint: error: metro/.newslint.yaml: cannot read config: No such file or directory\n"


def test_a_comma_separated_string_names_several_sets(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "select: hedging, names\n")
    write(tmp_path / "fire.txt", "The fire probably started in a kitchen in western Kiev.\n")
    assert findings(cli, "fire.txt") == [("fire.txt", "hedging.epistemic", "warning"),
                                         ("fire.txt", "names.house-spelling", "warning")]


@pytest.mark.parametrize("setting, closest", [
    ("select: [hedging, nmaes]", "names"),
    ("ignore: attribution.anonymous-sorce", "attribution.anonymous-source"),
    ("enable: [house]", None),  # house rules this config does not load
])
def test_an_unknown_rule_or_set_in_a_config_is_an_error(cli, tmp_path, monkeypatch, setting, closest):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "metro" / ".newslint.yaml", "exclude: [archive/*]\n" + setting + "\n")
    write(tmp_path / "metro" / "fire.txt", "The fire probably started in the kitchen, a neighbour said.\n")
    result = cli("check", "metro")
    assert result.exit_code == 2, result.output
    key, value = setting.split(": ")
    name = value.strip("[]").split(", ")[-1]
    hint = f" (did you mean '{closest}'?)" if closest else ""
    assert result.stderr == f"newslint: error: metro/.newslint.yaml:2: unknown rule or set '{name}' in '{key}'{hint}\n"


@pytest.mark.parametrize("config, text, error", [
    # A list written one item a line, and a severity entry: each name at its own line.
    (".newslint.yaml", "select:\n  - names\n  - duplicates\nignore:\n  - hedging.modal\n  - nmaes.across-files\n",
     ".newslint.yaml:6: unknown rule or set 'nmaes.across-files' in 'ignore' (did you mean 'names.across-files'?)"),
    (".newslint.yaml", "fail_level: error\nseverity:\n  hedging: error\n  hedgin: error\n",
     ".newslint.yaml:4: unknown rule or set 'hedgin' in 'severity' (did you mean 'hedging'?)"),
    # As in a .newslint.yaml: a desk keeping its settings in pyproject.toml is told which line to mend.
    ("pyproject.toml", '[project]\nname = "metro-desk"\n\n[tool.newslint]\nignore = ["hedging.modal"]\nfail-level = "error"\n',
     "pyproject.toml:6: unknown setting 'fail-level'" + KNOWN_SETTINGS),
    ("pyproject.toml", '[tool.newslint]\nrule_files = ["house/style.yaml"]\nfail_level = "loud"\n',
     "pyproject.toml:3: 'fail_level' must be error, warning or suggestion, not 'loud'"),
    ("pyproject.toml", '[tool.newslint]\nselect = ["duplicates", "hedgin"]\n',
     "pyproject.toml:2: unknown rule or set 'hedgin' in 'select' (did you mean 'hedging'?)"),
    # An array written one item a line, as a YAML list is: the misspelt item's own line.
    ("pyproject.toml", '[tool.newslint]\nselect = [\n    "attribution",\n    "duplicates",  # the CMS merge\n    "nmaes",\n]\n',
     "pyproject.toml:5: unknown rule or set 'nmaes' in 'select' (did you mean 'names'?)"),
    # A severity table's entries, each at its own line, quoted or bare, as a YAML mapping's are.
    ("pyproject.toml", '[tool.newslint]\nfail_level = "warning"\n\n[tool.newslint.severity]\n"attribution.anonymous-source" = "loud"\n',
     "pyproject.toml:5: severity of 'attribution.anonymous-source' must be error, warning or suggestion, not 'loud'"),
    ("pyproject.toml", '[tool.newslint.severity]\nduplicates = "error"\nhedging = "critical"\n\n[tool.other]\nhedging = 1\n',
     "pyproject.toml:3: severity of 'hedging' must be error, warning or suggestion, not 'critical'"),
    ("pyproject.toml", '[tool.newslint.severity]\nduplicates = "error"\n"hedgin" = "error"\n',
     "pyproject.toml:3: unknown rule or set 'hedgin' in 'severity' (did you mean 'hedging'?)"),
    # A quoted name in a comment is not the item.
    ("pyproject.toml", '[tool.newslint]\nignore = [\n  "duplicates",  # not "hedgin"\n  "hedgin",\n]\n',
     "pyproject.toml:4: unknown rule or set 'hedgin' in 'ignore' (did you mean 'hedging'?)"),
    ("pyproject.toml", '[tool]\nnewslint.fail_level = "warning"\nnewslint.exclude = "archive/**"\nnewslint.enable = ["readabilty"]\n',
     "pyproject.toml:4: unknown rule or set 'readabilty' in 'enable' (did you mean 'readability'?)"),
    # Settings in an inline table are on the line that opens it.
    ("pyproject.toml", '[project]\nname = "metro-desk"\n\n[tool]\nnewslint = {select = ["duplicates", "hedgin"]}\n',
     "pyproject.toml:5: unknown rule or set 'hedgin' in 'select' (did you mean 'hedging'?)"),
    ("pyproject.toml", '[tool]\nnewslint = {fail_level = "loud"}\n',
     "pyproject.toml:2: 'fail_level' must be error, warning or suggestion, not 'loud'"),
    # A multi-line string's lines are text, not settings; an array of tables is a table.
    ("pyproject.toml", '[tool.newslint]\nexclude = ["""\nfail_level = \'error\'""", "archive/**"]\nfail_level = "loud"\n',
     "pyproject.toml:4: 'fail_level' must be error, warning or suggestion, not 'loud'"),
    ("pyproject.toml", '[tool.black]\nline-length = 100\n\n[[tool.newslint.desks]]\nname = "metro"\n',
     "pyproject.toml:4: unknown setting 'desks'" + KNOWN_SETTINGS),
])
def test_a_config_error_is_reported_at_its_own_line(cli, tmp_path, monkeypatch, config, text, error):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / config, text)
    write(tmp_path / "fire.txt", "The fire probably started in the kitchen, a neighbour said.\n")
    result = cli("check", "fire.txt")
    assert result.exit_code == 2, result.output
    assert result.stderr == f"newslint: error: {error}\n"


def test_house_rule_ids_are_known_where_they_are_loaded(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "style.yaml", HOUSE_RULES)
    write(tmp_path / "world" / ".newslint.yaml", "rule_files: [../house/style.yaml]\nselect: [house, hedging]\n")
    for desk in ("world", "sport"):
        write(tmp_path / desk / "kyiv.txt", "Shelling hit Kiev overnight, the mayor said.\n")
    assert findings(cli, ".") == [("sport/kyiv.txt", "names.house-spelling", "warning"),
                                  ("world/kyiv.txt", "house.kyiv", "error")]
    # Only the world desk loads the house rules; naming them on the command line is still no typo.
    assert findings(cli, "--select", "house.kyiv", ".") == [("world/kyiv.txt", "house.kyiv", "error")]
    assert findings(cli, "--ignore", "house", ".") == [("sport/kyiv.txt", "names.house-spelling", "warning")]


def test_a_bad_house_rule_file_is_named_as_the_config_names_it_with_line_and_rule(cli, tmp_path, monkeypatch):
    """The desk's config says `rule_files: [../house/style.yaml]`; run from the repository root, the error
    names house/style.yaml, not the absolute path newslint resolved. Named again with --rules, the same file
    is read once, so its real error shows, not a duplicate id against itself."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "style.yaml", HOUSE_RULES.replace("phrases: [Kiev]", "phrases: ['Kiev (oblast']"))
    write(tmp_path / "world" / ".newslint.yaml", "rule_files: [../house/style.yaml]\n")
    write(tmp_path / "world" / "kyiv.txt", "Shelling hit Kiev overnight, the mayor said.\n")
    expected = ("newslint: error: house/style.yaml:8: rule house.kyiv: bad regular expression 'Kiev (oblast': "
                "missing ), unterminated subpattern at position 5\n")
    for extra in ([], ["--rules", "house/style.yaml"], ["--rules", str(tmp_path / "house" / "style.yaml")]):
        result = cli("check", *extra, "world/kyiv.txt")
        assert (result.exit_code, result.stderr) == (2, expected)


def test_a_house_rule_file_named_again_through_a_link_is_read_once(cli, tmp_path, monkeypatch):
    """CI names the desk's rule file through a linked folder (`shared` -> `house`): the same file, not a second
    one whose every id is a duplicate of its own."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "style.yaml", HOUSE_RULES)
    (tmp_path / "shared").symlink_to("house")
    write(tmp_path / "world" / ".newslint.yaml", "rule_files: [../house/style.yaml]\n")
    write(tmp_path / "world" / "kyiv.txt", "Shelling hit Kiev overnight, the mayor said.\n")
    assert findings(cli, "--rules", "shared/style.yaml", "--select", "house", "world") == [
        ("world/kyiv.txt", "house.kyiv", "error")]


@pytest.mark.parametrize("name, text, expected", [
    ("pyproject.toml", "tool = 5\n", "pyproject.toml: 'tool' must be a table, not 5"),
    ("pyproject.toml", "[tool]\nnewslint = 5\n", "pyproject.toml:2: 'tool.newslint' must be a table of settings"),
    ("pyproject.toml", "[tool]\nnewslint = [\"hedging\"]\n", "pyproject.toml:2: 'tool.newslint' must be a table"),
    ("pyproject.toml", "[tool.newslint]\nfail_level = 5\n", "pyproject.toml:2: 'fail_level' must be error, warning"),
    ("pyproject.toml", "[tool.newslint]\nseverity = 5\n", "pyproject.toml:2: 'severity' maps rule ids"),
    ("pyproject.toml", f"[tool.newslint]\nfail_level = {'9' * 5000}\n",
     "pyproject.toml: not valid TOML: Exceeds the limit (4300 digits) for integer string conversion"),
    (".newslint.yaml", "exclude: [2025-02-29]\n", ".newslint.yaml:1: cannot read '2025-02-29': day is out of range for month"),
    (".newslint.yaml", f"fail_level: {'9' * 5000}\n",
     ".newslint.yaml:1: cannot read '9999999999999999999999999999999999999...': Exceeds the limit (4300 digits)"),
    (".newslint.yaml", "select: [duplicates]\nfail_level: loud\n", ".newslint.yaml:2: 'fail_level' must be error, warning or suggestion, not 'loud'"),
    # A key with nothing after it is YAML's null: said as the editor sees it, not as Python's None.
    (".newslint.yaml", "fail_level:\n", ".newslint.yaml:1: 'fail_level' must be error, warning or suggestion, not an empty value"),
    (".newslint.yaml", "severity:\n  duplicates: error\n  hedging: loud\n", ".newslint.yaml:3: severity of 'hedging' must be"),
    (".newslint.yaml", "exclude: [wires, Off]\n", ".newslint.yaml:1: 'exclude' must be a list of strings; YAML reads a bare"),
    (".newslint.yaml", "fail_level: warning\nselect: []\n", ".newslint.yaml:2: 'select' names no rule or set, so nothing"),
    (".newslint.yaml", "rule_files: [house/style.yaml]\n", ".newslint.yaml:1: rule file 'house/style.yaml' in 'rule_files' not found"),
    (".newslint.yaml", "select: [duplicates]\nrule_files: ['.']\n", ".newslint.yaml:2: rule file '.' in 'rule_files' is a folder"),
])
def test_a_setting_of_the_wrong_type_is_an_error_naming_its_line(cli, tmp_path, monkeypatch, name, text, expected):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / name, text)
    write(tmp_path / "today.txt", PASTED_TWICE)
    result = cli("check", "today.txt", "--config", name)
    assert result.exit_code == 2, result.output
    assert f"newslint: error: {expected}" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("config, text, line", [
    (".newslint.yaml", "rule_files:\n  - house/style.yaml\n  - house/names.yaml\nfail_level: error\n", 3),
    ("pyproject.toml", '[tool.newslint]\nrule_files = [\n    "house/style.yaml",\n    "house/names.yaml",\n]\n', 4),
])
def test_a_missing_rule_file_in_a_list_written_one_a_line_is_named_at_its_own_line(cli, tmp_path, monkeypatch,
                                                                                    config, text, line):
    """A desk's house files listed one a line: the missing one is named at its own line, as a misspelt name
    under `select` is, not at the `rule_files:` key above the list."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "style.yaml", HOUSE_RULES)
    write(tmp_path / config, text)
    write(tmp_path / "today.txt", PASTED_TWICE)
    result = cli("check", "today.txt")
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"newslint: error: {config}:{line}: rule file 'house/names.yaml' in 'rule_files' not found "
                             "(paths are relative to the config's folder)\n")


@pytest.mark.parametrize("name, text", [
    ("newslint.toml", 'select = ["duplicates"]\nfail_level = "error"\n'),  # the settings, but not under [tool.newslint]
    ("pyproject.toml", '[project]\nname = "newsroom"\n'),  # another project's file, named by mistake
])
def test_a_toml_config_named_on_the_command_line_without_a_newslint_table_is_an_error(cli, tmp_path, monkeypatch,
                                                                                      name, text):
    """--config names the settings for every file: a TOML file that holds none of newslint's would run every
    rule at the default fail level, as if the desk's settings were read."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / name, text)
    write(tmp_path / "today.txt", PASTED_TWICE)
    result = cli("check", "today.txt", "--config", name)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"newslint: error: {name}: no [tool.newslint] table: put the settings under one\n"


@pytest.mark.parametrize("path, root, parts", [
    ("/news/desk/archive/2019/story.txt", "/news/desk", ("archive", "2019", "story.txt")),
    ("/news/desk", "/news/desk", ()),
    ("/news/desk2/story.txt", "/news/desk", None),  # a sibling whose name starts the same is not inside
    ("/news/story.txt", "/news/desk", None),
    ("/news/desk/story.txt", ".", None),  # absolute beside relative: not comparable, so not inside
])
def test_parts_below_a_config_folder(path, root, parts):
    assert parts_below(path, root) == parts


@pytest.mark.parametrize("parts, pattern, matched", [
    (("archive", "2019", "story.txt"), "archive/**", True),
    (("archive", "2019", "story.txt"), "archive/", True),
    (("drafts", "archive", "story.txt"), "archive", True),  # no slash: a name at any depth
    (("drafts", "archive", "story.txt"), "/archive", False),  # a slash: from the root
    (("drafts", "story.txt"), "*.md", False),
    (("Archive", "STORY.TXT"), "archive/*.txt", True),  # case ignored, as for --include
    (("story.md",), "**/*.md", True),  # a leading **/ matches below any folder, the top one included
    (("drafts", "archive", "story.txt"), "**/archive/*.txt", True),
    (("drafts", "story.txt"), "**/archive/*.txt", False),
    (("archive", "2019", "story.txt"), "./archive/**", True),  # "./": the folder the glob is relative to
    (("drafts", "archive", "story.txt"), "./archive", False),
    (("today.txt",), "./*.txt", True),
])
def test_exclude_patterns_match_as_gitignore_does(parts, pattern, matched):
    assert path_matches(parts, pattern) is matched


def test_rules_and_standard_input_use_the_config_of_the_folder_they_run_in(cli, tmp_path, monkeypatch):
    # A desk runs `newslint rules --test` at its repository root: its house rules must be the ones tested.
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "style.yaml", HOUSE_RULES)
    write(tmp_path / ".newslint.yaml", "rule_files: [house/style.yaml]\n")
    assert "house.kyiv" in cli("rules").stdout
    assert "house.kyiv (0 examples)" in cli("rules", "--test").stdout
    piped = cli("check", "--format", "json", "-", input=b"Shelling hit Kiev overnight, the mayor said.\n")
    assert "house.kyiv" in [finding["rule"] for finding in json.loads(piped.stdout)["findings"]]


@pytest.mark.parametrize("options, rules", [
    (["--select", "hedging"], ["hedging.epistemic"]),  # a set: its rules that are on
    (["--select", "hedging", "--enable", "hedging.peacock"], ["hedging.peacock", "hedging.epistemic"]),
    (["--select", "hedging.peacock"], ["hedging.peacock"]),  # an id: that rule, on or off
    (["--enable", "hedging.peacock"], ["hedging.peacock", "hedging.epistemic"]),
    (["--select", "readability"], ["readability.grade", "readability.long-sentence"]),  # a set that ships off: all of it
])
def test_select_narrows_the_rules_that_are_on_and_names_an_off_rule_by_id(cli, tmp_path, options, rules):
    story = write(tmp_path / "profile.txt", "The well-known chef appears to have sold the restaurant to a rival.\n"
                  if "readability" not in options else " ".join(["The chef sold the restaurant to a rival."] * 6)
                  .replace(". ", " and ") + "\n")
    assert [rule for _, rule, _ in findings(cli, *options, story)] == rules


def test_the_readme_configuration_example_runs_the_house_rules_it_loads(cli, tmp_path, monkeypatch):
    """A desk copying the README's `.newslint.yaml` beside its two house rule files gets those rules run:
    a `select` that leaves out the house set would load them and run none, without a word."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    config = next(block for block in blocks if block.startswith("# .newslint.yaml\nrule_files:"))
    write(tmp_path / ".newslint.yaml", config)
    write(tmp_path / "house/style.yaml", next(block for block in blocks if "id: house.firefighter" in block))
    write(tmp_path / "house/names.yaml", next(block for block in blocks if "id: house.spelling" in block))
    write(tmp_path / "drone.txt", """\
        Sirens sounded across Kiev overnight as drones struck the eastern districts, and two firemen were hurt.

        President Zelenskyy said the attack was the largest on the capital in weeks.
        """)
    monkeypatch.chdir(tmp_path)
    assert findings(cli, "drone.txt") == [
        ("drone.txt", "house.spelling", "warning"),
        ("drone.txt", "house.firefighter", "warning"),
        ("drone.txt", "house.spelling", "warning"),
    ]
