"""In words: segments.csv and the check-up calls, as tables to show (notebook 02)."""
