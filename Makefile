# Two commands for a newcomer: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
ADDRESS ?= 127.0.0.1:8000

.PHONY: run stack test e2e audit lint format check messages clean bench-scheduler bench-search bench-check-site bench-import bench-pages bench-load

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found %s)." % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

## run: install, migrate, load the demo site, start the scheduler and serve http://127.0.0.1:8000 (SQLite)
# E-mail links (core/links.py) on the address the demo is served at.
run: export WAGTAILADMIN_BASE_URL = http://$(ADDRESS)
run: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content --address $(ADDRESS)
	@echo ""
	@echo "  Thai site:     http://$(ADDRESS)/"
	@echo "  English site:  http://$(ADDRESS)/en/"
	@echo "  Admin:         http://$(ADDRESS)/admin/"
	@echo ""
	@# The scheduler (go-live, expiry, daily jobs) runs beside the development server.
	$(MANAGE) run_scheduler & scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(ADDRESS)

## stack: the portal as several machines run it, on 127.0.0.1: PostgreSQL and Redis (those of
## STACK_DATABASE_URL/STACK_REDIS_URL, emptied, when they answer, else its own), an S3 server
## (moto), the demo content, two gunicorn instances (production settings, ports 8001 and 8002),
## the scheduler and Varnish on 8000 in front of both; Ctrl-C stops everything
## (deploy/stack.py, docs/operations.md "Topology")
STACK_ARGS ?=
stack: $(VENV)/.installed-dev
	$(BIN)/python deploy/stack.py $(STACK_ARGS)

## test: the whole suite (SQLite, or PostgreSQL when DATABASE_URL points at one)
test: $(VENV)/.installed-dev
	$(BIN)/pytest -n auto

## e2e: browser tests in Debian's headless Chromium, with an accessibility scan
e2e: $(VENV)/.installed-dev
	@test -x /usr/bin/chromium || { echo "Browser tests need Debian's Chromium: apt-get install chromium"; exit 1; }
	$(BIN)/pytest -m e2e tests/e2e

## audit: Lighthouse (pinned in audit/package.json, installed by npm ci; Debian's Chromium) on one
## page of every public page type in both languages, served by gunicorn with production settings;
## prints the four scores per page (audit/run.py; needs Node.js 18.20+ and npm)
audit: $(VENV)/.installed
	@test -x /usr/bin/chromium || { echo "The audit needs Debian's Chromium: apt-get install chromium"; exit 1; }
	cd audit && npm ci --no-audit --no-fund
	CHROME_PATH=/usr/bin/chromium $(BIN)/python audit/run.py

## bench-scheduler: time one scheduler tick publishing 1,000 due pages, on SQLite and PostgreSQL
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/portal_bench_scheduler
bench-scheduler: $(VENV)/.installed
	rm -f /tmp/portal-bench-scheduler.sqlite3
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python bench/scheduler.py sqlite:////tmp/portal-bench-scheduler.sqlite3
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS portal_bench_scheduler" -c "CREATE DATABASE portal_bench_scheduler"
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python bench/scheduler.py $(BENCH_PG)
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE portal_bench_scheduler"

## bench-search: index 20,000 notices in scratch SQLite and PostgreSQL databases; print indexing
## throughput and search latency (PostgreSQL through BENCH_POSTGRES_URL; skipped if none answers)
bench-search: $(VENV)/.installed
	$(BIN)/python -m search.bench

## bench-check-site: time the daily site check on the demo site and on 5,000 pages, in scratch
## SQLite and PostgreSQL databases (no external links, no e-mail)
BENCH_CHECK_PG ?= postgres://postgres@127.0.0.1:5432/portal_bench_check_site
bench-check-site: $(VENV)/.installed
	rm -f /tmp/portal-bench-check-site.sqlite3
	LOG_LEVEL=ERROR DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python bench/check_site.py sqlite:////tmp/portal-bench-check-site.sqlite3
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS portal_bench_check_site" -c "CREATE DATABASE portal_bench_check_site"
	LOG_LEVEL=ERROR DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python bench/check_site.py $(BENCH_CHECK_PG)
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE portal_bench_check_site"

## bench-import: import a generated 20,000-row CSV of old-site notices (import_notices) into
## scratch SQLite and PostgreSQL databases; print rows per second
BENCH_IMPORT_DB ?= portal_bench_import
BENCH_IMPORT_ROWS ?= 20000
bench-import: $(VENV)/.installed
	rm -f /tmp/$(BENCH_IMPORT_DB).sqlite3
	LOG_LEVEL=ERROR DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python bench/import_notices.py sqlite:////tmp/$(BENCH_IMPORT_DB).sqlite3 --rows $(BENCH_IMPORT_ROWS)
	rm -f /tmp/$(BENCH_IMPORT_DB).sqlite3
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $(BENCH_IMPORT_DB)" -c "CREATE DATABASE $(BENCH_IMPORT_DB)"
	LOG_LEVEL=ERROR DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python bench/import_notices.py postgres://postgres@127.0.0.1:5432/$(BENCH_IMPORT_DB) --rows $(BENCH_IMPORT_ROWS)
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE $(BENCH_IMPORT_DB)"

## bench-pages: serve the demo site with gunicorn (production settings) on SQLite, then PostgreSQL
## with Redis, then through Varnish; print req/s, p50, p99 of each page type against a static file,
## page cache off and on (needs Debian's wrk, varnish, redis-server; docs/performance.md)
bench-pages: $(VENV)/.installed
	$(BIN)/python bench/pages.py
## bench-load: gunicorn in production settings with its own PostgreSQL and Redis (ports
## 18510-18513, a temporary folder) under 200 concurrent citizens for 60 s, then with Redis
## stopped and with the database stopped for 10 s, then one web instance against two (as make
## stack runs them); prints throughput, p50/p99, errors, complaints filed vs stored and whether
## two instances roughly double the throughput (needs Debian's postgresql and redis-server)
BENCH_LOAD_ARGS ?=
bench-load: $(VENV)/.installed-dev
	$(BIN)/python -m bench.load $(BENCH_LOAD_ARGS)

## lint: ruff lint and format check, Django's checks, no missing migration
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the English translations of the project's strings (needs GNU gettext), gather
## the installed packages' strings into the Thai admin catalogue (locale/th, docs/translation.md),
## compile both (the Thai one with polib, byte for byte what CI checks) and print its coverage
messages: $(VENV)/.installed-dev
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=tests
	$(BIN)/python locale/catalogue.py
	$(MANAGE) compilemessages --ignore=.venv -l en

clean:
	rm -rf $(VENV) static_collected
