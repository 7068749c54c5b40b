"""The validated company, kept for one run so every notebook loads it in a fraction of a second.

``workbook run`` reads and checks the company folder once, then saves the loaded
``Company`` in the run's output folder; each notebook's ``session.start`` finds it
there instead of parsing the CSV files again (on a million invoice lines that is
about two seconds saved per notebook). The run deletes the file when it ends. Only
a cache made from the very folder a notebook asks for is used.

>>> import tempfile
>>> from helpers.company.folder import load_company
>>> company, out_dir = load_company(None), Path(tempfile.mkdtemp())
>>> write_cache(company, out_dir).name
'.workbook-company.pickle'
>>> read_cache(out_dir, company.folder) is not None, read_cache(out_dir, out_dir)
(True, None)
>>> remove_cache(out_dir)
"""

from __future__ import annotations

import pickle
from pathlib import Path

from helpers.company.folder import Company

CACHE_FILE = ".workbook-company.pickle"


def cache_path(out_dir: Path) -> Path:
    return Path(out_dir) / CACHE_FILE


def write_cache(company: Company, out_dir: Path, **results) -> Path:
    """Save the loaded company in ``out_dir`` (atomically: a half-written cache is never read),
    with ``results`` the run computed once for every notebook (e.g. ``plan=``)."""
    target = cache_path(out_dir)
    partial = target.with_suffix(".partial")
    with open(partial, "wb") as handle:
        pickle.dump({"company": company, **results}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(target)
    return target


def _cached(out_dir: Path | None, folder: Path) -> dict:
    if out_dir is None or not cache_path(out_dir).is_file():
        return {}
    with open(cache_path(out_dir), "rb") as handle:
        saved = pickle.load(handle)  # written by this run, in this output folder
    company = saved.get("company") if isinstance(saved, dict) else None
    if not isinstance(company, Company) or Path(company.folder).resolve() != Path(folder).resolve():
        return {}
    return saved


def read_cache(out_dir: Path | None, folder: Path) -> Company | None:
    """The cached company of ``folder``, or None (no run cache, or one of another folder)."""
    return _cached(out_dir, folder).get("company")


def read_cached_result(out_dir: Path | None, folder: Path, name: str):
    """A result the run cached for ``folder`` (``write_cache(…, name=…)``), or None."""
    return _cached(out_dir, folder).get(name)


def remove_cache(out_dir: Path) -> None:
    cache_path(out_dir).unlink(missing_ok=True)
