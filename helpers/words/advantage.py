"""In words: the 9E checklist (notebook 04)."""
