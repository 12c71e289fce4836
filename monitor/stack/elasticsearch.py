"""One Elasticsearch node on loopback, security off, from the integ-test zip.

Elasticsearch refuses to run as root. Started by root, it runs as the system
user `versions.ES_USER` (created on first use), and its files must then sit
below directories that user can enter; the default state dir (/root/.cache/…)
is not one, so they move below `versions.ES_ROOT_FALLBACK` and the state dir
gets a symlink to them.
"""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import shutil
import stat
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from monitor.settings import Settings
from monitor.stack import versions
from monitor.stack.addresses import EsRecord, load_record, save_record
from monitor.stack.errors import StackError
from monitor.stack.fetch import fetch_elasticsearch_zip, unpack_zip
from monitor.stack.info import NodeInfo
from monitor.stack.layout import EsPaths, StackPaths
from monitor.stack.lock import stack_lock
from monitor.stack.process import (
    cmdline,
    failure_context,
    find_java,
    free_port,
    note,
    pid_alive,
    port_in_use,
    read_pid,
    spawn,
    terminate,
    wait_ready,
)

NAME = "elasticsearch"
CLUSTER_NAME = "karabakh-monitor"


def elasticsearch_yml(
    *, port: int, es: EsPaths, overrides: Mapping[str, object] | None = None
) -> str:
    """The node's configuration; `overrides` change or add settings (a test's own
    node: another cluster name, a tiny write queue)."""
    settings: dict[str, object] = {
        "cluster.name": CLUSTER_NAME,
        "node.name": "local",
        "path.data": str(es.data),
        "path.logs": str(es.logs),
        # Loopback only: also keeps the node in development mode, where the
        # production bootstrap checks (vm.max_map_count, …) merely warn.
        "network.host": versions.HOST,
        "http.port": port,
        "transport.port": versions.ES_TRANSPORT_PORTS,
        "discovery.type": "single-node",
        "xpack.security.enabled": False,
        # A nearly full development disk must not turn indices read-only.
        "cluster.routing.allocation.disk.threshold_enabled": False,
        # Integration tests create and drop many uniquely named indices.
        "action.destructive_requires_name": False,
        **(overrides or {}),
    }
    lines = ["# Written by `monitor stack up`; rewritten on every start."]
    lines += [f"{k}: {json.dumps(v)}" for k, v in settings.items()]
    return "\n".join(lines) + "\n"


# --- running as root ---------------------------------------------------------------


def _is_root() -> bool:
    return os.geteuid() == 0


