"""Article text: reading, normalising, paragraphs, boilerplate, spin repair, sentences.

Everything here works on plain text or Markdown in UTF-8 and knows nothing of
any one article. Spin repair undoes the word swaps that synonym spinners make
on the words facts hang on (month names, titles, "war", "corridor"...), from a
table of such swaps, so a spun copy yields the same facts as the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core.errors import UsageError
from trainer.generate.bookindex import index_as_lines
from trainer.generate.columns import columns_as_lines, csv_as_lines, hanging_as_lines
from trainer.generate.dates import find_dates
from trainer.generate.footnotes import without_notes
from trainer.generate.latex import latex_as_text
from trainer.generate.lexicon import LOWER, SHIP_PREFIXES, UPPER
from trainer.generate.screenplay import screenplay_as_text
from trainer.generate.subtitles import looks_like_subtitles, subtitle_paragraphs


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its 1-based number in the article and its cleaned text."""

    number: int
    text: str
    heading: bool = False
    item: bool = False  # a line of a list or a table


@dataclass(slots=True)
class Article:
    """A cleaned article, ready for fact extraction."""

    name: str
    paragraphs: list[Paragraph]
    authors: list[str] = field(default_factory=list)
    spun: bool = False
    talk: bool = False  # a wiki talk page: editors discussing the article, signed

    @property
    def title(self) -> str:
        """The article's title: its first heading, if it opens with one.

        A record's "Title: Treaty on the Non-Proliferation of Nuclear Weapons" under
        the series it belongs to ("MULTILATERAL TREATIES: REGISTRY RECORD") is its title.
        """
        headings = [p.text for p in self.paragraphs[:3] if p.heading]
        return next(
            (h for h in headings if h.startswith("Title: ")), headings[0] if headings else ""
        )

    @property
    def subject(self) -> str:
        """The person a record is about, when its head names one the way a register does.

        "MACARTNEY, George, 1st Earl Macartney" over a service record's lines is
        "George Macartney": an entry that names no one ("1769-1772 – Chief Secretary
        ...") is his.
        """
        for p in self.paragraphs[:4]:
            m = _INVERTED_HEAD.fullmatch(p.text)
            if p.heading and m:
                forenames = m.group("fore")
                if forenames.isupper():
                    forenames = forenames.title()
                return f"{forenames} {m.group('surname').title()}"
        return ""

    @property
    def names(self) -> frozenset[str]:
        """Words the article writes capitalised in mid-sentence: its names."""
        found: set[str] = set()
        for p in self.paragraphs:
            for m in _MID_CAPITAL.finditer(p.text):
                found.add(m.group(1))
        return frozenset(found)

    @property
    def words(self) -> int:
        """How many words the article's paragraphs hold."""
        return sum(len(p.text.split()) for p in self.paragraphs)


# A register's head: a surname in capitals, a comma, the forenames, and a title after it.
_INVERTED_HEAD = re.compile(
    rf"(?P<surname>[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?), (?P<fore>[{UPPER}][{LOWER}A-Z]+"
    rf"(?: [{UPPER}][{LOWER}A-Z]+){{0,3}})(?:, [^,]{{1,60}})?"
)
_MID_CAPITAL = re.compile(rf"(?<=[a-z,;])\s+([{UPPER}][\w'-]+)")

# -- normalising -------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u2026": "...",
    }
)


# Control characters (escape sequences among them) never reach a deck: a tab is a
# space, the rest go.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A terminal escape sequence, whole: "ESC ] 0 ; title BEL" (OSC), "ESC [ 2 J" (CSI), and
# their one-byte forms; dropping only the control characters would leave "]0;title".
_ESCAPE = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]?"
    r"|\x1b[@-Z\\-_]"
)


