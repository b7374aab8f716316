# Every target works on a fresh clone: the venv is made and filled on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= parallax.db
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: demo test bench serve install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The benchmarks also need the profiler (the bench extra).
$(BENCH_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/parallax --db $(DB) ingest examples/
	$(BIN)/parallax --db $(DB) stories
	$(BIN)/parallax --db $(DB) show
	@echo
	@echo "Open the web UI:  $(BIN)/parallax --db $(DB) serve   (then visit http://127.0.0.1:8000)"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run_all.py

serve: $(STAMP)
	$(BIN)/parallax --db $(DB) serve

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
