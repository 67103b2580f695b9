# Two commands from a fresh clone: `make demo`, `make test`. Both create .venv if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/extract ../shared/seed/pingdingshan.zh.txt 2>/dev/null || $(BIN)/extract samples/seed/pingdingshan.zh.txt
	$(BIN)/extract samples/seed/pingdingshan.en.txt --format table

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/extract eval samples/zh
	$(BIN)/extract eval samples/en

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
