"""In words: dependence on a few customers (notebook 01)."""
