"""In words: the commitment matrix and the customers at risk (notebook 05)."""
