"""A LaTeX source, read as the page it typesets.

Lecture notes and theses are often kept as LaTeX: a preamble of packages and
macros, ``\\section{...}`` headings, ``itemize`` lists of ``\\item`` lines,
``\\emph{...}`` inside sentences, ``%`` comments, ``~`` for a space that must
not break ("15~June 1888") and ``--`` for a range ("1888--1897"). Read as
prose, "15~June 1888" is no date and "\\term{Reinsurance Treaty}" no name.

:func:`latex_as_text` turns such a source into the plain text it prints: the
title and headings as Markdown headings, items as list lines, commands
dropped and their text kept, comments and the preamble left out (the
``\\date`` of a handout is its own, not the history's).
"""

from __future__ import annotations

import re

# A source is LaTeX when it has a document environment or a class, or sections and items.
_DOCUMENT = re.compile(r"\\(?:documentclass|begin\{document\})")
_STRUCTURE = re.compile(r"^\s*\\(?:section|subsection|chapter|item)\b", re.M)
# A comment runs from an unescaped "%" to the end of its line.
_COMMENT = re.compile(r"(?<!\\)%.*")
_TITLE = re.compile(r"\\title\{((?:[^{}]|\{[^{}]*\})*)\}")
_HEADING = re.compile(
    r"^\s*\\(chapter|section|subsection|subsubsection|paragraph)\*?(?:\[[^\]]*\])?"
    r"\{((?:[^{}]|\{[^{}]*\})*)\}\s*"
)
_LEVEL = {"chapter": "#", "section": "#", "subsection": "##", "subsubsection": "###"}
_ITEM = re.compile(r"^\s*\\item(?:\[([^\]]*)\])?\s*")
# Commands whose argument is no text of the page: references, labels, spacing, packages.
_DROPPED = re.compile(
    r"\\(?:label|ref|pageref|cite|citep|citet|vspace|hspace|usepackage|documentclass"
    r"|includegraphics|bibliographystyle|bibliography|input|include|newcommand"
    r"|renewcommand|setlength|date|author|thanks)\*?(?:\[[^\]]*\])?(?:\{(?:[^{}]|\{[^{}]*\})*\})*"
)
# A command with its argument, whose text stays: "\emph{Heligoland}", "\term{X}".
_WITH_TEXT = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?")
_BARE = re.compile(r"\\[A-Za-z]+\*?")
_ESCAPED = {r"\&": "&", r"\%": "%", r"\$": "$", r"\_": "_", r"\#": "#", r"\S": "§"}


def is_latex(text: str) -> bool:
    """Whether ``text`` is a LaTeX source."""
    head = text[:20_000]
    return _DOCUMENT.search(head) is not None or len(_STRUCTURE.findall(head)) >= 3


def latex_as_text(text: str) -> str:
    """``text`` as the plain text it typesets, when it is a LaTeX source; else as it is."""
    if not is_latex(text):
        return text
    title = _TITLE.search(text)
    start = text.find("\\begin{document}")
    body = text[start + len("\\begin{document}") :] if start >= 0 else text
    lines = [f"# {' '.join(_inline(title.group(1)).split())}", ""] if title else []
    in_item = False  # the lines under an \item go on with its text until the next one
    for raw in body.split("\n"):
        if raw.strip().startswith("%"):
            continue  # a comment line: the lecturer's note to self, not the page
        line = _COMMENT.sub("", raw).rstrip()
        if (
            in_item
            and line.strip()
            and not re.match(r"\s*\\(?:item|begin|end|[a-z]*section|chapter)\b", line)
        ):
            lines[-1] = f"{lines[-1]} {_inline(line).strip()}"
            continue
        in_item = False
        heading = _HEADING.match(line)
        if heading:
            level = _LEVEL.get(heading.group(1), "###")
            lines += ["", f"{level} {_inline(heading.group(2))}", ""]
            line = line[heading.end() :]
            if not line.strip():
                continue
        if re.match(r"\s*\\(?:begin|end)\{(?:itemize|enumerate|description)\}", line):
            lines.append("")  # a list stands apart from the paragraphs round it
            continue
        item = _ITEM.match(line)
        if item:
            label = f"{_inline(item.group(1))} " if item.group(1) else ""
            line = f"- {label}{line[item.end() :]}"
            in_item = True
        lines.append(_inline(line))
    return "\n".join(lines).strip("\n") + "\n"


def _inline(text: str) -> str:
    """A line's text without its commands: "15~June 1888", "``New Course''" read plainly."""
    text = _ENVIRONMENT.sub("", _DROPPED.sub("", text))
    for _ in range(4):  # "\textbf{\emph{X}}": inner commands first
        text, found = _WITH_TEXT.subn(r"\1", text)
        if not found:
            break
    for code, char in _ESCAPED.items():
        text = text.replace(code, char)
    text = _BARE.sub("", text).replace("\\\\", " ")
    text = text.replace("``", '"').replace("''", '"').replace("~", " ")
    text = re.sub(r"(?<=\d)--(?=\d)", "-", text).replace("---", " - ").replace("--", "-")
    return re.sub(r"[{}]", "", re.sub(r"[ ]{2,}", " ", text)).rstrip()
