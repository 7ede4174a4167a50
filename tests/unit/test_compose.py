"""docker-compose.yaml, Dockerfile, .dockerignore and .env.example, checked as files.

Nothing here needs a Docker engine: the compose file is read with PyYAML (which resolves its
``<<: *anchor`` merges the way Compose does), ``${VAR...}`` interpolations are resolved by
hand, and the two Python scripts embedded in the compose file are run on their own.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yaml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
ENV_EXAMPLE = ROOT / ".env.example"

AIRFLOW_SERVICES = (
    "airflow-init",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
)
#: The Airflow services that keep running (all but airflow-init).
RUNNING_SERVICES = AIRFLOW_SERVICES[1:]
#: Services that run task code or parse DAGs, and so need the project's folders.
TASK_SERVICES = ("airflow-scheduler", "airflow-dag-processor", "airflow-triggerer", "airflow-worker")
#: Every password and key the stack needs, as named in .env.
SECRET_VARIABLES = {
    "POSTGRES_PASSWORD",
    "REDIS_PASSWORD",
    "AIRFLOW_ADMIN_PASSWORD",
    "AIRFLOW_JWT_SECRET",
    "AIRFLOW_API_SECRET_KEY",
    "AIRFLOW_FERNET_KEY",
}
PLACEHOLDERS = {"", "change-me"}

#: A Compose interpolation: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}.
INTERPOLATION = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|FERNET|TOKEN|_KEY$|^REDISCLI_AUTH$")


# --- reading the files ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose_text() -> str:
    assert COMPOSE_FILE.is_file(), f"{COMPOSE_FILE} is missing"
    return COMPOSE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose(compose_text) -> dict:
    data = yaml.safe_load(compose_text)
    assert isinstance(data, dict) and isinstance(data.get("services"), dict), (
        "docker-compose.yaml has no 'services' mapping"
    )
    return data


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


@pytest.fixture(scope="module")
def env_example() -> dict[str, str]:
    assert ENV_EXAMPLE.is_file(), f"{ENV_EXAMPLE} is missing"
    values: dict[str, str] = {}
    for number, line in enumerate(ENV_EXAMPLE.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        assert "=" in line, f".env.example line {number} is neither a comment nor NAME=value: {line!r}"
        name, value = line.split("=", 1)
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name), f".env.example line {number}: bad name {name!r}"
        assert name not in values, f".env.example defines {name} twice"
        values[name] = value.strip().strip("'\"")
    return values


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    assert DOCKERFILE.is_file(), f"{DOCKERFILE} is missing"
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        full = (pending + stripped).strip()
        pending = ""
        if full:
            keyword, _, args = full.partition(" ")
            instructions.append((keyword.upper(), " ".join(args.split())))
    assert not pending, "the Dockerfile ends with a continuation line"
    return instructions


def interpolations(text: str) -> list[re.Match]:
    """The ``${...}`` Compose interpolates in ``text`` (``$${...}`` is an escaped, literal one)."""
    return list(INTERPOLATION.finditer(text.replace("$$", "\0\0")))


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def resolve_defaults(value: str) -> str:
    """The value Compose gives ``value`` when no variable is set: defaults, else the name in <>."""

    def repl(match: re.Match) -> str:
        if match["op"] in (":-", "-"):
            return match["arg"]
        return f"<{match['name']}>"

    return INTERPOLATION.sub(repl, value)


def mounts(service: dict) -> list[dict]:
    out = []
    for volume in service.get("volumes") or []:
        assert isinstance(volume, dict), (
            f"volume {volume!r} uses the short syntax; use the long syntax (type/source/target) so "
            "sources with ${VAR:-default} and read_only are unambiguous"
        )
        out.append(volume)
    return out


def mount_holding(service_name: str, service: dict, path: str) -> dict:
    """The mount whose target is ``path`` or a parent of it (the deepest one)."""
    target = PurePosixPath(path)
    found = [m for m in mounts(service) if target == PurePosixPath(m["target"]) or PurePosixPath(m["target"]) in target.parents]
    assert found, f"{service_name}: nothing is mounted at {path} or above it"
    return max(found, key=lambda m: len(PurePosixPath(m["target"]).parts))


def host_path(source: str) -> Path:
    path = Path(resolve_defaults(source))
    return path if path.is_absolute() else (ROOT / path)


def embedded_script(command: list[str] | str, service_name: str) -> str:
    """The Python script a service's shell command feeds to ``python - <<'PY'``, as Compose
    passes it to the shell (``$$`` unescaped)."""
    text = command[-1] if isinstance(command, list) else command
    match = re.search(r"python - <<'PY'\n(.*?)\nPY\n", text, re.S)
    assert match, f"{service_name}: no `python - <<'PY' ... PY` script in its command"
    return match[1].replace("$$", "$")


def dockerfile_args(instructions, keyword: str) -> list[str]:
    return [args for kw, args in instructions if kw == keyword]


# --- the compose file -------------------------------------------------------------------------


def test_the_services_exist(services):
    expected = {"postgres", "redis", *AIRFLOW_SERVICES}
    missing = expected - set(services)
    assert not missing, f"docker-compose.yaml lacks the services {sorted(missing)}"
    assert services["postgres"]["image"] == "postgres:16", "postgres should run postgres:16"
    assert services["redis"]["image"] == "redis:7.2-bookworm", "redis should run redis:7.2-bookworm"
    commands = {
        "airflow-apiserver": "airflow api-server",
        "airflow-scheduler": "airflow scheduler",
        "airflow-dag-processor": "airflow dag-processor",
        "airflow-triggerer": "airflow triggerer",
        "airflow-worker": "airflow celery worker",
    }
    for name, expected_command in commands.items():
        command = services[name].get("command")
        text = command if isinstance(command, str) else " ".join(command or [])
        assert expected_command in text, f"{name} should run `{expected_command}`, its command is {command!r}"


def test_every_dollar_is_an_interpolation_or_escaped(compose_text):
    """A lone ``$`` (e.g. a shell variable meant for the container) would be interpolated by
    Compose to an empty string; shell variables must be written ``$$``."""
    for number, line in enumerate(compose_text.splitlines(), 1):
        rest = line.replace("$$", "")
        for match in re.finditer(r"\$", rest):
            assert INTERPOLATION.match(rest, match.start()), (
                f"docker-compose.yaml line {number}: `$` that is neither ${{VAR...}} nor escaped as `$$`: {line.strip()!r}"
            )


def test_every_airflow_service_runs_the_image_built_from_the_dockerfile(services):
    images = set()
    for name in AIRFLOW_SERVICES:
        build = services[name].get("build")
        assert build, f"{name} has no build section: it must run the image built from ./Dockerfile"
        context = build if isinstance(build, str) else build.get("context")
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        assert (ROOT / context).resolve() == ROOT, f"{name} builds from {context!r}, not the project root"
        assert (ROOT / context / dockerfile).is_file(), f"{name} builds from {dockerfile!r}, which does not exist"
        assert (ROOT / context / dockerfile).resolve() == DOCKERFILE, f"{name} builds from {dockerfile!r}, not ./Dockerfile"
        images.add(services[name].get("image"))
    assert len(images) == 1 and None not in images, (
        f"the Airflow services should share one image name, so the image is built once; found {sorted(map(str, images))}"
    )


def test_celery_executor_with_redis_broker_and_postgres_backend(services):
    postgres_env = environment(services["postgres"])
    for name in AIRFLOW_SERVICES:
        env = environment(services[name])
        assert env.get("AIRFLOW__CORE__EXECUTOR") == "CeleryExecutor", f"{name}: executor is {env.get('AIRFLOW__CORE__EXECUTOR')!r}"

        broker = urlsplit(resolve_defaults(env.get("AIRFLOW__CELERY__BROKER_URL", "")))
        assert broker.scheme == "redis", f"{name}: broker URL scheme is {broker.scheme!r}, not redis"
        assert broker.hostname == "redis" and broker.port == 6379, f"{name}: broker is {broker.netloc!r}, not the redis service"
        assert broker.password == "<REDIS_PASSWORD>", f"{name}: the broker URL should carry ${{REDIS_PASSWORD:?...}}"

        for key, scheme in (
            ("AIRFLOW__CELERY__RESULT_BACKEND", "db+postgresql"),
            ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "postgresql+psycopg2"),
        ):
            url = urlsplit(resolve_defaults(env.get(key, "")))
            assert url.scheme == scheme, f"{name}: {key} scheme is {url.scheme!r}, not {scheme}"
            assert url.hostname == "postgres", f"{name}: {key} points at {url.hostname!r}, not the postgres service"
            assert url.username == postgres_env["POSTGRES_USER"], f"{name}: {key} user is not POSTGRES_USER"
            assert url.password == "<POSTGRES_PASSWORD>", f"{name}: {key} should carry ${{POSTGRES_PASSWORD:?...}}"
            assert url.path == "/" + postgres_env["POSTGRES_DB"], f"{name}: {key} database is not POSTGRES_DB"

    command = services["redis"].get("command")
    assert isinstance(command, list) and "--requirepass" in command, "redis must start with --requirepass"
    password = command[command.index("--requirepass") + 1]
    assert INTERPOLATION.fullmatch(password) and INTERPOLATION.fullmatch(password)["name"] == "REDIS_PASSWORD", (
        f"redis --requirepass should be ${{REDIS_PASSWORD:?...}}, is {password!r}"
    )


def test_airflow_settings_name_real_config_options(services):
    """Every AIRFLOW__SECTION__KEY is an option of the installed Airflow or its Celery provider
    (a misspelt one would be ignored silently)."""
    spec = importlib.util.find_spec("airflow")
    config_yml = Path(next(iter(spec.submodule_search_locations))) / "config_templates" / "config.yml"
    options = {(section, key) for section, body in yaml.safe_load(config_yml.read_text()).items() for key in body["options"]}
    from airflow.providers.celery.get_provider_info import get_provider_info

    for section, body in get_provider_info()["config"].items():
        options |= {(section, key) for key in body["options"]}
    for name in AIRFLOW_SERVICES:
        for var in environment(services[name]):
            if var.startswith("AIRFLOW__"):
                _, section, key = var.split("__", 2)
                assert (section.lower(), key.lower()) in options, f"{name}: {var} is not an Airflow option [{section.lower()}] {key.lower()}"


def test_modules_named_in_the_compose_file_exist(services):
    env = environment(services["airflow-apiserver"])
    manager_module = env["AIRFLOW__CORE__AUTH_MANAGER"].rsplit(".", 1)[0]
    assert importlib.util.find_spec(manager_module), f"auth manager module {manager_module} is not installed"
    assert env["AIRFLOW__CORE__AUTH_MANAGER"].endswith(".SimpleAuthManager"), "the auth manager should be the simple auth manager"
    assert env.get("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS") == "admin:admin", "the UI user should be admin with role admin"
    ping = " ".join(services["airflow-worker"]["healthcheck"]["test"])
    app = re.search(r"--app (\S+)\.app\b", ping)
    assert app, f"the worker health check names no Celery app: {ping!r}"
    assert importlib.util.find_spec(app[1]), f"the worker health check's Celery app module {app[1]} is not installed"


def test_workers_reach_the_execution_api_on_the_apiserver(services):
    url = urlsplit(environment(services["airflow-worker"]).get("AIRFLOW__CORE__EXECUTION_API_SERVER_URL", ""))
    assert url.hostname == "airflow-apiserver", f"the execution API URL points at {url.hostname!r}, not airflow-apiserver"
    published = [str(p).rsplit(":", 1)[-1] for p in services["airflow-apiserver"].get("ports", [])]
    assert str(url.port) in published, f"the execution API port {url.port} is not the api-server's port {published}"
    assert url.path == "/execution/", f"the execution API path is {url.path!r}, not /execution/"


def test_project_folders_are_mounted_where_the_environment_says(services, dockerfile):
    workdir = dockerfile_args(dockerfile, "WORKDIR")[-1]
    for name in AIRFLOW_SERVICES:
        service, env = services[name], environment(services[name])
        expected = {
            "./dags": env["AIRFLOW__CORE__DAGS_FOLDER"],
            "./plugins": env["AIRFLOW__CORE__PLUGINS_FOLDER"],
            "./include": f"{workdir}/include",
            "./seeds": env["NEWSGRAPH_REFERENCE"],
        }
        for source, path in expected.items():
            mount = mount_holding(name, service, path)
            assert mount.get("type") == "bind" and host_path(mount["source"]).resolve() == (ROOT / source).resolve(), (
                f"{name}: {path} comes from {mount.get('source')!r}, not {source}"
            )
            assert mount.get("read_only") is True, f"{name}: {source} should be mounted read-only"
            assert PurePosixPath(mount["target"]).parent == PurePosixPath(workdir), (
                f"{name}: {source} is mounted at {mount['target']}, not over the image's copy in {workdir}"
            )

        landing = mount_holding(name, service, env["NEWSGRAPH_LANDING"])
        assert landing["target"] == env["NEWSGRAPH_LANDING"], f"{name}: NEWSGRAPH_LANDING is not a mount point"
        assert landing["source"].startswith("${NEWSGRAPH_LANDING_DIR:-"), f"{name}: the landing zone should come from NEWSGRAPH_LANDING_DIR"
        assert host_path(landing["source"]).resolve() == (ROOT / "seeds" / "landing").resolve(), (
            f"{name}: the landing zone defaults to {landing['source']!r}, not ./seeds/landing"
        )

        warehouse = mount_holding(name, service, env["NEWSGRAPH_WAREHOUSE"])
        assert warehouse["target"] == env["NEWSGRAPH_WAREHOUSE"], f"{name}: NEWSGRAPH_WAREHOUSE is not a mount point"
        assert warehouse["source"].startswith("${NEWSGRAPH_WAREHOUSE_DIR:-"), f"{name}: the warehouse should come from NEWSGRAPH_WAREHOUSE_DIR"
        assert host_path(warehouse["source"]).resolve() == (ROOT / "data" / "warehouse").resolve(), (
            f"{name}: the warehouse defaults to {warehouse['source']!r}, not ./data/warehouse"
        )
        assert not warehouse.get("read_only"), f"{name}: the warehouse must be writable"
        assert (warehouse.get("bind") or {}).get("create_host_path") is True, (
            f"{name}: the warehouse mount should create a missing host folder (long syntax does not by default)"
        )


def test_mounted_host_folders_exist():
    for folder in ("dags", "include", "plugins", "seeds", "seeds/landing", "seeds/reference"):
        assert (ROOT / folder).is_dir(), f"{folder}/ is mounted into the containers but missing from the project"
    assert (ROOT / "dags" / "news_pipeline.py").is_file(), "dags/ does not hold news_pipeline.py"
    assert (ROOT / "include" / "newsgraph" / "settings.py").is_file(), "include/ does not hold the newsgraph package"


def test_workers_and_scheduler_see_the_same_warehouse(services):
    seen = {}
    for name in TASK_SERVICES:
        env = environment(services[name])
        mount = mount_holding(name, services[name], env["NEWSGRAPH_WAREHOUSE"])
        seen[name] = (env["NEWSGRAPH_WAREHOUSE"], env["NEWSGRAPH_LANDING"], mount["source"], mount["target"])
    assert len(set(seen.values())) == 1, f"the task services see different warehouses: {seen}"


def test_secrets_are_required_variables_and_never_literal(services, compose_text):
    used = {m["name"] for m in interpolations(compose_text)}
    secret_used = {name for name in used if SECRET_NAME.search(name)}
    assert secret_used == SECRET_VARIABLES, (
        f"the compose file's secret variables are {sorted(secret_used)}, expected {sorted(SECRET_VARIABLES)}"
    )
    for match in interpolations(compose_text):
        if match["name"] in SECRET_VARIABLES:
            assert match["op"] == ":?" and match["arg"].strip(), (
                f"{match[0]!r} should be ${{{match['name']}:?message}}, so that compose refuses to start without it"
            )

    for name, service in services.items():
        for var, value in environment(service).items():
            if SECRET_NAME.search(var) and not var.endswith("_FILE"):
                whole = INTERPOLATION.fullmatch(value)
                assert whole and whole["name"] in SECRET_VARIABLES, (
                    f"{name}: {var} is a literal {value!r}; it must be ${{VAR:?message}} from .env"
                )
    for url in re.findall(r"[a-z0-9+]+://[^\s\"']*@", compose_text):
        userinfo = url.split("://", 1)[1].rsplit("@", 1)[0]
        password = userinfo.split(":", 1)[1] if ":" in userinfo else ""
        whole = INTERPOLATION.fullmatch(password)
        assert whole and whole["name"] in SECRET_VARIABLES, f"the URL {url!r} carries a literal password"


def test_env_example_defines_every_variable_without_real_secrets(compose_text, env_example):
    used = {m["name"] for m in interpolations(compose_text)}
    missing = used - set(env_example)
    assert not missing, f".env.example does not define {sorted(missing)}, which docker-compose.yaml uses"
    unused = set(env_example) - used
    assert not unused, f".env.example defines {sorted(unused)}, which docker-compose.yaml does not use"
    for name, value in env_example.items():
        if SECRET_NAME.search(name):
            assert value in PLACEHOLDERS, f".env.example gives {name} the value {value!r}; it must be a placeholder (change-me)"
    for match in interpolations(compose_text):
        if match["op"] in (":-", "-"):
            assert env_example[match["name"]] == match["arg"], (
                f"{match['name']} defaults to {match['arg']!r} in docker-compose.yaml but is {env_example[match['name']]!r} in .env.example"
            )
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    assert "cp .env.example .env" in text, ".env.example should say to copy it to .env"


def test_compose_defaults_match_the_pipeline_settings(env_example):
    from newsgraph.settings import Settings

    assert int(env_example["NEWSGRAPH_SHARD_SIZE"]) == Settings.shard_size, "NEWSGRAPH_SHARD_SIZE differs from the library default"
    assert env_example["NEWSGRAPH_PROCESSES"] == "1", "extract tasks should use one process each under Celery"
    slots = int(env_example["AIRFLOW_WORKERS"]) * int(env_example["AIRFLOW_WORKER_CONCURRENCY"])
    assert int(env_example["NEWSGRAPH_MAX_ACTIVE_SHARDS"]) == slots, (
        f"NEWSGRAPH_MAX_ACTIVE_SHARDS should be the worker slots, AIRFLOW_WORKERS x AIRFLOW_WORKER_CONCURRENCY = {slots}"
    )


def test_airflow_init_completes_before_the_other_services_start(services):
    init = services["airflow-init"]
    script = " ".join(init.get("command") or []) if isinstance(init.get("command"), list) else str(init.get("command"))
    assert "airflow db migrate" in script, "airflow-init does not run `airflow db migrate`"
    assert "mkdir -p" in script, "airflow-init does not create the folders"
    for dependency in ("postgres", "redis"):
        condition = (init.get("depends_on") or {}).get(dependency, {}).get("condition")
        assert condition == "service_healthy", f"airflow-init should wait for {dependency} to be healthy, waits for {condition!r}"
    for name in RUNNING_SERVICES:
        depends = services[name].get("depends_on") or {}
        assert isinstance(depends, dict), f"{name}: depends_on should use the long form with conditions"
        condition = (depends.get("airflow-init") or {}).get("condition")
        assert condition == "service_completed_successfully", (
            f"{name} should start after airflow-init completes successfully, its condition is {condition!r}"
        )
    worker_on_api = (services["airflow-worker"]["depends_on"].get("airflow-apiserver") or {}).get("condition")
    assert worker_on_api == "service_healthy", "workers need the api-server (execution API) healthy before they start"


def test_health_checks(services):
    def check(name: str) -> str:
        test = (services[name].get("healthcheck") or {}).get("test")
        assert test, f"{name} has no health check"
        return " ".join(test) if isinstance(test, list) else test

    assert "pg_isready" in check("postgres"), "postgres should be checked with pg_isready"
    assert "redis-cli ping" in check("redis"), "redis should be checked with redis-cli ping"
    assert environment(services["redis"]).get("REDISCLI_AUTH", "").startswith("${REDIS_PASSWORD:?"), (
        "redis-cli in the health check needs REDISCLI_AUTH from REDIS_PASSWORD"
    )
    api_check = check("airflow-apiserver")
    assert "/api/v2/version" in api_check and ":8080" in api_check, "the api-server should be checked on :8080/api/v2/version"
    assert "8080:8080" in [str(p) for p in services["airflow-apiserver"].get("ports", [])], "the UI should be published on port 8080"
    for name in RUNNING_SERVICES:
        check(name)


def test_workers_scale_out(services):
    worker = services["airflow-worker"]
    replicas = str((worker.get("deploy") or {}).get("replicas"))
    assert replicas.startswith("${AIRFLOW_WORKERS:-"), f"the worker count should come from AIRFLOW_WORKERS, is {replicas!r}"
    assert int(resolve_defaults(replicas)) >= 2, f"airflow-worker should run at least 2 replicas by default, has {replicas!r}"
    assert "container_name" not in worker, "a fixed container_name prevents `--scale airflow-worker=N`"
    assert not worker.get("ports"), "published ports on the worker prevent `--scale airflow-worker=N`"


def test_shell_commands_are_valid_bash(services):
    """The multi-line commands run by bash parse (``bash -n``) once Compose unescapes ``$$``."""
    checked = 0
    for name, service in services.items():
        argv = ([service["entrypoint"]] if isinstance(service.get("entrypoint"), str) else list(service.get("entrypoint") or []))
        argv += service.get("command") if isinstance(service.get("command"), list) else []
        if argv[:2] in (["/bin/bash", "-c"], ["bash", "-c"]):
            script = argv[2].replace("$$", "$")
            result = subprocess.run(["bash", "-n", "-c", script], capture_output=True, text=True)
            assert result.returncode == 0, f"{name}: its bash command does not parse: {result.stderr}"
            checked += 1
    assert checked >= 2, "expected airflow-init and airflow-apiserver to run bash scripts"


def test_apiserver_writes_the_admin_password_file(services, tmp_path):
    service = services["airflow-apiserver"]
    script = embedded_script(service["command"], "airflow-apiserver")
    assert service["command"][-1].rstrip().endswith("exec airflow api-server"), "the api-server command should end by exec'ing it"
    env = environment(service)
    assert env["AIRFLOW_ADMIN_PASSWORD"].startswith("${AIRFLOW_ADMIN_PASSWORD:?"), "the admin password should come from .env"
    passwords_file = tmp_path / "passwords.json"
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords_file), "AIRFLOW_ADMIN_PASSWORD": "pw-from-env"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"the api-server's password script failed: {result.stderr}"
    users = {entry.split(":")[0] for entry in env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS"].split(",")}
    assert json.loads(passwords_file.read_text()) == {user: "pw-from-env" for user in users}, (
        "the passwords file does not give every configured user the password from .env"
    )
    assert stat.S_IMODE(passwords_file.stat().st_mode) == 0o600, "the passwords file should be readable by its owner only"
    assert PurePosixPath(env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"]).parent == PurePosixPath(env["AIRFLOW_HOME"]), (
        "the passwords file should live in AIRFLOW_HOME, which the image makes writable"
    )


def test_airflow_init_refuses_placeholder_secrets(services):
    init = services["airflow-init"]
    script = embedded_script(init["command"], "airflow-init")
    init_env = environment(init)
    assert SECRET_VARIABLES <= set(init_env), f"airflow-init lacks {sorted(SECRET_VARIABLES - set(init_env))} to check them"

    def run(values: dict[str, str]) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", script], env={**os.environ, **values}, capture_output=True, text=True)

    placeholders = run({name: "change-me" for name in SECRET_VARIABLES})
    assert placeholders.returncode != 0, "airflow-init accepts the change-me placeholders"
    for name in SECRET_VARIABLES:
        assert name in placeholders.stderr, f"airflow-init does not name {name} when it is a placeholder: {placeholders.stderr}"

    import base64

    good = {name: f"real-{name.lower()}" for name in SECRET_VARIABLES}
    good["AIRFLOW_FERNET_KEY"] = base64.urlsafe_b64encode(bytes(range(32))).decode()
    accepted = run(good)
    assert accepted.returncode == 0, f"airflow-init refuses real values: {accepted.stderr}"
    bad_key = run({**good, "AIRFLOW_FERNET_KEY": "not-a-fernet-key"})
    assert bad_key.returncode != 0 and "AIRFLOW_FERNET_KEY" in bad_key.stderr, "airflow-init accepts an invalid Fernet key"


# --- the image ---------------------------------------------------------------------------------


def test_dockerfile_installs_the_pinned_set_and_the_project(dockerfile):
    assert dockerfile[0] == ("FROM", "python:3.11-slim-bookworm"), f"the image should start FROM python:3.11-slim-bookworm, not {dockerfile[0]}"
    runs = " && ".join(dockerfile_args(dockerfile, "RUN"))
    assert re.search(r"pip install [^&]*--require-hashes -r requirements-bootstrap\.txt", runs), (
        "the Dockerfile does not install requirements-bootstrap.txt with pip --require-hashes"
    )
    assert re.search(r"uv pip install --system --require-hashes -r requirements\.txt", runs), (
        "the Dockerfile does not install requirements.txt with `uv pip install --system --require-hashes`"
    )
    project = re.search(r"uv pip install --system ([^&]*?)(-e )?\.(?=\s|$)", runs)
    assert project and "--no-deps" in project[1] and "--no-build-isolation" in project[1], (
        "the Dockerfile does not install the project with --no-deps --no-build-isolation"
    )
    assert re.search(r"useradd [^&]*--uid 50000", runs), "the Dockerfile does not create the airflow user with uid 50000"
    assert "AIRFLOW_HOME=/opt/airflow" in " ".join(dockerfile_args(dockerfile, "ENV")), "AIRFLOW_HOME should be /opt/airflow"
    assert dockerfile_args(dockerfile, "WORKDIR")[-1] == "/opt/newsgraph", "the project copy should live in /opt/newsgraph"
    users = dockerfile_args(dockerfile, "USER")
    assert users and users[-1] not in ("root", "0"), "the image should end as the non-root airflow user"


def test_dockerfile_copies_the_project_folders(dockerfile):
    copied = set()
    for args in dockerfile_args(dockerfile, "COPY"):
        parts = [p for p in args.split() if not p.startswith("--")]
        copied |= {p.rstrip("/") for p in parts[:-1]}
    for needed in ("dags", "include", "plugins", "seeds", "pyproject.toml", "requirements.txt", "requirements-bootstrap.txt"):
        assert needed in copied, f"the Dockerfile does not COPY {needed}"
    for source in copied:
        assert (ROOT / source).exists(), f"the Dockerfile copies {source}, which is not in the project"


def test_dockerfile_holds_no_secrets(dockerfile):
    for keyword in ("ENV", "ARG"):
        for args in dockerfile_args(dockerfile, keyword):
            for name in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=", args) + ([args.split("=")[0]] if keyword == "ARG" else []):
                assert not SECRET_NAME.search(name), f"the Dockerfile sets {name} with {keyword}; secrets belong in .env"


def test_dockerignore_keeps_local_state_and_secrets_out(dockerfile):
    assert DOCKERIGNORE.is_file(), f"{DOCKERIGNORE} is missing"
    entries = {line.strip().rstrip("/") for line in DOCKERIGNORE.read_text().splitlines() if line.strip() and not line.startswith("#")}
    for needed in (".venv", ".airflow", "data", ".git", ".env", ".pytest_cache"):
        assert needed in entries, f".dockerignore does not exclude {needed}"
    assert "__pycache__" in entries or "**/__pycache__" in entries, ".dockerignore does not exclude __pycache__"
    copied = set()
    for args in dockerfile_args(dockerfile, "COPY"):
        copied |= {p.rstrip("/") for p in args.split()[:-1] if not p.startswith("--")}
    assert not copied & entries, f".dockerignore excludes {sorted(copied & entries)}, which the Dockerfile copies"
