"""What the stateless stage sends the ordered one (topic news.prepared), per article.

Everything the ordered stage needs to finish the analysis without running the
detectors again: the validated item (its body rebuilds the paragraphs and, on
a redelivery, the stored analysis), the digest that recognizes a redelivery,
each paragraph's dedup word hashes and the three detections.
"""

from __future__ import annotations

from pydantic import Field

from schemas.analysis import CasualtyFigure, CeasefireResult, KarabakhRelevance
from schemas.base import SCHEMA_VERSION, Message
from schemas.news import NewsItem


class PreparedMessage(Message):
    schema_version: str = SCHEMA_VERSION
    item: NewsItem = Field(
        description="The item as validated, with its id, and `ingested_at` stamped from the "
        "news.raw record's time when the item carried none."
    )
    digest: str = Field(description="SHA-1 of source, url, title and body: a redelivery's mark.")
    words: list[str] = Field(
        description="Per paragraph, its dedup word hashes: 16-bit words in the native byte "
        "order of `monitor.dedup.fingerprint.word_hashes`, base64 encoded."
    )
    karabakh: KarabakhRelevance
    ceasefire: CeasefireResult
    casualties: list[CasualtyFigure]
