"""The pure core: decks, scheduling and the study session. No UI, no SQL."""
