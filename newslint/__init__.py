"""newslint: a consistency and quality linter for news copy."""

__version__ = "0.1.0"
