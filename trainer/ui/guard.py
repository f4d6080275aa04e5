"""Handlers that meet a store or trainer error show a dialog instead of ending the app.

Textual stops a widget's message loop when one of its handlers raises, so an
error must be caught where it happens: the handlers that read or write the
profile are wrapped with :func:`guarded`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from trainer.core.errors import TrainerError
from trainer.workspace import as_trainer_error

F = TypeVar("F", bound=Callable[..., Any])


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
