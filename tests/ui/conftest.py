"""Pilot tests at the speed of the app, not of Textual's test harness.

Two costs of ``App.run_test()`` and ``Pilot`` belong to the harness, not to the
app, and are cut here for the tests only (nothing in ``trainer/`` changes):

* Stylesheets. Every app parses the same CSS (its own and every widget's
  DEFAULT_CSS) although the CSS and the theme's variables are the same each
  time: about 60 ms of each app's start. The parsed rules are kept for the
  process, keyed by the CSS, where it came from, its place and scope, and the
  variables it was parsed with. Textual only reads rules once parsed, so each
  app still gets exactly the rules it would have parsed itself.
* Waiting after a key. Pilot waits until the process looks idle, in windows of
  20 ms: two such waits a key, each ending with a whole idle window, about
  60 ms a key beyond the app's own work. What the 20 ms windows also gave is
  that the screen's layout and repaint, which wait on a timer of up to 1/60 s,
  had run before the test looked. Here the windows are 5 ms, and after each key
  the screen's pending layout and repaint are run at once, exactly as
  ``Pilot.pause()`` does after every pause: a test sees the layout of every
  key it pressed (the 20 ms windows made that likely, this makes it sure), and
  a key costs about 30 ms less.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import textual._wait
from textual.app import App
from textual.css.stylesheet import Stylesheet

_PARSED: dict[tuple[Any, ...], Any] = {}
_parse_rules = Stylesheet._parse_rules


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> Any:
    """Textual's ``Stylesheet._parse_rules``, each distinct input parsed once a process."""
    variables = tuple(sorted(self._variables.items()))
    key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
    rules = _PARSED.get(key)
    if rules is None:
        rules = _PARSED[key] = _parse_rules(
            self, css, read_from, is_default_rules, tie_breaker, scope
        )
    return rules


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]


textual._wait.SLEEP_GRANULARITY = 1 / 200
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20  # the same 5% of a window
_press_keys = App._press_keys


async def _press_keys_laid_out(self: App[Any], keys: Iterable[str]) -> None:
    """Textual's key presses, each followed by the screen's pending layout and repaint."""
    for key in keys:
        await _press_keys(self, [key])
        self.screen._on_timer_update()


App._press_keys = _press_keys_laid_out  # type: ignore[method-assign]
