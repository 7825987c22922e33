"""Every fixture article must produce exactly the findings in its `.expected` file.

An `.expected` file holds one finding a line, `line:column rule` (or `path:line:column rule` for a folder
of articles checked together), in output order. An optional first line `# select: duplicates,names`
limits the run to those rule sets; `# enable: readability` switches on rules that are off by default.
A new case is two files and no Python.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

ARTICLES = FIXTURES / "articles"
CASES = sorted(p for p in ARTICLES.iterdir() if p.suffix != ".expected" and p.with_suffix(".expected").exists()
               or p.is_dir())


def _expected(case: Path) -> tuple[list[str], list[str]]:
    options, lines = [], []
    for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            key, _, value = line[2:].partition(":")
            options += [f"--{key.strip()}", value.strip()]
        elif line.strip():
            lines.append(line.strip())
    return options, lines


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_article_findings(case: Path, cli, monkeypatch):
    monkeypatch.chdir(case.parent)
    options, expected = _expected(case)
    result = cli("check", "--format", "json", "--jobs", "1", *options, case.name)
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(result.stdout)["findings"]
    if case.is_dir():
        prefix = case.name + "/"
        got = [f"{f['path'].removeprefix(prefix)}:{f['line']}:{f['column']} {f['rule']}" for f in findings]
    else:
        got = [f"{f['line']}:{f['column']} {f['rule']}" for f in findings]
    assert got == expected
    for finding in findings:
        assert _text_at(case.parent / finding["path"], finding) == finding["text"]
    assert result.exit_code == (1 if any(f["severity"] != "suggestion" for f in findings) else 0)


def _text_at(path: Path, finding: dict) -> str:
    """The file's own characters between a finding's start and end positions, read independently of
    newslint's document model: lines split on any newline convention, columns counted in characters."""
    raw = path.read_bytes()
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            text = raw[len(bom):].decode(encoding)
            break
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    # Line breaks stay as saved ("\r\n" in a CRLF file): `text` is the flagged words as written.
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[finding["line"] - 1] + finding["column"] - 1
    return text[start : starts[finding["end_line"] - 1] + finding["end_column"] - 1]
