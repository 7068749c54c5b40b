"""In words: the five levels of account value (notebook 03)."""
