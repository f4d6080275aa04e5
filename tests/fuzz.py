"""A small deck fuzzer shared by the test suite and bench/fuzz_decks.py.

Seeds are real decks (the test data and the bundled decks); each case applies a
few random mutations of the kinds that broke decks before: flipped and
inserted bytes, YAML indicators, deep nesting, cloze braces, escapes and
control characters, huge values, truncation, duplicated and shuffled lines.
A case passes when parsing returns a deck or problems (never raises) and, for
a deck, syncing it into a profile database works, each within its time.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).parents[1]
SNIPPETS = [
    b"[",
    b"]",
    b"{",
    b"}",
    b"{{c1::",
    b"}}",
    b"{{c0::x}}",
    b"::",
    b": ",
    b"- ",
    b"\n  - ",
    b"'",
    b'"',
    b"\\e[2J",
    b'"\\x1b]0;t\\a"',
    b"\\0",
    b"\t",
    b"\r",
    b"\x00",
    b"\xff\xfe",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"? ",
    b"|\n  ",
    b">-\n  ",
    b"#",
    b"when: -0001-02-29",
    b"when: 9999999",
    b"id: ",
    b"type: cloze",
    b"type: reversed",
    b"accept: [",
    b"ask: ",
    b"\xe2\x80\xa8",
    b"\xc2\x85",
    b"1e999",
]


def seeds() -> list[bytes]:
    """The decks the mutations start from."""
    paths = sorted((ROOT / "tests" / "data" / "decks").rglob("*.yaml"))
    paths += sorted((ROOT / "decks").glob("*.yaml"))
    out = [p.read_bytes() for p in paths]
    assert out, "no seed decks found"
    return out


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random mutations of ``data``."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(8)
        at = rng.randrange(len(buf) + 1)
        if kind == 0 and buf:  # flip a byte
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif kind == 1:  # insert an indicator or escape
            buf[at:at] = rng.choice(SNIPPETS)
        elif kind == 2:  # a burst of nesting
            buf[at:at] = rng.choice([b"[", b"{a: ", b"- ", b"  "]) * rng.randint(10, 3000)
        elif kind == 3:  # truncate
            del buf[at:]
        elif kind == 4:  # duplicate a slice
            end = min(len(buf), at + rng.randint(1, 400))
            buf[at:at] = buf[at:end] * rng.randint(1, 20)
        elif kind == 5:  # shuffle some lines
            lines = bytes(buf).split(b"\n")
            rng.shuffle(lines[: rng.randint(2, max(2, len(lines)))])
            buf = bytearray(b"\n".join(lines))
        elif kind == 6:  # a huge value
            buf[at:at] = b"x" * rng.randint(1_000, 80_000)
        else:  # cloze braces in a front
            buf[at:at] = b"{{c" + str(rng.randint(0, 200)).encode() + b"::" * rng.randint(0, 3)
    return bytes(buf)


@dataclass
class Report:
    """What a fuzz run found."""

    cases: int = 0
    decks: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest: float = 0.0


def cases(count: int, seed: int) -> Iterator[tuple[int, bytes]]:
    """``count`` mutated decks, reproducible from ``seed``."""
    rng = random.Random(seed)
    base = seeds()
    for i in range(count):
        yield i, mutate(rng.choice(base), rng)


def run(count: int, seed: int, folder: Path, limit: float = 2.0) -> Report:
    """Parse and sync ``count`` mutated decks in ``folder``; crashes and hangs are counted."""
    from trainer.core.deck import parse_deck
    from trainer.store import catalog, db

    report = Report()
    conn: sqlite3.Connection = db.connect(folder / "fuzz.sqlite3")
    path = folder / "fuzz.yaml"
    try:
        for i, data in cases(count, seed):
            report.cases += 1
            started = time.perf_counter()
            try:
                deck, problems = parse_deck(data, path="fuzz.yaml", default_id="fuzz")
                assert deck is not None or any(not p.warning for p in problems)
                path.write_bytes(data)
                files = catalog.sync(conn, [catalog.DeckSource(path, "argument")])
                assert len(files) == 1
                if deck is not None:
                    report.decks += 1
                    assert files[0].ok, files[0].problems[:1]
            except Exception as exc:  # a crash is what this looks for
                report.crashes.append(f"case {i} (seed {seed}): {exc!r}")
            took = time.perf_counter() - started
            report.slowest = max(report.slowest, took)
            if took > limit:
                report.hangs.append(f"case {i} (seed {seed}): {took:.1f} s")
    finally:
        conn.close()
    return report
