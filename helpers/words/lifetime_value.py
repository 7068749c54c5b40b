"""In words: what losing a customer costs, and the budget what-if (notebook 05)."""
