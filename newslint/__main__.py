"""`python -m newslint` runs the command line."""

from newslint.entry import entry

entry()
