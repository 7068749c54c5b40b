"""In words: new customers, retention and prospecting (notebook 01)."""
