# P2I Portal — `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
PYTEST_WORKERS ?= 2

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its dev tools

migrate: install ## Apply database migrations (embedded PostgreSQL if DATABASE_URL is unset)
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the demo network (idempotent)
	$(BIN)/python manage.py seed_demo

run: install ## Serve the portal with the demo network on http://127.0.0.1:8000
	@echo "Preparing the database and the demo network (the first time takes a minute)..."
	@$(BIN)/python manage.py migrate --noinput --verbosity 0 --skip-checks
	@$(BIN)/python manage.py seed_demo --quiet
	@$(BIN)/python manage.py check --database default --fail-level ERROR
	@$(BIN)/python manage.py demo_signins --url http://$(HOST):$(PORT)
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C stops it; make stop-db stops the database)."
	@$(BIN)/python manage.py runserver --skip-checks $(HOST):$(PORT)

worker: install ## Run a Celery worker (needs REDIS_URL)
	$(BIN)/celery -A p2i_portal worker -l info

totp: install ## Print the current 2FA code of a demo account: make totp EMAIL=manager@koinno.example.eu
	@$(BIN)/python manage.py demo_totp $(EMAIL)

# apt-get that waits while another apt (an unattended upgrade) holds a lock instead
# of failing at once: dpkg's lock through apt's own timeout, the package lists'
# lock (which that timeout does not cover) by trying again; other errors stop it.
define apt_get
for try in $$(seq 60); do \
  out=$$($$SUDO apt-get -o DPkg::Lock::Timeout=600 $(1) 2>&1) && break; \
  if ! echo "$$out" | grep -q "Could not get lock" || [ $$try = 60 ]; then echo "$$out" >&2; exit 1; fi; \
  echo "apt is busy (another apt-get holds its lock); trying again in 10 s" >&2; sleep 10; \
done
endef

chromium: ## Install Debian's chromium for the browser tests (if missing; waits for apt's lock)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "Browser tests need Debian's chromium: apt-get install chromium" >&2; exit 1; fi; \
	  $(call apt_get,update -qq); \
	  $(call apt_get,install -y -qq chromium); }

lint: install ## ruff format --check, ruff check, makemigrations --check
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

fmt: install ## Format and fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The same list as tests/i18n/test_catalogues.py, which fails when a catalogue lags behind.
MESSAGES_IGNORE := --ignore='.venv/*' --ignore='.data/*' --ignore='tests/*' --ignore='bench/*' --ignore='staticfiles/*'
messages: install ## Extract (django and djangojs), drop obsolete strings, fill English, compile
	$(BIN)/python manage.py makemessages --all --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python manage.py makemessages --all --no-obsolete -d djangojs $(MESSAGES_IGNORE)
	@# English is the source language: its catalogue starts as a copy of the source
	@# strings (msgen) and only changes when someone corrects the English wording.
	@for po in locale/en/LC_MESSAGES/*.po; do \
	  msgattrib --clear-fuzzy --empty -o $$po $$po && msgen -o $$po $$po; done
	$(BIN)/python manage.py compilemessages --ignore='.venv/*' --ignore='.data/*'

test: install chromium lint ## Run the whole suite (PostgreSQL, Redis, a Celery worker, chromium)
	@# Start the embedded PostgreSQL once, before the parallel test workers race for it.
	@test -n "$$DATABASE_URL" || $(BIN)/python -m p2i_portal.embedded_db >/dev/null
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

stop-db: install ## Stop the embedded PostgreSQL (also after a killed `make run`)
	@$(BIN)/python -m p2i_portal.embedded_db stop

.PHONY: help install migrate seed run worker totp chromium lint fmt messages test stop-db

bench: install ## Benchmarks (bench/): page latency and query counts
	$(BIN)/python bench/bench_pages.py
.PHONY: bench

bench-seed: install ## Seed 100 000 resources into DATABASE_URL (a database of its own)
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/p2i_bench (createdb it first)" >&2; exit 1; }
	$(BIN)/python bench/seed_resources.py $(BENCH_ARGS)

bench-search: install ## Search + facets at view/API level vs the bare SQL: p50/p95 (after bench-seed)
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to the database bench-seed filled" >&2; exit 1; }
	$(BIN)/python bench/bench_search.py $(BENCH_ARGS)
.PHONY: bench-seed bench-search

bench-newsletter: install ## One issue to 100 000 subscribers on real workers, Redis and SMTP (BENCH_ARGS=--faults --own-postgres)
	@# The script itself asks for DATABASE_URL unless --own-postgres gives it a server of its own.
	$(BIN)/python bench/bench_newsletter.py $(BENCH_ARGS)
.PHONY: bench-newsletter

bench-throughput: install ## Pages' requests/s under gunicorn as a share of a bare view (needs wrk)
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a database of its own, e.g. postgres://postgres@127.0.0.1:5432/p2i_bench (createdb it first)" >&2; exit 1; }
	$(BIN)/python bench/bench_throughput.py $(BENCH_ARGS)
.PHONY: bench-throughput

bench-network: install ## Network dashboard p50/p95 and queries, 2 years x 15 centres seeded into DATABASE_URL
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a database of its own, e.g. postgres://postgres@127.0.0.1:5432/p2i_bench_network (createdb it first)" >&2; exit 1; }
	$(BIN)/python bench/bench_network.py $(BENCH_ARGS)
.PHONY: bench-network

bench-communities: install ## Community thread list and thread pages p50/p95 and queries, 10k threads and 100k replies seeded into DATABASE_URL
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a database of its own, e.g. postgres://postgres@127.0.0.1:5432/p2i_bench_communities (createdb it first)" >&2; exit 1; }
	$(BIN)/python bench/bench_communities.py $(BENCH_ARGS)
.PHONY: bench-communities
