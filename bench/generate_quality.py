"""Benchmark: how far the generator's cards can be trusted, and its speed.

Usage: python3 bench/generate_quality.py [--articles DIR] [--half NAME|all] [--cards]

The evaluation set is tests/data/articles/eval/: articles written for the
project, each with the facts a student would need, listed before the generator
was run on it. dev/ and dev2/ are the halves the rules may be tuned on; each
heldN/ was held out until its hand judgment was used to fix the generator, and
the last one (see its README) is held out now. For each article and each half
(every half apart) this prints:

- recall: the share of listed facts that some card written by default covers
  (the card's text holds a match word, its date agrees);
- precision (auto): the share of cards that pass the checks a machine can make:
  the answer is a span of the article (for a relative date, the words it
  resolves are), every year of the card's date is stated in the text at or
  before the card's sentence, and the front has words besides the gap;
- precision (hand): where NAME.judged.yaml holds a reader's verdict on each card
  (correct, wrong, unclear), the share judged correct; unjudged cards are counted.

With --articles DIR (the two source articles, not part of this repository;
name their folder by hand) it also prints their recall and precision per kind
against tests/data/facts.yaml. Speed: 100 articles of about 1,200 words made
from the evaluation set's paragraphs (target: under 5 s). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from trainer.core import cloze  # noqa: E402
from trainer.generate import generate  # noqa: E402
from trainer.generate.dates import compatible, find_dates  # noqa: E402
from trainer.generate.deck import DraftCard  # noqa: E402
from trainer.generate.quality import load_gold, score  # noqa: E402
from trainer.generate.text import normalise, read_article  # noqa: E402
from trainer.generate.worddates import maybe, word_dates  # noqa: E402

EVAL = ROOT / "tests" / "data" / "articles" / "eval"
# Every half apart, in the order they were written: dev, dev2, held, held2, ..., held9.
HALVES = tuple(
    sorted(
        (p.name for p in EVAL.iterdir() if p.is_dir()),
        key=lambda n: (not n.startswith("dev"), len(n), n),
    )
)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _answer(card: DraftCard) -> str:
    if card.type == "cloze":
        gaps, _ = cloze.scan(card.front)
        return gaps[0].answer if gaps else ""
    return card.back


def _filled(card: DraftCard) -> str:
    """The card's text with its gap filled in, for matching facts."""
    gaps, _ = cloze.scan(card.front)
    text = card.front
    for gap in reversed(gaps):
        text = text[: gap.start] + gap.answer + text[gap.end :]
    return _plain(f"{text} {card.back} {card.note}")


def check(card: DraftCard, article_text: str) -> list[str]:
    """What a machine can tell is wrong with a card ([] when nothing)."""
    problems = []
    answer = _answer(card)
    said = re.search(r'The text says "([^"]+)"', card.note)
    span = said.group(1) if said else answer
    if not answer or _plain(span) not in article_text:
        problems.append(f"answer not in the text: {span!r}")
    if card.when:
        where = article_text.find(_plain(card.draft)[:60])
        upto = article_text[: where + len(card.draft) + 1] if where >= 0 else ""
        # years before Christ are astronomical in `when` (-1273) and written 1274 BC
        said_years = [int(y) for y in re.findall(r"(?:^|(?<=/))-?\d{4}", card.when)]
        # a year may be said in words ("One thousand eight hundred and one")
        in_words = {m.when[:4] for m in word_dates(upto)} if maybe(upto) else set()
        for year in {str(y) if y > 0 else str(1 - y) for y in said_years}:
            if year not in upto and year not in in_words and not said:
                problems.append(f"year {year} not stated by this point of the text")
    if card.type == "cloze":
        gaps, _ = cloze.scan(card.front)
        rest = card.front[: gaps[0].start] + card.front[gaps[0].end :] if gaps else ""
        if len(re.findall(r"[A-Za-z]{2,}", rest)) < 3:
            problems.append("too few words besides the gap")
    return problems


def covers(card: DraftCard, fact: dict[str, Any]) -> bool:
    """Whether a card teaches a listed fact."""
    if card.kind != fact["kind"]:
        return False
    text = _filled(card)
    words = [str(w).lower() for w in fact.get("match", [])]
    when = str(fact.get("when", ""))
    if fact["kind"] == "date":
        if not any(w in text for w in words):
            return False
        if not card.when:
            # a date kept as written, without a year: its day and month must agree
            # ("in 26 March", "on the tenth of June": as the text would say it)
            said = find_dates("in " + _answer(card)) or find_dates("on the " + _answer(card))
            if not said or said[0].when or not when[:4].isdigit():
                return False
            return compatible(said[0].with_year(int(when[:4])).when, when)
        return compatible(card.when, when) and len(card.when) >= len(when.split("/")[0]) - 3
    if fact["kind"] == "person":
        surname = str(fact["name"]).split()[-1].lower()
        return surname in _plain(_answer(card)) and any(w in text for w in words)
    if card.when and when and not compatible(card.when, when):
        return False
    return any(w in text for w in words)


