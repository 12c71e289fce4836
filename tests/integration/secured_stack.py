"""A secured stack for the tests, built at test time (nothing secret is committed).

- `make_pki`: a certificate authority and a server certificate for 127.0.0.1 and
  localhost (openssl), plus an unrelated CA for the wrong-CA tests.
- `SecuredKafka`: a second KRaft broker from the Kafka distribution the local
  stack already fetched, with a SASL_SSL listener (SCRAM-SHA-512 and PLAIN)
  beside a plaintext one; the SCRAM user is created by Kafka's own storage tool
  (`format --add-scram`), the PLAIN user by the listener's JAAS configuration.
- `TlsProxy`: nginx terminating TLS in front of the running Elasticsearch node and
  enforcing credentials (basic auth from an htpasswd file, or an API key in the
  `Authorization: ApiKey ...` header): the minimal Elasticsearch distribution the
  stack runs has no security module of its own.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from monitor.settings import Settings
from monitor.stack.kafka import new_cluster_id, server_properties
from monitor.stack.layout import StackPaths
from monitor.stack.process import find_java, free_port, tcp_open

HOST = "127.0.0.1"
_NEW_KEY = ("openssl", "req", "-newkey", "rsa:2048", "-nodes")
_SIGN = ("openssl", "x509", "-req")


def _run(cwd: Path, *argv: str) -> None:
    out = subprocess.run(
        list(argv), cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"{argv[0]} {argv[1]} failed: {(out.stderr or out.stdout)[-1500:]}")


@dataclass(frozen=True)
class Pki:
    ca: Path  # the CA certificate clients trust
    cert: Path  # server certificate (SAN IP:127.0.0.1, DNS:localhost)
    key: Path  # its unencrypted PKCS#8 key
    other_ca: Path  # a CA that signed nothing here (the wrong-CA tests)
    misnamed_cert: Path  # signed by `ca` for another host name only
    misnamed_key: Path


def _make_ca(d: Path, name: str) -> tuple[Path, Path]:
    key, cert = d / f"{name}.key", d / f"{name}.pem"
    _run(
        d,
        *_NEW_KEY,
        "-x509",
        "-days",
        "2",
        "-keyout",
        str(key),
        "-out",
        str(cert),
        "-subj",
        f"/CN={name}",
    )
    return key, cert


def make_pki(d: Path) -> Pki:
    d.mkdir(parents=True, exist_ok=True)
    ca_key, ca = _make_ca(d, "monitor-test-ca")
    _, other_ca = _make_ca(d, "unrelated-ca")
    key, cert = _server_cert(d, "server", ca, ca_key, "IP:127.0.0.1,DNS:localhost")
    misnamed_key, misnamed = _server_cert(d, "misnamed", ca, ca_key, "DNS:elsewhere.invalid")
    ca_key.chmod(0o600)
    return Pki(ca, cert, key, other_ca, misnamed, misnamed_key)


def _server_cert(d: Path, name: str, ca: Path, ca_key: Path, san: str) -> tuple[Path, Path]:
    key, csr, cert = d / f"{name}.key", d / f"{name}.csr", d / f"{name}.pem"
    _run(d, *_NEW_KEY, "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={name}")
    ext = d / f"{name}.ext"
    ext.write_text(
        f"subjectAltName={san}\n"
        "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
    )
    _run(
        d,
        *_SIGN,
        "-in",
        str(csr),
        "-CA",
        str(ca),
        "-CAkey",
        str(ca_key),
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        str(cert),
        "-extfile",
        str(ext),
    )
    key.chmod(0o600)
    return key, cert


def secret_file(path: Path, value: str) -> Path:
    """A credential the way container secrets are mounted: a file, mode 0600."""
    path.write_text(value + "\n")
    path.chmod(0o600)
    return path


def _wait(what: str, ready: object, proc: subprocess.Popen[bytes], log: Path, t: float) -> None:
    deadline = time.monotonic() + t
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        if ready():  # type: ignore[operator]
            return
        time.sleep(0.3)
    raise RuntimeError(f"{what} not ready after {t:.0f} s:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


@dataclass
class KafkaUsers:
    scram_user: str
    scram_password: str
    plain_user: str
    plain_password: str


class SecuredKafka:
    """One KRaft node: PLAINTEXT (admin, inter-broker) and SASL_SSL listeners."""

    def __init__(self, root: Path, pki: Pki, stack_state_dir: Path) -> None:
        self.root = root
        self.pki = pki
        self.paths = StackPaths(stack_state_dir.expanduser().absolute())
        self.users = KafkaUsers(
            "monitor-scram", secrets.token_hex(16), "monitor-plain", secrets.token_hex(16)
        )
        self.plain_port = free_port(HOST)
        self.sasl_port = free_port(HOST, avoid=(self.plain_port,))
        self.controller_port = free_port(HOST, avoid=(self.plain_port, self.sasl_port))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def sasl_bootstrap(self) -> str:
        return f"{HOST}:{self.sasl_port}"

    @property
    def plain_bootstrap(self) -> str:
        return f"{HOST}:{self.plain_port}"

    def _properties(self) -> str:
        keystore = self.root / "broker-keystore.pem"
        keystore.write_text(self.pki.key.read_text() + self.pki.cert.read_text())
        keystore.chmod(0o600)
        u = self.users
        base = server_properties(
            port=self.plain_port, controller_port=self.controller_port, data_dir=self.root / "data"
        )
        # java.util.Properties keeps the last value of a repeated key.
        extra = {
            "listeners": f"PLAINTEXT://{HOST}:{self.plain_port},SASL_SSL://{HOST}:{self.sasl_port},"
            f"CONTROLLER://{HOST}:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://{HOST}:{self.plain_port},"
            f"SASL_SSL://{HOST}:{self.sasl_port}",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,"
            "SASL_SSL:SASL_SSL",
            "sasl.enabled.mechanisms": "SCRAM-SHA-512,PLAIN",
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config": (
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"
            ),
            "listener.name.sasl_ssl.plain.sasl.jaas.config": (
                "org.apache.kafka.common.security.plain.PlainLoginModule required "
                f'user_{u.plain_user}="{u.plain_password}";'
            ),
            "listener.name.sasl_ssl.ssl.keystore.type": "PEM",
            "listener.name.sasl_ssl.ssl.keystore.location": str(keystore),
        }
        return base + "".join(f"{k}={v}\n" for k, v in extra.items())

    def _java(self, main: str, *args: str) -> list[str]:
        java = find_java()
        return [
            str(java.executable),
            "-Xms256m",
            "-Xmx512m",
            "-XX:+UseSerialGC",  # one small broker on a shared 2-core machine
            "-XX:TieredStopAtLevel=1",  # starts faster; throughput is irrelevant here
            "-Djava.awt.headless=true",
            f"-Dkafka.logs.dir={self.root / 'logs'}",
            f"-Dlog4j2.configurationFile={self.paths.kafka_log4j}",
            "-cp",
            f"{self.paths.kafka_libs}/*",
            main,
            *args,
        ]

    def start(self, timeout: float = 120.0) -> None:
        if not self.paths.kafka_libs.is_dir():
            raise RuntimeError(f"no Kafka in {self.paths.kafka_libs}: run `monitor stack up`")
        for d in ("data", "logs"):
            (self.root / d).mkdir(parents=True, exist_ok=True)
        config = self.root / "server.properties"
        config.write_text(self._properties())
        config.chmod(0o600)
        u = self.users
        _run(
            self.root,
            *self._java(
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                new_cluster_id(),
                "--config",
                str(config),
                "--add-scram",
                f"SCRAM-SHA-512=[name={u.scram_user},password={u.scram_password}]",
            ),
        )
        log = self.root / "logs" / "kafka.out"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                self._java("kafka.Kafka", str(config)),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.root,
            )
        from monitor.stack.kafka import check_health

        _wait(
            "secured kafka",
            lambda: tcp_open(HOST, self.sasl_port) and check_health(self.plain_bootstrap)[0],
            self.proc,
            log,
            timeout,
        )

    def stop(self) -> None:
        _stop(self.proc)


def ssha(password: str) -> str:
    """An htpasswd `{SSHA}` entry (salted SHA-1), which nginx's auth_basic reads."""
    salt = secrets.token_bytes(8)
    digest = hashlib.sha1(password.encode() + salt).digest()
    return "{SSHA}" + base64.b64encode(digest + salt).decode()


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
    )