def ensure_es_user() -> pwd.struct_passwd:
    """The unprivileged system user Elasticsearch runs as, created if missing."""
    try:
        return pwd.getpwnam(versions.ES_USER)
    except KeyError:
        pass
    useradd = shutil.which("useradd")
    if not useradd:
        raise StackError(
            f"elasticsearch: refuses to run as root and there is no user {versions.ES_USER!r}; "
            "useradd is missing: create that user, or run `monitor stack up` as a normal user"
        )
    note(f"elasticsearch: creating system user {versions.ES_USER!r} to run it (it refuses root)")
    out = subprocess.run(
        [
            useradd,
            "--system",
            "--user-group",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            versions.ES_USER,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0 and "already exists" not in out.stderr:
        raise StackError(f"elasticsearch: useradd {versions.ES_USER} failed: {out.stderr.strip()}")
    return pwd.getpwnam(versions.ES_USER)


def may_search(mode: int, owner: int, group: int, uid: int, gids: set[int]) -> bool:
    """Whether uid (with groups gids) may traverse a directory with these stat fields.
    Like the kernel, only the owner bits apply to the owner, even if they deny."""
    if owner == uid:
        return bool(mode & stat.S_IXUSR)
    if group in gids:
        return bool(mode & stat.S_IXGRP)
    return bool(mode & stat.S_IXOTH)


def can_enter(path: Path, uid: int, gids: set[int]) -> bool:
    """Whether uid may traverse every existing directory from / down to path.
    Permission bits only: ACLs are not consulted."""
    for directory in [*reversed(path.parents), path]:
        try:
            st = directory.stat()
        except FileNotFoundError:
            break  # we create the rest, with modes we choose
        if not may_search(st.st_mode, st.st_uid, st.st_gid, uid, gids):
            return False
    return True


def fallback_base(state_dir: Path) -> Path:
    """Per-state-dir directory below ES_ROOT_FALLBACK (two state dirs never share it)."""
    digest = hashlib.sha256(str(state_dir).encode()).hexdigest()[:12]
    return Path(versions.ES_ROOT_FALLBACK) / f"elasticsearch-{digest}"


def es_base(paths: StackPaths, user: pwd.struct_passwd | None) -> Path:
    """The real directory for Elasticsearch's files, creating it (and, when it
    has to live elsewhere, the symlink from the state dir) if needed."""
    link = paths.es_link
    if link.is_symlink():
        return link.resolve()
    if user is None or can_enter(link, user.pw_uid, {user.pw_gid}):
        link.mkdir(parents=True, exist_ok=True)
        return link
    if link.is_dir() and any(link.iterdir()):
        raise StackError(
            f"elasticsearch: {versions.ES_USER} cannot enter {link}, which is not empty: "
            "remove it, or set MONITOR_STATE_DIR to a directory that user can reach"
        )
    base = fallback_base(paths.state_dir)
    note(
        f"elasticsearch: {versions.ES_USER} cannot enter {paths.state_dir}; keeping its files "
        f"in {base} (linked from {link})"
    )
    base.mkdir(parents=True, exist_ok=True)
    Path(versions.ES_ROOT_FALLBACK).chmod(0o755)
    (base / "OWNER").write_text(f"Elasticsearch files of the local stack in {paths.state_dir}\n")
    if link.is_dir() and not any(link.iterdir()):
        link.rmdir()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(base, target_is_directory=True)
    return base


def _chown_tree(path: Path, user: pwd.struct_passwd) -> None:
    os.chown(path, user.pw_uid, user.pw_gid)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(root, name), user.pw_uid, user.pw_gid, follow_symlinks=False)


# --- health ---------------------------------------------------------------------------


def check_health(url: str, timeout: float = 5.0) -> tuple[bool, str]:
    """(True, "cluster yellow") once the cluster health is yellow or green."""
    query = f"{url}/_cluster/health?wait_for_status=yellow&timeout={max(1, int(timeout) - 1)}s"
    try:
        with urllib.request.urlopen(query, timeout=timeout) as resp:
            body = json.load(resp)
    except urllib.error.HTTPError as exc:
        # 408 means "not yellow within the wait": the node answers but is not ready.
        return False, f"HTTP {exc.code} from {url}"
    except (OSError, ValueError) as exc:
        return False, f"no answer from {url}: {exc}"
    status = body.get("status")
    if status in ("yellow", "green"):
        return True, f"cluster {body.get('cluster_name')} {status}"
    return False, f"cluster health {status}"


# --- lifecycle ------------------------------------------------------------------------


def _es_paths(paths: StackPaths, rec: EsRecord | None) -> EsPaths:
    if rec is not None and rec.home:
        return EsPaths(Path(rec.home).parent)
    link = paths.es_link
    return EsPaths(link.resolve() if link.is_symlink() else link)


def looks_like_ours(es: EsPaths, argv: list[str]) -> bool:
    joined = " ".join(argv)
    return "org.elasticsearch.bootstrap.Elasticsearch" in joined and str(es.home) in joined


def running_pid(paths: StackPaths, rec: EsRecord | None) -> int | None:
    es = _es_paths(paths, rec)
    pid = rec.pid if rec and rec.pid else read_pid(es.pidfile)
    if pid is None or not pid_alive(pid):
        return None
    argv = cmdline(pid)
    return pid if argv and looks_like_ours(es, argv) else None


def _info(paths: StackPaths, rec: EsRecord | None, *, started: bool = False) -> NodeInfo:
    if rec is None:
        return NodeInfo(
            NAME,
            versions.DEFAULT_ES_URL,
            False,
            False,
            None,
            versions.ES_VERSION,
            None,
            "never started",
        )
    pid = running_pid(paths, rec)
    healthy, detail = check_health(rec.url) if pid else (False, "not running")
    return NodeInfo(
        NAME,
        rec.url,
        pid is not None,
        healthy,
        pid,
        rec.version,
        Path(rec.log_file) if rec.log_file else None,
        detail,
        started,
    )


def elasticsearch_status(settings: Settings) -> NodeInfo:
    paths = StackPaths.from_settings(settings)
    return _info(paths, load_record(paths).elasticsearch)


def _choose_port(preferred: int, explicit: bool) -> int:
    if not port_in_use(versions.HOST, preferred):
        return preferred
    if explicit:
        raise StackError(
            f"elasticsearch: {versions.HOST}:{preferred} is taken by another program; "
            "stop it or choose another port"
        )
    port = free_port(versions.HOST)
    note(f"elasticsearch: {versions.HOST}:{preferred} is taken by another program; using {port}")
    return port


def configure(
    es: EsPaths,
    home: Path,
    *,
    port: int,
    heap: Sequence[str] = versions.ES_HEAP,
    overrides: Mapping[str, object] | None = None,
) -> None:
    """A node's own config, data, logs and tmp below `es.base`; the distribution
    in `home` is only read (so a second node can run from the same one)."""
    for d in (es.config, es.data, es.logs, es.tmp):
        d.mkdir(parents=True, exist_ok=True)
    # A private copy of the config directory: the node writes its keystore there.
    for item in (home / "config").iterdir():
        target = es.config / item.name
        if item.is_file() and not target.exists():
            shutil.copy2(item, target)
    (es.config / "elasticsearch.yml").write_text(
        elasticsearch_yml(port=port, es=es, overrides=overrides)
    )
    options = es.config / "jvm.options.d"
    options.mkdir(exist_ok=True)
    (options / "heap.options").write_text("\n".join(heap) + "\n")
    if es.pidfile.exists():
        es.pidfile.unlink()
    for leftover in es.tmp.glob("final-flags*"):  # the launcher's, see launch
        shutil.rmtree(leftover, ignore_errors=True)


def give_to(es: EsPaths, user: pwd.struct_passwd) -> None:
    """The node's own directories to the user it runs as."""
    os.chown(es.base, user.pw_uid, user.pw_gid)
    for d in (es.config, es.data, es.logs, es.tmp):
        _chown_tree(d, user)


def _prepare(paths: StackPaths, user: pwd.struct_passwd | None, port: int) -> EsPaths:
    archive = fetch_elasticsearch_zip(paths)
    es = EsPaths(es_base(paths, user))
    unpack_zip(archive, es.base, es.home.name)
    configure(es, es.home, port=port)
    if user is not None:
        give_to(es, user)  # the distribution itself stays root-owned: the node only reads it
    return es


def launch(home: Path, es: EsPaths, *, user: pwd.struct_passwd | None, timeout: float) -> int:
    """Start the node configured in `es` from the distribution in `home`; returns
    the server's pid once the launcher says it started (not yet healthy)."""
    java = find_java()
    env = {
        **os.environ,
        "ES_JAVA_HOME": str(java.home),
        "ES_PATH_CONF": str(es.config),
        "ES_TMPDIR": str(es.tmp),
        # The launcher JVM probes JVM flags through temp dirs it never removes
        # ("final-flags…"): keep them in our tmp, not /tmp.
        "CLI_JAVA_OPTS": f"{os.environ.get('CLI_JAVA_OPTS', '')} -Djava.io.tmpdir={es.tmp}",
        "HOME": str(es.base),
    }
    env.pop("JAVA_TOOL_OPTIONS", None)  # would be echoed into every JVM's stderr
    # -d: the launcher returns once the node has started (or failed to) and
    # leaves the server running; -p: the server's own pid, for `down`.
    launcher = spawn(
        [str(home / "bin" / "elasticsearch"), "-d", "-p", str(es.pidfile)],
        log_file=es.console_log,
        env=env,
        cwd=es.logs,
        user=user.pw_name if user else None,
    )
    logs = [es.console_log, es.server_log]
    try:
        rc = launcher.wait(timeout)
    except subprocess.TimeoutExpired:
        raise StackError(
            f"elasticsearch: the launcher did not finish within {timeout:.0f} s; "
            f"{failure_context(logs)}"
        ) from None
    pid = read_pid(es.pidfile)
    if rc != 0 or pid is None:
        raise StackError(
            f"elasticsearch: failed to start (launcher exit {rc}); {failure_context(logs)}"
        )
    return pid


def start_elasticsearch(
    settings: Settings, *, port: int | None = None, timeout: float = 180.0
) -> NodeInfo:
    """Start the node unless ours already runs; return once health is yellow/green."""
    paths = StackPaths.from_settings(settings)
    with stack_lock(paths):
        record = load_record(paths)
        rec = record.elasticsearch
        pid = running_pid(paths, rec)
        if rec is not None and pid is not None:
            url = rec.url
            wait_ready(
                NAME,
                lambda: check_health(url),
                pid=pid,
                timeout=timeout,
                logs=[Path(rec.log_file)],
            )
            return _info(paths, rec)

        find_java()  # before anything is written: a missing Java is the first thing to say
        user = ensure_es_user() if _is_root() else None
        http_port = _choose_port(port or (rec.port if rec else versions.ES_PORT), port is not None)
        es = _prepare(paths, user, http_port)
        url = f"http://{versions.HOST}:{http_port}"
        who = f" as {user.pw_name}" if user else ""
        note(f"elasticsearch: starting {versions.ES_VERSION} on {url}{who} (log {es.server_log})")
        started_at = time.monotonic()
        pid = launch(es.home, es, user=user, timeout=timeout)
        logs = [es.console_log, es.server_log]
        rec = EsRecord(
            url=url,
            port=http_port,
            pid=pid,
            log_file=str(es.server_log),
            home=str(es.home),
            data_dir=str(es.data),
            user=user.pw_name if user else None,
        )
        record.elasticsearch = rec
        save_record(paths, record)
        remaining = max(10.0, timeout - (time.monotonic() - started_at))
        detail = wait_ready(NAME, lambda: check_health(url), pid=pid, timeout=remaining, logs=logs)
        note(f"elasticsearch: ready on {url} ({detail})")
        return NodeInfo(
            NAME, url, True, True, pid, versions.ES_VERSION, es.server_log, detail, started=True
        )


def stop_elasticsearch(settings: Settings, *, timeout: float = 60.0) -> bool:
    """Stop the node `up` started; True if one was running."""
    paths = StackPaths.from_settings(settings)
    with stack_lock(paths):
        record = load_record(paths)
        es = _es_paths(paths, record.elasticsearch)
        pid = running_pid(paths, record.elasticsearch)
        stopped = False
        if pid is not None:
            note(f"elasticsearch: stopping pid {pid}")
            stopped = terminate(
                pid, looks_like_ours=lambda a: looks_like_ours(es, a), timeout=timeout, name=NAME
            )
        if record.elasticsearch is not None:
            record.elasticsearch.pid = None
            save_record(paths, record)
        return stopped