def evaluate(article: Path) -> dict[str, Any]:
    """One article's figures and its cards' verdicts."""
    listed = yaml.safe_load(article.with_suffix(".facts.yaml").read_text(encoding="utf-8"))
    judged_path = article.with_suffix(".judged.yaml")
    judged: dict[tuple[str, str], str] = {}
    if judged_path.exists():
        # a verdict holds for the card as judged: the same front and the same date
        for entry in yaml.safe_load(judged_path.read_text(encoding="utf-8")) or []:
            judged[entry["front"], str(entry.get("when", ""))] = entry["verdict"]
    parsed = read_article(article)
    # the cleaned paragraphs (spin repaired, footnote marks gone) and the raw file (bylines)
    text = _plain(" ".join(p.text for p in parsed.paragraphs))
    text += " " + _plain(normalise(article.read_text(encoding="utf-8")))
    result = generate([article])
    cards = []
    for card in result.cards:
        problems = check(card, text)
        cards.append(
            {
                "front": card.front,
                "answer": _answer(card),
                "when": card.when,
                "auto": "ok" if not problems else "; ".join(problems),
                "hand": judged.get((card.front, card.when), ""),
            }
        )
    facts = listed["facts"]
    found = [any(covers(c, f) for c in result.cards) for f in facts]
    return {
        "article": article.name,
        "style": listed.get("style", ""),
        "cards": len(cards),
        "auto_ok": sum(1 for c in cards if c["auto"] == "ok"),
        "hand": {
            v: sum(1 for c in cards if c["hand"] == v) for v in ("correct", "wrong", "unclear", "")
        },
        "facts": len(facts),
        "found": sum(found),
        "missed": [
            str(f.get("about") or f.get("name"))
            for f, ok in zip(facts, found, strict=True)
            if not ok
        ],
        "card_list": cards,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "-"


def report(half: str, rows: list[dict[str, Any]], show_cards: bool) -> dict[str, Any]:
    print(f"\n== {half} half ==")
    print(f"{'article':34} {'cards':>5} {'auto ok':>8} {'hand ok':>8} {'recall':>12}")
    for r in rows:
        judged = r["cards"] - r["hand"][""]
        hand = f"{r['hand']['correct']}/{judged}" if judged else "-"
        print(
            f"{r['article']:34} {r['cards']:5} {_pct(r['auto_ok'], r['cards']):>8} {hand:>8} "
            f"{r['found']:>3}/{r['facts']:<3} {_pct(r['found'], r['facts']):>5}"
        )
        if show_cards:
            for c in r["card_list"]:
                mark = "" if c["auto"] == "ok" else f"   !! {c['auto']}"
                hand = f" [{c['hand']}]" if c["hand"] else ""
                print(f"    - {c['front']}  => {c['answer']} {c['when']}{hand}{mark}")
            for m in r["missed"]:
                print(f"    missed: {m}")
    cards = sum(r["cards"] for r in rows)
    ok = sum(r["auto_ok"] for r in rows)
    facts = sum(r["facts"] for r in rows)
    found = sum(r["found"] for r in rows)
    correct = sum(r["hand"]["correct"] for r in rows)
    judged = cards - sum(r["hand"][""] for r in rows)
    print(
        f"{'total':34} {cards:5} {_pct(ok, cards):>8} "
        f"{(_pct(correct, judged) if judged else '-'):>8} {found:>3}/{facts:<3} {_pct(found, facts):>5}"
    )
    if judged:
        wrong = sum(r["hand"]["wrong"] for r in rows)
        unclear = sum(r["hand"]["unclear"] for r in rows)
        print(
            f"hand judgment: {judged} of {cards} cards judged: {correct} correct, "
            f"{wrong} wrong, {unclear} unclear"
        )
    return {
        "cards": cards,
        "auto_precision": ok / cards if cards else None,
        "hand_precision": correct / judged if judged else None,
        "recall": found / facts if facts else None,
    }


def speed(count: int) -> dict[str, Any]:
    paragraphs = [
        block
        for path in sorted((EVAL / "dev").iterdir())
        if path.suffix in (".txt", ".md")
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if len(block) > 150
    ]
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = []
        for i in range(count):
            body: list[str] = []
            words = 0
            while words < 1200:
                para = rng.choice(paragraphs)
                body.append(para)
                words += len(para.split())
            path = Path(tmp) / f"article-{i:03d}.txt"
            path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
            corpus.append(path)
        started, cpu = time.perf_counter(), time.process_time()
        big = generate(corpus)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "articles": big.articles,
        "words": big.words,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=Path, help="the source articles' folder (*.txt)")
    parser.add_argument("--facts", type=Path, default=ROOT / "tests" / "data" / "facts.yaml")
    parser.add_argument(
        "--half", default="all", help=f"all, or halves joined by commas: {', '.join(HALVES)}"
    )
    parser.add_argument("--cards", action="store_true", help="list every card and missed fact")
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    wanted = set(HALVES) if args.half == "all" else set(args.half.split(","))
    if wanted - set(HALVES):
        parser.error(f"no such half: {', '.join(sorted(wanted - set(HALVES)))}")
    summary: dict[str, Any] = {}
    for half in HALVES:
        if half not in wanted:
            continue
        paths = sorted(p for p in (EVAL / half).iterdir() if p.suffix in (".txt", ".md"))
        summary[half] = report(half, [evaluate(p) for p in paths], args.cards)
    if args.articles:
        paths = sorted(args.articles.glob("*.txt"))
        if not paths:
            parser.error(f"no articles (*.txt) in {args.articles}")
        result = generate(paths)
        print("\n== source articles (facts the default deck holds, per kind) ==")
        for s in score([f for f in result.facts if f.sure], load_gold(args.facts)):
            print(
                f"{s.kind:9} expected {s.expected:3} found {s.found:3} "
                f"recall {s.recall:.0%} precision {s.precision:.0%}"
            )
            for m in s.missed:
                print(f"    missed: {m}")
            for w in s.wrong:
                print(f"    not expected: {w}")
    summary["speed"] = speed(args.count)
    print(f"\nspeed: {json.dumps(summary['speed'])} (cores: {os.cpu_count()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
