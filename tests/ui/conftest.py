"""Pilot tests without parsing the same stylesheets again for every app.

Every app started by ``App.run_test()`` or a snapshot parses the same CSS (its
own and every widget's DEFAULT_CSS), although the CSS and the theme's variables
are the same each time: about 60 ms of each app's start. For the tests only
(nothing in ``trainer/`` changes), the parsed rules are kept for the process,
keyed by the CSS, where it came from, its place and scope, and the variables it
was parsed with. Textual only reads rules once parsed, so each app still gets
exactly the rules it would have parsed itself.
"""

from __future__ import annotations

from typing import Any

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
