"""The few Protocol Buffers messages an Anki package holds, read and written by hand.

Anki's newer packages keep their version (``meta``), their media list and,
inside the collection, note types' and decks' settings as protobuf messages.
We need a handful of their fields, so a small reader of the wire format does
the job without a code generator or another dependency.
"""

from __future__ import annotations

Fields = dict[int, list[int | bytes]]


class ProtobufError(ValueError):
    """Bytes that are not a well-formed message."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ProtobufError("a number runs past the end of the message")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ProtobufError("a number is too long")


def decode(data: bytes) -> Fields:
    """Every field of one message: numbers for varints and fixed values, bytes otherwise."""
    out: Fields = {}
    pos = 0
    n = len(data)
    while pos < n:
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            size, pos = _varint(data, pos)
            if pos + size > n:
                raise ProtobufError("a field runs past the end of the message")
            value = data[pos : pos + size]
            pos += size
        elif wire == 1:
            if pos + 8 > n:
                raise ProtobufError("a field runs past the end of the message")
            value = int.from_bytes(data[pos : pos + 8], "little")
            pos += 8
        elif wire == 5:
            if pos + 4 > n:
                raise ProtobufError("a field runs past the end of the message")
            value = int.from_bytes(data[pos : pos + 4], "little")
            pos += 4
        else:
            raise ProtobufError(f"wire type {wire} is not known")
        out.setdefault(number, []).append(value)
    return out


def first_int(fields: Fields, number: int, default: int = 0) -> int:
    """The first value of a number field, or ``default``."""
    for value in fields.get(number, ()):
        if isinstance(value, int):
            return value
    return default


def first_bytes(fields: Fields, number: int) -> bytes:
    """The first value of a bytes, text or message field (empty when absent)."""
    for value in fields.get(number, ()):
        if isinstance(value, bytes):
            return value
    return b""


def text(fields: Fields, number: int) -> str:
    """A text field's value ('' when absent or not UTF-8)."""
    return first_bytes(fields, number).decode("utf-8", "replace")


def _encode_varint(value: int) -> bytes:
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode(fields: list[tuple[int, int | bytes | str]]) -> bytes:
    """A message from (field number, value) pairs: ints as varints, text and bytes as such."""
    out = bytearray()
    for number, value in fields:
        if isinstance(value, int):
            out += _encode_varint(number << 3) + _encode_varint(value)
        else:
            raw = value.encode("utf-8") if isinstance(value, str) else value
            out += _encode_varint(number << 3 | 2) + _encode_varint(len(raw)) + raw
    return bytes(out)
