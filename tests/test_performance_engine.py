"""The engine's shortcuts give the findings the plain way gives: the cross-file pass joined while files are
still being checked, whatever the order of the files and however many cross-file rules run."""

from __future__ import annotations

import shutil

from conftest import FIXTURES
from newslint.config import Config
from newslint.engine import PARALLEL_MIN_FILES, Task, run

ARTICLES = FIXTURES / "articles"


def _desk(tmp_path) -> list[str]:
    """Enough fixture stories for a worker pool, two of them pasted into others across folders."""
    stories = sorted(p for p in ARTICLES.glob("*.txt"))[: PARALLEL_MIN_FILES + 4]
    for number, story in enumerate(stories):
        folder = tmp_path / ("desk-a" if number % 2 else "desk-b")
        folder.mkdir(exist_ok=True)
        shutil.copy(story, folder / f"{number:02d}.txt")
    (tmp_path / "desk-b" / "98.txt").write_bytes(stories[3].read_bytes())  # a story filed twice
    pasted = stories[5].read_text(encoding="utf-8").split("\n\n")[1]
    (tmp_path / "desk-a" / "99.txt").write_text(f"A new story opens here today.\n\n{pasted}\n", encoding="utf-8")
    return sorted(str(p) for p in tmp_path.rglob("*.txt"))


def test_cross_file_findings_do_not_depend_on_the_order_files_arrive(tmp_path):
    paths = _desk(tmp_path)
    config = Config(enable=("names.across-files",))  # two cross-file rules: one joined as files arrive
    in_order = run([Task(p, config) for p in paths], jobs=2)
    shuffled = run([Task(p, config) for p in reversed(paths)], jobs=2)  # out of path order: joined at the end
    serial = run([Task(p, config) for p in paths], jobs=1)
    across = [f for f in in_order.findings if f.rule == "duplicates.across-files"]
    assert len(across) >= 2
    assert in_order.findings == shuffled.findings == serial.findings
    assert [r.path for r in in_order.results] == paths