def normalise(text: str) -> str:
    """Straight quotes, plain dashes and spaces; Unicode composed (NFC); no control characters."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE).replace("\t", " ")
    text = _ESCAPE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    # "Webster--Ashburton", a dash typed as two hyphens between two words of a name
    text = _DOUBLE_HYPHEN.sub("-", text)
    return _CONTROL.sub("", text)


_DOUBLE_HYPHEN = re.compile(r"(?<=[^\W\d_])--(?=[^\W\d_])")


# -- Markdown ------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
# A wiki's own markup: "== Venice paragraph ==" is a heading, ":::" indents a reply.
_WIKI_HEADING = re.compile(r"^\s*(={2,6})\s*(?P<title>[^=].*?)\s*\1\s*$")
_WIKI_INDENT = re.compile(r"^:+\s*(?=\S)")
# A setext heading's underline: "Where we start" over "--------------".
_SETEXT = re.compile(r"={3,}|-{3,}")


def _strip_markdown(line: str) -> tuple[str, bool]:
    wiki = _WIKI_HEADING.match(line)
    if wiki:
        return wiki.group("title"), True
    line = _WIKI_INDENT.sub("", line)
    heading = bool(_MD_HEADING.match(line))
    line = _MD_HEADING.sub("", line)
    line = _MD_QUOTE.sub("", line)
    line = _MD_LIST.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPH.sub(r"\2", line)
    return line.strip(), heading


# -- boilerplate ---------------------------------------------------------------

# Lines that are not part of the article: newsletter pitches, disclosures,
# republication notes, "read more" links and further-reading lists. Synonyms
# cover spun copies ("Additional Studying" for "Further Reading").
_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(further|additional|more|extra|recommended|suggested)\s+(reading|studying|studies|reads?)\b",
        r"^(read|see|learn)\s+(more|also)\s*:",
        r"^related\s*(articles?|stories|reading)?\s*:",
        r"\b(sign\s*up|subscribe)\b.{0,80}\b(newsletter|inbox|updates)\b",
        r"\bget (your|the) news\b",
        r"\bdoes not work for, consult, own shares\b",
        r"\b(has|have) disclosed no relevant affiliations\b",
        r"\boriginally published (on|in|by)\b",
        r"\bread the original article\b",
        # a wiki talk page's banners
        r"^this (?:article|page) (?:is within the scope of|has been rated as)\b",
        r"\brepublished (from|under|with)\b",
        r"^(copyright|\(c\)|©)\s",
        r"^(share|tweet|print|email) this\b",
        r"^\W{0,2}(image|photo|photograph|picture|illustration|caption)( credit)?s?\s*:",
        r"^advertisement$",
        r"^(next meeting|next issue|coming up|upcoming events?)\s*:",
        r"^(our |the )?(next |annual |monthly |weekly )?(club |members' )?meeting (is|will be)\b",
        r"\bplease renew\b",
        r"\bsubscriptions? (?:is|are) (?:now )?due\b",
        r"\brenew (?:your )?(?:membership|subscription)\b",
        r"\b(to leave this list|to unsubscribe|reply with the word|bring a friend)\b",
        # a lesson's or a class's particulars: "Class: Year 9 History · Room: H4 · Lesson: 3"
        r"^(?:class|room|lesson|teacher|period|year group|subject|set|group|date)\s*:.*\s[·|]\s",
        # a scanned book's running head and page number: "186      A SCHOOL HISTORY OF
        # ENGLAND", "WILLIAM III. AND THE WAR WITH FRANCE      187", or the number alone
        r"(?-i:^\d{1,4}\s{2,}[A-Z][A-Z0-9 .,;:'&-]+$)",
        r"(?-i:^[A-Z][A-Z0-9 .,;:'&-]+\s{2,}\d{1,4}$)",
        r"^[-\s]*\d{1,3}[-\s]*$",
    )
]
# A disclosure statement names the author: "Jane Doe does not work for ...".
_DISCLOSURE = re.compile(
    r"^((?:[A-Z][\w'.-]+\s){1,3}[A-Z][\w'-]+)\s+(?:does not|doesn't|do not|did not)\s+work for\b"
)
# "By Jane Doe", "By Jane Doe, Staff Correspondent", "posted by Priya": a byline.
_BYLINE = re.compile(
    r"^(?i:by|written by|posted by)\s+((?:[A-Z][\w'.-]+\s){0,3}[A-Z][\w'-]+)\s*(?:,[^.]{0,60})?$"
)
# Footnote marks: "Empire.[1] The", "Empire[12]", "Empire.[note 3]"
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3})\]")
# A wiki talk page's signature: "Marmotte1797 (talk) 14:02, 3 March 2019 (UTC)". Who wrote a
# reply and when is the page's business; its year must not date the history in the reply.
_SIGNATURE = re.compile(
    r"[ \t]*(?:[—–-]+[ \t]*)?[^\s.,;:]+(?:[ \t][^\s.,;:]+){0,3}[ \t]\((?:talk|contribs|talk \W contribs)\)[ \t]*"
    r"\d{1,2}:\d{2},\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+\((?:UTC|CES?T|[A-Z]{2,4})\)"
)
# A dictionary's pointer to another entry, printed in small capitals: "... at Cabul. See
# RUSSIA." It points the reader on and says nothing, so a card never quotes it.
_SMALL_CAPS_SEE = re.compile(
    r"(?<=[.;])[ \t]+See[ \t\n]+(?:also[ \t\n]+)?[A-Z]{3,}(?:(?:,[ \t\n]+|[ \t\n]+and[ \t\n]+)[A-Z]{3,})*\."
    r"(?=\s|$)"
)


# Headings of an article's back matter: what follows them lists sources, not facts.
_BACK_MATTER = re.compile(
    r"^(?:references|sources|bibliography|notes and references|citations|works cited|"
    r"see also|external links|footnotes|(?:selected |select )?publications|"
    # a syllabus's or a page's reading list: "Required reading (read before ...)"
    r"(?:(?:further|required|suggested|recommended|core|essential|additional|set|background)"
    r"\s+)?(?:reading|readings|reading list))\s*(?:\([^)]{0,80}\))?\s*:?$"
    # a lesson plan's own business: what the class does, not what it learns
    r"|^(?:starter|plenary|differentiation|homework|success criteria|extension tasks?)\b",
    re.IGNORECASE,
)


# "Notes" under a text with footnote marks lists what the marks point to.
_NOTES = re.compile(r"^(?:notes|endnotes)\s*:?$", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """Whether a line is publishing furniture rather than content."""
    return any(p.search(line) for p in _BOILERPLATE)


# -- spin repair -----------------------------------------------------------------

# Spinners swap a word for a "synonym" without regard to sense. The swaps that
# touch facts: a month that became an ordinary word, a title's preposition, the
# nouns that name events. Each entry is (pattern, replacement); patterns are
# specific enough not to fire on ordinary prose.
_MONTH_SPINS = {
    "May": r"Could|Might|Can|Would possibly|Could possibly",
    "March": r"Stroll|Walk|Parade|Tramp|Trek",
    "August": r"Venerable|Majestic|Grand|Stately|Noble|Illustrious",
}
_A_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_SPIN_REPAIRS: list[tuple[re.Pattern[str], str]] = []
for _month, _words in _MONTH_SPINS.items():
    # "Could 2018", "in Could 2018", "10 Could 2018", "Could 10, 2018": a
    # capitalised word that is no month, standing where a month must be.
    _SPIN_REPAIRS.append((re.compile(rf"\b(?:{_words})(?=\s+{_A_YEAR}\b)"), _month))
    _SPIN_REPAIRS.append(
        (re.compile(rf"(?<=\b\d\s)(?:{_words})\b|(?<=\b\d\d\s)(?:{_words})\b"), _month)
    )
    _SPIN_REPAIRS.append((re.compile(rf"\b(?:{_words})(?=\s+\d{{1,2}},\s+{_A_YEAR}\b)"), _month))
_SPIN_REPAIRS += [
    (re.compile(p), r)
    for p, r in (
        # titles and the words around them
        (
            r"\b(?:Below|Beneath|Underneath) (?=(?:Prime Minister|President|Chancellor|King|Queen)\b)",
            "Under ",
        ),
        (
            r"\b(?:beneath|below|underneath) (?=(?:Prime Minister|President|Chancellor|King|Queen)\b)",
            "under ",
        ),
        (r"\bHigh Minister\b", "Prime Minister"),
        (r"\bprime minster\b", "prime minister"),
        # events: a named war that became a "battle", "struggle" or "combat"
        (r"\b([A-Z][a-z]+'?)(\s+)(?:Battle|Struggle|Combat|Fight|Feud|Clash)\b(?! of)", r"\1\2War"),
        # a treaty that became an "arrangement" or a "compact", a congress a "gathering",
        # a king a "sovereign", signed "marked" or "inked", died "passed on"
        (r"\b(?:Arrangement|Compact|Bargain|Concord|Contract) of (?=[A-Z])", "Treaty of "),
        (r"\b(?:Arrangements|Compacts|Bargains|Concords|Contracts) of (?=[A-Z])", "Treaties of "),
        # a prime minister who became a "top administrator"
        (r"\btop administrator\b", "prime minister"),
        (r"\bcompact(s?)\b", r"treaty\1"),
        (r"\bGathering of (?=[A-Z])", "Congress of "),
        (r"\b(?:Sovereign|Potentate)(?=\s+[A-Z][a-z]+\b)", "King"),
        (r"\bNormal(?=\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b)", "General"),
        (
            r"\b(?:Initial|Preliminary)(?=\s+[A-Z][a-z]+\s+(?:War|Battle|Combat|Struggle)s?\b)",
            "First",
        ),
        (r"\bSubsequent(?=\s+[A-Z][a-z]+\s+(?:War|Battle|Combat|Struggle)s?\b)", "Second"),
        (r"\b(?:exterior|overseas)(\s+)(secretary|minister)\b", r"foreign\1\2"),
        (r"\b(was|were) endorsed\b(?= (?:at|in|on|by)\b)", r"\1 signed"),
        (r"(?<=, )endorsed\b(?= (?:at|in|on)\b)", "signed"),
        (r"\b(was|were) marked\b(?= (?:among|between|by|at|in|on)\b)", r"\1 signed"),
        (r"\binked\b", "signed"),
        (r"\bthe long run (?=[A-Z])", "the future "),
        (r"\bpassed on\b(?= (?:at|in|on)\b)", "died"),
        (
            r"\b(?:navy|army) (?=invasion|intervention|help|assets|assist|presence|bases?)",
            "military ",
        ),
        (r"\bfull-scale (?:battle|conflict|struggle) in opposition to\b", "full-scale war against"),
        (r"\bin opposition to (?=Ukraine|Georgia|Russia|Armenia|Azerbaijan)", "against "),
        # places: a corridor that became a "hall" or "hallway"
        (r"\b([A-Z][a-z]+) (?:hall|hallway|passage)\b", r"\1 corridor"),
        (r"\b(\w+-hour|\w+-day) assembly\b", r"\1 meeting"),
        # time words
        (r"\bearlier than\b", "before"),
        (r"\bgot here to (?:energy|power)\b", "came to power"),
        (r"\bcame to energy\b", "came to power"),
        (r"\bgot here\b", "came"),
        (r"\ba long time\b(?= of (?:battle|conflict|war))", "decades"),
        (r"\b(?:a long time|many years)(?= in the past)", "decades"),
        (r"\bthree a long time\b", "three decades"),
        (r"\bgreater than\b", "more than"),
    )
]
# Words a spinner leaves behind; a handful of them mark a text as spun.
_SPIN_TELLS = re.compile(
    r"\b((?i:nonetheless)|got here to energy|returned to energy|in opposition to|the place|"
    r"a long time of|Could (?:1|2)\d{3}|Below Prime Minister|Below (?:the|its) |hanging developments|"
    r"navy invasion|Additional Studying|internet hosting|the Finish of|historical past|"
    r"overseas (?:minister|secretary)|summer time|court docket|"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? Battle\b(?! of)|got here|the long run [A-Z]|for lengthy|"
    r"Years' (?:Fight|Struggle|Combat)|(?:Sovereign|Potentate) [A-Z]|"
    r"(?:Arrangement|Compact|Gathering|Bargain|Concord|Contract) of [A-Z]|exterior\ssecretary|"
    r"top administrator|value the name|(?:Ottoman|Russian|Mughal|Persian) Realm|"
    r"introduced to an end|inked|[A-Z][a-z]+ Clash\b)"
)


# A day and a year around a word that must be a month ("30 Could 1814") is a
# spinner's swap in any text, spun-looking or not.
_SPUN_DAYS = [
    (re.compile(rf"\b(\d{{1,2}}) (?:{_words}) ({_A_YEAR})\b"), rf"\1 {_month} \2")
    for _month, _words in _MONTH_SPINS.items()
]


def _repair_spun_days(text: str) -> str:
    for pattern, replacement in _SPUN_DAYS:
        text = pattern.sub(replacement, text)
    return text


def unspin(text: str) -> str:
    """Undo the spinner swaps that touch dates, titles and event names."""
    for pattern, replacement in _SPIN_REPAIRS:
        text = pattern.sub(replacement, text)
    return text


def looks_spun(text: str) -> bool:
    """Whether a text shows several marks of a synonym spinner."""
    return len(_SPIN_TELLS.findall(text)) >= 3


# -- sentences -----------------------------------------------------------------

_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sr",
    "Jr",
    "St",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Capt",
    "Gov",
    "Sen",
    "Rep",
    "Pres",
    "Rev",
    "Hon",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "cf",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "No",
    "Inc",
    "Ltd",
    "Co",
    "U.S",
    "U.K",
    "U.N",
    "D.C",
    *SHIP_PREFIXES,  # "H.M.S. Bounty": no end
    "a.m",
    "p.m",
    "approx",
    "ca",
    "c",
    # reigned, born, died, flourished: "(r. 1279-1213 BC)", "b. 1840"
    "r",
    "b",
    "d",
    "fl",
)
# A citation's pages, chapters and volumes inside its brackets: "(Laird 2011, pp. 140-52)"
_CITED_PARTS = frozenset({"p", "pp", "ch", "chs", "vol", "vols"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9À-ÖØ-ÞĀ-ſ])")


# "... as King John I. Castile answers": a ruler's numeral ends the sentence, no initial
_REGNAL_END = re.compile(
    r"\b(?:King|Queen|Emperor|Empress|Pope|Tsar|Czar|Sultan|Shah|Pharaoh)\s+[A-Z][a-z]+\s+[IVX]\.$"
)


# A "sentence" longer than this (a text without full stops) is read in pieces,
# so that every step on it stays bounded.
MAX_SENTENCE = 600


def _pieces(offset: int, sentence: str) -> list[tuple[int, str]]:
    """A sentence cut at spaces into pieces of at most MAX_SENTENCE characters."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(sentence) - start > MAX_SENTENCE:
        cut = sentence.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append((offset + start, sentence[start:cut].strip()))
        start = cut
    out.append((offset + start, sentence[start:].strip()))
    return [(o, s) for o, s in out if s]


