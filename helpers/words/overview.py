"""In words: what is in the data (notebook 00)."""
