# Firenze Digitale for Open edX: install, demo, test, benchmark.
#   make demo   - the newest release line's virtualenv (no MariaDB client needed), SQLite, demo courses and users
#   make test   - Debian packages (as root), ruff + every test on Verawood, unit/contract tests on Ulmo and Teak
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Release lines, named after the Open edX releases (docs/testing.md, "Release lines"): one lock file
# requirements/<line>.txt and one virtualenv .venv-<line> each. The newest line runs every test.
LINES := verawood ulmo teak
NEWEST := verawood
OLDER := ulmo teak
PYTHON_VERSION_verawood := 3.12
PYTHON_VERSION_ulmo := 3.11
PYTHON_VERSION_teak := 3.11
# The names the virtualenvs had before the lines were named (kept as links for existing commands).
LEGACY_LINK_verawood := .venv312
LEGACY_LINK_teak := .venv311
UV_VERSION := 0.13.9
FD_DB_NAME ?= fd
DEMO_SETTINGS := sandbox.settings.demo
DEMO_ADDRESS ?= 127.0.0.1:8000
DEMO_PASSWORD := firenze2026
NEWEST_PYTHON := .venv-$(NEWEST)/bin/python

# Debian packages `make test` needs: the MariaDB client library and pkg-config (to build mysqlclient),
# gettext (msgfmt), Chromium and its driver with a font (browser tests), ffmpeg and espeak-ng (the
# video pill's media tool tests), make; MariaDB, Redis and npm are checked by their programs.
SYSTEM_PACKAGES := libmariadb-dev pkg-config gettext chromium chromium-driver fonts-dejavu-core make ffmpeg espeak-ng

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
PYENV_3.12 := 3.12.1
PYENV_3.11 := 3.11.7

JS_DIRS = $(shell find tests -name package.json -not -path '*/node_modules/*' -exec dirname {} \; | sort)
PO_DIRS = $(wildcard fd_xblocks/translations */locale)

.PHONY: help system-packages requirements lock upgrade js services demo screenshots test quality bench extract_translations compile_translations \
	clean distclean

help: ## list the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-22s %s\n", $$1, $$2}'

# --- system packages --------------------------------------------------------------------------

system-packages: ## install the Debian packages the tests need (as root), or print the apt-get line
	@missing=""; \
	for pkg in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	done; \
	[ -x /usr/sbin/mariadbd ] || missing="$$missing mariadb-server"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update -q; \
			apt-get install -y -q --no-install-recommends $$missing; \
		else \
			echo "Debian packages are missing. Install them (as root), then run make again:"; \
			echo "  apt-get install -y --no-install-recommends$$missing"; \
			exit 1; \
		fi; \
	fi

# --- virtualenvs, one per release line ----------------------------------------------------------
# .venv-<line>/.installed: the lock file without mysqlclient (enough for the demo, on SQLite);
# .venv-<line>/.mysqlclient: mysqlclient from the same lock file, built against libmariadb-dev.

define LINE_RULES
.venv-$(1)/bin/python:
	@test -n "$$(PYTHON$(subst .,,$(PYTHON_VERSION_$(1))))" || { echo "Python $(PYTHON_VERSION_$(1)) not found: 'pyenv install $(PYENV_$(PYTHON_VERSION_$(1)))' or make PYTHON$(subst .,,$(PYTHON_VERSION_$(1)))=/path/to/python$(PYTHON_VERSION_$(1))"; exit 1; }
	$$(PYTHON$(subst .,,$(PYTHON_VERSION_$(1)))) -m venv .venv-$(1)
	$(if $(LEGACY_LINK_$(1)),@[ -e $(LEGACY_LINK_$(1)) ] || ln -s .venv-$(1) $(LEGACY_LINK_$(1)))

.venv-$(1)/.installed: .venv-$(1)/bin/uv requirements/$(1).txt setup.py
	grep -v '^mysqlclient==' requirements/$(1).txt > .venv-$(1)/requirements-without-mysqlclient.txt
	.venv-$(1)/bin/uv pip install --quiet --python .venv-$(1)/bin/python -r .venv-$(1)/requirements-without-mysqlclient.txt
	.venv-$(1)/bin/uv pip install --quiet --python .venv-$(1)/bin/python --no-deps -e .
	touch $$@

.venv-$(1)/.mysqlclient: .venv-$(1)/.installed | system-packages
	.venv-$(1)/bin/uv pip install --quiet --python .venv-$(1)/bin/python "$$$$(grep '^mysqlclient==' requirements/$(1).txt)"
	touch $$@
endef
$(foreach line,$(LINES),$(eval $(call LINE_RULES,$(line))))

%/bin/uv: %/bin/python
	$*/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