def sentences(text: str) -> list[tuple[int, str]]:
    """Split a paragraph into ``(offset, sentence)`` pairs (over-long ones in pieces)."""
    return [piece for offset, s in _sentences(text) for piece in _pieces(offset, s)]


def _sentences(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()]
        last = before.rstrip(".!?\"')]").rsplit(" ", 1)[-1].lstrip("([\"'")
        # "Dr. Smith", "U.S. troops", "J. K. Rowling": not an end.
        if last in _ABBREVIATIONS or (
            len(last) == 1 and last.isupper() and not _REGNAL_END.search(before)
        ):
            continue
        if last in _CITED_PARTS and before.count("(") > before.count(")"):
            continue
        if last in ("ult", "inst", "prox") and len(before.split()) <= 4:
            continue  # "On the 22nd ult. Lord Chelmsford went forward": the day opens it
        out.append((start, text[start : m.start()].strip()))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:].strip()))
    return out


# -- reading -----------------------------------------------------------------


_LABEL = r"[A-Z][\w'-]*(?: [\w'-]+){0,3}"  # "Launch date", "Named after"
_LABELLED = re.compile(rf"^{_LABEL}: \S")
_LABEL_ALONE = re.compile(rf"^({_LABEL}):\s*$")


def labelled(line: str) -> bool:
    """Whether ``line`` is a fact sheet's "Launch date: 24 April 1990": a label and its value."""
    return _LABELLED.match(line) is not None and len(line.split()) <= 16


