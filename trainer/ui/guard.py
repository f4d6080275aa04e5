"""Handlers that meet a store or trainer error show a dialog instead of ending the app.

Textual stops a widget's message loop when one of its handlers raises, so an
error must be caught where it happens: the handlers that read or write the
profile are wrapped with :func:`guarded`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from trainer.core.errors import ConflictError, TrainerError
from trainer.workspace import as_trainer_error

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def guarded(title: str) -> Callable[[F], F]:
    """Run a screen or app method; a TrainerError or database error becomes a dialog."""

    def wrap(method: F) -> F:
        @functools.wraps(method)
        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                error = as_trainer_error(exc)
                if not isinstance(error, TrainerError):
                    raise
                self.app.show_error(title, error)
                return None

        return run  # type: ignore[return-value]

    return wrap


def attempt(
    screen: Any, call: Callable[[], T], failed: str, refresh: Callable[[], object]
) -> tuple[bool, T | None]:
    """Run one action that changes the profile, the way every screen does.

    Another trainer window that got there first (ConflictError) is said in a
    notice and ``refresh`` shows what stands now; a store or trainer error
    shows a dialog titled ``failed`` (nothing was saved). Anything else is a
    bug and goes on up.

    Returns:
        Whether the action was done, and what it returned.
    """
    try:
        return True, call()
    except ConflictError as exc:
        screen.notify(f"{exc.message.capitalize()}. {exc.hint.capitalize()}.", timeout=8)
        refresh()
    except Exception as exc:
        error = as_trainer_error(exc)
        if not isinstance(error, TrainerError):
            raise
        screen.app.show_error(failed, error)
    return False, None
