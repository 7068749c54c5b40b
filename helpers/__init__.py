"""The engine of the customer-relationship workbook, grouped by role along the data flow.

``company``  the company folder and its contract (loading, validation, import, pseudonyms)
``analysis`` one module per topic: validated frames in, tables and figures out
``plots``    one module per topic: tables in, matplotlib axes out
``course``   what a notebook calls: the session, exercises per notebook, notebook tooling
``report``   the run, headline figures, locale formats, the index page
``cli``      the ``workbook`` command (also ``python -m helpers``)
"""

__version__ = "0.1.0"
