"""Subtitle files (SRT, WebVTT) read as running text.

A documentary's subtitles cut its sentences into cues of two short lines each,
numbered and timed; read line by line, "On the 28th of November 1918, the Red
Army" and "attacked the border town of Narva." are two fragments and the fact
is in neither. Here the cues' text is joined back into paragraphs: a paragraph
ends where a sound cue ("[music]") or a new speaker ("MARGIT LEPP:", "- ")
comes, and each paragraph is numbered by the cue it starts at, so a card's
source points at a cue a reader can find in the file.
"""

from __future__ import annotations

import re

from trainer.generate.clarity import speaker_label

_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
_TIMING = re.compile(rf"^\s*{_TIME}\s+-->\s+{_TIME}\b.*$")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
# "[music]", "(applause)", "♪": what is heard, not said
_SOUND = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\)|[♪#]+.*)\s*$")
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,40}>|\{\\[^}]{0,40}\}")  # "<i>", "{\an8}"


def looks_like_subtitles(text: str) -> bool:
    """Whether ``text`` is a subtitle file: most of its blocks open with a cue's timing."""
    timings = sum(1 for line in text.split("\n", 4000) if _TIMING.match(line))
    return timings >= 2


def subtitle_paragraphs(text: str) -> list[tuple[int, str]]:
    """The spoken text of a subtitle file as (first cue's number, paragraph) pairs."""
    out: list[tuple[int, str]] = []
    words: list[str] = []
    first = 0
    cue = 0

    def close() -> None:
        nonlocal words
        if words:
            out.append((first, " ".join(words)))
        words = []

    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        timed = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if timed is None:
            continue  # "WEBVTT", a NOTE, a style block: no cue
        if timed and _CUE_NUMBER.match(lines[timed - 1]):
            cue = int(lines[timed - 1])
        else:
            cue += 1
        for line in lines[timed + 1 :]:
            line = _TAG.sub("", line).strip()
            if not line:
                continue
            if _SOUND.match(line):
                close()
                continue
            dash = re.match(r"-\s+", line)  # a dialogue's "- ": another speaker
            if dash or speaker_label(line):
                close()
                line = line[dash.end() :] if dash else line
            if not words:
                first = cue
            words.append(line)
    close()
    return out
