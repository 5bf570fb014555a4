"""Places and organisations found again across the corpus by their short forms."""
