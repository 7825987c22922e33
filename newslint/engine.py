"""The rules of one configuration run over one document: the findings, and what the cross-file rules need."""

from __future__ import annotations

from newslint import kinds, suppression, visible
from newslint.config import Config
from newslint.document import Document, unified_line_breaks
from newslint.entities import decoded
from newslint.errors import shown
from newslint.finding import Finding, Hit
from newslint.patterns import PatternTimeout
from newslint.kinds.base import CrossHit, Kind
from newslint.ruleset import Rule, builtin_rule_files, load_rules



class Engine:
    """The kinds selected by one configuration, ready to check documents."""

    def __init__(self, rules: list[Rule], known_ids: frozenset[str] = frozenset()):
        self.rules = rules
        # Every loaded rule, run or not, and the suppression check, which is selected like any rule.
        self.known_ids = known_ids | {rule.id for rule in rules} | {suppression.UNKNOWN_RULE.id}
        self.kinds: list[Kind] = [kinds.create(rule) for rule in rules]
        self._spelling_order: dict[str, int] = {}  # spelling rule id -> its place in the load, later layers last
        if any(rule.kind == "substitution" for rule in rules):
            from newslint.kinds.substitution import check_agreement

            check_agreement(self.kinds)
            spelling = [kind.rule.id for kind in self.kinds if kind.rule.kind == "substitution"]
            self._spelling_order = {rule_id: place for place, rule_id in enumerate(spelling)}
        for kind in self.kinds:
            kind.alongside(self.kinds)
        self._by_unit = {unit: [k for k in self.kinds if k.unit == unit] for unit in ("document", "paragraph", "sentence")}
        self.cross_file = [k for k in self.kinds if k.cross_file]
        self._trigger_words = frozenset().union(*(k.trigger for k in self.kinds if k.trigger is not None))
        self.stopped: set[str] = set()  # rules whose pattern overran its time budget
        self.stopped_here: dict[str, str] = {}  # rule id -> why, for what was stopped on the document checked last

    def check(self, document: Document) -> tuple[list[Finding], dict[str, object]]:
        findings = []
        document.copies.clear()  # this engine's duplicate rule notes them afresh
        self.stopped_here = {}
        for kind in self._by_unit["document"]:
            findings.extend(self._run(kind, document, document))
        paragraph_kinds, sentence_kinds = self._by_unit["paragraph"], self._by_unit["sentence"]
        if paragraph_kinds or sentence_kinds:
            for paragraph in document.paragraphs:
                # A kind none of whose trigger words (`Kind.trigger`) stand here is not asked. The test is written
                # out in both loops: a helper called for every kind and paragraph would cost a third of its gain.
                present = self._trigger_words_in(paragraph)
                for kind in paragraph_kinds:
                    if (present is None or kind.trigger is None or not kind.trigger.isdisjoint(present)) \
                            and kind.could_match(paragraph):
                        findings.extend(self._run(kind, document, paragraph))
                # Each kind is asked once a paragraph, not once a sentence, whether it can find anything.
                active = [kind for kind in sentence_kinds if (present is None or kind.trigger is None
                                                              or not kind.trigger.isdisjoint(present))
                          and kind.could_match(paragraph)]
                for sentence in paragraph.sentences if active else ():
                    for kind in active:
                        findings.extend(self._run(kind, document, sentence))
        summaries = {kind.rule.id: kind.summarize(document) for kind in self.cross_file}
        if document.copies:
            findings = _once_per_copy(document, findings)
        return sorted(findings), summaries

    def once_per_spelling(self, findings: list[Finding]) -> list[Finding]:
        """Without a spelling rule's finding on words a later spelling rule also flags: a desk's own
        {canonical: Kyiv, variants: [Kiev]} beside the shipped list gives one finding on each "Kiev", the desk's,
        as later configuration layers win. `check_agreement` has made sure such rules ask for one spelling, so
        no fix is lost; a rule of another kind flags the words for another reason and keeps its finding. The
        runner calls this after suppression: a comment switching the desk's rule off leaves the other's."""
        if len(self._spelling_order) < 2:
            return findings
        order, latest = self._spelling_order, {}
        for finding in findings:
            if finding.rule in order:
                latest[_place(finding)] = max(latest.get(_place(finding), -1), order[finding.rule])
        return [f for f in findings if f.rule not in order or latest[_place(f)] == order[f.rule]]

    def _trigger_words_in(self, paragraph) -> frozenset[str] | None:
        """The kinds' trigger words (`Kind.trigger`) that `paragraph` holds, found for every kind at once: most
        kinds can find nothing in most paragraphs, and asking each would read the paragraph's words once per
        kind. None when the words cannot tell: one beyond ASCII may be any word to a rule's case folding."""
        if not self._trigger_words:
            return None
        index = paragraph.seen.word_index
        return None if index.other else self._trigger_words & index.words

    def _run(self, kind: Kind, document: Document, unit) -> list[Finding]:
        """One kind on one unit. A rule whose pattern overran its time budget is stopped for the rest of the
        run (in this process): a hung CI job helps no one, and the message names the rule to fix."""
        if kind.rule.id in self.stopped:
            return []
        try:
            return [self._finding(kind.rule, document, hit) for hit in kind.check(unit)]
        except PatternTimeout as error:
            self.stopped.add(kind.rule.id)
            self.stopped_here[kind.rule.id] = f"rule {kind.rule.id} stopped ({shown(kind.rule.path)}:{kind.rule.line}): {error.message}"
            return []

    @staticmethod
    def _finding(rule: Rule, document: Document, hit: Hit) -> Finding:
        start, end = document.widened(hit.start, hit.end)
        line, column = document.position(start)
        end_line, end_column = document.position(end)
        text = document.written(start, end)
        fix = (start, end, hit.replacement) if hit.replacement is not None else None
        seen = decoded(text) if document.entities else text  # "It’s widely believed", not "It&#x2019;s ..."
        return Finding(document.path, line, column, end_line, end_column, rule.id, rule.severity,
                       rule.message.format(text=_quoted(seen), **hit.values), text, fix)


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


def cross_finding(rule: Rule, hit: CrossHit) -> Finding:
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


def _place(finding: Finding) -> tuple:
    """The words a finding covers, in which file."""
    return finding.path, finding.line, finding.column, finding.end_line, finding.end_column
