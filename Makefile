# Shortcuts for `python3 workbook.py …`, which does the work on every system (see README).
# Each target sets up .venv first if needed: created once, re-installed only when
# pyproject.toml or requirements.lock change (a stamp in .venv holds their hash).

PYTHON ?= python3
WORKBOOK := $(PYTHON) workbook.py

.PHONY: run test test-fast lab check bench lint notebooks sample clean setup

## create .venv and install the pinned packages (fast when nothing changed)
setup:
	$(WORKBOOK) setup

## run the whole workbook on the sample company; prints where the report is
run:
	$(WORKBOOK) run data/sample --out output/sample

## the whole test suite: helpers, exercises, notebooks (nbval) and papermill runs
test:
	$(WORKBOOK) test

## the quick part of the suite: no whole runs, no notebooks, no browser (about a minute)
test-fast:
	$(WORKBOOK) test --fast

## open JupyterLab on the course, 00-start-here first
lab:
	$(WORKBOOK) lab

## validate a company folder: make check DATA=data/own
check:
	$(WORKBOOK) check $(or $(DATA),data/sample)

## benchmarks: the whole workbook on 100,000 and 1,000,000 lines -> benchmarks/RESULTS.md
bench:
	$(WORKBOOK) bench

lint:
	$(WORKBOOK) lint

## re-execute every committed notebook top to bottom in a fresh kernel (after changing helpers)
notebooks:
	$(WORKBOOK) notebooks

## regenerate the sample company (deterministic)
sample:
	$(WORKBOOK) sample

clean:
	$(WORKBOOK) clean
