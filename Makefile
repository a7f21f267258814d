# Firenze Digitale for Open edX: install, demo, test, benchmark.
#   make demo   - Python 3.12 virtualenv, SQLite, demo courses and users, http://127.0.0.1:8000/
#   make test   - ruff + every test on Python 3.12/Django 5.2, unit and contract tests on 3.11/Django 4.2
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV312 := .venv312
VENV311 := .venv311
UV_VERSION := 0.13.9
FD_DB_NAME ?= fd
DEMO_SETTINGS := sandbox.settings.demo
DEMO_ADDRESS := 127.0.0.1:8000
DEMO_PASSWORD := firenze2026

# An interpreter of the wanted minor version: pyenv's (by exact version), else one on PATH.
# $(1) = pyenv version, $(2) = minor version.  Override with PYTHON312=/path or PYTHON311=/path.
find_python = $(shell for c in \
	"$$(PYENV_VERSION=$(1) pyenv which python$(2) 2>/dev/null)" \
	"$${PYENV_ROOT:-$$HOME/.pyenv}/versions/$(1)/bin/python$(2)" \
	"$$(command -v python$(2) 2>/dev/null)"; do \
	[ -n "$$c" ] && [ -x "$$c" ] && "$$c" --version 2>&1 | grep -q "^Python $(2)\." && { echo "$$c"; break; }; \
	done; true)
PYTHON312 ?= $(call find_python,3.12.1,3.12)
PYTHON311 ?= $(call find_python,3.11.7,3.11)

JS_DIRS = $(shell find tests -name package.json -not -path '*/node_modules/*' -exec dirname {} \; | sort)
PO_DIRS = $(wildcard fd_xblocks/translations */locale)

.PHONY: help requirements upgrade js services demo test quality bench compile_translations clean distclean

help: ## list the targets
	@grep -E '^[a-z_]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-22s %s\n", $$1, $$2}'

# --- virtualenvs ------------------------------------------------------------------------------

$(VENV312)/bin/python:
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found: 'pyenv install 3.12.1' or make PYTHON312=/path/to/python3.12"; exit 1; }
	$(PYTHON312) -m venv $(VENV312)

$(VENV311)/bin/python:
	@test -n "$(PYTHON311)" || { echo "Python 3.11 not found: 'pyenv install 3.11.7' or make PYTHON311=/path/to/python3.11"; exit 1; }
	$(PYTHON311) -m venv $(VENV311)

%/bin/uv: %/bin/python
	$*/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV312)/.installed: $(VENV312)/bin/uv requirements/py312.txt setup.py
	$(VENV312)/bin/uv pip install --quiet --python $(VENV312)/bin/python -r requirements/py312.txt
	$(VENV312)/bin/uv pip install --quiet --python $(VENV312)/bin/python --no-deps -e .
	touch $@

$(VENV311)/.installed: $(VENV311)/bin/uv requirements/py311.txt setup.py
	$(VENV311)/bin/uv pip install --quiet --python $(VENV311)/bin/python -r requirements/py311.txt
	$(VENV311)/bin/uv pip install --quiet --python $(VENV311)/bin/python --no-deps -e .
	touch $@

requirements: $(VENV312)/.installed $(VENV311)/.installed ## create both virtualenvs and install the lock files

upgrade: $(VENV312)/bin/uv ## regenerate requirements/py3*.txt from setup.py and requirements/py3*.in
	$(VENV312)/bin/uv pip compile --upgrade --quiet --python-version 3.12 --extra test \
		--custom-compile-command "make upgrade" setup.py requirements/py312.in -o requirements/py312.txt
	$(VENV312)/bin/uv pip compile --upgrade --quiet --python-version 3.11 --extra test \
		--custom-compile-command "make upgrade" setup.py requirements/py311.in -o requirements/py311.txt

js: ## npm ci in every tests/ folder with a package.json (axe-core for the browser tests)
	@for dir in $(JS_DIRS); do \
		echo "npm ci in $$dir"; \
		if [ -f "$$dir/package-lock.json" ]; then npm ci --prefix "$$dir" --no-audit --no-fund --loglevel=error; \
		else npm install --prefix "$$dir" --no-audit --no-fund --loglevel=error; fi; \
	done

