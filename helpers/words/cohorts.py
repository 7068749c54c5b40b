"""In words: retention by cohort (notebook 05)."""
