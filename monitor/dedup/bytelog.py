"""An append-only log of byte strings, forgotten from the front.

The dedup index keeps every remembered paragraph's word hashes (and every
article's id) here rather than as one `bytes` object each: a `bytes` object
costs 33 bytes of header and a list slot besides its content, more than the
word hashes of a short paragraph. Strings are packed into fixed-size chunks
addressed by a position that only grows; a string never straddles two chunks
(the rest of a chunk that cannot take it stays unused), and a chunk is freed
once everything in it is forgotten. Appending never copies what is stored.
"""

from __future__ import annotations

DEFAULT_CHUNK = 1 << 20


class ByteLog:
    __slots__ = ("_chunk", "_chunks", "_end", "_first")

    def __init__(self, chunk_size: int = DEFAULT_CHUNK) -> None:
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be positive, got {chunk_size}")
        self._chunk = chunk_size
        self._chunks: list[bytearray] = []
        self._first = 0  # number of the first chunk held
        self._end = 0  # position after the last string appended

    @property
    def chunk_size(self) -> int:
        return self._chunk

    @property
    def end(self) -> int:
        return self._end

    def append(self, data: bytes) -> int:
        """Store `data`; returns the position to read it back from."""
        n, size = len(data), self._chunk
        if n > size:
            raise ValueError(f"{n} bytes do not fit a chunk of {size}")
        pos = self._end
        off = pos % size
        if off + n > size:
            pos += size - off
            off = 0
        if not self._chunks:
            self._first = pos // size
        chunk_no = pos // size - self._first
        if chunk_no == len(self._chunks):
            self._chunks.append(bytearray(size))
        self._chunks[chunk_no][off : off + n] = data
        self._end = pos + n
        return pos

    def get(self, pos: int, n: int) -> bytearray:
        """A copy of the `n` bytes at `pos` (a bytearray: one copy, not two)."""
        size = self._chunk
        off = pos % size
        return self._chunks[pos // size - self._first][off : off + n]

    def release_before(self, pos: int) -> None:
        """Free the chunks that hold nothing at or after `pos`."""
        keep_from = pos // self._chunk
        if keep_from > self._first:
            del self._chunks[: keep_from - self._first]
            self._first = keep_from

    def nbytes(self) -> int:
        return self._chunk * len(self._chunks)
