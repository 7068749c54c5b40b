"""In words: the 80/20 rule and the ABC classes (notebook 02)."""
