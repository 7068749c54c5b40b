"""Shared fixtures: the small company folders kept under tests/companies/."""

from pathlib import Path

import pytest

COMPANIES = Path(__file__).parent / "companies"


@pytest.fixture
def companies() -> Path:
    return COMPANIES


def _write_file(
    folder: Path, text: str, name: str = "invoices.csv", encoding: str = "utf-8"
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding=encoding)
    return folder


@pytest.fixture
def write_invoices():
    """write_invoices(folder, text, name="invoices.csv") -> folder, made if needed."""
    return _write_file
