"""The statistics drawn as text: blocks and bars that fit the width given.

Pure: :func:`draw` turns :class:`~trainer.core.stats.Stats` into lines of
``(text, style)`` pieces. ``style`` is a name (``heat3``, ``pass``, ``dim``...)
that the TUI maps to colours and the CLI ignores, so the shapes and the words
carry every meaning on their own: colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from trainer.core.stats import WINDOWS, CardCounts, DayCount, Retention, Stats

Piece = tuple[str, str]
Line = list[Piece]

SHADES = ("·", "░", "▒", "▓", "█")
"""Heatmap cells from no reviews to the busiest days (shapes, not only colours)."""
EIGHTHS = " ▁▂▃▄▅▆▇█"
STATE_FILL = (("new", "█"), ("learning", "▓"), ("review", "▒"), ("suspended", "░"))
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def _reviews(n: int) -> str:
    """'1 review', '2,345 reviews'."""
    return f"{_n(n)} review{'' if n == 1 else 's'}"


def _n(value: int) -> str:
    return f"{value:,}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def heat_levels(counts: Sequence[int]) -> list[int]:
    """Upper bounds of levels 1-3 (level 4 above): quartiles of the days with reviews."""
    busy = sorted(c for c in counts if c > 0)
    if not busy:
        return [1, 1, 1]
    return [busy[min(len(busy) - 1, (len(busy) * q) // 4)] for q in (1, 2, 3)]


def heat_level(count: int, levels: Sequence[int]) -> int:
    """0 for no reviews, else 1-4 by the quartile ``count`` falls in."""
    if count <= 0:
        return 0
    for i, bound in enumerate(levels):
        if count <= bound:
            return i + 1
    return 4


def heatmap(days: Sequence[DayCount], width: int) -> list[Line]:
    """A calendar of weeks (columns) by weekday (rows), the newest week on the right."""
    if not days:
        return []
    room = max(8, (width - 4))
    last = days[-1].day
    # Whole weeks, Monday first; as many as fit.
    end_monday = last - timedelta(days=last.weekday())
    weeks = min(room, (end_monday - days[0].day).days // 7 + 1)
    start = end_monday - timedelta(weeks=weeks - 1)
    counts = {d.day: d.reviews for d in days}
    levels = heat_levels(list(counts.values()))
    lines: list[Line] = []
    months: list[str] = [" "] * weeks
    for w in range(weeks):
        monday = start + timedelta(weeks=w)
        if monday.day <= 7 and w + 3 <= weeks:  # the month's first Monday
            for i, ch in enumerate(monday.strftime("%b")):
                months[w + i] = ch
    lines.append([("    ", ""), ("".join(months), "dim")])
    for weekday in range(7):
        row: Line = [(f"{WEEKDAYS[weekday]:<4}", "dim")]
        for w in range(weeks):
            day = start + timedelta(weeks=w, days=weekday)
            if day > last or day < days[0].day:
                row.append((" ", ""))
                continue
            level = heat_level(counts.get(day, 0), levels)
            row.append((SHADES[level], f"heat{level}"))
        lines.append(row)
    if not any(counts.values()):
        lines.append([("    · no reviews in this year yet", "dim")])
        return lines
    legend: Line = [("    ", "")]
    for level, words in enumerate(heat_legend(levels)):
        if words:  # a level no day can reach is not in the legend
            legend.append((SHADES[level], f"heat{level}"))
            legend.append((f" {words}  ", "dim"))
    lines.append(legend)
    return lines


def heat_legend(levels: Sequence[int]) -> list[str]:
    """What each shade means, "" for a level no count falls in: "1-4", "5-6", "7+ a day"."""
    words = ["none"]
    low = 1
    for bound in levels:
        if bound < low:
            words.append("")  # quartiles that coincide: all such days are the level below
            continue
        words.append(_n(low) if bound == low else f"{_n(low)}–{_n(bound)}")
        low = bound + 1
    words.append(f"{_n(low)}+ a day")
    return words


def bars(values: Sequence[float], height: int, step: int) -> list[str]:
    """A column chart, ``height`` rows of eighth blocks, each value ``step`` columns wide."""
    top = max(values) if values else 0
    rows = []
    for r in range(height - 1, -1, -1):
        line = ""
        for v in values:
            eighths = round(v / top * height * 8) if top else 0
            cell = max(0, min(8, eighths - r * 8))
            if v > 0 and r == 0 and cell == 0:
                cell = 1  # a day with any review shows
            line += EIGHTHS[cell] + " " * (step - 1)
        rows.append(line)
    return rows


def _column_chart(
    title: str,
    values: Sequence[float],
    days: Sequence[date],
    width: int,
    unit: str,
    style: str,
) -> list[Line]:
    step = 2 if width >= 4 + 2 * len(values) + 10 else 1
    top = max(values) if values else 0
    lines: list[Line] = [[(title, "title")]]
    chart = bars(values, 4, step)
    label = f"{top:,.0f}" if top >= 10 or top == int(top) else f"{top:.1f}"
    for i, row in enumerate(chart):
        head = f"{label:>5} " if i == 0 else "      "
        lines.append([(head, "dim"), (row, style)])
    if days:
        axis = f"{days[0].strftime('%d %b')}"
        tail = f"{days[-1].strftime('%d %b')}"
        gap = max(1, len(values) * step - len(axis) - len(tail))
        lines.append([("      ", ""), (axis + " " * gap + tail, "dim")])
    lines.append([(f"      ({unit})", "dim")])
    return lines


def retention_table(
    overall: dict[int, Retention], by_deck: dict[str, dict[int, Retention]], width: int
) -> list[Line]:
    """True retention per window: young, mature and all, then each deck's 'all'."""
    cell = 16 if width >= 72 else 11
    name = max(10, min(24, width - cell * len(WINDOWS) - 1))
    head: Line = [(f"{'':<{name}}", "")]
    for w in WINDOWS:
        head.append((f"{f'{w} days':>{cell}}", "dim"))
    lines: list[Line] = [[("True retention (not graded Again)", "title")], head]

    def row(label: str, pick: str, windows: dict[int, Retention]) -> Line:
        out: Line = [(f"{label[:name]:<{name}}", "")]
        for w in WINDOWS:
            r = windows.get(w, Retention())
            value = getattr(r, pick)
            total = {"young": r.young_total, "mature": r.mature_total, "overall": r.total}[pick]
            text = _pct(value) + (f" ({_n(total)})" if cell >= 16 and total else "")
            out.append((f"{text:>{cell}}", "" if value is None else "bold"))
        return out

    lines.append(row("  young", "young", overall))
    lines.append(row("  mature", "mature", overall))
    lines.append(row("  all", "overall", overall))
    if len(by_deck) > 1:
        for deck_id, windows in by_deck.items():
            lines.append(row(f"  {deck_id}", "overall", windows))
    return lines


