"""In words: satisfaction against repurchase, and the NPS (notebook 05)."""
