"""In words: price erosion by tenure (notebook 01)."""
