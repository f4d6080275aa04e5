"""The settings file: TOML text -> :class:`Settings`, every problem reported.

The file is optional; every setting has a default. See docs/config.md.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from datetime import timedelta
from typing import Any

from trainer.core.errors import ConfigError, NotTomlError
from trainer.core.scheduler import DeckLimits, Settings

_STEP = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

_KEYS = {
    "desired_retention",
    "learning_steps",
    "relearning_steps",
    "maximum_interval",
    "fuzz",
    "new_per_day",
    "reviews_per_day",
    "day_rollover_hour",
    "learn_ahead_minutes",
    "bury_siblings",
    "fsrs_parameters",
    "decks",
    "leech_threshold",
    "leech_action",
    "quiz_pass_mark",
    "theme",
}

LEECH_ACTIONS = ("suspend", "tag")


MAX_STEP_DAYS = 365
MAX_STEPS = 20


def parse_step(text: str) -> timedelta:
    """'1m', '10m', '1h', '30s', '1d' -> a timedelta from one second to a year."""
    m = _STEP.fullmatch(text.strip()[:32])
    if not m or len(text.strip()) > 32:
        raise ValueError(f"'{text[:40]}' is not a step like '1m', '10m' or '1h'")
    seconds = float(m.group(1)) * _UNITS[m.group(2)]
    if not 1 <= seconds <= MAX_STEP_DAYS * 86400:
        raise ValueError(f"'{text}' is outside the range of a step, 1s to {MAX_STEP_DAYS}d")
    return timedelta(seconds=seconds)


def _int(
    data: dict[str, Any],
    key: str,
    low: int,
    high: int,
    default: int,
    errors: list[str],
    where: str = "",
) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors.append(f"{where}{key} must be a whole number from {low} to {high}, not {value!r}")
        return default
    return value


def parse_config(text: str, path: str) -> Settings:
    """Read settings from TOML text.

    Raises:
        ConfigError: naming the file and every wrong setting.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise NotTomlError(
            f"{path}: {exc}", "fix the TOML syntax or delete the file to use the defaults"
        ) from exc
    errors: list[str] = []
    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            errors.append(
                f"unknown setting '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")
            )
    d = Settings()
    retention = data.get("desired_retention", d.desired_retention)
    if (
        isinstance(retention, bool)
        or not isinstance(retention, int | float)
        or not 0.7 <= retention <= 0.99
    ):
        errors.append(f"desired_retention must be a number from 0.7 to 0.99, not {retention!r}")
        retention = d.desired_retention
    steps: dict[str, tuple[timedelta, ...]] = {}
    for key, default in (
        ("learning_steps", d.learning_steps),
        ("relearning_steps", d.relearning_steps),
    ):
        raw = data.get(key)
        if raw is None:
            steps[key] = default
            continue
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            errors.append(f'{key} must be a list of steps such as ["1m", "10m"]')
            steps[key] = default
            continue
        if len(raw) > MAX_STEPS:
            errors.append(f"{key} may hold at most {MAX_STEPS} steps, not {len(raw)}")
            steps[key] = default
            continue
        try:
            steps[key] = tuple(parse_step(x) for x in raw)
        except ValueError as exc:
            errors.append(f"{key}: {exc}")
            steps[key] = default
    fuzz = data.get("fuzz", d.fuzz)
    bury = data.get("bury_siblings", d.bury_siblings)
    for key, value in (("fuzz", fuzz), ("bury_siblings", bury)):
        if not isinstance(value, bool):
            errors.append(f"{key} must be true or false, not {value!r}")
    params = data.get("fsrs_parameters")
    if params is not None and (
        not isinstance(params, list)
        or len(params) != 21
        or not all(
            isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
            for x in params
        )
    ):
        errors.append("fsrs_parameters must be a list of 21 numbers (FSRS-6 weights)")
        params = None
    deck_limits: dict[str, DeckLimits] = {}
    decks = data.get("decks", {})
    if not isinstance(decks, dict):
        errors.append("[decks] must be a table of deck ids")
        decks = {}
    new_default = _int(data, "new_per_day", 0, 9999, d.new_per_day, errors)
    review_default = _int(data, "reviews_per_day", 0, 99999, d.reviews_per_day, errors)
    for deck_id, table in decks.items():
        if not isinstance(table, dict):
            errors.append(f"[decks.{deck_id}] must be a table")
            continue
        for key in table:
            if key not in ("new_per_day", "reviews_per_day"):
                errors.append(
                    f"unknown setting '{key}' in [decks.{deck_id}] (new_per_day or reviews_per_day)"
                )
        deck_limits[deck_id] = DeckLimits(
            _int(table, "new_per_day", 0, 9999, new_default, errors, f"decks.{deck_id}."),
            _int(table, "reviews_per_day", 0, 99999, review_default, errors, f"decks.{deck_id}."),
        )
    leech_action = data.get("leech_action", d.leech_action)
    if leech_action not in LEECH_ACTIONS:
        errors.append(f'leech_action must be "suspend" or "tag", not {leech_action!r}')
        leech_action = d.leech_action
    theme = data.get("theme", d.theme)
    if not isinstance(theme, str) or len(theme) > 64 or "\n" in theme:
        errors.append(f'theme must be a theme\'s name, such as "nord", not {theme!r}')
        theme = d.theme
    settings = Settings(
        desired_retention=float(retention),
        learning_steps=steps["learning_steps"],
        relearning_steps=steps["relearning_steps"],
        maximum_interval=_int(data, "maximum_interval", 1, 36500, d.maximum_interval, errors),
        fuzz=fuzz if isinstance(fuzz, bool) else d.fuzz,
        new_per_day=new_default,
        reviews_per_day=review_default,
        day_rollover_hour=_int(data, "day_rollover_hour", 0, 23, d.day_rollover_hour, errors),
        learn_ahead_minutes=_int(
            data, "learn_ahead_minutes", 0, 1440, d.learn_ahead_minutes, errors
        ),
        bury_siblings=bury if isinstance(bury, bool) else d.bury_siblings,
        parameters=tuple(float(x) for x in params) if params else None,
        deck_limits=deck_limits,
        leech_threshold=_int(data, "leech_threshold", 0, 99, d.leech_threshold, errors),
        leech_action=str(leech_action),
        quiz_pass_mark=_int(data, "quiz_pass_mark", 1, 100, d.quiz_pass_mark, errors),
        theme=theme,
    )
    if params:
        try:
            from trainer.core.scheduler import Scheduler

            Scheduler(settings).check()
        except ValueError as exc:
            errors.append(f"fsrs_parameters: {exc}".replace("\n", "; "))
    if errors:
        raise ConfigError(
            f"{path}: " + "; ".join(errors), "fix these settings or remove them to use the defaults"
        )
    return settings


def parse_lenient(text: str, path: str) -> Settings:
    """The settings of a file with some wrong values: each wrong one left at its default."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return Settings()
    good: dict[str, object] = {}
    for key, value in data.items():
        trial = dict(good)
        trial[key] = value
        try:
            parse_config(_as_toml(trial), path)
        except ConfigError:
            continue
        good[key] = value
    return parse_config(_as_toml(good), path)


def _as_toml(data: dict[str, object]) -> str:
    import tomlkit

    return tomlkit.dumps(data)
