"""Imported once by the build's fork server, before it forks workers: loads the language
model, gazetteer and date names, so the workers share them (see :mod:`.workers`)."""

from .extract import warm

warm()
