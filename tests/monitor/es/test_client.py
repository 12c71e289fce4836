from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr

from monitor.es.client import client_options, describe, make_client, resolve_es_url
from monitor.settings import Settings


def test_explicit_url_wins() -> None:
    assert resolve_es_url(Settings(es_url="https://es.example:9243")) == "https://es.example:9243"


def test_api_key_beats_basic_auth_and_the_ca_verifies(tmp_path: Path) -> None:
    import ssl

    from tests.integration.secured_stack import make_pki

    pki = make_pki(tmp_path)
    settings = Settings(
        es_url="https://es.example:9243",
        es_api_key=SecretStr("key-123"),
        es_username="elastic",
        es_password=SecretStr("pw-456"),
        es_ca_certs=pki.ca,
    )
    options = client_options(settings)
    assert options["api_key"] == "key-123" and "basic_auth" not in options
    # the sync client: the CA file alone (not certifi's roots), verification on
    assert options["ca_certs"] == str(pki.ca) and options["verify_certs"] is True
    ctx = client_options(settings, asyncio=True)["ssl_context"]
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert [c["subject"] for c in ctx.get_ca_certs()] == [((("commonName", "monitor-test-ca"),),)]


def test_basic_auth() -> None:
    options = client_options(
        Settings(es_url="http://x:9200", es_username="u", es_password=SecretStr("p"))
    )
    assert options["basic_auth"] == ("u", "p")


def test_describe_never_shows_secrets() -> None:
    settings = Settings(
        es_url="https://user:url-secret@es.example:9243",
        es_api_key=SecretStr("key-secret"),
    )
    text = describe(settings) + repr(settings) + str(settings)
    assert "url-secret" not in describe(settings)
    assert "key-secret" not in text
    assert "es.example:9243" in describe(settings) and "api_key" in describe(settings)


def test_make_client_does_not_connect() -> None:
    client = make_client(Settings(es_url="http://127.0.0.1:1"))
    client.close()


def test_deleting_a_namespace_refuses_an_empty_prefix() -> None:
    import pytest

    from monitor.es.client import delete_prefixed_indices

    with pytest.raises(ValueError, match="prefix"):
        delete_prefixed_indices(Settings(es_index_prefix=""))
