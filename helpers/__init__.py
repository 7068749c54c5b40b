"""The engine of the customer-relationship workbook.

Data loading and validation (``data``, ``parsing``), one module per analysis
topic (``pricing``, ``concentration``, ``freshness``), plots (``plots``),
exercises (``exercises``), the notebook entry point (``session``), the run
and its report (``runner``, ``report``) and the command line (``cli``).
"""

__version__ = "0.1.0"
