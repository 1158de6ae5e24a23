"""Encrypted files in the data folder: kept packs, tabled papers, and any other file Quorate keeps there.

A sealed file is AES-256-GCM in 1 MiB chunks (the STREAM construction): a 24-byte header, then each chunk
encrypted with the nonce `prefix || counter` and authenticated together with the header, the file's `context`
(its name in the library, so two sealed files cannot be swapped), the chunk's number and whether it is the last.
A chunk cut off, reordered, dropped or changed fails to decrypt; so does a file under another name. Files are
sealed and opened chunk by chunk, so a 500-page pack never sits in memory twice, and never on disk in plain.

    header = b"QSEAL\\x00\\x01\\n" | key id (u32) | nonce prefix (8 random bytes) | chunk size (u32)

The keys are random, kept inside the encrypted database (`library_secret`, see `app.storage.file_keys`), one of
them current for new files; the key id in each header says which one opens it, so a passphrase change can give
new files a new key without re-encrypting the old ones. A file without the header is plain (plain mode, or
written before the library was encrypted) and is read as it is.
"""

from __future__ import annotations

import secrets
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.storage.connection import StorageError

MAGIC = b"QSEAL\x00\x01\n"
CHUNK = 1 << 20
_HEADER = struct.Struct(">8sI8sI")
HEADER_SIZE = _HEADER.size
_TAG = 16


class SealedFileError(StorageError):
    """A sealed file cannot be opened: damaged, cut short, under another name, or its key is not this library's."""


@dataclass(frozen=True, slots=True)
class FileKeys:
    """The library's file keys by id, and the one new files are sealed with."""

    keys: Mapping[int, bytes]
    current: int
    _ciphers: dict[int, AESGCM] = field(default_factory=dict, repr=False, compare=False)

    def cipher(self, key_id: int) -> AESGCM:
        if key_id not in self._ciphers:
            if key_id not in self.keys:
                raise SealedFileError("This file was encrypted with a key this library does not have.")
            self._ciphers[key_id] = AESGCM(self.keys[key_id])
        return self._ciphers[key_id]

    def __repr__(self) -> str:  # never print a key
        return f"FileKeys(ids={sorted(self.keys)}, current={self.current})"


def _aad(header: bytes, context: bytes, counter: int, final: bool) -> bytes:
    return header + struct.pack(">I?", counter, final) + context


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + struct.pack(">I", counter)


class SealedWriter:
    """Write a sealed file to `out` chunk by chunk: `write()` as often as needed, then `finish()` once."""

    def __init__(self, out: BinaryIO, keys: FileKeys, context: str) -> None:
        self.out = out
        self.key_id = keys.current
        self.cipher = keys.cipher(keys.current)
        self.prefix = secrets.token_bytes(8)
        self.header = _HEADER.pack(MAGIC, self.key_id, self.prefix, CHUNK)
        self.context = context.encode("utf-8")
        self.counter = 0
        self.pending = bytearray()
        self.size = 0
        out.write(self.header)

    def _emit(self, chunk: bytes, final: bool) -> None:
        aad = _aad(self.header, self.context, self.counter, final)
        self.out.write(self.cipher.encrypt(_nonce(self.prefix, self.counter), chunk, aad))
        self.counter += 1

    def write(self, data: bytes) -> None:
        self.size += len(data)
        self.pending += data
        # Keep at least one byte back: the last chunk must be written with `final` set, by finish().
        while len(self.pending) > CHUNK:
            self._emit(bytes(self.pending[:CHUNK]), final=False)
            del self.pending[:CHUNK]

    def finish(self) -> int:
        """Write the last chunk (possibly empty); returns the plain size written."""
        self._emit(bytes(self.pending), final=True)
        self.pending.clear()
        return self.size


def is_sealed(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _open_chunks(handle: BinaryIO, keys: FileKeys | None, context: str) -> Iterator[bytes]:
    header = handle.read(HEADER_SIZE)
    try:
        magic, key_id, prefix, chunk = _HEADER.unpack(header)
    except struct.error as exc:
        raise SealedFileError("The file is cut short.") from exc
    if magic != MAGIC or not 1 <= chunk <= 64 * CHUNK:
        raise SealedFileError("The file is not a sealed file.")
    if keys is None:
        raise SealedFileError("This file is encrypted, but the library is not: it cannot be opened here.")
    cipher = keys.cipher(key_id)
    label = context.encode("utf-8")
    counter = 0
    block = handle.read(chunk + _TAG)
    while True:
        following = handle.read(chunk + _TAG) if len(block) == chunk + _TAG else b""
        final = not following
        try:
            yield cipher.decrypt(_nonce(prefix, counter), block, _aad(header, label, counter, final))
        except InvalidTag as exc:
            raise SealedFileError("The file is damaged, cut short or not this library's.") from exc
        if final:
            return
        block, counter = following, counter + 1


def open_stream(handle: BinaryIO, keys: FileKeys, context: str) -> Iterator[bytes]:
    """The plain content of a sealed stream read from `handle` (an entry of a meeting bundle), in chunks."""
    yield from _open_chunks(handle, keys, context)


def read_chunks(path: Path, keys: FileKeys | None, context: str) -> Iterator[bytes]:
    """The plain content of `path` in chunks: decrypted when sealed, as it is when plain."""
    with path.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            handle.seek(0)
            while chunk := handle.read(CHUNK):
                yield chunk
            return
        handle.seek(0)
        yield from _open_chunks(handle, keys, context)


def plain_size(path: Path) -> int:
    """The size of the content of `path` once opened (the file's size less the header and the tags)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if not header.startswith(MAGIC) or len(header) < HEADER_SIZE:
        return size
    chunk = int(_HEADER.unpack(header)[3])
    body = size - HEADER_SIZE
    chunks = max(1, -(-body // (chunk + _TAG)))
    return max(0, body - chunks * _TAG)


def read_all(path: Path, keys: FileKeys | None, context: str) -> bytearray:
    """The whole plain content of `path`, built in one buffer (no second copy of the file in memory)."""
    buffer = bytearray()
    for chunk in read_chunks(path, keys, context):
        buffer += chunk
    return buffer
