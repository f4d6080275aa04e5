"""The Textual UI: shows the session and forwards keys. No file or SQL work here."""
