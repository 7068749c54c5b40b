"""In words: who owns which customer (notebook 02)."""
