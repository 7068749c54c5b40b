"""In words: accounts to reprice, put on prepayment or let go, and why (notebook 03)."""
