"""The settings screen: the settings file, one value at a time, checked as it is typed.

Each value is checked with the same rules that read the file; a refused value
says its allowed range at once and is not written. An accepted value is
written (Enter, or on leaving the field or the screen) into the same
``config.toml``, atomically, keeping the user's comments; a refused value left
behind is said in a notice, never dropped without a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Select, Static

from trainer.core.config import LEECH_ACTIONS
from trainer.core.configedit import Value, check
from trainer.core.errors import NotTomlError, TrainerError
from trainer.core.scheduler import Settings
from trainer.core.textsafe import visible
from trainer.ui.footer import KeysFooter
from trainer.ui.screens.confirm import ConfirmDialog
from trainer.workspace import as_trainer_error

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp


@dataclass(frozen=True, slots=True)
class Field:
    """One setting on the screen."""

    key: str
    label: str
    kind: str  # "int", "float", "steps", "choice"
    allowed: str
    deck: str | None = None

    @property
    def id(self) -> str:
        """The widget id (deck ids may hold any character, so decks go by position)."""
        return f"set-{self.key}"


FIELDS = (
    Field("desired_retention", "Desired retention", "float", "0.7 to 0.99"),
    Field("new_per_day", "New cards a day", "int", "0 to 9999, each deck"),
    Field("reviews_per_day", "Reviews a day", "int", "0 to 99999, each deck"),
    Field("learning_steps", "Learning steps", "steps", "e.g. 1m 10m; 1s to 365d each"),
    Field("relearning_steps", "Relearning steps", "steps", "e.g. 10m"),
    Field("day_rollover_hour", "New study day at (hour)", "int", "0 to 23"),
    Field("quiz_pass_mark", "Quiz pass mark (%)", "int", "1 to 100"),
    Field("leech_threshold", "Leech after lapses", "int", "0 (never) to 99"),
    Field("leech_action", "A leech is", "choice", "suspended or only tagged"),
    Field("theme", "Theme", "choice", "any theme of the app"),
)


def shown(settings: Settings, key: str) -> str:
    """A setting's value as the screen shows it."""
    value = getattr(settings, key)
    if key.endswith("_steps"):
        return " ".join(_step(s.total_seconds()) for s in value)
    return str(value)


