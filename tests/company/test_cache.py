"""A run reads the company once; each notebook's session takes it from the run's cache."""

from helpers.company.cache import cache_path, read_cache, remove_cache, write_cache
from helpers.company.folder import load_company
from helpers.course.session import start


def test_session_takes_the_runs_cached_company_of_the_same_folder_only(companies, tmp_path):
    company = load_company(companies / "tiny")
    company.invoices = company.invoices.iloc[:3]  # so we can tell the cache from the folder
    write_cache(company, tmp_path)

    wb = start("01-x", companies / "tiny", output_dir=tmp_path)
    assert len(wb.company.invoices) == 3
    assert read_cache(tmp_path, companies / "minimal") is None
    wb = start("01-x", companies / "minimal", output_dir=tmp_path)
    assert len(wb.company.invoices) == len(load_company(companies / "minimal").invoices)

    remove_cache(tmp_path)
    assert not cache_path(tmp_path).exists()
    assert read_cache(tmp_path, companies / "tiny") is None
    assert read_cache(None, companies / "tiny") is None