def label_of(before: str) -> str:
    """The label when ``before`` (the text before a value) is only one: "Launch date: "."""
    m = _LABEL_ALONE.match(before)
    return m.group(1) if m else ""


_FRONT_MATTER = re.compile(r"\A\s*(---|\+\+\+)\n((?:[^\n]*\n){0,40}?)\1[ \t]*(?:\n|\Z)")
_FRONT_FIELD = re.compile(r"^(\w+)\s*[:=]\s*[\"']?(.*?)[\"']?\s*$")


def _front_matter(text: str) -> str:
    """A blog post's front matter ("---" / "title: ..." / "date: ..." / "---") as a page shows it.

    The title becomes the heading, the date a "Published" line and the author
    a byline; tags, layout and the rest are no part of what is read.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    fields: dict[str, str] = {}
    for line in m.group(2).split("\n"):
        field = _FRONT_FIELD.match(line)
        if field:
            fields.setdefault(field.group(1).lower(), field.group(2))
    lines = []
    if fields.get("title"):
        lines.append(f"# {fields['title']}")
    if fields.get("date"):
        lines.append(f"Published {fields['date']}")
    if fields.get("author"):
        lines.append(f"By {fields['author']}")
    return "\n\n".join(lines) + "\n\n" + text[m.end() :]


# An old book's side heading run into its paragraph: "La Hogue.--Louis now prepared".
_RUN_IN = re.compile(r"^([A-Z][^.!?:;\n]{1,60}?)\.\*?\s?(?:--|-)\s?(?=[A-Z\"'])")
# A heading in capitals that ends with a full stop: "WILLIAM III. AND THE WAR WITH FRANCE."
_CAPITALS_HEADING = re.compile(r"^[^a-z]*[A-Z]{3}[^a-z]*\.$")


def _looks_like_heading(
    line: str, first: bool = False, item: bool = False, prose: bool = True
) -> bool:
    words = line.split()
    if item and labelled(line):
        return False
    if prose and len(words) <= 8 and _CAPITALS_HEADING.match(line) and not re.search(r"\d", line):
        return True  # a line in capitals amid prose; a telegram is all capitals
    if first and 0 < len(words) <= 16 and line[-1] not in ".!?:;,":
        return True  # the file's first line, a title: 'Episode 58: "Midnight, 1947" (transcript)'
    return 0 < len(words) <= 8 and line[-1] not in ".!?:;,\"'" and not line.endswith(")")


# "3.1 Stolbovo and the closing of the Russian door": a numbered section's heading.
_NUMBERED_HEADING = re.compile(rf"\d{{1,2}}(?:\.\d{{1,2}})+\.?\s+[{UPPER}]")
# "CHAPTER THREE", "Part II": a label whose title follows on the next line.
_CHAPTER = re.compile(r"(?:CHAPTER|Chapter|PART|Part|BOOK|Book)\s+[\w.]+")


def _section_heading(line: str, before: Paragraph | None) -> bool:
    """Whether ``line`` is a numbered section's heading, or a chapter's title under its label.

    Both run longer than a heading usually does: "3.1 Stolbovo and the closing
    of the Russian door", "Peace as Conquest: Swedish Treaty-Making in the
    Baltic, 1617-1645" under "CHAPTER THREE".
    """
    words = len(line.split())
    if words > 16 or line[-1] in ".!?;,":
        return False
    if _NUMBERED_HEADING.match(line) and words <= 14:
        return True
    return before is not None and before.heading and _CHAPTER.fullmatch(before.text) is not None


def _hard_wrapped(block: list[str]) -> bool:
    """Whether a block's lines are one paragraph wrapped at a fixed width.

    Long lines are paragraphs of their own; list items and headings are never
    joined; short lines join when any of them stops mid-sentence.
    """
    if len(block) < 2 or max(len(line) for line in block) > 100:
        return False
    if len(block) >= 3 and sum(labelled(line) for line in block) >= 0.8 * len(block):
        return False  # a record's "Grade: I" / "List Entry Number: 1357218": a line each
    if _MD_HEADING.match(block[0]) or any(
        _MD_LIST.match(line) or _MD_HEADING.match(line) for line in block[1:]
    ):
        return False  # a numbered paragraph ("1. The New King.--When ...") may be wrapped
    return any(line[-1] not in ".!?\"':;" for line in block[:-1])


# A paragraph of print with no blank line before it: its first line indented under
# a flush line of wrapped prose.
_INDENTED_START = re.compile(r" {2,8}[A-Z0-9\"'‘“(]")
_FLUSH_PROSE = re.compile(r"\S.{39,}")


# A list item's first line, and a line that carries it on, indented under its text.
_ITEM_START = re.compile(r"^[ ]{0,3}(?:[-*+•]|\d{1,3}[.)])[ ]+\S")
_ITEM_GOES_ON = re.compile(r"^[ ]{2,8}(?![-*+•][ ]|\d{1,3}[.)][ ])\S")


def _list_items_joined(text: str) -> str:
    """``text`` with each list item on one line, when its lines go on indented under it.

    "- The allied armies landed ... and beat the" / "  Russians at the River Alma
    on 20 September 1854." is one item; read line by line, its date would be cut
    from what it dates.
    """
    if "\n  " not in text:
        return text
    out: list[str] = []
    in_item = False
    for line in text.split("\n"):
        if in_item and _ITEM_GOES_ON.match(line):
            out[-1] += " " + line.strip()
            continue
        in_item = _ITEM_START.match(line) is not None
        out.append(line)
    return "\n".join(out)


def _first_line_indent(lines: list[str], index: int) -> bool:
    """Whether line ``index`` opens a paragraph as print does, by indenting its first line.

    A flush line of prose comes before it and a flush line after it; an index's
    hanging indent ("Bar, Confederation of ..." / "    formed at Bar ...") is the other
    way round, and goes on as one entry.
    """
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        index > 0
        and _INDENTED_START.match(lines[index]) is not None
        and _FLUSH_PROSE.match(lines[index - 1]) is not None
        and after[:1].strip() != ""
    )


_BROKEN_WORD = re.compile(r"[^\W\d_]{2}-$")


def _join_wrapped(lines: list[str]) -> str:
    """A wrapped paragraph's lines as one, a word hyphenated at a line's end made whole.

    "land-" / "ed at Torbay" is "landed at Torbay", as a scanned book breaks its words.
    """
    out = lines[0]
    for line in lines[1:]:
        if _BROKEN_WORD.search(out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


# Besides its date, a chronology's date line holds at most "(Year 5)", "r.", "c.".
_DATE_LINE_REST = re.compile(r"(?:\((?:[A-Za-z]+ )?\d+\)|\br\.|\bc\.|[-–—:,()\s])*")


def _date_line(line: str) -> bool:
    """Whether ``line`` is a date alone, as a chronology heads an entry: "c. 1274 BC (Year 5)"."""
    if len(line.split()) > 8 or _MD_HEADING.match(line) or _MD_LIST.match(line):
        return False
    found = find_dates(line)
    if not found:
        return False
    rest = "".join(
        line[end:start]
        for end, start in zip(
            [0, *(m.end for m in found)], [*(m.start for m in found), len(line)], strict=True
        )
    )
    return _DATE_LINE_REST.fullmatch(rest) is not None


def _short_heading(block: list[str]) -> bool:
    """Whether a block's first line is a heading set over its paragraph with no blank line.

    A wrapped paragraph's first line runs to the width the rest is wrapped at; a
    heading of a word or two ("History", "Sources") stops far short of its next line.
    """
    if len(block) < 2:
        return False
    head = block[0]
    return (
        len(head.split()) <= 3
        and head[:1].isupper()
        and head[-1] not in ".!?:;,\"')"
        and not _MD_LIST.match(head)
        and not _date_line(head)
        and 3 * len(head) < len(block[1])
    )


def _dated_entries(block: list[str]) -> list[str]:
    """A chronology's date line joined to the entry under it: "c. 1274 BC (Year 5) – Battle of Kadesh."

    Without it the date stands alone, or is read with the entry before it.
    """
    if len(block) >= 2 and _date_line(block[0]) and not _date_line(block[1]):
        return [f"{block[0]} – {block[1]}", *block[2:]]
    return block


def parse_article(text: str, name: str) -> Article:
    """Clean an article's text into numbered paragraphs.

    Paragraphs are separated by blank lines; lines inside a block are joined
    unless each of them reads as a paragraph of its own. Markdown syntax is
    dropped; boilerplate is left out but keeps its paragraph number, so a
    source reference always matches the file.
    """
    text = without_notes(screenplay_as_text(latex_as_text(normalise(text))))
    text = hanging_as_lines(columns_as_lines(csv_as_lines(_front_matter(text))))
    text = _list_items_joined(index_as_lines(text))
    footnoted = _FOOTNOTE.search(text) is not None  # "Empire.[1]": its "Notes" are sources
    text = _FOOTNOTE.sub("", text)
    text = _SMALL_CAPS_SEE.sub("", text)
    signed = 0
    if "(talk" in text or "(contribs" in text:  # the pattern is slow: only on a talk page
        text, signed = _SIGNATURE.subn("", text)
    spun = looks_spun(text)
    prose = re.search(r"[a-z]{3}", text[:20_000]) is not None  # not all in capitals
    text = unspin(text) if spun else _repair_spun_days(text)
    blocks: list[list[str]] = [[]]
    cues: list[int] = []  # a subtitle file's paragraphs: the cue each starts at
    if looks_like_subtitles(text):
        for cue, paragraph in subtitle_paragraphs(text):
            blocks.append([paragraph])
            cues.append(cue)
    else:
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if line.strip():
                if blocks[-1] and _first_line_indent(lines, index):
                    blocks.append([])  # "  To secure Herat ...": a new paragraph, as in print
                blocks[-1].append(line.strip())
            elif blocks[-1]:
                blocks.append([])
    blocks = [block for block in blocks if block]
    paragraphs: list[Paragraph] = []
    authors: list[str] = []
    number = 0
    back_matter = False  # under "References", "See also": lists of sources, not the article
    for index, block in enumerate(blocks):
        if cues:
            number = cues[index] - 1  # numbered by the cue it starts at
        if len(block) == 2 and _SETEXT.fullmatch(block[1]) and not _MD_LIST.match(block[0]):
            block = [f"# {_MD_HEADING.sub('', block[0])}"]  # the underline makes it a heading
        if not cues and _short_heading(block):
            # "Sources" over "Survey of London, volume on St James's.": a heading, no
            # paragraph's first line
            blocks.insert(index + 1, block[1:])
            block = block[:1]
        block = _dated_entries(block)
        cleaned = [_strip_markdown(line) for line in block]
        wrapped = _hard_wrapped(block)
        units = [(_join_wrapped([c[0] for c in cleaned]), False)] if wrapped else cleaned
        items = (
            [False]
            if wrapped
            else [bool(_MD_LIST.match(raw) or raw.startswith("|")) for raw in block]
        )
        for (line, heading), item in zip(units, items, strict=True):
            if not line:
                continue
            number += 1
            author = _DISCLOSURE.match(line) or _BYLINE.match(line)
            if author:
                authors.append(author.group(1).strip())
            if is_boilerplate(line) or (_BYLINE.match(line) is not None):
                continue
            is_heading = (
                heading
                or _looks_like_heading(line, not paragraphs, item, prose)
                or _section_heading(line, paragraphs[-1] if paragraphs else None)
            )
            if is_heading:
                back_matter = _BACK_MATTER.match(line) is not None or (
                    footnoted and _NOTES.match(line) is not None
                )
            if back_matter:
                continue
            run_in = None if is_heading or item else _RUN_IN.match(line)
            if run_in and len(run_in.group(1).split()) <= 8:
                # "The Peace of Ryswick.*--By this time ...": a heading run into its text
                paragraphs.append(Paragraph(number, run_in.group(1), True))
                line = line[run_in.end() :]
            paragraphs.append(Paragraph(number, line, is_heading, item))
    return Article(name, paragraphs, authors, spun, talk=signed >= 2)


MAX_ARTICLE = 50_000_000
"""The largest article read, in bytes."""


def read_article(path: Path) -> Article:
    """Read an article file (UTF-8 text or Markdown, with or without a BOM).

    Raises:
        UsageError: for a missing, unreadable, binary, non-UTF-8 or empty file.
    """
    try:
        if not path.is_file():
            if path.exists():
                raise UsageError(
                    f"{path}: not a regular file", "give a .txt or .md file, not a folder or device"
                )
        elif path.stat().st_size > MAX_ARTICLE:
            raise UsageError(
                f"{path}: the file is larger than {MAX_ARTICLE // 1_000_000} MB",
                "split it into several articles",
            )
        with path.open("rb") as f:
            data = f.read(MAX_ARTICLE + 1)
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such file", "check the path") from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the file: {exc.strerror}") from exc
    if b"\x00" in data[:8192]:
        raise UsageError(
            f"{path}: this is a binary file, not an article", "give a .txt or .md file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UsageError(f"{path}:{line}: the file is not UTF-8 text", "save it as UTF-8") from exc
    article = parse_article(text, path.name)
    if not any(not p.heading for p in article.paragraphs):
        raise UsageError(
            f"{path}: the article is empty", "give a file with at least one paragraph of text"
        )
    return article