def _step(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def parse_value(kind: str, text: str) -> Value | None:
    """The typed text as the TOML value of a setting (None: empty, back to the default)."""
    text = text.strip()
    if not text:
        return None
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            return text  # the check names what a whole number must be
    if kind == "float":
        try:
            return float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
        except ValueError:
            return text
    if kind == "steps":
        return [part for part in text.replace(",", " ").split() if part]
    return text


class SettingsScreen(Screen[None]):
    """Every setting of the settings file, with its allowed range."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="(to the decks; saved values stay saved)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.deck_fields: list[Field] = []
        self._ready = False
        """Selects say Changed when they are first filled: only a person's change is saved."""
        self._kept: dict[str, str] = {}
        """By input: the text last saved (or first shown); anything else typed is unsaved."""
        self._said: dict[str, str] = {}
        """By input: a refused text already said (a second Tab does not say it again)."""
        self._leaving = False

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        ws = self.tapp.workspace
        s = ws.settings
        yield Header()
        with VerticalScroll(id="settings-body"):
            yield Static(id="settings-status")
            for f in FIELDS:
                with Horizontal(classes="setting"):
                    yield Static(Text(f.label), classes="setting-label")
                    if f.key == "theme":
                        names = sorted(self.app.available_themes)
                        yield Select(
                            [(n, n) for n in names],
                            value=s.theme if s.theme in names else self.app.theme,
                            allow_blank=False,
                            id=f.id,
                            compact=True,
                        )
                    elif f.key == "leech_action":
                        yield Select(
                            [("suspended", "suspend"), ("tagged only", "tag")],
                            value=s.leech_action if s.leech_action in LEECH_ACTIONS else "suspend",
                            allow_blank=False,
                            id=f.id,
                            compact=True,
                        )
                    else:
                        yield Input(shown(s, f.key), id=f.id, compact=True)
                yield Static(
                    Text(f.allowed, style="dim"), id=f"{f.id}-note", classes="setting-note"
                )
            yield Static(
                Text("Per deck (empty: the defaults above)", style="bold"), id="settings-decks"
            )
            for i, deck in enumerate(ws.decks):
                limits = s.deck_limits.get(deck.deck_id)
                # The deck on a line of its own, its limits below under their own
                # names: a label "deck: limit" cut to a narrow column said neither.
                heading = Text(visible(deck.label, one_line=True), style="bold")
                if deck.label != deck.deck_id:
                    heading.append(f"  {visible(deck.deck_id, one_line=True)}", style="dim")
                heading.no_wrap, heading.overflow = True, "ellipsis"
                yield Static(heading, id=f"set-deck-{i}", classes="setting-deck")
                for key, label, allowed in (
                    ("new_per_day", "New cards a day", "0 to 9999"),
                    ("reviews_per_day", "Reviews a day", "0 to 99999"),
                ):
                    f = Field(key, label, "int", allowed, deck.deck_id)
                    self.deck_fields.append(f)
                    value = str(getattr(limits, key)) if limits else ""
                    with Horizontal(classes="setting"):
                        yield Static(
                            Text(f"  {label}", overflow="ellipsis", no_wrap=True),
                            classes="setting-label",
                        )
                        yield Input(
                            value,
                            placeholder=str(getattr(s, key)),
                            id=f"set-deck-{i}-{key}",
                            compact=True,
                        )
                    yield Static(
                        Text(allowed, style="dim"),
                        id=f"set-deck-{i}-{key}-note",
                        classes="setting-note",
                    )
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.tapp.plain:
            self.add_class("-plain")
        self.sub_title = "Settings"
        error = self.tapp.workspace.config_error
        status = Text(f"File: {self.tapp.workspace.paths.config_file}", style="dim")
        if isinstance(error, NotTomlError):
            status = Text(f"{visible(error.message)}\n", style="bold red")
            status.append(
                "No value can be changed in it: saving one offers to replace the file"
                " (the old one is kept as a .bak copy).",
                style="",
            )
        elif error is not None:
            status = Text(f"{visible(error.message)}\n", style="bold red")
            status.append("Wrong values keep their defaults until they are fixed here.", style="")
        status.append(
            "\nEnter (or leaving the field) saves a value; an empty one goes back to the default.",
            style="dim",
        )
        self.query_one("#settings-status", Static).update(status)
        self._kept = {field.id or "": field.value for field in self.query(Input)}
        self.query(Input).first().focus()
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self._ready = True

    def _field(self, widget_id: str) -> Field | None:
        for f in FIELDS:
            if f.id == widget_id:
                return f
        if widget_id.startswith("set-deck-"):
            index, key = widget_id.removeprefix("set-deck-").split("-", 1)
            return next(
                (f for f in self.deck_fields[int(index) * 2 : int(index) * 2 + 2] if f.key == key),
                None,
            )
        return None

    def _note(self, widget_id: str, problem: str | None, f: Field) -> None:
        note = self.query_one(f"#{widget_id}-note", Static)
        if problem:
            note.update(Text(f"✗ refused: {visible(problem)}", style="bold red"))
            note.add_class("refused")
        else:
            note.update(Text(f.allowed, style="dim"))
            note.remove_class("refused")

    def on_input_changed(self, event: Input.Changed) -> None:
        f = self._field(event.input.id or "")
        if f is None:
            return
        value = parse_value(f.kind, event.value)
        problem = None if value is None else check(f.key, value, f.deck)
        self._note(event.input.id or "", problem, f)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        f = self._field(event.input.id or "")
        if f is not None:
            self._save(f, event.input.id or "", parse_value(f.kind, event.value))

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """A value typed and left (Tab, a click elsewhere) is saved when it is valid."""
        if not self._leaving:
            self._commit(event.input)

    def _commit(self, field: Input, leaving: bool = False) -> None:
        """Save what was typed in ``field`` if it changed; a refused value is said once."""
        widget_id = field.id or ""
        f = self._field(widget_id)
        if f is None or field.value == self._kept.get(widget_id, field.value):
            return
        if self._said.get(widget_id) == field.value:
            return  # refused already, and said so; the note beside it still says why
        self._save(f, widget_id, parse_value(f.kind, field.value), offer=not leaving)

    def on_select_changed(self, event: Select.Changed) -> None:
        f = self._field(event.select.id or "")
        if f is None or not isinstance(event.value, str) or not self._ready:
            return
        if getattr(self.tapp.workspace.settings, f.key) == event.value:
            return
        if f.key == "theme":
            self.app.theme = event.value
        self._save(f, event.select.id or "", event.value)

    def _save(self, f: Field, widget_id: str, value: Value | None, offer: bool = True) -> None:
        """Write one value; ``offer``: a file that is not TOML may be replaced, after asking."""
        problem = None if value is None else check(f.key, value, f.deck)
        if problem:
            self._refused(f, widget_id, TrainerError(problem))
            return
        try:
            self.tapp.workspace.save_setting(f.key, value, f.deck)
        except Exception as exc:
            error = as_trainer_error(exc)
            if isinstance(error, NotTomlError) and offer:
                self._offer_new_file(f, widget_id, value, error)
                return
            if not isinstance(error, TrainerError):
                raise
            self._refused(f, widget_id, error)
            return
        self._saved(f, widget_id, value)

    def _typed(self, widget_id: str) -> str:
        """What an input holds now ('' for a select)."""
        found = self.query(f"#{widget_id}").results(Input)
        return next((field.value for field in found), "")

    def _refused(self, f: Field, widget_id: str, error: TrainerError) -> None:
        self._note(widget_id, error.message, f)
        self._said[widget_id] = self._typed(widget_id)
        where = f" for {f.deck}" if f.deck else ""
        self.notify(visible(f"Not saved: {f.label}{where}: {error.message}."), severity="error")

    def _saved(self, f: Field, widget_id: str, value: Value | None, more: str = "") -> None:
        self._kept[widget_id] = self._typed(widget_id)
        self._said.pop(widget_id, None)
        self._note(widget_id, None, f)
        where = f" for {f.deck}" if f.deck else ""
        said = "default" if value is None else shown(self.tapp.workspace.settings, f.key)
        if f.deck and value is not None:
            said = str(value)
        self.notify(visible(f"Saved: {f.label}{where} = {said}.{more}"))

    def _offer_new_file(
        self, f: Field, widget_id: str, value: Value | None, error: TrainerError
    ) -> None:
        """The file is not TOML: ask before setting it aside and starting a new one."""
        path = self.tapp.workspace.paths.config_file
        question = (
            f"The settings file {path} is not TOML, so no value in it can be changed"
            f" ({error.message.removeprefix(str(path)).lstrip(': ')}).\n\n"
            f"Start a new settings file with this value? The old file is kept beside it"
            f" as {path.name}.bak, to copy anything from by hand."
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify("Not saved: the settings file was left as it is.", severity="warning")
                return
            try:
                backup = self.tapp.workspace.replace_settings_file(f.key, value, f.deck)
            except Exception as exc:
                failure = as_trainer_error(exc)
                if not isinstance(failure, TrainerError):
                    raise
                self._refused(f, widget_id, failure)
                return
            self.query_one("#settings-status", Static).update(
                Text(f"File: {path} (the old one is kept as {backup.name})", style="dim")
            )
            self._saved(f, widget_id, value, f" The old file is kept as {backup.name}.")

        self.app.push_screen(
            ConfirmDialog("Replace the settings file", visible(question)), answered
        )

    def keep_typed(self) -> None:
        """Save a value typed and not yet saved, if valid: the screen (or the app) is closing."""
        self._leaving = True
        if isinstance(self.focused, Input):
            self._commit(self.focused, leaving=True)

    def action_back(self) -> None:
        """Back to the decks; a value typed and not yet saved is saved first, if valid."""
        self.keep_typed()
        self.dismiss()
