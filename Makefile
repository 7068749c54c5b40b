# Two commands on a fresh machine: `make run` and `make test`.
# Each creates .venv if there is none and installs the pinned dependencies first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lab check bench lint notebooks sample clean setup

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	# build matplotlib's font cache now, not inside the first notebook run
	$(BIN)/python -c "import matplotlib.pyplot"
	touch $(STAMP)

## run the whole workbook on the sample company; prints where the report is
run: $(STAMP)
	$(BIN)/workbook run data/sample --out output/sample

## the whole test suite: helpers, exercises, notebooks (nbval) and papermill runs
test: $(STAMP)
	$(BIN)/python -m pytest

## open JupyterLab on the notebooks
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

## validate a company folder: make check DATA=data/own
check: $(STAMP)
	$(BIN)/workbook check $(or $(DATA),data/sample)

## benchmarks: the whole workbook on 100,000 and 1,000,000 lines -> benchmarks/RESULTS.md
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -r benchmarks/requirements.txt
	$(BIN)/python -m benchmarks.bench

lint: $(STAMP)
	$(BIN)/ruff check helpers tests benchmarks data/make_sample.py

## re-execute every committed notebook top to bottom in a fresh kernel (after changing helpers)
notebooks: $(STAMP)
	$(BIN)/python -m helpers.course.notebooks

## regenerate the sample company (deterministic)
sample: $(STAMP)
	$(BIN)/python data/make_sample.py

clean:
	rm -rf output .pytest_cache