def state_bar(cards: CardCounts, width: int, words: bool = False) -> list[Line]:
    """The cards by state: a bar of four fills (not in words), then every count in words."""
    lines: list[Line] = [[("Cards", "title")]]
    total = cards.total
    room = max(10, min(60, width - 2))
    bar: Line = [("  ", "")]
    if total and not words:
        values = [getattr(cards, name) for name, _ in STATE_FILL]
        widths = [round(v / total * room) for v in values]
        for (name, fill), v, w in zip(STATE_FILL, values, widths, strict=True):
            if v and not w:
                w = 1
            bar.append((fill * w, name))
        lines.append(bar)
    line: Line = [("  ", "")]
    for i, (name, fill) in enumerate(STATE_FILL):
        if i:
            line.append((", " if words else "  ", ""))
        if not words:
            line.append((fill + " ", name))
        line.append((f"{name} {_n(getattr(cards, name))}", ""))
    lines.append(line)
    extra = (
        f"  buried today {_n(cards.buried)}, leeches {_n(cards.leech)}, retired {_n(cards.retired)}"
    )
    lines.append([(extra, "dim")])
    return lines


def months(days: Sequence[DayCount]) -> list[Line]:
    """The year as words: reviews and study days per month (for a screen reader)."""
    totals: dict[tuple[int, int], list[int]] = {}
    for d in days:
        entry = totals.setdefault((d.day.year, d.day.month), [0, 0])
        entry[0] += d.reviews
        entry[1] += d.reviews > 0
    return [
        [(f"  {date(y, m, 1):%B %Y}: {_reviews(n)} on {k} day{'s' if k != 1 else ''}", "")]
        for (y, m), (n, k) in totals.items()
    ]


def day_list(title: str, rows: Sequence[tuple[date, str]]) -> list[Line]:
    """A titled list, one day a line (for a screen reader)."""
    lines: list[Line] = [[(title, "title")]]
    lines.extend([(f"  {d:%a %d %b}: {text}", "")] for d, text in rows)
    if not rows:
        lines.append([("  none", "")])
    return lines


def _words(stats: Stats) -> list[Line]:
    """The charts as sentences: no shapes a screen reader would read out one by one."""
    out: list[Line] = [[("Reviews per month, the last year", "title")], *months(stats.heatmap), []]
    out += day_list(
        "Days with reviews, the last 30 days",
        [
            (d.day, f"{_reviews(d.reviews)} in {_duration(d.seconds)}")
            for d in stats.recent
            if d.reviews
        ],
    )
    out.append([])
    out += day_list(
        "Due in the next 30 days (today with the overdue ones)",
        [(d, f"{_n(n)} due") for d, n in stats.forecast if n],
    )
    return out


