"""The run and what it writes: headline figures, locale formats, the index page."""
