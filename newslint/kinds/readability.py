"""Flag sentences and paragraphs that are too long or too hard to read, by a count or a textstat metric."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.finding import Hit
from newslint.kinds.base import Kind
from newslint.regexcache import compiled

def _words(span) -> int:
    return len(_WORD.findall(span.text))


def _sentences(span) -> int:
    return len(span.sentences)


# Counts that need no textstat; any other metric name is a textstat function ("flesch_kincaid_grade").
_COUNTS = {"words": _words, "sentences": _sentences}
_WORD = compiled(r"[\w'\u2019-]+")
UNITS = ("sentence", "paragraph")


class Readability(Kind):
    """Flag a sentence or paragraph whose metric is above `max`.

    Fields: metric (required: "words", "sentences", or the name of a textstat function that takes text
    and returns a number, e.g. "flesch_kincaid_grade", "gunning_fog"), max (required), unit ("sentence"
    or "paragraph", default "sentence"), min_words (default 0: grade formulas are noise on very short
    text, so skip units shorter than this). Headlines are never checked.
    """

    fields = frozenset({"metric", "max", "unit", "min_words"})
    placeholders = frozenset({"value", "max", "metric"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.unit = rule.get("unit", "sentence")
        if self.unit not in UNITS:
            raise rule.error(f"'unit' must be one of {', '.join(UNITS)}, not {self.unit!r}", "unit")
        self.metric_name = rule.require("metric")
        if not isinstance(self.metric_name, str):
            raise rule.error("'metric' must be a name", "metric")
        self.max = rule.number("max", 0, 0, 10_000)
        self.min_words = int(rule.number("min_words", 0, 0, 10_000))
        # A house rule's textstat name is checked now, while the rule loads. A shipped rule's is tested with
        # newslint, and looking it up here would import textstat (a third of a second, half of a cold start)
        # into every run that fills the rule cache, which builds readability.grade though it ships off.
        self._measure = None if rule.is_shipped else self._metric()

    def __getstate__(self) -> dict:
        """Pickled (in the rule cache) without its textstat function: looked up again when the rule first
        runs, so a cached rule set that is off (as readability is by default) never imports textstat."""
        return {**self.__dict__, "_measure": None}

    def _metric(self):
        return _COUNTS.get(self.metric_name) or self._textstat_metric()

    def _textstat_metric(self):
        import warnings  # with textstat, not at the top: a run without a textstat metric needs neither

        from textstat.textstat import textstatistics  # only when a readability rule runs: slow to import

        statistics = textstatistics()
        # "en-US" with a hyphen keeps textstat on its bundled hyphenation dictionary; "en_US" makes it
        # fetch NLTK's pronouncing dictionary over the network the first time, and a linter must not.
        statistics.set_lang("en-US")
        function = getattr(statistics, self.metric_name, None)
        if not callable(function) or self.metric_name.startswith("_") or self.metric_name.startswith("set_"):
            raise self.rule.error(f"textstat has no metric {self.metric_name!r}", "metric")

        def measure(span):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "no easy words vocabulary for en-US, using english"
                return function(span.text)

        return measure

    def check(self, span) -> Iterator[Hit]:
        if span.is_heading or (self.min_words and _words(span) < self.min_words):
            return
        if self._measure is None:
            self._measure = self._metric()
        value = self._measure(span)
        if isinstance(value, (int, float)) and value > self.max:
            shown = int(value) if float(value).is_integer() else round(value, 1)
            yield Hit(span.start, span.start + _first_words(span.text, 6),
                      {"value": shown, "max": _plain(self.max), "metric": self.metric_name.replace("_", " ")})


def _first_words(text: str, count: int) -> int:
    """Report the opening words only: the whole paragraph would bury the message."""
    matches = list(_WORD.finditer(text, 0, 300))[:count]
    return matches[-1].end() if matches else len(text)


def _plain(number: float):
    return int(number) if float(number).is_integer() else number
