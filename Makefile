# newsgraph: `make run` sets everything up and runs the pipeline over seeds/;
# `make test` sets everything up and runs the whole test suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
export AIRFLOW_HOME ?= $(CURDIR)/.airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__PLUGINS_FOLDER := $(CURDIR)/plugins
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__EXECUTOR := LocalExecutor
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN ?= sqlite:///$(AIRFLOW_HOME)/airflow.db
# SQLite: wait for the write lock instead of failing (empty for other databases; see the module).
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS ?= newsgraph.airflow_db.connect_args
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC ?= newsgraph.airflow_db.connect_args_async
export AIRFLOW__CORE__UNIT_TEST_MODE := False
export NO_PROXY := *
SEED_DAY ?= 2025-09-01

.PHONY: run test venv airflow-home lock bench clean standalone

run: airflow-home
	$(BIN)/airflow dags test news_pipeline $(SEED_DAY) > $(AIRFLOW_HOME)/last-run.log 2>&1 \
	  || { tail -n 60 $(AIRFLOW_HOME)/last-run.log; echo "news_pipeline failed for $(SEED_DAY); full log: $(AIRFLOW_HOME)/last-run.log"; exit 1; }
	@grep -q "state=success" $(AIRFLOW_HOME)/last-run.log \
	  || { tail -n 60 $(AIRFLOW_HOME)/last-run.log; echo "news_pipeline did not succeed for $(SEED_DAY); full log: $(AIRFLOW_HOME)/last-run.log"; exit 1; }
	@echo "news_pipeline succeeded for $(SEED_DAY) (log: $(AIRFLOW_HOME)/last-run.log)"
	$(BIN)/airflow dags test newsgraph_aggregates > $(AIRFLOW_HOME)/last-aggregates.log 2>&1 \
	  && grep -q "state=success" $(AIRFLOW_HOME)/last-aggregates.log \
	  || { tail -n 60 $(AIRFLOW_HOME)/last-aggregates.log; echo "newsgraph_aggregates failed; full log: $(AIRFLOW_HOME)/last-aggregates.log"; exit 1; }
	@echo "newsgraph_aggregates succeeded (log: $(AIRFLOW_HOME)/last-aggregates.log)"
	$(BIN)/newsgraph report --day $(SEED_DAY)

test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Throughput against raw spaCy on the benchmark corpus (BENCH_ARGS="--limit 300 --runs 1 --dag").
bench: airflow-home
	$(BIN)/newsgraph bench $(BENCH_ARGS)

# --- set-up -------------------------------------------------------------------

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-bootstrap.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "newsgraph needs Python 3.11, found " + sys.version.split()[0]'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.txt
	$(UV) pip install --python $(BIN)/python --require-hashes -r requirements.txt
	$(UV) pip install --python $(BIN)/python --no-deps --no-build-isolation -e .
	touch $@

airflow-home: venv
	mkdir -p $(AIRFLOW_HOME)
	$(BIN)/airflow db migrate > $(AIRFLOW_HOME)/db-migrate.log 2>&1 \
	  || { tail -n 40 $(AIRFLOW_HOME)/db-migrate.log; exit 1; }

standalone: airflow-home
	PATH="$(CURDIR)/$(BIN):$$PATH" airflow standalone

# Regenerate the pinned set from requirements.in (needs the package index).
lock: venv
	$(UV) pip compile requirements.in --python-version 3.11 --generate-hashes --no-header -o requirements.txt

clean:
	rm -rf $(VENV) .airflow data .pytest_cache
