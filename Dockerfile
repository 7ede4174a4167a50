# newsgraph on Apache Airflow 3: one image for every Airflow service of docker-compose.yaml
# (api-server, scheduler, dag-processor, triggerer, Celery workers).
# Installs the same pinned set as `make venv`: uv from requirements-bootstrap.txt, then
# requirements.txt, both checked against their hashes. No secrets are baked in: passwords
# and keys come from .env at run time (see .env.example).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    UV_NO_CACHE=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    AIRFLOW_HOME=/opt/airflow

# The same user as Airflow's reference image: uid 50000, primary group 0. Folders the services
# write to are group-0 writable, so the containers also run as any uid with gid 0
# (docker-compose.yaml runs them as ${AIRFLOW_UID}:0, the owner of the host folders).
RUN useradd --uid 50000 --gid 0 --create-home --home-dir /home/airflow --shell /bin/bash airflow \
    && mkdir -p /opt/airflow/logs /opt/newsgraph/landing /opt/newsgraph/warehouse \
    && chown -R airflow:0 /opt/airflow /opt/newsgraph /home/airflow \
    && chmod -R g+rwX /opt/airflow /opt/newsgraph /home/airflow

WORKDIR /opt/newsgraph

# Dependencies first, so that editing the project does not reinstall them.
COPY requirements-bootstrap.txt requirements.txt ./
RUN python -m pip install --quiet --require-hashes -r requirements-bootstrap.txt \
    && uv pip install --system --require-hashes -r requirements.txt

# The project itself, editable as in the Makefile: the package stays in
# /opt/newsgraph/include/newsgraph, so its defaults relative to the project folder
# (seeds/reference) hold, and a bind mount of ./include replaces the code without a rebuild.
COPY pyproject.toml README.md ./
COPY include/ include/
RUN uv pip install --system --no-deps --no-build-isolation -e . \
    && python -c "import newsgraph, newsgraph.settings as s; assert s.PROJECT_ROOT.as_posix() == '/opt/newsgraph', s.PROJECT_ROOT"

COPY dags/ dags/
COPY plugins/ plugins/
COPY seeds/ seeds/

# HOME, USER and LOGNAME also serve a uid without an /etc/passwd entry (Airflow asks for a user name).
ENV HOME=/home/airflow \
    USER=airflow \
    LOGNAME=airflow \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/newsgraph/dags \
    AIRFLOW__CORE__PLUGINS_FOLDER=/opt/newsgraph/plugins \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    NEWSGRAPH_LANDING=/opt/newsgraph/landing \
    NEWSGRAPH_WAREHOUSE=/opt/newsgraph/warehouse \
    NEWSGRAPH_REFERENCE=/opt/newsgraph/seeds/reference

USER airflow
CMD ["airflow", "version"]
