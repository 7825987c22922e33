"""The engine's shortcuts give the findings the plain way gives: the cross-file pass joined while files are
still being checked, whatever the order of the files and however many cross-file rules run."""

from __future__ import annotations

import gc
import shutil

import pytest

from conftest import FIXTURES
from newslint.config import Config
from newslint.runner import FULL_COLLECTION_RARITY, PARALLEL_MIN_FILES, YOUNG_COLLECTION_RARITY, Task, run

ARTICLES = FIXTURES / "articles"


def _desk(tmp_path) -> list[str]:
    """Enough fixture stories for a worker pool, two of them pasted into others across folders."""
    # The two stories filed again below are left out here and added by name, so that a fixture added later, which
    # shifts the stories picked by position, cannot leave a copy without its original.
    named = ("hedging-harbour-budget.txt", "attribution-stadium-plan.txt")
    stories = sorted(p for p in ARTICLES.glob("*.txt") if p.name not in named)[: PARALLEL_MIN_FILES + 4]
    for number, story in enumerate(stories):
        folder = tmp_path / ("desk-a" if number % 2 else "desk-b")
        folder.mkdir(exist_ok=True)
        shutil.copy(story, folder / f"{number:02d}.txt")
    budget = (ARTICLES / "hedging-harbour-budget.txt").read_bytes()
    (tmp_path / "desk-a" / "97.txt").write_bytes(budget)
    (tmp_path / "desk-b" / "98.txt").write_bytes(budget)  # filed twice
    stadium = ARTICLES / "attribution-stadium-plan.txt"
    shutil.copy(stadium, tmp_path / "desk-b" / "96.txt")
    pasted = stadium.read_text(encoding="utf-8").split("\n\n")[1]  # and a paragraph of it pasted into a new story
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


def test_skipping_kinds_by_word_finds_what_running_every_kind_finds(monkeypatch):
    """`could_match` lets the engine skip a kind on a paragraph holding none of its words; forcing every
    kind onto every paragraph must find exactly the same."""
    from newslint.document import Document
    from newslint.engine import engine_for
    from newslint.kinds.base import Kind

    stories = sorted([*ARTICLES.glob("*.txt"), *ARTICLES.glob("*.md"), *(FIXTURES.parent.parent / "examples").glob("*.*")])
    every_set = ("attribution", "duplicates", "hedging", "names", "readability")
    engine = engine_for(Config(select=every_set, enable=every_set))  # every rule, on or off
    # The fixture stories, and every rule's own examples as the paragraphs of one more story.
    examples = [text for rule in engine.rules for key in ("flags", "passes") for text in rule.examples.get(key, [])
                if isinstance(text, str)]  # a list is a set of files, for a cross-file rule
    documents = [lambda story=story: Document.read(str(story)) for story in stories]
    documents.append(lambda: Document("examples.txt", "\n\n".join(examples)))
    skipped = sum(not kind.could_match(p) for kind in engine.kinds for read in documents for p in read().paragraphs)
    quick = [engine.check(read())[0] for read in documents]
    for cls in {type(kind) for kind in engine.kinds}:
        monkeypatch.setattr(cls, "could_match", Kind.could_match)
    for kind in engine.kinds:
        monkeypatch.setattr(kind, "trigger", None)  # nor ruled out by the engine's own look at the words
    every = [engine.check(read())[0] for read in documents]
    assert skipped > 1000 and sum(map(len, every)) > 150
    assert quick == every


def test_a_kind_is_ruled_out_by_its_trigger_words_only_where_it_could_match_nothing():
    """The engine asks a kind's `could_match` only on a paragraph holding one of its trigger words (or a word
    beyond ASCII): wherever `could_match` says yes, one of them must stand."""
    engine, paragraphs = _every_rule_and_paragraph()
    triggered = [kind for kind in engine.kinds if kind.trigger is not None]
    assert len(triggered) >= 8
    asked = ruled_out = 0
    for paragraph in paragraphs:
        index = paragraph.seen.word_index
        for kind in triggered:
            if kind.trigger.isdisjoint(index.words) and not index.other:
                ruled_out += 1
                assert not kind.could_match(paragraph), (kind.rule.id, paragraph.text)
            else:
                asked += kind.could_match(paragraph)
    assert ruled_out > 1000 and asked > 100


