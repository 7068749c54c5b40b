"""The code is formatted by ruff and passes its checks (``python workbook.py lint``)."""

from tests.lint import lint


def test_ruff_checks_and_formatting_pass():
    code, said = lint()
    assert code == 0, said[-4000:] + "\n\nRun `python workbook.py lint --fix`."
