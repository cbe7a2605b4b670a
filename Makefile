# LiSKG: the two commands of the quick start, and the pieces they are made of.
#   make demo   install, build + check (SHACL, HermiT, OWL API), answer the headline question, write the HTML graph
#   make test   install (incl. Java, chromium, Jena, Virtuoso), run the whole test suite
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON_FOLDERS := src tests bench scripts
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	else echo "missing $(1): run 'sudo apt-get install -y $(1)'" >&2; exit 1; fi

.PHONY: demo test install java owlapi chromium jena virtuoso node docs bench bench-full bench-serve clean help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

demo: install java owlapi ## the main job: build, validate, reason, answer the headline question, write the graph page
	$(BIN)/liskg build --reason --owlapi
	$(BIN)/liskg stats
	$(BIN)/liskg query oxide-anode-strategies
	$(BIN)/liskg viz

test: install java owlapi chromium jena virtuoso node ## lint, format and type checks, then the whole test suite
	$(BIN)/ruff check $(PYTHON_FOLDERS)
	$(BIN)/ruff format --check $(PYTHON_FOLDERS)
	$(BIN)/mypy
	$(BIN)/pytest -q

install: $(STAMP) ## create .venv and install liskg with its test dependencies
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $@

java: ## a JDK for HermiT and the OWL API check (Debian's headless JDK when missing)
	@command -v java >/dev/null && command -v javac >/dev/null || { $(call APT_INSTALL,default-jdk-headless); }

owlapi: ## Debian's OWL API 5 (libowlapi-java), for build --owlapi, the release and the Protégé tests
	@test -f /usr/share/java/owlapi-api.jar || { $(call APT_INSTALL,libowlapi-java); }

chromium: ## Debian's chromium for the browser tests (never a downloaded browser)
	@test -x /usr/bin/chromium || { $(call APT_INSTALL,chromium); }

jena: ## Debian's Apache Jena jars, for the test that loads the release into TDB2 (docs/scaling.md)
	@test -f /usr/share/java/jena-tdb2.jar || { $(call APT_INSTALL,libapache-jena-java); }

virtuoso: ## Debian's Virtuoso 7 server and SQL shell, for the test that loads the release into it (docs/scaling.md)
	@test -x /usr/bin/virtuoso-t && test -x /usr/bin/isql-vt || { $(call APT_INSTALL,virtuoso-opensource-7-bin); }

node: ## Debian's node, which runs the page's twin of the query bounds (tests/test_bounds.py)
	@command -v node >/dev/null || { $(call APT_INSTALL,nodejs); }

docs: install ## the ontology reference page (Ontospy) into build/docs/
	$(BIN)/liskg docs

bench: install java owlapi chromium virtuoso ## the scale targets at 1x, 10x, 100x and 1M triples, ad-hoc queries at 1x and 1M (about 30 min; TEN_MILLION=1 adds 10M to both, about 17 GiB); rewrites docs/performance.md
	$(BIN)/python bench/targets.py $(if $(TEN_MILLION),--ten-million)
	$(BIN)/python bench/adhoc_bench.py $(if $(TEN_MILLION),--ten-million)

bench-full: install java owlapi chromium ## the broad survey (about 20 min); rewrites docs/performance-full.md
	$(BIN)/python bench/run_all.py

bench-serve: install ## the endpoint under load: 256 clients, 10,000 requests, a 10-minute soak (127.0.0.1 only)
	$(BIN)/python bench/serve_load.py

clean: ## remove build outputs (sources are never touched)
	rm -rf build test-artifacts
