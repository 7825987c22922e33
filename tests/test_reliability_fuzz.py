"""Property tests over generated copy: news words, quotes, abbreviations, Markdown, CRLF, tabs, multi-byte
characters, BOMs and legacy encodings. Whatever the input: no exception escapes, every finding's line and
column are in the file and point at the finding's text, the output is the same run after run, and two
workers give the same findings as one.

Examples per property: few when the CI environment variable is set, more locally (HYPOTHESIS_PROFILE
picks a profile by name: newslint-ci, newslint-dev).
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.decoding import decode
from newslint.runner import PARALLEL_MIN_FILES, Task, check_task, run
from newslint.patterns import compile_pattern, phrase_alternation

settings.register_profile("newslint-ci", max_examples=15, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("newslint-dev", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE") or
                               ("newslint-ci" if os.environ.get("CI") else "newslint-dev"))

WORDS = ["the", "council", "said", "on", "Tuesday", "officials", "might", "reportedly", "allegedly", "Kiev",
         "Kyiv", "Zelenskiy", "Zelensky", "sources", "say", "could", "potentially", "irregardless", "May", "5",
         "3.2", "million", "$400,000", "percent", "Smith", "told", "Reuters", "critics", "argue", "perhaps"]
MARKS = ["U.S.", "Gen.", "Jan. 5", "No. 10", "John F. Kennedy", "Inc.", "e.g.", "etc.", "...", "\u2026", "?", "!",
         ".", ",", ";", ":", " - ", "\u2014", "(", ")", "'s", "\u2019s"]
QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", '."', ".\u201d", ',"']
MARKDOWN = ["# ", "## ", "- ", "* ", "1. ", "> ", "```\n", "`code`", "[link](http://example.com/a_b)", "<!-- note -->",
            "*em*", "__strong__", "| a | b |\n", "---\n", "    indented\n", "<b>", "http://x.org/p?q=1", "a@b.com"]
SPACE = [" ", " ", " ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u00a0", "\u200b", "\u202f"]
EXOTIC = ["\u00e9", "\u00fc", "\u00df", "e\u0301", "\U0001f600", "\U0001f44d\U0001f3fd", "\u05e9\u05dc\u05d5\u05dd",
          "\u0645\u0631\u062d\u0628\u0627", "\u202e", "\u4e2d\u6587", "\x00", "\ufeff", "\u2028"]
PARAGRAPH = "The council voted 7-2 on Tuesday to close the library on Elm Street at the end of June."

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(SPACE), st.sampled_from(SPACE),
                  st.sampled_from(MARKS), st.sampled_from(QUOTES), st.sampled_from(MARKDOWN),
                  st.sampled_from(EXOTIC), st.just(PARAGRAPH), st.text(max_size=8))
copy = st.lists(token, max_size=120).map("".join)


@st.composite
def files(draw) -> tuple[str, bytes]:
    text = draw(copy)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf-8") else "replace")
    if encoding == "cp1252":
        data = text.encode("cp1252", errors="replace")
    return draw(st.sampled_from(["story.txt", "story.md"])), data


def check(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return check_task(Task(str(path), Config()))


def assert_located(data: bytes, findings) -> None:
    """Each finding's (line, column) is in the file and its text is there, as the file decodes."""
    text = decode(data).text.replace("\r\n", "\n").replace("\r", "\n")
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for finding in findings:
        assert 1 <= finding.line <= finding.end_line <= len(starts), finding
        offset = starts[finding.line - 1] + finding.column - 1
        end = starts[finding.end_line - 1] + finding.end_column - 1
        line_end = starts[finding.line] - 1 if finding.line < len(starts) else len(text)
        assert starts[finding.line - 1] <= offset <= line_end, finding
        # A finding's text keeps the file's CRLF or bare CR (README); `text` here has them unified.
        assert text[offset:end] == finding.text.replace("\r\n", "\n").replace("\r", "\n"), finding


@settings(PROFILE)
@given(document=files())
def test_any_file_gives_located_deterministic_findings(tmp_path_factory, document):
    name, data = document
    tmp_path = tmp_path_factory.mktemp("fuzz")
    first = check(tmp_path, name, data)
    assert first.error is None, first.error
    if first.skipped:  # mostly control characters: a binary file, said and skipped
        return
    assert_located(data, first.findings)
    again = check(tmp_path, name, data)
    assert again.findings == first.findings and again.notice == first.notice


@settings(PROFILE, max_examples=max(3, PROFILE.max_examples // 10))
@given(documents=st.lists(files(), min_size=PARALLEL_MIN_FILES, max_size=PARALLEL_MIN_FILES + 4))
def test_two_workers_find_what_one_finds(tmp_path_factory, documents):
    tmp_path = tmp_path_factory.mktemp("fuzz-jobs")
    tasks = []
    for number, (name, data) in enumerate(documents):
        path = tmp_path / f"{number:02d}-{name}"
        path.write_bytes(data)
        tasks.append(Task(str(path), Config()))
    serial, parallel = run(tasks, jobs=1), run(tasks, jobs=2)
    assert parallel.findings == serial.findings
    assert [(r.path, r.skipped, r.error) for r in parallel.results] == [(r.path, r.skipped, r.error) for r in serial.results]


phrase = st.lists(st.sampled_from(["a", "b", "é", " ", "-", "'", "a b", "b-a"]), min_size=1, max_size=4).map("".join)


@settings(PROFILE, max_examples=PROFILE.max_examples * 10)
@given(phrases=st.lists(phrase, min_size=1, max_size=4), text=st.text(alphabet="ab é-'\n\u00a0A\U0001f600,",
                                                                       max_size=30), pos=st.integers(0, 30))
def test_re2_whole_word_phrases_match_exactly_as_python_re(phrases, text, pos):
    source = phrase_alternation(phrases)
    ours, python = compile_pattern(source, True), re.compile(source, re.IGNORECASE)
    assert [m.span() for m in ours.finditer(text, pos)] == [m.span() for m in python.finditer(text, pos)]
    assert ours.sub("<\\g<0>>", text) == python.sub("<\\g<0>>", text)
