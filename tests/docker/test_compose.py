"""docker/ checked statically: there is no Docker engine on the development machines,
so these tests parse the files instead of running them."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from monitor.settings import Settings
from monitor.stack import versions

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker" / "compose.yaml"
DOCKERFILE = REPO / "docker" / "Dockerfile"
CONSTRAINTS = REPO / "docker" / "constraints.txt"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _default(value: str) -> str:
    """`${VAR:-default}` -> default (what compose uses without an .env)."""
    return re.sub(r"\$\{[A-Z0-9_]+:-([^}]*)\}", r"\1", value)


def _monitor_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        n: s
        for n, s in _services(compose).items()
        if s.get("image", "").startswith("karabakh-monitor")
    }


def test_compose_parses_and_has_every_service(compose: dict[str, Any]) -> None:
    assert set(_services(compose)) == {
        "kafka",
        "elasticsearch",
        "kibana",
        "es-setup",
        "kibana-import",
        "monitor",
        "feeds",
    }
    assert set(compose["volumes"]) == {"kafka-data", "es-data", "monitor-state", "feeds-state"}


def test_every_image_is_pinned(compose: dict[str, Any]) -> None:
    for name, service in _services(compose).items():
        image = service["image"]
        repo, _, tag = image.rpartition(":")
        assert repo and tag and tag != "latest", f"{name}: {image}"
        assert re.fullmatch(r"\d+\.\d+\.\d+", tag), f"{name}: {image} is not a full version"


def test_images_match_the_tested_versions(compose: dict[str, Any]) -> None:
    services = _services(compose)
    assert services["kafka"]["image"] == f"apache/kafka:{versions.KAFKA_VERSION}"
    es = services["elasticsearch"]["image"]
    kibana = services["kibana"]["image"]
    assert es == f"docker.elastic.co/elasticsearch/elasticsearch:{versions.ES_VERSION}"
    assert kibana == f"docker.elastic.co/kibana/kibana:{versions.ES_VERSION}"
    from monitor import __version__

    for service in _monitor_services(compose).values():
        assert service["image"] == f"karabakh-monitor:{__version__}"


def test_every_monitor_variable_is_a_setting(compose: dict[str, Any]) -> None:
    known = {f"MONITOR_{name.upper()}" for name in Settings.model_fields}
    used = set()
    for name, service in _services(compose).items():
        for key, value in _env(service).items():
            if key.startswith("MONITOR_"):
                assert key in known, f"{name}: {key} is not a Settings field"
                used.add(key)
            for ref in re.findall(r"\$\{(MONITOR_[A-Z0-9_]+)", value):
                assert ref in known, f"{name}: {ref}"
    assert {"MONITOR_KAFKA_BOOTSTRAP_SERVERS", "MONITOR_ES_URL"} <= used


def test_monitor_settings_validate_with_the_compose_values(compose: dict[str, Any]) -> None:
    for name, service in _monitor_services(compose).items():
        env = {
            k.removeprefix("MONITOR_").lower(): _default(v)
            for k, v in _env(service).items()
            if k.startswith("MONITOR_")
        }
        Settings(**env)  # raises on a wrong type or value
        assert env["kafka_bootstrap_servers"] == "kafka:9092", name
        assert env["es_url"] == "http://elasticsearch:9200", name


def _healthcheck_ports(service: dict[str, Any]) -> set[int]:
    test = service["healthcheck"]["test"]
    text = " ".join(test) if isinstance(test, list) else test
    return {int(p) for p in re.findall(r"(?:localhost|127\.0\.0\.1):(\d+)", text)}


def test_addresses_ports_and_health_checks_agree(compose: dict[str, Any]) -> None:
    services = _services(compose)
    kafka_env = _env(services["kafka"])
    listeners = dict(
        (name, int(addr.rsplit(":", 1)[1]))
        for name, addr in (entry.split("://") for entry in kafka_env["KAFKA_LISTENERS"].split(","))
    )
    advertised = dict(
        entry.split("://") for entry in kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    )
    assert advertised["PLAINTEXT"] == "kafka:9092" and listeners["PLAINTEXT"] == 9092
    assert kafka_env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"1@kafka:{listeners['CONTROLLER']}"
    assert _healthcheck_ports(services["kafka"]) == {listeners["PLAINTEXT"]}

    es_port = int(_env(services["elasticsearch"])["http.port"])
    assert _healthcheck_ports(services["elasticsearch"]) == {es_port}
    kibana_port = int(_env(services["kibana"])["SERVER_PORT"])
    assert _healthcheck_ports(services["kibana"]) == {kibana_port}
    assert _env(services["kibana"])["ELASTICSEARCH_HOSTS"] == f'["http://elasticsearch:{es_port}"]'

    for name, service in _monitor_services(compose).items():
        env = _env(service)
        host, port = env["MONITOR_KAFKA_BOOTSTRAP_SERVERS"].split(":")
        assert host in services and int(port) == listeners["PLAINTEXT"], name
        es = urlsplit(env["MONITOR_ES_URL"])
        assert es.hostname in services and es.port == es_port, name

    monitor_port = int(_env(services["monitor"])["MONITOR_WEB_PORT"])
    assert _healthcheck_ports(services["monitor"]) == {monitor_port}
    command = services["kibana-import"]["command"]
    kibana_url = urlsplit(command[command.index("--url") + 1])
    assert kibana_url.hostname == "kibana" and kibana_url.port == kibana_port

    # Published ports map to the ports the containers listen on, on loopback only.
    published = {
        "kafka": listeners["HOST"],
        "elasticsearch": es_port,
        "kibana": kibana_port,
    }
    for name, container_port in published.items():
        (mapping,) = services[name]["ports"]
        host_ip, host_port, target = mapping.split(":")
        assert host_ip == "127.0.0.1" and int(target) == container_port, name
        if name == "kafka":  # clients on the host reach the broker where it says it is
            assert advertised["HOST"] == f"localhost:{host_port}"


def test_dependencies_wait_for_health_or_completion(compose: dict[str, Any]) -> None:
    services = _services(compose)
    for name, service in services.items():
        for dep, spec in (service.get("depends_on") or {}).items():
            assert dep in services, f"{name} depends on unknown {dep}"
            condition = spec["condition"]
            if condition == "service_healthy":
                assert "healthcheck" in services[dep], f"{name} waits for {dep}'s health check"
            elif condition == "service_completed_successfully":
                assert services[dep].get("restart") == "no", f"{dep} is a one-shot"
            else:
                pytest.fail(f"{name}: depends_on {dep} without a readiness condition")
    for name in ("kafka", "elasticsearch", "kibana", "monitor", "feeds"):
        check = services[name]["healthcheck"]
        assert check["test"][0] in ("CMD", "CMD-SHELL") and check["retries"] >= 3, name
        assert services[name]["restart"] == "unless-stopped", name


def test_commands_are_monitor_commands(compose: dict[str, Any]) -> None:
    import click
    from click.testing import CliRunner

    from monitor.cli import main

    for name, service in _monitor_services(compose).items():
        command = service["command"]
        group: click.Command = main
        words = list(command)
        # Through click's own look-up: the group imports a command when asked for it.
        while (
            words
            and isinstance(group, click.Group)
            and (sub := group.get_command(click.Context(group), words[0])) is not None
        ):
            group = sub
            words.pop(0)
        assert group is not main, f"{name}: {command}"
        # Options parse (with --help appended nothing runs).
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0, f"{name}: {result.output}"


def test_feeds_config_in_the_image_exists(compose: dict[str, Any]) -> None:
    command = _services(compose)["feeds"]["command"]
    path = Path(command[command.index("--config") + 1])
    assert path.parts[:3] == ("/", "app", "seeds")
    local = REPO / "seeds" / path.name
    assert local.exists()
    from monitor.feeds.config import load_config

    config = load_config(local)
    for feed in config.feeds:
        if feed.path is not None:
            assert feed.path.exists(), feed.path


def _dockerfile_instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_is_pinned_slim_and_non_root() -> None:
    instructions = _dockerfile_instructions()
    args = dict(rest.split("=", 1) for word, rest in instructions if word == "ARG" and "=" in rest)
    bases = [rest.split()[0] for word, rest in instructions if word == "FROM"]
    assert len(bases) == 2
    for base in bases:
        image = args.get(base.strip("${}"), base)
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-[a-z]+", image), image
    users = [rest for word, rest in instructions if word == "USER"]
    assert users and not users[-1].startswith(("root", "0"))
    stages = [i for i, (word, _) in enumerate(instructions) if word == "FROM"]
    final = instructions[stages[-1] :]
    assert [w for w, _ in final].index("USER") > max(
        i for i, (w, _) in enumerate(final) if w == "RUN"
    ), "USER comes after the last RUN of the final stage"
    assert any(w == "ENTRYPOINT" and "monitor" in r for w, r in final)
    # The wheel build uses the exact constraints; pip keeps no cache in the image.
    runs = " ".join(r for w, r in instructions if w == "RUN")
    assert "-c docker/constraints.txt" in runs
    assert any(w == "ENV" and "PIP_NO_CACHE_DIR=1" in r for w, r in final)


def test_dockerfile_copies_what_exists() -> None:
    for word, rest in _dockerfile_instructions():
        if word != "COPY" or "--from=" in rest:
            continue
        parts = [p for p in shlex.split(rest) if not p.startswith("--")]
        for source in parts[:-1]:
            assert (REPO / source).exists(), source


def test_constraints_pin_every_dependency_exactly() -> None:
    lines = [
        line
        for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(re.fullmatch(r"[a-z0-9.-]+==[\w.]+", line) for line in lines), lines
    pinned = {line.split("==")[0] for line in lines}
    assert {"faust-streaming", "aiokafka", "elasticsearch", "feedparser", "pydantic"} <= pinned
    es = next(line for line in lines if line.startswith("elasticsearch=="))
    assert es.split("==")[1].split(".")[0] == versions.ES_VERSION.split(".")[0]
