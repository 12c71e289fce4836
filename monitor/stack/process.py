"""Detached server processes: find Java, check ports, spawn, recognise, stop.

Only Linux and other systems with /proc or `ps` are supported; that is where the
stack runs (development machines and CI).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from monitor.stack import versions
from monitor.stack.errors import StackError

# Popen objects of servers this interpreter started. Kept so they are not garbage
# collected while running (CPython then warns "subprocess is still running", an
# error under pytest's warning filters) and so that a stopped child is reaped
# instead of lingering as a zombie that still looks alive.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def note(message: str) -> None:
    """Progress for people, on stderr, so stdout stays clean for `status --json`."""
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Java:
    executable: Path
    home: Path
    feature: int


_JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


def parse_java_feature(version_output: str) -> int | None:
    """Feature release from `java -version` output ("1.8.0_392" is 8, "17.0.15" is 17)."""
    m = _JAVA_VERSION.search(version_output)
    if not m:
        return None
    major = int(m.group(1))
    if major == 1 and m.group(2):
        return int(m.group(2))
    return major


def find_java() -> Java:
    """JAVA_HOME's java if set, else the one on PATH; at least `versions.MIN_JAVA`."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    if candidate is None or not candidate.is_file():
        found = shutil.which("java")
        if not found:
            raise StackError(
                f"java not found: install a JDK {versions.MIN_JAVA}+ "
                "(e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
            )
        candidate = Path(found)
    executable = candidate.resolve()
    try:
        out = subprocess.run(
            [str(executable), "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StackError(f"cannot run {executable} -version: {exc}") from exc
    feature = parse_java_feature(out.stderr + out.stdout)
    if feature is None:
        raise StackError(f"cannot tell the version of {executable}: {out.stderr.strip()!r}")
    if feature < versions.MIN_JAVA:
        raise StackError(
            f"{executable} is Java {feature}; Kafka {versions.KAFKA_VERSION} and Elasticsearch "
            f"{versions.ES_VERSION} need Java {versions.MIN_JAVA}+: set JAVA_HOME to a newer JDK"
        )
    return Java(executable=executable, home=executable.parent.parent, feature=feature)


def port_in_use(host: str, port: int) -> bool:
    """True if something listens on host:port (bind test, so a wildcard listener counts)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # SO_REUSEADDR: a port left in TIME_WAIT by our own previous run is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def free_port(host: str, avoid: Sequence[int] = ()) -> int:
    """A port the kernel considers free right now."""
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((host, 0))
            port = int(sock.getsockname()[1])
        if port not in avoid:
            return port
    raise StackError(f"no free port found on {host}")


def tcp_open(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _proc_state(pid: int) -> str | None:
    """The state letter from /proc/<pid>/stat ("R", "S", "Z", …), None if unknown."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name in parentheses may itself contain spaces or parentheses.
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[0] if fields else None


def cmdline(pid: int) -> list[str] | None:
    """The process's argv, or None if it does not exist or is a zombie."""
    proc = Path("/proc") / str(pid)
    if proc.is_dir():
        # Just after fork/exec the kernel briefly shows an empty cmdline: retry.
        for _ in range(20):
            try:
                raw = (proc / "cmdline").read_bytes()
            except OSError:
                return None
            if raw:
                return [part.decode(errors="replace") for part in raw.rstrip(b"\0").split(b"\0")]
            if _proc_state(pid) in (None, "Z", "X"):
                return None
            time.sleep(0.05)
        return None
    try:
        out = subprocess.run(
            ["ps", "-o", "command=", "-p", str(pid)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = out.stdout.strip()
    return text.split() if out.returncode == 0 and text else None


def _reap(pid: int) -> None:
    child = _CHILDREN.get(pid)
    if child is not None and child.poll() is not None:
        del _CHILDREN[pid]


def pid_alive(pid: int | None) -> bool:
    """True if pid exists and is not a zombie (a dead child nobody has reaped)."""
    if not pid or pid <= 0:
        return False
    _reap(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    return _proc_state(pid) not in ("Z", "X")


def spawn(
    argv: Sequence[str],
    *,
    log_file: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    user: str | None = None,
) -> subprocess.Popen[bytes]:
    """Start argv in its own session (so Ctrl-C in the caller's terminal and the
    caller's exit leave it running), output appended to log_file."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "ab") as log:
        log.write(f"\n--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(argv)}\n".encode())
        log.flush()
        try:
            proc = subprocess.Popen(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=dict(env) if env is not None else None,
                cwd=cwd,
                start_new_session=True,
                close_fds=True,
                # Dropping root: uid, primary gid and no supplementary groups.
                user=user,
                group=user,
                extra_groups=[] if user else None,
            )
        except OSError as exc:
            raise StackError(f"cannot start {argv[0]}: {exc}") from exc
    _CHILDREN[proc.pid] = proc
    return proc


def terminate(
    pid: int,
    *,
    looks_like_ours: Callable[[list[str]], bool],
    timeout: float = 30.0,
    name: str = "process",
) -> bool:
    """SIGTERM, wait up to `timeout`, then SIGKILL. Returns False, touching nothing,
    if pid is gone or is not one of ours (a recycled pid)."""
    argv = cmdline(pid)
    if argv is None or not pid_alive(pid):
        return False
    if not looks_like_ours(argv):
        note(f"{name}: pid {pid} is not ours any more ({' '.join(argv)[:120]}); leaving it alone")
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.2)
    note(f"{name}: pid {pid} ignored SIGTERM for {timeout:.0f} s; sending SIGKILL")
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.1)
    return True


def read_pid(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def tail(path: Path, lines: int = 25) -> str:
    """The end of a log file, for error messages."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 64 * 1024))
            text = fh.read().decode(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def failure_context(logs: Sequence[Path]) -> str:
    """Names the log files and quotes the end of the first non-empty one."""
    names = ", ".join(str(p) for p in logs)
    for path in logs:
        text = tail(path)
        if text.strip():
            return f"see {names}; last lines of {path}:\n{text}"
    return f"see {names}"


def wait_ready(
    name: str,
    check: Callable[[], tuple[bool, str]],
    *,
    pid: int | None,
    timeout: float,
    logs: Sequence[Path],
) -> str:
    """Poll `check` (returning (ready, detail)) until ready; fail fast, naming the
    logs, if the process dies, and fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    detail = "not checked yet"
    while True:
        ok, detail = check()
        if ok:
            return detail
        if pid is not None and not pid_alive(pid):
            raise StackError(
                f"{name} (pid {pid}) exited during start-up ({detail}); {failure_context(logs)}"
            )
        if time.monotonic() >= deadline:
            raise StackError(
                f"{name} did not become healthy within {timeout:.0f} s ({detail}); "
                f"{failure_context(logs)}"
            )
        time.sleep(1.0)
