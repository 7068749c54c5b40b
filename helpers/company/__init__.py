"""The company folder and its contract: loading and validation, parsing, import, pseudonyms.

>>> from helpers.company import load_company
>>> company = load_company(None)   # the sample company
"""

from helpers.company.folder import (
    ERROR,
    WARNING,
    Company,
    DataError,
    Problem,
    check_company,
    load_company,
    resolve_as_of,
)

__all__ = [
    "ERROR",
    "WARNING",
    "Company",
    "DataError",
    "Problem",
    "check_company",
    "load_company",
    "resolve_as_of",
]
