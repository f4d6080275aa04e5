"""Storage: paths, the profile database, the deck catalog and progress. No UI."""
