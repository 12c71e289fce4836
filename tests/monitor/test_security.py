"""The one place that builds TLS contexts and credentials, and `*_FILE` secrets."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from monitor import security
from monitor.settings import Settings


def test_contexts_verify_certificates_and_host_names_by_default() -> None:
    settings = Settings(kafka_security_protocol="SASL_SSL")
    for ctx in (
        security.kafka_tls_context(settings),
        security.es_tls_context(settings, "https://es.example:9243"),
    ):
        assert ctx is not None
        assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
        assert ctx.minimum_version >= ssl.TLSVersion.TLSv1_2


def test_plaintext_gets_no_context() -> None:
    settings = Settings(kafka_security_protocol="SASL_PLAINTEXT")
    assert security.kafka_tls_context(settings) is None
    assert security.es_tls_context(settings, "http://127.0.0.1:9200") is None


def test_switching_verification_off_is_explicit_and_loud(caplog: pytest.LogCaptureFixture) -> None:
    security._warned.clear()
    settings = Settings(kafka_security_protocol="SSL", tls_insecure_skip_verify=True)
    with caplog.at_level(logging.WARNING, logger="monitor.security"):
        ctx = security.kafka_tls_context(settings)
        security.kafka_tls_context(settings)
    assert ctx is not None and ctx.verify_mode == ssl.CERT_NONE and not ctx.check_hostname
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1  # once per process and server, not once per client
    assert "verification is OFF for Kafka" in warnings[0]
    assert "MONITOR_TLS_INSECURE_SKIP_VERIFY" in warnings[0]


def test_a_missing_ca_file_is_named(tmp_path: Path) -> None:
    settings = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=tmp_path / "nope.pem")
    with pytest.raises(ValueError, match=r"Kafka: CA file .*nope\.pem does not exist"):
        security.kafka_tls_context(settings)


def test_unknown_protocol_or_mechanism_is_refused_at_start_up() -> None:
    with pytest.raises(ValidationError, match="kafka_security_protocol"):
        Settings(kafka_security_protocol="SASL_TLS")
    with pytest.raises(ValidationError, match="kafka_sasl_mechanism"):
        Settings(kafka_sasl_mechanism="SCRAM-SHA-1", kafka_sasl_username="u")


def _secret(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_secrets_from_files(tmp_path: Path) -> None:
    settings = Settings(
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="svc",
        kafka_sasl_password_file=_secret(tmp_path / "kafka", "k-pass word\n"),
        es_username="monitor",
        es_password_file=_secret(tmp_path / "es", "e-pass\r\n"),
    )
    # the editor's newline is dropped, inner spaces are the secret's
    assert security.kafka_sasl(settings)["sasl_plain_password"] == "k-pass word"
    assert security.es_auth(settings) == {"basic_auth": ("monitor", "e-pass")}
    assert "e-pass" not in repr(settings) and "k-pass" not in repr(settings)
    key = Settings(es_api_key_file=_secret(tmp_path / "key", "a2V5OnNlY3JldA=="))
    assert security.es_auth_header(key) == {"Authorization": "ApiKey a2V5OnNlY3JldA=="}


def test_secret_file_errors_name_the_setting_not_the_secret(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"MONITOR_ES_PASSWORD_FILE: cannot read .*absent"):
        Settings(es_username="u", es_password_file=tmp_path / "absent")
    with pytest.raises(ValidationError, match=r"MONITOR_ES_API_KEY_FILE: .* is empty"):
        Settings(es_api_key_file=_secret(tmp_path / "empty", "\n"))
    with pytest.raises(ValidationError, match="MONITOR_KAFKA_SASL_PASSWORD and") as info:
        Settings(
            kafka_sasl_password=SecretStr("inline-secret"),
            kafka_sasl_password_file=_secret(tmp_path / "pw", "file-secret"),
        )
    assert "file-secret" not in str(info.value)


def test_basic_auth_header_and_descriptions_without_secrets() -> None:
    settings = Settings(
        es_username="monitor",
        es_password=SecretStr("pw"),
        kafka_sasl_mechanism="plain",
        kafka_sasl_username="svc",
        kafka_sasl_password=SecretStr("kpw"),
        kafka_security_protocol="sasl_ssl",
    )
    assert security.es_auth_header(settings) == {"Authorization": "Basic bW9uaXRvcjpwdw=="}
    assert security.describe_es_auth(settings) == "basic(monitor)"
    assert security.describe_kafka_auth(settings) == "SASL_SSL PLAIN(svc)"


def test_urls_are_printed_without_their_credentials() -> None:
    assert security.redact_url("https://u:pw@es.example:9243/x") == "https://es.example:9243/x"
    assert security.redact_url("http://127.0.0.1:9200") == "http://127.0.0.1:9200"


def test_a_settings_error_does_not_quote_the_other_settings_secrets() -> None:
    with pytest.raises(ValidationError) as info:
        Settings(kafka_sasl_password=SecretStr("hunter2-secret"), es_username="u")
    assert "MONITOR_ES_PASSWORD too" in str(info.value)
    assert "hunter2" not in str(info.value) and "input_value" not in str(info.value)


def test_monitor_config_masks_the_password_in_urls_and_keeps_the_rest() -> None:
    masked = security.mask_url_password("https://elastic:pw@a:9200,http://b:9200,https://u:x@c")
    assert masked == "https://elastic:**********@a:9200,http://b:9200,https://u:**********@c"
    assert security.mask_url_password("127.0.0.1:9092") == "127.0.0.1:9092"
    assert security.mask_url_password("http://user@host") == "http://user@host"  # no password
    assert security.mask_url_password("") == ""
