"""The language machinery under detection: the spaCy pipeline (loading, faster drop-in components,
BLAS and malloc settings), Presidio's engine on top of it, the offline guard and the pass-1 spool."""
