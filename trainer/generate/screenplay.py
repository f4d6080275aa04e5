"""A screenplay, read as a reader takes in its scenes.

A script sets its scenes under headings ("INT. HALL OF MIRRORS, VERSAILLES -
DAY"), puts a character's name in capitals over what they say, introduces a
character in capitals the first time they appear, and carries the real place
and date of a scene in a caption::

    SUPER: Versailles, 28 June 1919

                         CLEMENCEAU
           Sign here, gentlemen.

Read as prose, the caption is a heading that dates nothing, "CLEMENCEAU" a
heading too, and "GEORGES CLEMENCEAU, 77," no name the article knows.
:func:`screenplay_as_text` turns a script into the text it stands for: the
caption run into the scene's next line ("Versailles, 28 June 1919:
(Clemenceau) Sign here, gentlemen."), speeches as "Name: words", names in
capitals written as names, and the title page's drafts and the transitions
("CUT TO:") left out.
"""

from __future__ import annotations

import re

from trainer.generate.lexicon import UPPER

_SCENE = re.compile(r"^\s*(?:INT\.?/EXT\.?|EXT\.?/INT\.?|I/E\.?|INT\.|EXT\.)\s+\S")
_TRANSITION = re.compile(
    r"^\s*(?:FADE (?:IN|OUT|TO BLACK)|CUT TO|SMASH CUT(?: TO)?|DISSOLVE TO|MATCH CUT(?: TO)?"
    r"|INTERCUT|BACK TO|THE END)\b[:.]?\s*$"
)
_CAPTION = re.compile(r"^\s*(?:SUPER(?:IMPOSE)?|CAPTION|TITLE CARD|CHYRON)\s*:\s*(?P<text>.+)$")
# A speaker's cue: a name in capitals alone on its line, with "(V.O.)" or "(CONT'D)" after it.
_CUE = re.compile(
    rf"^\s*(?P<name>[{UPPER}][{UPPER}'.-]*(?: [{UPPER}][{UPPER}'.-]*){{0,3}})"
    r"(?:\s*\((?:V\.O\.|O\.S\.|O\.C\.|CONT'D|CONT|OS|VO)\))*\s*$"
)
_PARENTHETICAL = re.compile(r"^\s*\([^()]*\)\s*$")
# A character introduced in capitals: "MANUEL BELGRANO, 46, a general", "JOSÉ DE SAN MARTÍN"
_CAPITALS_NAME = re.compile(
    rf"\b[{UPPER}][{UPPER}'-]+(?: (?:DE|DEL|DA|DI|VON|VAN|LA|LE|DU) )?"
    rf"(?:(?: (?:DE|DEL|DA|DI|VON|VAN|LA|LE|DU))* [{UPPER}][{UPPER}'-]+)+\b"
)
_PARTICLES = frozenset({"De", "Del", "Da", "Di", "Von", "Van", "La", "Le", "Du"})

MIN_SCENES = 2
"""How many scene headings make a text a screenplay."""


def is_screenplay(text: str) -> bool:
    """Whether ``text`` is a screenplay: scene headings, and a transition, caption or cue."""
    lines = text.split("\n")
    scenes = sum(_SCENE.match(line) is not None for line in lines)
    marks = any(_TRANSITION.match(line) or _CAPTION.match(line) for line in lines)
    return scenes >= MIN_SCENES and marks


def screenplay_as_text(text: str) -> str:
    """``text`` as the scenes it tells, when it is a screenplay; else as it is."""
    if not is_screenplay(text):
        return text
    lines = text.split("\n")
    start = next(
        (i for i, line in enumerate(lines) if _SCENE.match(line) or _TRANSITION.match(line)), 0
    )
    title = next((line.strip() for line in lines[:start] if line.strip()), "")
    out: list[str] = [f"# {_named(title)}", ""] if title else []
    caption = ""
    last: tuple[int, str, str] | None = (
        None  # the scene's last line, uncaptioned: where, who, words
    )
    blocks = _blocks(lines[start:])
    for block in blocks:
        first = block[0]
        if _TRANSITION.match(first):
            continue
        if _SCENE.match(first):
            if caption and last is not None:
                # a caption that closes its scene dates the scene it closes, not the next
                # one: "Night of 12-13 April 1814" under the poisoning, not over the farewell
                at, speaker, words = last
                out[at] = _captioned(caption, speaker, words)
            elif caption:
                out += [caption, ""]
            caption, last = "", None
            out += [f"## {first.strip()}", ""]
            continue
        said = _CAPTION.match(first)
        if said:
            caption = said.group("text").strip()
            continue
        speaker, words = _paragraph(block)
        paragraph = f"{speaker}: {words}" if speaker else words
        last = (len(out), speaker, words)
        if caption:
            # the caption dates the scene's next line: "Versailles, 28 June 1919:
            # (Clemenceau) Sign here, gentlemen."
            paragraph = _captioned(caption, speaker, words)
            caption, last = "", None
        out += [paragraph, ""]
    if caption and last is not None:
        at, speaker, words = last
        out[at] = _captioned(caption, speaker, words)
    elif caption:
        out += [caption, ""]
    return "\n".join(out)


def _captioned(caption: str, speaker: str, words: str) -> str:
    """A scene's line under the caption that dates it: "Versailles, 28 June 1919: (Clemenceau) ..."."""
    return f"{caption}: ({speaker}) {words}" if speaker else f"{caption}: {words}"


def _blocks(lines: list[str]) -> list[list[str]]:
    """The script's blocks: runs of lines between blank lines, a cue starting its own."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            blocks.append([])
        elif blocks[-1] and (_CAPTION.match(line) or _SCENE.match(line) or _TRANSITION.match(line)):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _paragraph(block: list[str]) -> tuple[str, str]:
    """A block as prose: who speaks ("" in an action line) and the words."""
    cue = _CUE.match(block[0])
    if cue and len(block) > 1 and not block[1].strip().isupper():
        speech = " ".join(line.strip() for line in block[1:] if not _PARENTHETICAL.match(line))
        return _named(cue.group("name")), speech
    return "", _named(" ".join(line.strip() for line in block))


def _named(text: str) -> str:
    """Names in capitals written as names: "JOSÉ DE SAN MARTÍN" as "José de San Martín"."""

    def name(m: re.Match[str]) -> str:
        words = [w.capitalize() for w in m.group(0).split(" ")]
        return " ".join(w.lower() if i and w in _PARTICLES else w for i, w in enumerate(words))

    if text.isupper() and " " not in text.strip():
        return text.strip().capitalize()  # "BELGRANO" over his speech
    return _CAPITALS_NAME.sub(name, text)
