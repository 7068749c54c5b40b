"""The examples in the helpers' docstrings run and give what they show.

An example that needs a whole company to mean anything says ``# doctest: +SKIP``; every
other one is run here, so a docstring never shows a call that no longer works.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (ROOT / "helpers").rglob("*.py")
    if path.name != "__main__.py"
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, capsys):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in finder.find(module, name):
        if test.filename and Path(test.filename).resolve() != Path(module.__file__).resolve():
            continue  # re-exported from elsewhere: tested in its own module
        runner.run(test)
    report = capsys.readouterr().out
    assert runner.failures == 0, report[-4000:]


def test_the_helpers_have_examples():
    finder = doctest.DocTestFinder(exclude_empty=True)
    examples = sum(
        len(test.examples)
        for name in MODULES
        for test in finder.find(importlib.import_module(name), name)
    )
    assert examples > 30
