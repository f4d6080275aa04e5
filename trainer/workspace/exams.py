"""A workspace's exam dates: setting one, and the plan toward it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from trainer.core.errors import UsageError
from trainer.core.scheduler import Scheduler
from trainer.workspace.base import Base

if TYPE_CHECKING:
    from trainer.core.plan import Plan


class ExamsMixin(Base):
    """Exam dates and the plan toward them."""

    def plan(
        self, deck_ids: Sequence[str], day: date | None = None, target: float | None = None
    ) -> Plan:
        """Set (when ``day`` is given) and report the exam plan of some decks.

        Raises:
            UsageError: for a date in the past, a target out of range, or decks
                without an exam date when none is given.
        """
        from trainer.core.plan import Exam, make_plan
        from trainer.store import exams as exam_store

        now = self.clock.now()
        if day is not None:
            local = now.astimezone(self.clock.tz)
            if day < (local - timedelta(hours=self.settings.day_rollover_hour)).date():
                raise UsageError(f"{day.isoformat()} is in the past", "give the exam's date ahead")
            goal = self.settings.desired_retention if target is None else target
            if not 0.7 <= goal <= 0.99:
                raise UsageError(
                    f"--target {goal} is out of range", "give a recall from 0.7 to 0.99"
                )
            for deck_id in deck_ids:
                exam = Exam(deck_id, day, goal)
                exam_store.set_exam(self.conn, exam, now.timestamp())
                exam_store.bring_forward(self.conn, deck_id, self._moments(exam), now.timestamp())
        exams = self.exams()
        missing = [d for d in deck_ids if d not in exams]
        if missing:
            raise UsageError(
                f"no exam date is set for {', '.join(missing)}",
                "set one with 'trainer plan DECK... --exam YYYY-MM-DD'",
            )
        chosen = [exams[d] for d in deck_ids]
        first = min(chosen, key=lambda e: e.day)
        exam = Exam(",".join(deck_ids), first.day, max(e.target for e in chosen))
        configured = sum(self.settings.limits(d).new_per_day for d in deck_ids)
        scheduler = Scheduler(replace(self.settings, desired_retention=exam.target))
        memories = self.store.memories(deck_ids)
        return make_plan(exam, memories, scheduler, configured, now, self.clock.tz)

    def clear_exam(self, deck_ids: Sequence[str]) -> int:
        """Forget the exam dates of some decks; returns how many had one."""
        from trainer.store import exams as exam_store

        return sum(exam_store.clear_exam(self.conn, d) for d in deck_ids)
