"""`python -m newslint` runs the command line."""

from newslint.cli import entry

entry()