class TlsProxy:
    """nginx: TLS on a port of its own, basic auth or API key, then the plain node."""

    def __init__(self, root: Path, pki: Pki, upstream: str) -> None:
        self.root = root
        self.pki = pki
        self.upstream = upstream.rstrip("/")
        self.port = free_port(HOST)
        # The same proxy behind a certificate for another host name.
        self.misnamed_port = free_port(HOST, avoid=(self.port,))
        self.username = "monitor-es"
        self.password = secrets.token_hex(16)
        # What Elasticsearch's create-API-key call returns as `encoded`.
        self.api_key = base64.b64encode(
            f"{secrets.token_hex(8)}:{secrets.token_hex(16)}".encode()
        ).decode()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://{HOST}:{self.port}"

    def _config(self) -> str:
        r = self.root
        htpasswd = secret_file(r / "htpasswd", f"{self.username}:{ssha(self.password)}")
        temp = "".join(
            f"    {kind}_temp_path {r / 'tmp' / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        server = f"""
        auth_basic $es_realm;
        auth_basic_user_file {htpasswd};
        client_max_body_size 100m;
        location / {{
            proxy_pass {self.upstream};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Authorization "";
            proxy_read_timeout 120s;
        }}"""
        return f"""
# One process, no user switch: it reads the test's private files as their owner.
master_process off;
daemon off;
pid {r / "nginx.pid"};
error_log {r / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
{temp}
    access_log {r / "access.log"};
    map_hash_bucket_size 256;  # the map key is a whole Authorization header
    # A valid API key turns basic auth off; anything else must pass basic auth.
    map $http_authorization $es_realm {{
        "ApiKey {self.api_key}" off;
        default "elasticsearch";
    }}
    server {{
        listen {HOST}:{self.port} ssl;
        ssl_certificate {self.pki.cert};
        ssl_certificate_key {self.pki.key};
{server}
    }}
    server {{
        listen {HOST}:{self.misnamed_port} ssl;
        ssl_certificate {self.pki.misnamed_cert};
        ssl_certificate_key {self.pki.misnamed_key};
{server}
    }}
}}
"""

    def start(self, timeout: float = 30.0) -> None:
        nginx = find_nginx()
        if nginx is None:
            raise RuntimeError("nginx is not installed (apt-get install -y nginx)")
        (self.root / "tmp").mkdir(parents=True, exist_ok=True)
        conf = self.root / "nginx.conf"
        conf.write_text(self._config())
        conf.chmod(0o600)
        log = self.root / "nginx.out"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [nginx, "-c", str(conf), "-p", str(self.root), "-e", str(self.root / "error.log")],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        _wait("nginx", lambda: tcp_open(HOST, self.port), self.proc, log, timeout)

    def stop(self) -> None:
        _stop(self.proc)


@dataclass
class SecuredStack:
    """The secured broker and proxy of one test session, and settings that use them."""

    root: Path
    pki: Pki
    kafka: SecuredKafka
    es: TlsProxy

    def secret(self, name: str, value: str) -> Path:
        (self.root / "secrets").mkdir(exist_ok=True)
        return secret_file(self.root / "secrets" / name, value)

    def secrets(self) -> list[str]:
        """Every credential of the session, for the checks that none is printed."""
        u = self.kafka.users
        return [u.scram_password, u.plain_password, self.es.password, self.es.api_key]

    def settings(
        self, base: Settings, *, kafka: str = "SCRAM-SHA-512", es: str = "basic", **update: object
    ) -> Settings:
        """`base`'s namespace (prefixes, port, state dir) over SASL_SSL and TLS, with
        the credentials in files (`*_FILE`), as a deployment mounts them."""
        u = self.kafka.users
        user, password = (
            (u.scram_user, u.scram_password)
            if kafka.startswith("SCRAM")
            else (u.plain_user, u.plain_password)
        )
        fields: dict[str, object] = {
            "kafka_bootstrap_servers": self.kafka.sasl_bootstrap,
            "kafka_security_protocol": "SASL_SSL",
            "kafka_sasl_mechanism": kafka,
            "kafka_sasl_username": user,
            "kafka_sasl_password_file": self.secret(f"kafka-{kafka}", password),
            "kafka_ssl_cafile": self.pki.ca,
            "es_url": self.es.url,
            "es_ca_certs": self.pki.ca,
        }
        if es == "basic":
            fields["es_username"] = self.es.username
            fields["es_password_file"] = self.secret("es-password", self.es.password)
        else:
            fields["es_api_key_file"] = self.secret("es-api-key", self.es.api_key)
        keep = base.model_dump(
            include={"topic_prefix", "es_index_prefix", "web_host", "web_port", "state_dir"}
            | {"topic_partitions", "worker_id"}
        )
        return Settings(**{**keep, **fields, **update})


def start_secured_stack(root: Path, stack: Settings) -> SecuredStack:
    """Certificates, the SASL_SSL broker and the TLS proxy in front of `stack`'s node."""
    pki = make_pki(root / "pki")
    kafka = SecuredKafka(root / "kafka", pki, stack.state_dir)
    proxy = TlsProxy(root / "nginx", pki, stack.es_url)
    kafka.start()
    try:
        proxy.start()
    except BaseException:
        kafka.stop()
        raise
    return SecuredStack(root, pki, kafka, proxy)


def stop_secured_stack(secured: SecuredStack) -> None:
    secured.es.stop()
    secured.kafka.stop()
