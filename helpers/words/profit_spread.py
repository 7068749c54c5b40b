"""In words: the whale curve and the price × cost-to-serve map (notebook 03)."""