def test_a_repeat_across_files_needs_the_same_figures_read_after_the_dateline(tmp_path):
    """Across files a near repeat counts only with the same figures (found only for a candidate, not for
    every paragraph), read from the paragraph after its dateline: the 12 of "LONDON, Feb 12 -" is no figure
    of the story, and a changed fee is an update, not a paste."""
    stories = {
        "a.txt": "LONDON, Feb 12 - The port authority raised its berthing fees by 4.5 percent to 120 pounds a day "
                 "on Monday, the first rise in three years.\n",
        "b.txt": "The port authority raised its berthing fees by 4.5 percent to 120 pounds a night on Monday, the "
                 "first rise in three years.\n",
        "c.txt": "The port authority raised its berthing fees by 6.5 percent to 120 pounds a day on Monday, the "
                 "first rise in three years.\n",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text)
    config = Config(select=("duplicates",))
    findings = run([Task(str(tmp_path / name), config) for name in stories], jobs=1).findings
    expected = [(str(tmp_path / "b.txt"), 1, 1, "duplicates.across-files")]
    assert [(f.path, f.line, f.column, f.rule) for f in findings] == expected
    assert findings[0].message.startswith(f"Story repeats {tmp_path / 'a.txt'} (96% alike)")


def test_a_huge_jobs_value_starts_no_more_workers_than_files_or_cores(tmp_path, monkeypatch):
    import concurrent.futures
    import os

    started = []

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers=None, *args, **kwargs):
            started.append(max_workers)
            super().__init__(min(max_workers, 2), *args, **kwargs)  # the size asked for is recorded, not started

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    paths = _desk(tmp_path)
    config = Config()
    huge = run([Task(p, config) for p in paths], jobs=100_000)
    assert started and started[0] <= min(len(paths), 4 * (os.cpu_count() or 1))
    assert huge.findings == run([Task(p, config) for p in paths], jobs=1).findings


