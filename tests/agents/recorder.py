"""The index agent's surroundings for tests: its no-ack stream and dead-letter
sink as one recorder, events as faust delivers them, and analyses as bytes."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from schemas.analysis import Analysis, CasualtyFigure, Paragraph


class Recorder:
    def __init__(self) -> None:
        self.acked: list[int] = []
        self.dead: list[Any] = []

    async def ack(self, event: Any) -> bool:
        self.acked.append(event.message.offset)
        return True

    async def send(self, record: Any) -> None:
        self.dead.append(record)


def event(offset: int, value: bytes) -> Any:
    message = SimpleNamespace(topic="t.news.enriched", partition=0, offset=offset, key=b"k")
    return SimpleNamespace(value=value, message=message)


def analysis_bytes(article: str, casualties: list[CasualtyFigure] | None = None) -> bytes:
    a = Analysis(
        id=article,
        body="هدنة في قره باغ",
        paragraphs=[Paragraph(index=0, text="هدنة في قره باغ", start=0, end=15, fingerprint="0")],
        casualties=casualties or [],
    )
    return a.model_dump_json().encode()
