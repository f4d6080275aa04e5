"""trainer: a terminal flashcard and quiz trainer."""

__version__ = "0.1.0"
