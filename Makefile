# The two commands that matter: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
EXAMPLES := src/omdome/examples

.PHONY: run test test-postgres browser-deps mail-deps example setup bootstrap lint bench messages model meaning clean

## run: set up, migrate the SQLite database, load the demo threads and serve http://127.0.0.1:8000
run: setup
	OMDOME_DEBUG=1 $(UV) run --frozen omdome serve --demo

## test: set up, then run the whole suite on SQLite (browser tests in Debian's Chromium included),
## and the web tests again on PostgreSQL
test: setup browser-deps mail-deps
	$(UV) run --frozen pytest -n auto -q
	$(MAKE) --no-print-directory test-postgres

## test-postgres: the web tests on a throw-away PostgreSQL cluster (installed from Debian if missing)
test-postgres: setup
	scripts/with-postgres.sh $(UV) run --frozen pytest -n auto -q tests/web

browser-deps:
	scripts/browser.sh

mail-deps:
	scripts/mail.sh

## example: check the bundled example draft against the example policy
example: setup
	@$(UV) run --frozen omdome check $(EXAMPLES)/draft.sv.txt \
		--profile $(EXAMPLES)/profile.sv.toml --policy $(EXAMPLES)/policy.sv.toml; \
	status=$$?; [ $$status -le 1 ] || exit $$status

setup: bootstrap
	$(UV) sync --frozen --python 3.11 --group dev

# uv is the only tool installed outside the project's virtual environment.
# On a bare Debian Python without pip, root installs python3-pip first.
bootstrap:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet "uv>=0.5" || \
		python3 -m pip install --quiet --user --break-system-packages "uv>=0.5" || \
		{ [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq python3-pip && \
		  python3 -m pip install --quiet --break-system-packages "uv>=0.5"; }

lint: setup
	$(UV) run --frozen ruff check src tests bench

## bench: measure detection quality and speed; figures go to bench/RESULTS.md
bench: bootstrap
	$(UV) sync --frozen --python 3.11 --group dev --group bench
	$(UV) run --frozen python -m bench.bench_pii
	$(UV) run --frozen python -m bench.bench_review
	$(UV) run --frozen python -m bench.bench_triage
	$(UV) run --frozen python -m bench.bench_comments
	$(UV) run --frozen python -m bench.bench_thinktwice
	$(UV) run --frozen python -m bench.bench_blind

## messages: refresh the gettext catalogues after changing user-facing strings
messages: setup
	$(UV) run --frozen pybabel extract -k _ -k _t -k N_ -k DraftError -k Message --no-location --sort-output \
		--ignore-dirs web -o src/omdome/locale/omdome.pot src/omdome
	$(UV) run --frozen pybabel update -i src/omdome/locale/omdome.pot -d src/omdome/locale \
		-D omdome --no-fuzzy-matching --ignore-obsolete --no-wrap
	$(UV) run --frozen pybabel compile -d src/omdome/locale -D omdome
	cd src/omdome/web && OMDOME_DEBUG=1 DJANGO_SETTINGS_MODULE=omdome.web.settings \
		$(UV) run --frozen django-admin makemessages -l sv --no-location --ignore "static/*"
	$(UV) run --frozen pybabel compile -d src/omdome/web/locale -D django

clean:
	rm -rf .venv .pytest_cache .ruff_cache var

## model: retrain the shipped triage model from the repository's data (reproducible: fixed seed)
model: setup
	$(UV) run --frozen omdome train src/omdome/triage/data/*.jsonl --signal-data data/public \
		--threat-data src/omdome/triage/data/threats/*.jsonl -o src/omdome/triage/model --force

# The draft sets already tuned against (2026-12 to 2026-12o); the later ones stay blind.
TUNED_DRAFTS = $(wildcard data/review/blind/2026-12/r*.jsonl data/review/blind/2026-12[b-o]/r*.jsonl)

## meaning: retrain the draft check's model of meaning from the passages (reproducible: fixed seed)
meaning: setup
	$(UV) run --frozen omdome train-meaning data/review/passages/*.jsonl \
		--comments src/omdome/triage/data/*.jsonl --drafts $(TUNED_DRAFTS) -o src/omdome/review/model --force
