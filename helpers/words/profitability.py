"""In words: each account's economics after the cost to serve it (notebook 03)."""