# --- services the tests use: MariaDB and Redis --------------------------------------------------

services: ## start MariaDB and Redis if they are not answering
	@if ! mariadb-admin --protocol=tcp --host="$${FD_DB_HOST:-127.0.0.1}" --port="$${FD_DB_PORT:-3306}" \
			--user="$${FD_DB_USER:-root}" ping >/dev/null 2>&1; then \
		echo "Starting MariaDB"; \
		start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd; \
		for i in $$(seq 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done; \
		mariadb-admin ping; \
	fi
	@if [ "$$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" != "PONG" ]; then \
		echo "Starting Redis"; \
		mkdir -p /var/lib/redis /var/log/redis; \
		redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
			--dir /var/lib/redis --logfile /var/log/redis/ci.log; \
		for i in $$(seq 30); do [ "$$(redis-cli ping 2>/dev/null)" = "PONG" ] && break; sleep 1; done; \
		redis-cli ping; \
	fi

# --- the two commands -------------------------------------------------------------------------

demo: $(VENV312)/.installed ## serve the sandbox with demo courses and users on 127.0.0.1:8000
	mkdir -p var
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(VENV312)/bin/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(VENV312)/bin/python manage.py load_demo
	@echo
	@echo "  Firenze Digitale sandbox: http://$(DEMO_ADDRESS)/"
	@echo "  Logins (password $(DEMO_PASSWORD)): learner, teacher, staff"
	@echo "  Stop with Ctrl+C."
	@echo
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(VENV312)/bin/python manage.py runserver $(DEMO_ADDRESS)

# pytest exits 5 when it collected nothing: that is a failure here, like any other non-zero code.
# FD_REQUIRE_MARKERS makes the 3.12 run fail if an integration or browser test was skipped or none ran.
test: requirements js services ## ruff, every test on 3.12 + Django 5.2, unit/contract tests on 3.11 + Django 4.2
	@status=0; \
	echo "== ruff check ."; \
	$(VENV312)/bin/ruff check . || status=1; \
	echo "== pytest: Python 3.12 + Django 5.2, every test (database test_$(FD_DB_NAME))"; \
	FD_DB_NAME=$(FD_DB_NAME) FD_REQUIRE_MARKERS=integration,browser $(VENV312)/bin/python -m pytest $(PYTEST_ARGS) \
		|| { rc=$$?; [ $$rc -ne 5 ] || echo "FAILED: pytest collected no test on Python 3.12"; status=1; }; \
	echo "== pytest: Python 3.11 + Django 4.2, unit and contract tests (database test_$(FD_DB_NAME)_py311)"; \
	FD_DB_NAME=$(FD_DB_NAME)_py311 $(VENV311)/bin/python -m pytest -m "not integration and not browser" $(PYTEST_ARGS) \
		|| { rc=$$?; [ $$rc -ne 5 ] || echo "FAILED: pytest collected no test on Python 3.11"; status=1; }; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED"; else echo "make test: all checks passed"; fi; \
	exit $$status

quality: $(VENV312)/.installed ## ruff
	$(VENV312)/bin/ruff check .

bench: $(VENV312)/.installed services ## run every tests/bench/bench_*.py and write bench-results/latest.json
	$(VENV312)/bin/python tests/bench/run.py

compile_translations: ## msgfmt every .po of fd_xblocks/translations and */locale into its .mo
	@find $(PO_DIRS) -name '*.po' | sort | while read -r po; do \
		msgfmt --check-format --output-file="$${po%.po}.mo" "$$po" && echo "compiled $$po"; \
	done

clean: ## remove caches, build output, node_modules and bench results (keeps the virtualenvs)
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .hypothesis bench-results
	find . -path ./.venv312 -prune -o -path ./.venv311 -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find tests -name node_modules -type d -prune -exec rm -rf {} +

distclean: clean ## also remove the virtualenvs
	rm -rf $(VENV312) $(VENV311)
