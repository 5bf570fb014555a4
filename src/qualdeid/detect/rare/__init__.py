"""Rare personal details (RARE_DETAIL): the corpus processor, the rare-detail rules and one module per
family of phrase finders."""
