# The two commands in the README: `make run` and `make test`. Both set up what they
# need on a fresh clone (virtualenv, dependencies, translations, database).
PYTHON ?= python3.13
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The desk on Wagtail: a site of its own, tested in a pytest session of its own.
WAGTAIL_SITE := tests/hosts/wagtail_site

.PHONY: run serve test bench audit setup setup-dev translations css migrate demo lint format clean

# A production-like local run: DEBUG off, collected and compressed static files,
# the app server (granian, newsroom/server.py). Plain http on loopback, so no TLS
# redirect and no secure-only cookies. Tasks (e-mails, purges, pings, webhooks,
# picture renditions) go to the queue in the database, and one task worker
# (`manage.py db_worker`) started beside the app server runs them; both stop together.
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat var/secret-key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=0 \
	DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 \
	DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend \
	NEWSROOM_BASE_URL=http://$(HOST):$(PORT) NEWSROOM_TASKS=database

run: setup translations css migrate var/transparency-key demo
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: setup translations css migrate var/transparency-key demo var/secret-key
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) sh -c '$(PY) manage.py db_worker --interval 0.5 & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		SERVER_BIND=$(HOST):$(PORT) $(PY) -m newsroom.server'

# The transparency log's signing key (README, "A history anyone can verify"): made
# once, kept outside the database; the log's records wait for it if it is gone.
var/transparency-key: | $(VENV)/.installed
	mkdir -p var
	$(PY) manage.py transparency_log keygen > $@.new
	chmod 600 $@.new
	mv $@.new $@

var/secret-key:
	mkdir -p var
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

test: setup-dev translations css
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest
	$(PY) -m pytest -c $(WAGTAIL_SITE)/pytest.ini $(WAGTAIL_SITE)

# Benchmarks with baselines (bench/RESULTS.md). Needs root for the apt packages.
bench: setup-dev translations css
	@for tool in wrk redis-server varnishd; do command -v $$tool >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq wrk postgresql redis-server \
		varnish varnish-modules); done
	eval "$$(.ci/services start)" && $(PY) -m bench.run

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# The reader's stylesheet, built from Bootstrap's Sass sources with the site's
# theme, then trimmed by PurgeCSS to the selectors the templates, forms and
# scripts use (assets/). Node.js and npm come from the machine (Debian's nodejs).
CSS := static/build/newsroom.css
CSS_UNTRIMMED := node_modules/.cache/newsroom-untrimmed.css
CSS_INPUTS := $(wildcard assets/scss/*.scss) assets/purgecss.config.cjs \
	$(shell find templates static/js articles correction_desk newsroom \
		-name '*.html' -o -name '*.js' -o -name '*.py')

# Our scripts, minified by Terser (npm) into static/build/js/: readers download
# no comments (the article page's weight budget, tests/test_page_weight.py).
# The corrections desk's scripts are built into its package (correction_desk/static/).
JS := $(patsubst static/js/%.js,static/build/js/%.js,$(wildcard static/js/*.js))
DESK_JS_DIR := correction_desk/static/correction_desk
DESK_JS := $(patsubst $(DESK_JS_DIR)/js/%.js,$(DESK_JS_DIR)/build/%.js,\
	$(wildcard $(DESK_JS_DIR)/js/*.js))

css: $(CSS) $(JS) $(DESK_JS)

static/build/js/%.js: static/js/%.js node_modules/.installed
	mkdir -p $(dir $@)
	node_modules/.bin/terser $< --compress --mangle --comments false --output $@

$(DESK_JS_DIR)/build/%.js: $(DESK_JS_DIR)/js/%.js node_modules/.installed
	mkdir -p $(dir $@)
	node_modules/.bin/terser $< --compress --mangle --comments false --output $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --omit=optional --loglevel=error
	touch $@

$(CSS): node_modules/.installed $(VENV)/.installed $(CSS_INPUTS)
	mkdir -p $(dir $(CSS_UNTRIMMED)) $(dir $@)
	node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps \
		--silence-deprecation=import,global-builtin,color-functions \
		--load-path=node_modules assets/scss/newsroom.scss $(CSS_UNTRIMMED)
	node_modules/.bin/purgecss --config assets/purgecss.config.cjs \
		--css $(CSS_UNTRIMMED) --output $@

# Outside checkers on the production-like site (bench/audit.py, bench/AUDIT.md):
# Lighthouse and the Nu Html Checker from the npm registry, run on Debian's
# Chromium and Java. AUDIT_ARGS=--write updates bench/AUDIT.md.
AUDIT_TOOLS := bench/audit/node_modules/.installed

$(AUDIT_TOOLS): bench/audit/package.json bench/audit/package-lock.json
	cd bench/audit && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

audit: setup translations css $(AUDIT_TOOLS)
	@for tool in chromium java; do command -v $$tool >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq chromium default-jre-headless); done
	$(PY) -m bench.audit $(AUDIT_ARGS)

# Babel compiles the .po files, so no GNU gettext is needed to run or test the site.
# The corrections desk has its own (correction_desk/locale), shipped in its package.
translations: setup
	$(VENV)/bin/pybabel compile --domain "django djangojs" --directory locale --statistics
	$(VENV)/bin/pybabel compile --domain django --directory correction_desk/locale --statistics
	$(VENV)/bin/pybabel compile --domain djangojs --directory $(WAGTAIL_SITE)/locale --statistics

# After changing user-facing strings: the site's catalogue, then the desk's
# (GNU gettext's xgettext, as Django's makemessages needs).
messages: setup
	$(PY) manage.py makemessages -l de --no-obsolete --ignore "correction_desk/*"
	cd correction_desk && ../$(PY) ../manage.py makemessages -l de --no-obsolete

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

lint:
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) node_modules static/build $(DESK_JS_DIR)/build staticfiles var db.sqlite3 db.sqlite3-wal db.sqlite3-shm
