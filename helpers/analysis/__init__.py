"""The analyses, one module per topic: validated frames in, tables or plain numbers out.

No words here: the sentences that explain a result are in :mod:`helpers.words`, the
pictures in :mod:`helpers.plots`.

>>> from helpers.analysis import pricing
>>> pricing.erosion_per_tenure_year(invoices, as_of)  # doctest: +SKIP
"""
