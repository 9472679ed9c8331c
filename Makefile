# ssi-coach: `make serve` to use it, `make test` to check it. Both set up what is missing.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
VPY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve test dist runtime venv chromium lint unit e2e bench hardening clean

serve: dist
	$(PYTHON) tools/serve.py --dir dist --port $(PORT)

# Every test, then the benchmark once through (it fails only if a page never gets going).
test: venv dist chromium lint
	$(VPY) -m pytest tests
	$(VPY) -m tests.bench.run --quick

unit: venv
	$(VPY) -m pytest tests/unit

e2e: venv dist chromium
	$(VPY) -m pytest tests/e2e

# Start-up against the naive baseline, then the large import; timings are printed and
# written to .bench/results.json, never asserted. BENCH_FLAGS=--quick for one run of each.
bench: venv dist chromium
	$(VPY) -m tests.bench.run $(BENCH_FLAGS)

# Fuzz (10,000 cases per parser), fault scenarios, axe-core: figures in docs/hardening.md.
hardening: venv dist chromium
	$(VPY) -m tools.hardening_report

lint: venv
	$(VPY) -m ruff check py tools tests
	$(VPY) -m mypy

dist: runtime
	$(PYTHON) -m tools.build_dist --out dist

runtime:
	$(PYTHON) tools/runtime.py

venv: $(VENV)/.stamp

$(VENV)/.stamp: requirements/test.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

# Tests drive Debian's Chromium; Playwright cannot download browsers here.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM). Install it with:"; \
		echo "    sudo apt-get install chromium"; \
		echo "or point to another build: make test CHROMIUM=/path/to/chromium"; \
		exit 1; \
	fi

clean:
	rm -rf dist dist.partial vendor vendor.partial .bench .pytest_cache .mypy_cache .ruff_cache
