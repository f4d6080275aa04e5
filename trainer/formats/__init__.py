"""Other formats in and out: Anki packages, CSV/TSV (and Quizlet exports), YAML decks.

Readers turn a file into :class:`~trainer.formats.model.Imported` (plain data:
decks of entries, media, progress); writers turn decks (and their progress)
into files. This room may import ``core``; never ``store`` or ``ui``. Files
are only read here, and written only through the paths the caller gives.
"""
