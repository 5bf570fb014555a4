"""People's names: the corpus processor, initials and name variants (nicknames, diminutives)."""