def draw(stats: Stats, width: int = 80, title: str = "", words: bool = False) -> list[Line]:
    """Every section, in reading order, no line wider than ``width`` (at least 40).

    Args:
        words: Charts as sentences (``--plain``, for screen readers).
    """
    width = max(40, width)
    out: list[Line] = []
    if title:
        out.append([(title, "title")])
    recall = "—" if stats.recall is None else f"{stats.recall * 100:.0f}%"
    out.extend(
        _wrap(
            [
                ("Today ", "dim"),
                (_reviews(stats.reviews_today), "bold"),
                (f" in {_duration(stats.seconds_today)}", ""),
                ("   Streak ", "dim"),
                (f"{stats.streak_days} day{'s' if stats.streak_days != 1 else ''}", "bold"),
                (f" (longest {stats.longest_streak})", ""),
            ],
            width,
        )
    )
    out.extend(
        _wrap(
            [
                ("All time ", "dim"),
                (_reviews(stats.reviews_total), "bold"),
                ("   Predicted recall now ", "dim"),
                (recall, "bold"),
            ],
            width,
        )
    )
    out.append([])
    if words:
        out.extend(_words(stats))
        return _finish(stats, out, width, words)
    out.append([("Reviews per day, the last year", "title")])
    out.extend(heatmap(stats.heatmap, width))
    out.append([])
    recent_days = [d.day for d in stats.recent]
    out.extend(
        _column_chart(
            "Reviews per day, the last 30 days",
            [d.reviews for d in stats.recent],
            recent_days,
            width,
            f"total {_reviews(sum(d.reviews for d in stats.recent))}",
            "bar",
        )
    )
    out.extend(
        _column_chart(
            "Minutes per day, the last 30 days",
            [d.seconds / 60 for d in stats.recent],
            recent_days,
            width,
            f"total {_duration(sum(d.seconds for d in stats.recent))}",
            "bar",
        )
    )
    out.append([])
    out.extend(
        _column_chart(
            "Due in the next 30 days",
            [n for _, n in stats.forecast],
            [d for d, _ in stats.forecast],
            width,
            f"today {_n(stats.forecast[0][1]) if stats.forecast else 0} (overdue included),"
            f" 30 days {_n(sum(n for _, n in stats.forecast))}",
            "forecast",
        )
    )
    return _finish(stats, out, width)


def _finish(stats: Stats, out: list[Line], width: int, words: bool = False) -> list[Line]:
    """Retention, cards and quizzes: tables and words in both layouts."""
    out.append([])
    out.extend(retention_table(stats.retention, stats.retention_by_deck, width))
    out.append([])
    out.extend(state_bar(stats.cards, width, words))
    if stats.quizzes_total:
        out.append([])
        out.append([(f"Quizzes ({_n(stats.quizzes_total)} taken, newest first)", "title")])
        for q in stats.quizzes:
            pct = round(100 * q.score / q.total) if q.total else 0
            verdict = ("passed", "pass") if q.passed else ("failed", "fail")
            decks = q.decks[: max(8, width - 40)]
            out.append(
                [
                    (f"  {q.finished:%Y-%m-%d}  ", "dim"),
                    (f"{q.score:>3}/{q.total:<3} {pct:>3}%  ", ""),
                    (f"{verdict[0]:<7}", verdict[1]),
                    (f" {decks}", "dim"),
                ]
            )
    return [_clip(line, width) for line in out]


def _wrap(line: Line, width: int) -> list[Line]:
    """A line of figures broken where too wide, before a piece that starts with a gap.

    A gap is three spaces; a piece with a gap and the pieces up to the next gap
    stay together (a label and its figures).
    """
    chunks: list[Line] = []
    for text, style in line:
        if not chunks or text.startswith("   "):
            chunks.append([])
        chunks[-1].append((text, style))
    lines: list[Line] = [[]]
    used = 0
    for chunk in chunks:
        size = sum(len(text) for text, _ in chunk)
        if used and used + size > width:
            first, style = chunk[0]
            chunk = [(first.lstrip(" "), style), *chunk[1:]]
            size -= len(first) - len(first.lstrip(" "))
            lines.append([])
            used = 0
        lines[-1].extend(chunk)
        used += size
    return lines


def _clip(line: Line, width: int) -> Line:
    out: Line = []
    used = 0
    for text, style in line:
        if used + len(text) > width:
            text = text[: max(0, width - used)]
        if text:
            out.append((text, style))
        used += len(text)
    return out


def plain(lines: Sequence[Line]) -> str:
    """The drawing as plain text (the CLI, --plain, a screen reader)."""
    return "\n".join("".join(text for text, _ in line).rstrip() for line in lines)
