"""The footer of key bindings, rebuilt only when the keys it shows change.

Textual's footer rebuilds all its keys every time a screen says its bindings
may have changed: on every focus change, every screen pushed or popped, every
answer that refreshes the bindings. Each rebuild makes and styles a widget per
key, tens of milliseconds each time, several times for one keypress. Most of
those rebuilds show the very same keys. This footer remembers what it drew and
rebuilds only when a key, its label, its tooltip or its enabled state differs,
and not at all while its screen is hidden (it looks again when the screen
comes back).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """A :class:`textual.widgets.Footer` that skips rebuilds which would change nothing."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None
        self._pending = False

    def _keys(self) -> Hashable:
        """What the footer would show now: the visible bindings and their state."""
        shown = tuple(
            (key, b.action, b.description, b.key_display, b.group, enabled, tooltip)
            for key, (_, b, enabled, tooltip) in self.screen.active_bindings.items()
            if b.show or key == self.app.COMMAND_PALETTE_BINDING
        )
        return (shown, self.show_command_palette, self.compact)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A new key starts compact, its watcher then styles it so, and a key
                # bound to the footer's setting is restyled once more when the
                # binding lands: two restyles per key on every rebuild, most of the
                # time a screen takes to open. A key made in its final style needs
                # none. (The palette key is not bound and stays compact.)
                if not widget.has_class("-command-palette"):
                    widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(widget.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached or not self.screen.is_current:
            return  # hidden: the screen publishes its bindings again when it comes back
        if self._keys() != self._shown:
            await self.recompose()
