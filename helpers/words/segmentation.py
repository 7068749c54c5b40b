"""In words: the value × potential matrix and the time budget (notebook 02)."""