requirements: $(foreach line,$(LINES),.venv-$(line)/.mysqlclient) ## every line's virtualenv with its whole lock file (tests)

# Lock files: `make lock` after changing setup.py or a requirements/<line>.in (existing pins stay);
# `make upgrade` moves every pin to the newest version the .in files allow.
compile_lock = .venv-$(NEWEST)/bin/uv pip compile --quiet $(1) --python-version $(PYTHON_VERSION_$(2)) --extra test \
	--custom-compile-command "make lock" setup.py requirements/$(2).in -o requirements/$(2).txt

lock: .venv-$(NEWEST)/bin/uv ## recompute requirements/<line>.txt after a dependency change, keeping existing pins
	$(foreach line,$(LINES),$(call compile_lock,,$(line));)

upgrade: .venv-$(NEWEST)/bin/uv ## regenerate requirements/<line>.txt with the newest versions allowed
	$(foreach line,$(LINES),$(call compile_lock,--upgrade,$(line));)

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

demo: .venv-$(NEWEST)/.installed ## serve the sandbox with demo courses and users on $(DEMO_ADDRESS)
	mkdir -p var
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(NEWEST_PYTHON) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(NEWEST_PYTHON) manage.py load_demo
	@echo
	@echo "  Firenze Digitale sandbox: http://$(DEMO_ADDRESS)/"
	@echo "  Logins (password $(DEMO_PASSWORD)): learner, teacher, staff"
	@echo "  Stop with Ctrl+C."
	@echo
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(NEWEST_PYTHON) manage.py runserver $(DEMO_ADDRESS)

screenshots: .venv-$(NEWEST)/.installed ## the README's pictures (docs/screenshots/) from the demo, on 127.0.0.1:8014
	$(NEWEST_PYTHON) tests/screenshots.py

# pytest exits 5 when it collected nothing: that is a failure here, like any other non-zero code.
# FD_REQUIRE_MARKERS makes the newest line's run fail if an integration or browser test was skipped or none ran.
test: system-packages requirements js services ## ruff, every test on Verawood, unit/contract tests on Ulmo and Teak
	@status=0; \
	echo "== ruff check ."; \
	.venv-$(NEWEST)/bin/ruff check . || status=1; \
	echo "== pytest: $(NEWEST) (Python $(PYTHON_VERSION_$(NEWEST))), every test (database test_$(FD_DB_NAME))"; \
	FD_DB_NAME=$(FD_DB_NAME) FD_REQUIRE_MARKERS=integration,browser $(NEWEST_PYTHON) -m pytest $(PYTEST_ARGS) \
		|| { rc=$$?; [ $$rc -ne 5 ] || echo "FAILED: pytest collected no test on $(NEWEST)"; status=1; }; \
	for line in $(OLDER); do \
		echo "== pytest: $$line, unit and contract tests (database test_$(FD_DB_NAME)_$$line)"; \
		FD_DB_NAME=$(FD_DB_NAME)_$$line .venv-$$line/bin/python -m pytest \
			-m "not integration and not browser and not packaging" $(PYTEST_ARGS) \
			|| { rc=$$?; [ $$rc -ne 5 ] || echo "FAILED: pytest collected no test on $$line"; status=1; }; \
	done; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED"; else echo "make test: all checks passed"; fi; \
	exit $$status

quality: .venv-$(NEWEST)/.installed ## ruff
	.venv-$(NEWEST)/bin/ruff check .

bench: .venv-$(NEWEST)/.mysqlclient services ## run every tests/bench/bench_*.py and write bench-results/latest.json
	$(NEWEST_PYTHON) tests/bench/run.py

# Strings found by Django's makemessages (Python, templates, N_), merged by our script: existing entries
# stay as they are, new ones are appended (English filled in, Italian to translate), obsolete ones listed.
extract_translations: .venv-$(NEWEST)/.installed ## append the code's new strings to every catalogue (then translate and compile)
	$(NEWEST_PYTHON) scripts/extract_translations.py

compile_translations: ## msgfmt every .po of fd_xblocks/translations and */locale into its .mo
	@find $(PO_DIRS) -name '*.po' | sort | while read -r po; do \
		msgfmt --check-format --output-file="$${po%.po}.mo" "$$po" && echo "compiled $$po"; \
	done

clean: ## remove caches, build output, node_modules and bench results (keeps the virtualenvs)
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .hypothesis bench-results
	find . -path './.venv*' -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find tests -name node_modules -type d -prune -exec rm -rf {} +

distclean: clean ## also remove the virtualenvs (the release lines' and Tutor's)
	rm -rf $(foreach line,$(LINES),.venv-$(line)) .venv312 .venv311 .venv-tutor