def test_collections_are_rarer_only_while_a_run_lasts(tmp_path):
    """A run keeps every file's results, so full garbage collections, which trace them all, are made rare
    for its length, and collections of the youngest generation, which trace each story's short-lived
    objects, rarer too; the caller's settings come back afterwards, even when the run ends in an error."""
    paths = _desk(tmp_path)[:3]
    before = gc.get_threshold()
    during = []
    run([Task(p, Config()) for p in paths], jobs=1, on_progress=lambda done, total: during.append(gc.get_threshold()))
    assert during and all(t[2] == FULL_COLLECTION_RARITY > before[2] for t in during)
    assert all(t[0] == before[0] * YOUNG_COLLECTION_RARITY > before[0] for t in during)
    assert gc.get_threshold() == before

    def interrupted(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([Task(p, Config()) for p in paths], jobs=1, on_progress=interrupted)
    assert gc.get_threshold() == before


def test_the_named_speaker_search_is_skipped_only_where_it_could_find_nothing():
    """The attribution rule searches for a named speaker only in text whose words hold a speech verb or an
    introducer, or a verb that opens on any word ("Chairman:"): wherever it skips the search, the search
    would have found nothing."""
    engine, paragraphs = _every_rule_and_paragraph()
    texts = [s.seen.text for p in paragraphs for s in p.sentences] + [p.seen.text for p in paragraphs]
    texts += ["The harbourmaster was blunt. Chairman: We will not pay.", "Fares rose. Critics expect more."]
    kinds = [kind for kind in engine.kinds if kind.rule.kind == "attribution"]
    assert kinds
    for kind in kinds:
        skipped = [text for text in texts if not kind._may_name(text)]
        assert len(skipped) > 100 and "Fares rose. Critics expect more." in skipped
        assert not any(kind.named.search(text) for text in skipped)
        assert kind._may_name("The harbourmaster was blunt. Chairman: We will not pay.")


def test_the_ascii_run_pattern_finds_in_ascii_text_the_runs_the_full_one_finds():
    """Name mentions in ASCII text (most wire copy) are found by a run pattern in ASCII classes alone: over
    every story and rule example, made ASCII, and runs written to try each part of the pattern, it must
    find exactly the runs the full pattern finds, paragraph by paragraph as `find_mentions` searches."""
    from newslint.document import Document
    from newslint.kinds.name_mentions import _ASCII_RUN, _RUN

    engine, paragraphs = _every_rule_and_paragraph()
    stories = sorted([*ARTICLES.glob("*.txt"), *ARTICLES.glob("*.md"), *ARTICLES.glob("*/*.txt")])
    texts = [story.read_text(encoding="utf-8", errors="replace") for story in stories]
    texts.append("\n\n".join(p.text for p in paragraphs))
    texts.append("Charles de Gaulle met Ursula von der Leyen, John F. Kennedy and Ahmed ash-Sharaa in Paris.\n\n"
                 "Khalid 'Abd al-Rahim and Zayd 'Ali met Omar 'The Nightingale' Haddad, who told Radio Solent 'We "
                 "will not give up.'\n\nHelene d'Aubrac and Etienne l'Ormeau met J.R. Ewing and O'Neill-Smith_2.\n\n"
                 "Anna\x1cMaria Lopez\tGarcia\x0bRuiz de\x1fla Cruz and Jose da\x0cSilva signed.")
    runs = 0
    for text in texts:
        text = text.encode("ascii", "ignore").decode()
        document = Document("story.txt", text)
        for paragraph in document.paragraphs:
            full = [m.span() for m in _RUN.finditer(document.text, paragraph.start, paragraph.end)]
            assert [m.span() for m in _ASCII_RUN.finditer(document.text, paragraph.start, paragraph.end)] == full
            runs += len(full)
    assert runs > 3000


def test_a_fused_particle_is_looked_for_only_in_a_word_with_a_hyphen():
    """The names rules try the fused-particle pattern ("al-Assad", "ash-Sharaa") only on a word holding a
    hyphen: over every word of the stories and rule examples, and words written to try each of its
    branches, no word without one matches."""
    from newslint.kinds.name_parts import HYPHEN_PARTICLE, _fused
    from newslint.wordindex import words_of

    engine, paragraphs = _every_rule_and_paragraph()
    words = {word for p in paragraphs for word in p.text.split()} | set(words_of(" ".join(p.text for p in paragraphs)))
    words |= {"al-Assad", "Al-Sabah", "ash-Sharaa", "ad-Din", "ar-Rashid", "an-Nahyan", "bin-Laden", "El-Sisi",
              "alAssad", "ashSharaa", "Abu", "Bint"}
    fused = [word for word in words if HYPHEN_PARTICLE.match(word)]
    assert len(fused) >= 6 and all("-" in word for word in fused)
    assert all(bool(_fused(word)) == bool(HYPHEN_PARTICLE.match(word)) for word in words)


def _every_rule_and_paragraph():
    """An engine running every shipped rule, and every paragraph of the fixture stories and rule examples: the
    text a shortcut's test checks it against."""
    from newslint.document import Document
    from newslint.engine import engine_for

    stories = sorted([*ARTICLES.glob("*.txt"), *ARTICLES.glob("*.md")])
    every_set = ("attribution", "duplicates", "hedging", "names", "readability")
    engine = engine_for(Config(select=every_set, enable=every_set))
    examples = [text for rule in engine.rules for key in ("flags", "passes") for text in rule.examples.get(key, [])
                if isinstance(text, str)]
    paragraphs = [p for story in stories for p in Document.read(str(story)).paragraphs]
    paragraphs += Document("examples.txt", "\n\n".join(examples)).paragraphs
    return engine, paragraphs
