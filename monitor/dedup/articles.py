"""The articles the dedup index remembers paragraphs of, by sequence number.

Each article's id, source and event time, in arrays and a `ByteLog` instead of
a dict of tuples: a dict entry, its int key, a 3-tuple, a float and two
strings come to about 300 bytes an article, these to about 30 plus the text.
Articles are forgotten oldest first, as the paragraph ring forgets them.
"""

from __future__ import annotations

from array import array

from monitor.dedup.bytelog import ByteLog

_TEXT_CHUNK = 1 << 16
#: Forgotten articles stay in the arrays until they are this many and half of
#: them: dropping a prefix moves the rest, so it is done seldom (amortized O(1)).
_COMPACT_AFTER = 4096


class ArticleTable:
    __slots__ = ("_at", "_base", "_id_len", "_live", "_next", "_pos", "_source_len", "_text")

    def __init__(self) -> None:
        self._text = ByteLog(_TEXT_CHUNK)
        self._pos = array("Q")  # id then source, UTF-8, in `_text`
        self._id_len = array("H")
        self._source_len = array("i")  # -1: no source
        self._at = array("d")
        self._base = 0  # number of the first article in the arrays
        self._live = 0  # number of the first article not forgotten
        self._next = 0  # number the next article gets

    def __len__(self) -> int:
        return self._next - self._live

    @property
    def next_number(self) -> int:
        return self._next

    def open(self, article: str, source: str | None, at: float) -> int:
        """Remember an article; returns its number (numbers only grow)."""
        ident = article.encode("utf-8", "surrogatepass")
        src = b"" if source is None else source.encode("utf-8", "surrogatepass")
        if len(ident) > 0xFFFF or len(ident) + len(src) > _TEXT_CHUNK:
            raise ValueError(
                f"article id of {len(ident)} bytes and source of {len(src)} bytes are too "
                f"long to remember (at most {_TEXT_CHUNK} bytes together)"
            )
        self._pos.append(self._text.append(ident + src))
        self._id_len.append(len(ident))
        self._source_len.append(-1 if source is None else len(src))
        self._at.append(at)
        self._next += 1
        return self._next - 1

    def at(self, number: int) -> float:
        """Event time of a remembered article."""
        return self._at[number - self._base]

    def get(self, number: int) -> tuple[str, str | None, float]:
        """(id, source, event time) of a remembered article."""
        i = number - self._base
        id_len, source_len = self._id_len[i], self._source_len[i]
        text = bytes(self._text.get(self._pos[i], id_len + max(source_len, 0)))
        article = text[:id_len].decode("utf-8", "surrogatepass")
        source = None if source_len < 0 else text[id_len:].decode("utf-8", "surrogatepass")
        return article, source, self._at[i]

    def forget_before(self, number: int) -> None:
        """Forget every article numbered below `number`."""
        number = min(number, self._next)
        if number <= self._live:
            return
        self._live = number
        dead = number - self._base
        if dead >= _COMPACT_AFTER and 2 * dead >= len(self._at):
            for column in (self._pos, self._id_len, self._source_len, self._at):
                del column[:dead]
            self._base = number
        self._text.release_before(
            self._pos[number - self._base] if number < self._next else self._text.end
        )

    def nbytes(self) -> int:
        arrays = (self._pos, self._id_len, self._source_len, self._at)
        return self._text.nbytes() + sum(a.buffer_info()[1] * a.itemsize for a in arrays)
