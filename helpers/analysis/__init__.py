"""The analyses, one module per topic: validated frames in, tables or plain numbers out.

>>> from helpers.analysis import pricing
>>> pricing.erosion_per_tenure_year(invoices, as_of)
"""
