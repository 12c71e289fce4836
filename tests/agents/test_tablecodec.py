"""The tables' value codec (agents/tablecodec.py): what faust's json codec wrote
reads back the same, and a stored analysis in Arabic is written without escapes."""

from __future__ import annotations

import json

from faust.serializers import codecs

from agents import tablecodec
from agents.app import make_app
from monitor.settings import Settings

RECORD = {"format": 1, "seq": 7, "seen_at": 1522542056.25, "analysis": {"title": "قره باغ"}}


def test_a_record_written_by_fausts_json_codec_reads_back_unchanged() -> None:
    old = codecs.get_codec("json").dumps(RECORD)
    assert b"\\u0642" in old  # the old codec escaped every Arabic letter
    assert codecs.get_codec(tablecodec.register()).loads(old) == RECORD


def test_arabic_is_written_as_utf8_and_round_trips() -> None:
    codec = codecs.get_codec(tablecodec.register())
    new = codec.dumps(RECORD)
    assert "قره باغ".encode() in new
    assert codec.loads(new) == RECORD
    assert len(new) < len(json.dumps(RECORD).encode())


def test_the_tables_write_values_with_it_and_keys_as_before(settings: Settings) -> None:
    _, rt = make_app(settings)
    for table in rt.tables.values():
        assert table.value_serializer == tablecodec.NAME
        assert table.key_serializer == "json"  # the changelog's keys are unchanged
