"""Who was at a meeting, from the attendance part of minutes: headed blocks, lists, grids and prose.

Minutes write attendance in many ways: a `Members :` block of `Name<TAB>Role<TAB>Initials` rows, a heading
with a comma list after it ("PRESENT: Mr A Smith (Chairman), Mrs B Jones and Cllr C Brown"), a bulleted list
of "Name (role)" or "Name – Role" lines, a grid of names in columns, a roster followed by a roll call of
surnames, or prose ("Daniel, Braden and Cate were in attendance"). A capitalised word is not a person by
itself: a name is taken only inside such a structure, and only if it has the shape of a name.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from app.domain import Tier
from app.packs.model import DraftPerson

_WINDOW = 400  # attendance sits at the top of minutes: the first lines given are searched
_MAX_GAP = 3  # blank lines inside an attendance block (lists spread over a page)
_TAIL = 12  # lines of other text after attendance before it is taken as over ("Apologies" may be minute 1)

# -- text -------------------------------------------------------------------------------------------------------

_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/li|/td|/th|/tr|/div)\b[^<>]{0,200}>", re.I)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")  # Unicode's other spaces (Zs)
_BULLET = re.compile(r"^\s*(?:(?:[-*•●○■□▪◦‣·>✓➢–—]|o(?=\s{1,8}\S))\s*)+(?=\S)")
_MARKDOWN = re.compile(r"\*\*|__|^#{1,6}\s+")
_CELL_SPLIT = re.compile(r"\t|\s{2,}|\s\|\s")


def clean(line: str) -> str:
    """A line without markup, invisible characters or odd spaces; tabs kept (they separate cells)."""
    if "<" in line:
        line = _TAG.sub("", _BLOCK_TAG.sub("\t", line))
    if "&" in line:
        line = html.unescape(line)
    if "**" in line or "__" in line or line.startswith("#"):
        line = _MARKDOWN.sub("", line)  # "**Present:** A, B", "### Minutes"
    if not line.isascii():
        line = _ODD_SPACE.sub(" ", _INVISIBLE.sub("", line))
    return line.rstrip()


def unbullet(text: str) -> str:
    return _BULLET.sub("", text)


def split_cells(text: str) -> list[str]:
    """A cleaned line's cells: tabs, else runs of two or more spaces."""
    return [c.strip() for c in _CELL_SPLIT.split(text.strip()) if c.strip()]


# -- names ------------------------------------------------------------------------------------------------------

_HONORIFIC = (
    r"(?:Dr|Cllr|ClIr|Councillor|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Rev|Revd|Reverend|Lord|Lady|Baroness|"
    r"Baron|Hon|Alderman|Ald|Father|Fr|Canon|Judge|Rt\.?\s+Hon|Herr|Frau|Rabbi|Imam|Pastor|Bishop|Archdeacon|"
    # police and service ranks, as attendance lists print them ("PC A Name (Community Officer)")
    r"PC|PCSO|DC|Sgt|Sergeant|Insp|Inspector|Ch\.?\s*Insp|Supt|Superintendent|Capt|Captain|Maj|Major|Col|Cdr|"
    r"Lt|Lieutenant|Station\s+Manager|Group\s+Manager|Watch\s+Manager)\.?"
)
_TITLE = re.compile(rf"^((?:{_HONORIFIC}\s+)+)")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PLURAL_TITLE = {"councillors": "Councillor", "cllrs": "Cllr", "cllrs.": "Cllr", "drs": "Dr", "messrs": "Mr"}
_PARTICLES = _words(
    """
    van von de der den da di du la le del della dos bin al el ten ter op st st.
    """
)
_SUFFIXES = _words(
    """
    jr jr. sr sr. ii iii iv obe mbe cbe kbe dbe qc kc mp mep jp dl
    """
)
_WORD = re.compile(r"^(?:[A-Z][a-z]*(?:['’][A-Za-z]+)?(?:[A-Z][a-z]+)*)(?:-[A-Z][a-z]*(?:['’][A-Za-z]+)?)*$")
_INITIALS_WORD = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.?$")
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}$")
# Capitalised words that are never part of a person's name in an attendance list.
_NOT_NAME = _words(
    """
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday agenda minutes minute meeting meetings item items other others all
    everyone none nil n/a no apologies apology present absent attendance attendees members member officers
    officer observers observer participants participant guests guest public chair chairman chairwoman
    chairperson vice deputy clerk secretary treasurer committee board council councils trust ltd ltd. limited
    plc inc inc. llp cic group team department services service society association foundation university
    college school nhs icb report reports action actions resolved agreed noted the and for of to in on at by
    with from this that these there were was is are be been will has have had date time venue location virtual
    online teams zoom hall room chamber house office centre center street road welcome introductions
    declarations interests matters arising business any aob next close open opening discussion summary update
    notes apologies: minutes: page total quorum quorate city county borough parish district town village
    director directors chief executive manager coordinator administrator representative governance finance
    medical nursing operations communications engagement development strategy health care
    """
)
_ROLE_WORD = re.compile(
    r"^(?:(?:vice|deputy|acting|interim)[\s-]+)?(?:chair(?:man|woman|person)?|clerk|secretary|treasurer|"
    r"president|convenor|convener|minute[\s-]?taker|presiding(?:\s+officer)?)$",
    re.I,
)
_IN_THE_CHAIR = re.compile(r"(?:in\s+the\s+chair|presiding|chairing)", re.I)
_CHAIR_ROLE = re.compile(
    # The chair of a committee or panel of the body sits at its board as a member ("Chair of Audit and Risk
    # Committee").
    r"^(?!chair\s+of\s+(?:the\s+)?[\w&,\s-]{0,40}?\b(?:committee|panel|sub-committee|group|forum)\b)"
    r"(?:(?!vice\b|deputy\b|vice-)[\w-]+\s+)?(?:chair(?:man|woman|person)?|chair\s+of\s+(?:the\s+)?\w+|conven[eo]r)\b"
    r"(?!\s*-\s*(?:elect|incoming))(?!-)",
    re.I,
)
_PART = re.compile(
    r"\b(?:part(?:[\s-]+time)?|partial|for\s+part(?:\s+of\s+(?:the\s+)?meeting)?|(?:from|until|for|left\s+(?:at|after|"
    r"during)|arrived\s+(?:at|during)|joined\s+(?:at|for|during))\s+(?:items?|minutes?|agenda\s+items?)?\s*[\w./-]+"
    r"(?:\s*(?:-|–|to|and)\s*[\w./-]+)?|items?\s+[\d.]+\s*(?:-|–|to)\s*[\d.]+)$",
    re.I,
)
_DEPUTY = re.compile(
    r"\b(?:deputising|deputizing|deputy|substitute|substituting|sitting|standing\s+in|in\s+place|representing\s+"
    r"and\s+deputising)\s+(?:for|of)\s+(.+)$|\bon\s+behalf\s+of\s+(.+)$",
    re.I,
)


def split_title(name: str) -> tuple[str, str]:
    """("Dr", "Jane Smith") from "Dr Jane Smith"; ("", name) when there is no title."""
    match = _TITLE.match(name)
    if not match or not name[match.end() :].strip():
        return "", name
    return match.group(1).strip(), name[match.end() :].strip()


def _name_words(bare: str) -> list[str] | None:
    """The words of `bare` (a name without its title) if it has the shape of a person's name, else None."""
    words = bare.replace(",", " ").split()
    if not 1 <= len(words) <= 6:
        return None
    real = 0
    for index, word in enumerate(words):
        low = word.casefold()
        if low.strip(".") in _NOT_NAME or low in _NOT_NAME:
            return None
        if _INITIALS_WORD.match(word):
            continue
        if index and (low in _PARTICLES or low in _SUFFIXES):
            continue
        if not _WORD.match(word) or len(word) < 2:
            return None
        real += 1
    last = words[-1].casefold()
    if real == 0 or (_INITIALS_WORD.match(words[-1]) and len(words) > 1 and last not in _SUFFIXES):
        return None  # "Smith J." is rare in attendance lists; "A. B." is not a name
    return words


def is_name(text: str, single: bool = True) -> bool:
    """Whether `text` has the shape of a person's name ("Dr A. Smith", "Leroy G. Comrie, Jr.", "Innes")."""
    title, bare = split_title(text.strip())
    words = _name_words(bare)
    if words is None:
        return False
    return single or len(words) > 1 or bool(title)


def name_key(name: str) -> str:
    """Names compare without titles, case, punctuation or spacing."""
    bare = split_title(re.sub(r"\([^()]*\)", " ", name).strip())[1]
    return " ".join(re.sub(r"[^\w\s]", " ", bare.casefold()).replace("_", " ").split())


def initials_of(name: str) -> tuple[str, ...]:
    """The initials a name is usually shortened to: "Joe Krystek-Walton" gives JKW and JK; "R.I. Pienaar" RIP."""
    bare = split_title(re.sub(r"\([^()]*\)", " ", name).strip())[1]
    words = [w for w in bare.replace(",", " ").split() if w.casefold() not in _SUFFIXES]
    letters: list[str] = []
    for word in words:
        if word.casefold() in _PARTICLES:
            continue
        for part in word.replace(".", " ").replace("-", " ").split():
            if part[:1].isalpha():
                letters.append(part[0].upper())
    full = "".join(letters)
    first_last = "".join(w[0].upper() for w in (words[0], words[-1])) if len(words) > 1 else ""
    return tuple(dict.fromkeys(v for v in (full, first_last) if len(v) >= 2))


# -- categories -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Category:
    tier: Tier
    apologies: bool = False
    absent: bool = False
    roster: bool = False  # a membership list: who sits, not who came
    context: bool = False  # "Roll Call": a heading over Present/Absent
    substitute: bool = False  # "Substitutes: A for B": A sat in B's place


_Q = r"(?:[\w&'’-]+\s+){0,3}?"  # a few qualifying words before the category: "Maintainer Attendees"
_CATEGORIES: tuple[tuple[re.Pattern[str], _Category], ...] = tuple(
    (re.compile(pattern, re.I), category)
    for pattern, category in (
        (r"roll\s+call|attendance\s+record|record\s+of\s+attendance", _Category(Tier.MEMBER, context=True)),
        (
            r"(?:apologies|apology)(?:\s+for\s+absence)?(?:\s+(?:received|noted|given|tendered))?(?:\s+from)?"
            r"|regrets|sent\s+apologies",
            _Category(Tier.MEMBER, apologies=True),
        ),
        (
            r"absent(?:\s+without\s+apolog(?:y|ies))?|absentees|not\s+present|absences?",
            _Category(Tier.MEMBER, absent=True),
        ),
        (r"participants|non[\s-]voting\s+members|participating", _Category(Tier.PARTICIPANT)),
        (
            r"(?:named\s+)?substitutes?(?:\s+members?)?|substitutions?|deputies|deputising|in\s+place\s+of",
            _Category(Tier.MEMBER, substitute=True),
        ),
        (r"officers?(?:\s+(?:present|in\s+attendance|attending))?|staff(?:\s+present)?", _Category(Tier.OFFICER)),
        (
            r"(?:also\s+)?in\s+attendance|also\s+(?:present|attending)|attending|observers?|guests?|visitors?"
            r"|advisers?|advisors?|invited",
            _Category(Tier.IN_ATTENDANCE),
        ),
        (r"(?:committee\s+|board\s+)?membership|members\s+of\s+the\s+\w+", _Category(Tier.MEMBER, roster=True)),
        (
            # "Sederunt": those present, in Scottish minutes.
            rf"present|sederunt|{_Q}attendees|attendance|{_Q}members(?:\s+present)?|voting\s+members|{_Q}present"
            rf"|{_Q}in\s+the\s+chair",
            _Category(Tier.MEMBER),
        ),
    )
)
_LABEL = re.compile(r"^(?P<label>[^:()]{2,45}?)\s*(?:\((?P<count>\d{1,3})\))?\s*(?::|\s[-–]\s|$)\s*(?P<rest>.*)$")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\)|\(?[ivx]+[.)])\s+", re.I)


def _category(text: str) -> tuple[_Category, str, str, int | None] | None:
    """(category, heading as written, what follows it, printed count) if `text` starts an attendance block."""
    match = _LABEL.match(_NUMBERED.sub("", text.strip()))
    if not match:
        return None
    label = " ".join(match["label"].split()).strip(" .*")
    if label.casefold().startswith("members of the public"):
        return None
    for pattern, category in _CATEGORIES:
        if pattern.fullmatch(label):
            count = int(match["count"]) if match["count"] else None
            return category, label, match["rest"].strip(), count
    return None


# -- parsing one entry ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    person: DraftPerson
    words: int  # words in the bare name (1 for "Brewer": a roll call may resolve it)
    role_written: str = ""  # the role cell as written, for a role that wraps onto the next line


def _parenthesised(text: str) -> tuple[str, list[str]]:
    """Text without its bracketed parts, and those parts in order."""
    parts = re.findall(r"\(([^()]*)\)", text)
    return re.sub(r"\s*\([^()]*\)", "", text).strip(), [p.strip() for p in parts]


def _entry(text: str, category: _Category, label: str, single: bool) -> _Found | None:
    """One person from "Mr A Smith (Chair)", "Ann Lee – Treasurer", "Bo Chan, Clerk", "Ed Fox (deputising for X)"."""
    text = text.strip(" ;,*")
    if (
        text.endswith(".")
        and text.rsplit(None, 1)[-1].casefold() not in _SUFFIXES
        and not _INITIALS_WORD.match(text.rsplit(None, 1)[-1])
    ):
        text = text[:-1].rstrip()  # a full stop, not "Jr." or an initial
    if not text:
        return None
    role = ""
    extras: list[str] = []
    local = _LOCAL_TITLE.match(text)
    if local:  # "District Cllr A Jones": a councillor of another council, there as a guest
        text, role = f"Cllr {text[local.end() :]}", f"{local['tier'].capitalize()} Councillor"
    dash = re.match(r"^(.+?)\s+[-–—]\s+(.+)$", text)
    if dash and is_name(_parenthesised(dash[1])[0]) and not is_name(dash[2], single=False):
        text, role = dash[1], dash[2]
    name, extras = _parenthesised(text)
    deputy = _DEPUTY.search(name)
    deputising_for = ""
    sub = re.match(r"^(.+?)\s+(?:for|replacing|instead\s+of)\s+(.+)$", name) if category.substitute else None
    if sub and is_name(_parenthesised(sub[1])[0]) and is_name(sub[2]):
        name, deputising_for = sub[1], split_title(sub[2].strip())[1]  # "A (AB) for Councillor B"
        name, more = _parenthesised(name)
        extras += more
    if deputy:
        deputising_for = (deputy[1] or deputy[2] or "").strip(" .)")
        name = name[: deputy.start()].strip(" ,")
    comma = re.match(r"^(.+?),\s*(.+)$", name)
    if comma and not is_name(name) and is_name(comma[1]):
        name, role = comma[1], ", ".join(p for p in (role, comma[2]) if p)
    if not is_name(name, single=single):
        return None
    initials = ""
    kept: list[str] = []
    for extra in extras:
        if _INITIALS.match(extra) and extra.isupper() and extra in initials_of(name) + _initials_prefixes(name):
            initials = extra
        else:
            kept.append(f"({extra})")
    role_text = " ".join(p for p in (role, *kept) if p)
    role, part_time, deputy_of, chair = role_parts(role_text)
    deputising_for = deputising_for or deputy_of
    words = len(split_title(name)[1].split())
    uncertain = {"name"} if words == 1 and not split_title(name)[0] else set()
    person = DraftPerson(
        name=" ".join(name.split()),
        role=role,
        initials=initials,
        tier=category.tier,
        apologies=category.apologies,
        part_time=part_time,
        absent=category.absent,
        category=label,
        deputising_for=deputising_for,
        chair=chair,
        uncertain=frozenset(uncertain),
    )
    return _Found(person, words)


def _initials_prefixes(name: str) -> tuple[str, ...]:
    """ "ASm" for "Alan Smith": initials lengthened by the surname's next letters, as packs write them."""
    bare = split_title(name)[1].split()
    if len(bare) < 2:
        return ()
    head = "".join(w[0] for w in bare[:-1])
    return tuple(head + bare[-1][:n] for n in (2, 3))


def role_parts(text: str) -> tuple[str, bool, str, bool]:
    """(role, part of the meeting only, deputising for whom, chaired) from a role as written:
    "Secretary (part)", "Mayor (in the Chair)", "Deputy Director (deputising for the Director)"."""
    role, extras = _parenthesised(text)
    part_time = chair = False
    deputising_for = ""
    kept: list[str] = []
    deputy_note = ""
    for extra in extras:
        deputy = _DEPUTY.search(extra)
        if deputy:
            deputising_for = re.sub(r"^the\s+", "", (deputy[1] or deputy[2] or "").strip(" ."), flags=re.I)
            deputy_note = extra
        elif _IN_THE_CHAIR.fullmatch(extra) or re.fullmatch(
            r"(?:the\s+)?(?:chair(?:man|woman|person)?|conven[eo]r)", extra, re.I
        ):
            chair = True  # "(in the Chair)"; "Co-opted governor (Chair)": the role kept as written
            kept += [] if _IN_THE_CHAIR.fullmatch(extra) else [extra]
        elif _PART.search(extra):
            part_time = True  # "(part)" goes; "(for items 5-7)" says which part, so it stays
            if not re.fullmatch(r"part(?:[\s-]+time)?|partial|for\s+part.*", extra, re.I):
                kept.append(extra)
        elif extra:
            kept.append(extra)
    tail = _PART.search(role)
    if tail and tail.start() > 0 and role[: tail.start()].rstrip()[-1:] in ",;-–":
        part_time, role = True, role[: tail.start()].rstrip(" ,;-–")
    bare = role or (kept[0] if kept else "")
    if role:  # "Deputy Director (deputising for the Director)": the role as written keeps its brackets
        role = " ".join([role, *(f"({k})" for k in kept), *([f"({deputy_note})"] if deputy_note else [])])
    else:  # "Ann Lee (Mayor) (in the Chair)": the bracketed words are the role
        role = "; ".join(kept)
    # "President, in the chair": the chair said after the role, as one more part of it.
    chair = chair or bool(_CHAIR_ROLE.match(bare)) or any(_IN_THE_CHAIR.fullmatch(p) for p in bare.split(", ")[1:])
    return role, part_time, deputising_for, chair


# -- lists ------------------------------------------------------------------------------------------------------

# The header of an attendance table: its first column names the people, another says whether each came.
_NAME_HEAD = re.compile(r"^(?:name|names|member|members|attendee|attendees|trustee|governor|director)s?$", re.I)
_STATUS_HEAD = re.compile(r"^(?:attendance|attended|attending|status|present\??|present\s*/\s*apologies)$", re.I)
_EMPTY = re.compile(r"^(?:none|nil|n/?a|no\s+apologies(?:\s+\w+){0,3}|-+)\.?$", re.I)
_NOT_PEOPLE = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|no)\s+(?:\w+\s+){0,3}"
    r"(?:members?\s+of\s+the\s+(?:public|press)|residents?|observers?|visitors?|parishioners?|press)\b",
    re.I,
)
_LOCAL_TITLE = re.compile(
    r"^(?P<tier>district|county|borough|town|city|parish|unitary)\s+(?:cllr|councillor)\.?\s+", re.I
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


# "… and 12 by proxy, including the directors A (Chair), B …": the words leading into the names.
_LEAD_IN = re.compile(r"^(?:including|namely|comprising)\s+(?:[a-z]+\s+){0,3}(?=[A-Z])")


def _split_list(text: str) -> list[str]:
    """ "A (Chair), B, C and D" into its entries; brackets are kept whole and "Jr." stays with its name."""
    pieces: list[str] = []
    depth = 0
    start = 0
    index = 0
    if _semicolon_list(text):
        # "A Lee (AL), Director, in the chair; B Khan (BK)": semicolons part the people, commas their roles.
        return [p for p in (_LEAD_IN.sub("", p.strip()) for p in _top_level(text, ";")) if p]
    while index < len(text):
        ch = text[index]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _LIST_SPLIT.match(text, index)
            if match and (ch in ",;&" or ch.isspace()):
                pieces.append(text[start:index])
                start = index = match.end()
                continue
        index += 1
    pieces.append(text[start:])
    out: list[str] = []
    for piece in (_LEAD_IN.sub("", p.strip()) for p in pieces):
        if not piece:
            continue
        if (
            out and piece.casefold().rstrip(".") + "." in _SUFFIXES | {"jr.", "sr."} and piece.casefold() in _SUFFIXES
        ) or (out and _ROLE_WORD.match(piece) and not is_name(piece)):
            out[-1] = f"{out[-1]}, {piece}"
        elif (
            out
            and len(piece.split()) <= 6
            and _entry(piece, _Category(Tier.MEMBER), "", True) is None
            and (out[-1].endswith(")") or piece[0].islower())
        ):
            # "A Lee (AL), Director; B Khan (BK), Volunteer Coordinator, for item 5": after a name with its
            # initials, or in lower case, what is not a name is the role or the part they were there for.
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _top_level(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside brackets."""
    pieces, depth, start = [], 0, 0
    for index, ch in enumerate(text):
        depth = depth + 1 if ch == "(" else max(0, depth - 1) if ch == ")" else depth
        if ch == separator and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    return [*pieces, text[start:]]


def _semicolon_list(text: str) -> bool:
    """Whether semicolons part the entries and commas stand inside them: each part starts with a name."""
    parts = [p.strip() for p in _top_level(text, ";") if p.strip()]
    if len(parts) < 2 or not any("," in p for p in parts):
        return False
    # Each part one name, the words after its commas no names (names listed within a part are another kind).
    return all(
        is_name(p.split(",")[0].split(" (")[0]) and not any(is_name(q.strip(), single=False) for q in p.split(",")[1:])
        for p in parts
    )


def _plural_title(text: str) -> tuple[str, str]:
    """ "Councillors A, B and C": ("Councillor", "A, B and C")."""
    first, _, rest = text.partition(" ")
    title = _PLURAL_TITLE.get(first.casefold())
    return (title, rest) if title and rest else ("", text)


def _list_people(text: str, category: _Category, label: str) -> list[_Found] | None:
    """People from a comma/and list; None if fewer than half of its entries are names (then it is not a list)."""
    entries = _split_list(text)
    if not entries:
        return None
    found: list[_Found] = []
    misses = 0
    title = ""
    for entry in entries:
        if _NOT_PEOPLE.match(entry):
            continue  # "and 4 members of the public"
        plural, rest = _plural_title(entry)
        if plural:
            title, entry = plural, rest  # "Councillors A, B and C": the title goes with each name after it
        elif split_title(entry)[0]:
            title = ""  # a name with its own title ends the run
        one = _entry(f"{title} {entry}" if title else entry, category, label, True)
        if one is None:
            misses += 1
        else:
            found.append(one)
    if not found or misses * 3 > len(entries):
        return None
    return found


# -- blocks -----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Block:
    category: _Category
    label: str
    count: int | None
    found: list[_Found] = field(default_factory=list)


def _is_list(text: str) -> bool:
    return ("," in text or " and " in text) and len(text) > 3


def _row_people(cells: list[str], category: _Category, label: str) -> list[_Found] | None:
    """People from one row of cells: `Name | Role | Initials`, a grid of names, or a single entry."""
    if len(cells) == 1:
        one = _entry(cells[0], category, label, True)
        return [one] if one else None
    names = [_entry(c, category, label, True) for c in cells]
    if all(names) and all(n is not None and n.words > 1 for n in names):
        return [n for n in names if n is not None]  # a grid of names in columns
    first = names[0]
    if first is None or len(cells) > 3:
        return None
    role, initials = cells[1], ""
    if len(cells) == 3:
        if not (_INITIALS.match(cells[2]) and cells[2][0].isupper()):
            return None
        initials = cells[2]
    person = first.person
    if role:
        # "Dr A Smith (Chair)  Chair  AS": the role has its own column
        role, part_time, deputising_for, chair = role_parts(role)
        person = replace(
            person,
            role=role,
            part_time=person.part_time or part_time,
            deputising_for=person.deputising_for or deputising_for,
            chair=person.chair or chair,
        )
    return [_Found(replace(person, initials=initials or person.initials), first.words, cells[1])]


_PROSE = (
    (
        re.compile(
            r"^(?P<names>.+?)\s+(?:were|was)\s+(?:also\s+)?(?:in\s+attendance|present|in\s+the\s+chair)\b", re.I
        ),
        _Category(Tier.MEMBER),
        "in attendance",
    ),
    (
        re.compile(
            r"^apolog(?:y|ies)(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|given|noted|tendered)"
            r"\s+from\s+(?P<names>.+?)\.?$",
            re.I,
        ),
        _Category(Tier.MEMBER, apologies=True),
        "apologies",
    ),
    (
        re.compile(r"^(?P<names>.+?)\s+(?:sent|gave|tendered|had\s+sent)\s+(?:their\s+|his\s+|her\s+)?apologies", re.I),
        _Category(Tier.MEMBER, apologies=True),
        "apologies",
    ),
    (
        # "Those present were A (Chair), B and C." / "Present were …": the names after the verb.
        re.compile(r"^(?:those\s+|members\s+)?present\s+(?:were|was)\s*:?\s+(?P<names>.+?)\.?$", re.I),
        _Category(Tier.MEMBER),
        "present",
    ),
    (
        re.compile(r"^(?:also\s+(?:present|attending|in\s+attendance)\s+(?:were|was))\s*:?\s+(?P<names>.+?)\.?$", re.I),
        _Category(Tier.IN_ATTENDANCE),
        "in attendance",
    ),
    (
        re.compile(r"^(?P<names>.+?)\s+(?:also\s+attended|attended\s+also)\b", re.I),
        _Category(Tier.IN_ATTENDANCE),
        "in attendance",
    ),
)
# Where one sentence ends and the next begins in running prose (not after "Dr." or an initial).
_SENTENCE_END = re.compile(r"(?<=[a-z)]\.)\s+(?=[A-Z])")
_ABBREVIATED = re.compile(r"\b(?:dr|mr|mrs|ms|cllr|rev|revd|prof|st|jr|sr|no|cf|e\.g|i\.e)\.$", re.I)
# "A Smith, the bookings secretary, also attended": the role said in passing goes with the name.
_APPOSITIVE = re.compile(r",\s+(?:the|our|its|their)\s+([^,]{2,60}?)(?:,|$)", re.I)


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if parts and _ABBREVIATED.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


_ELECTED = re.compile(
    r"^(?P<name>.+?)\s+(?:was\s+(?:elected|appointed|voted)(?:\s+as)?|took\s+the)\s+(?P<role>(?:vice[\s-]+)?chair"
    r"(?:man|woman|person)?|secretary|clerk|minute[\s-]?taker)\b",
    re.I,
)
_MINUTES = re.compile(r"\bminutes\b|\bnotes\s+of\b|\bheld\s+(?:on|at|in)\b|\broll\s+call\b", re.I)
_CHAIR_LINE = re.compile(
    r"^(?P<name>.+?),\s*(?P<role>(?:vice[\s-]+|deputy\s+)?chair(?:man|woman|person)?|presiding)\s*$", re.I
)


def find_attendance(lines: Sequence[str], after: int) -> list[DraftPerson]:
    """Who was at the meeting: the previous minutes after a pack's agenda (from line `after`), else the
    attendance at the top of a minutes document read alone."""
    return find_people(lines[after:]) or (find_people(lines) if after else [])


def find_people(lines: Sequence[str]) -> list[DraftPerson]:
    """The people of the first attendance part in `lines` (who came, sent apologies or was absent), or none."""
    fallback: list[DraftPerson] = []
    reader = _Reader()
    for raw in [*lines[:_WINDOW], ""]:  # a blank line at the end closes a sentence left open
        if reader.line(raw):
            continue
        found = reader.people()
        if not all(b.category.roster for b in reader.blocks):
            return found
        # Only a membership list so far (an agenda's front sheet): the minutes' own attendance may follow.
        fallback = fallback or found
        reader = _Reader()
    return reader.people() or fallback


_SPAN = re.compile(r"\S+(?: \S+)*")


def cell_spans(line: str) -> list[tuple[int, str]]:
    """A fixed-width line's cells with the column each starts at (cells are split by tabs or 2+ spaces)."""
    if "\t" in line:
        out: list[tuple[int, str]] = []
        offset = 0
        for part in line.split("\t"):
            if part.strip():
                out.append((offset + len(part) - len(part.lstrip()), part.strip()))
            offset += len(part) + 1
        return out
    return [(m.start(), m.group()) for m in _SPAN.finditer(line)]


class _Reader:
    """Reads attendance line by line: headed blocks, side-by-side columns of blocks, lists, rows and prose."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.roles: dict[str, str] = {}
        self.chairs: list[_Found] = []
        self.current: _Block | None = None
        self.columns: list[tuple[float, _Block]] = []  # "Present      Apologies" over two columns of names
        self.gap = 0
        self.pending: list[str] = []  # a comma list that wraps over lines is read whole
        self.started = False
        self.since = 0  # lines of other text since attendance was last seen
        self.last_row: _Found | None = None  # the last `Name  Role  Initials` row, whose role may wrap
        self.sentence = ""  # prose that may run on to the next line
        # A table whose header names a status column ("Name  Role  Initials  Attendance"): its header cells by
        # where they start, and the category of a band row above the rows ("In attendance").
        self.table: list[tuple[int, str]] = []
        self.band: tuple[_Category, str] | None = None
        self.minutes = False  # the text says it is minutes ("Minutes of the meeting", "held on")

    def flush(self) -> None:
        if self.current is not None and self.pending:
            found = _list_people(" ".join(self.pending), self.current.category, self.current.label)
            self.current.found += found or []
        self.pending.clear()

    def _open(self, category: _Category, label: str, count: int | None) -> _Block:
        if "member" in label.casefold() and not (category.apologies or category.absent) and not self.minutes:
            category = replace(category, roster=True)  # "Members:" on an agenda's front sheet: who sits, not who came
        block = _Block(category, label, count)
        if not category.context:
            self.blocks.append(block)
        self.started, self.gap, self.since = True, 0, 0
        return block

    def line(self, raw: str) -> bool:
        """Read one line; False once the attendance part is over."""
        if self.sentence:  # a sentence naming people that runs on to this line
            sentence, self.sentence = self.sentence, ""
            if raw.strip() and not _category(raw.strip()):
                return self.line(f"{sentence} {raw.strip()}")
            self.line(sentence + ".")
        spaced = unbullet(clean(raw).lstrip()) if raw.strip() else ""
        text = spaced.strip()
        self.minutes = self.minutes or bool(_MINUTES.search(text))
        indent = len(clean(raw)) - len(clean(raw).lstrip())
        if not text:
            self.gap += 1
            if self.pending and not _open_bracket(self.pending):
                self.flush()
            if self.gap > _MAX_GAP:
                self.current, self.columns = None, []
            return True
        if self._status_row(raw, text):
            return True
        cells = split_cells(text)
        heads = [_category(c) for c in cells] if len(cells) > 1 else []
        if heads and all(h is not None and not h[2] for h in heads):
            self.flush()  # "Present            Apologies": a block per column
            spans = cell_spans(clean(raw))
            self.columns = [
                (start + len(cell) / 2, self._open(h[0], h[1], h[3]))
                for (start, cell), h in zip(spans, heads, strict=False)
                if h is not None
            ]
            self.current = None
            return True
        head = _category(cells[0]) if cells else None
        if head is not None and len(cells) > 1 and not head[2]:
            head = (head[0], head[1], "\t".join(cells[1:]), head[3])  # "Present:   A Smith   Chair"
        if head is None and len(cells) > 1:
            head = _category(" ".join(cells))  # "84.   APOLOGIES FOR ABSENCE"
        if head is not None:
            self.flush()
            category, label, rest, count = head
            self.current, self.columns, self.last_row = self._open(category, label, count), [], None
            if rest:
                if _is_list(rest) or _list_people(rest, category, label):
                    self.pending.append(rest)
                else:
                    self.current.found += _row_people(split_cells(rest), category, label) or []
            return True
        wraps = _open_bracket(self.pending) or (
            self.gap == 0
            and self.current is not None
            and bool(_list_people(text, self.current.category, self.current.label))
        )
        if self.pending and wraps:
            self.pending.append(text)  # the list wraps onto this line
            return True
        if self.pending:
            self.flush()
            self.current = None
            return True
        if self.columns:
            if self._column_row(clean(raw)):
                self.gap = 0
                return True
            self.columns = []
        if self._other(text, cells):
            return True
        if self.current is None:
            if self.started and any(b.found for b in self.blocks) and _ends_attendance(text):
                self.since += 1
                return self.since <= _TAIL
            return True
        return self._in_block(text, cells, indent)

    def _other(self, text: str, cells: list[str]) -> bool:
        """A chair line, "X was elected Chair", or prose naming who came or sent apologies."""
        chair = _CHAIR_LINE.match(text)
        if chair and len(cells) == 1 and is_name(chair["name"], single=False):
            found = _entry(chair["name"], _Category(Tier.MEMBER), "", False)
            if found is not None:
                role = chair["role"].strip()
                self.chairs.append(_Found(replace(found.person, role=role, chair=bool(_CHAIR_ROLE.match(role))), 2))
                self.started, self.since = True, 0
                return True
        elected = _ELECTED.match(text)
        if elected and is_name(elected["name"]):
            self.roles[name_key(elected["name"])] = elected["role"].strip().capitalize()
            return True
        sentences = _sentences(text)
        if len(sentences) > 1 and any(rx.match(part) for part in sentences for rx, _, _ in _PROSE):
            # Several sentences on one line ("… also attended. Apologies were received from A"): each read alone.
            for part in sentences:
                self._other(part, [part])
            return True
        for rx, category, label in _PROSE:
            match = rx.match(text)
            if match and not text.endswith((".", ";", ")")) and len(text) < 400:
                self.sentence = text  # "…from Councillors A Smith and B" / "Jones." on the next line
                return True
            names = _APPOSITIVE.sub(lambda m: f" ({m[1][:1].upper()}{m[1][1:]})", match["names"]) if match else ""
            listed = _list_people(names, category, label) if match else None
            if listed:
                self.blocks.append(_Block(category, label, None, listed))
                self.started, self.since, self.current = True, 0, None
                return True
        return False

    def _status_row(self, raw: str, text: str) -> bool:
        """A line of an attendance table whose status column says who came: its header, a band row, a person's
        row (the status gives the category) or a row's wrapped cells. False when the line is no part of one."""
        spans = cell_spans(clean(raw))
        if len(spans) >= 3 and _NAME_HEAD.match(spans[0][1]) and any(_STATUS_HEAD.match(c) for _, c in spans[1:]):
            self.flush()
            self.table, self.band, self.current, self.columns = spans, None, None, []
            self.started, self.since = True, 0
            return True
        if not self.table:
            return False
        if len(spans) == 1 and (head := _category(text)) is not None and not head[2]:
            self.band = (head[0], head[1])  # "In attendance" across the table: the rows under it
            return True
        cells: dict[str, str] = {}
        for start, cell in spans:
            column = min(self.table, key=lambda h: abs(h[0] - start))[1].casefold()
            cells[column] = f"{cells[column]} {cell}" if column in cells else cell
        name_column = self.table[0][1].casefold()
        status = next((v for k, v in cells.items() if _STATUS_HEAD.match(k)), "")
        roles = [v for k, v in cells.items() if k != name_column and not _STATUS_HEAD.match(k) and "initial" not in k]
        if name_column not in cells:
            last = self.blocks[-1].found[-1] if self.blocks and self.blocks[-1].found else None
            if last is None or not roles:
                return bool(last)  # a status cell wrapped onto the next line
            role = f"{last.person.role} {' '.join(roles)}".strip()
            self.blocks[-1].found[-1] = _Found(replace(last.person, role=role), last.words, last.role_written)
            return True
        category, label = self._status_category(status)
        found = _entry(cells[name_column], category, label, True)
        if found is None:
            self.table = []
            return False
        initials = next((v for k, v in cells.items() if "initial" in k), "")
        role, part_time, deputising_for, chair = role_parts(" ".join(roles))
        person = replace(
            found.person,
            role=role or found.person.role,
            initials=initials if _INITIALS.match(initials) and initials.isupper() else found.person.initials,
            part_time=found.person.part_time or part_time or bool(_PART.search(status)),
            deputising_for=deputising_for or found.person.deputising_for,
            chair=found.person.chair or chair,
        )
        self.blocks.append(_Block(category, label, None, [_Found(person, found.words, " ".join(roles))]))
        return True

    def _status_category(self, status: str) -> tuple[_Category, str]:
        """The category a status cell gives ("Present (by video)", "Apologies", "Absent"); a status that names
        none ("For items 4 to 6") keeps the band's."""
        band = self.band or (_Category(Tier.MEMBER), "present")
        if re.match(r"^apolog|^sent\s+apolog|^regrets", status, re.I):
            return _Category(band[0].tier, apologies=True), "apologies"
        if re.match(r"^(?:absent|did\s+not\s+attend|not\s+present|dna)\b", status, re.I):
            return _Category(band[0].tier, absent=True), "absent"
        head = _category(status)
        if head is not None and not head[0].apologies and not head[0].absent:
            return (band if band[0].tier != Tier.MEMBER else (head[0], head[1])) if self.band else (head[0], head[1])
        return band

    def _column_row(self, line: str) -> bool:
        """A row under side-by-side headings: each cell joins the block whose heading is nearest."""
        spans = cell_spans(line)
        placed: list[tuple[_Block, _Found]] = []
        for start, cell in spans:
            centre = start + len(cell) / 2
            block = min(self.columns, key=lambda column: abs(column[0] - centre))[1]
            one = _entry(cell, block.category, block.label, True)
            if one is None:
                return False
            placed.append((block, one))
        for block, one in placed:
            block.found.append(one)
        return bool(placed)

    def _in_block(self, text: str, cells: list[str], indent: int) -> bool:
        current = self.current
        assert current is not None
        if self.last_row is not None and len(cells) == 1 and indent >= 8 and self._wraps(text):
            return True
        self.gap = 0
        if not current.found and _is_list(text) and _list_people(text, current.category, current.label):
            self.pending.append(text)
            return True
        row = _row_people(cells, current.category, current.label)
        if row:
            current.found += row
            self.last_row = row[-1] if len(cells) >= 2 and len(row) == 1 else None
        elif not _EMPTY.match(text):
            self.current = None  # the block is over (or was empty): a heading or a paragraph
        return True

    def _wraps(self, text: str) -> bool:
        """An indented line under a row whose role ran on: "(deputising for the" then "Medical Director)"."""
        last = self.last_row
        if last is None or (is_name(text) and "(" not in last.person.role):
            return False
        written = f"{last.role_written} {text}".strip()
        role, part_time, deputising_for, chair = role_parts(written)
        person = replace(
            last.person,
            role=role,
            part_time=last.person.part_time or part_time,
            deputising_for=deputising_for or last.person.deputising_for,
            chair=last.person.chair or chair,
        )
        for block in self.blocks:
            for index, found in enumerate(block.found):
                if found is last:
                    block.found[index] = self.last_row = _Found(person, last.words, written)
        return True

    def people(self) -> list[DraftPerson]:
        self.flush()
        people = _resolve(self.chairs, self.blocks)
        roles = self.roles
        return [
            replace(p, role=p.role or roles[key], chair=p.chair or bool(_CHAIR_ROLE.match(roles[key])))
            if (key := name_key(p.name)) in roles
            else p
            for p in people
        ]


def _open_bracket(parts: list[str]) -> bool:
    text = " ".join(parts)
    return text.count("(") > text.count(")")


def _ends_attendance(text: str) -> bool:
    """A line that is not attendance once attendance was found: the minutes proper have begun."""
    return len(text.split()) >= 2 and not is_name(text)


def _resolve(chairs: list[_Found], blocks: list[_Block]) -> list[DraftPerson]:
    """One list of people: a roll call of surnames marks the roster's people present or absent."""
    roster = chairs + [f for b in blocks if b.category.roster or _is_roster(b, blocks) for f in b.found]
    calls = [b for b in blocks if not (b.category.roster or _is_roster(b, blocks))]
    people = [f.person for f in roster]
    marked: set[int] = set()
    out_calls: list[DraftPerson] = []
    for block in calls:
        for found in block.found:
            match = _roster_match(found.person.name, people, marked) if roster and found.words <= 2 else None
            if match is None:
                out_calls.append(found.person)
                continue
            marked.add(match)
            person = people[match]
            people[match] = replace(
                person,
                apologies=found.person.apologies,
                absent=found.person.absent,
                part_time=person.part_time or found.person.part_time,
                category=found.person.category,
                uncertain=person.uncertain - {"attendance"},
            )
    # A roll call was taken and does not name them, or they are only listed as the membership ("Membership:",
    # a chair's line on a front sheet): whether they came is not known.
    unknown = set(range(len(people))) - marked
    if not (calls and marked):
        listed_only = {id(f) for b in blocks if b.category.roster for f in b.found}
        listed_only |= {id(f) for f in chairs} if not calls else set()
        unknown = {i for i in unknown if id(roster[i]) in listed_only}
    people = [replace(p, uncertain=p.uncertain | {"attendance"}) if i in unknown else p for i, p in enumerate(people)]
    out = people + out_calls
    _check_counts(blocks, out)
    return _dedupe(out)


def _is_roster(block: _Block, blocks: list[_Block]) -> bool:
    """A "Members:" list of full names followed by a roll call of surnames is the roster the call refers to."""
    if block.category.apologies or block.category.absent or block.label.casefold() not in {"members", "membership"}:
        return False
    later = blocks[blocks.index(block) + 1 :]
    return any(f.words == 1 or f.person.name.endswith(("Jr.", "Jr")) for b in later for f in b.found)


def _surname_key(name: str) -> str:
    words = [w.strip(",.").casefold() for w in split_title(name)[1].replace(",", " ").split()]
    suffix = [w for w in words if w in _SUFFIXES or w + "." in _SUFFIXES]
    core = [w for w in words if w not in suffix and w + "." not in _SUFFIXES and not re.fullmatch(r"[a-z]", w)]
    return " ".join(core[-1:] + suffix)


def _roster_match(name: str, people: list[DraftPerson], marked: set[int]) -> int | None:
    """The one roster person whose surname (and suffix) is `name`; None if none or several."""
    key = _surname_key(name)
    hits = [i for i, p in enumerate(people) if i not in marked and _surname_key(p.name) == key]
    if len(hits) != 1:
        hits = [i for i, p in enumerate(people) if i not in marked and _surname_key(p.name).split()[:1] == key.split()]
        if len(hits) != 1 or len(key.split()) > 1:
            return None
    return hits[0]


def _check_counts(blocks: list[_Block], people: list[DraftPerson]) -> None:
    """A printed count ("Present (54):") that the list does not reach leaves the block's people uncertain."""
    for block in blocks:
        if block.count is not None and block.count != len(block.found):
            for index, person in enumerate(people):
                if person.category == block.label:
                    people[index] = replace(person, uncertain=person.uncertain | {"attendance"})


def _dedupe(people: list[DraftPerson]) -> list[DraftPerson]:
    """A name listed twice ("Present" and "Substitute") is kept once, where it first appears, with what the
    second listing adds (whom they stood in for, initials, role)."""
    seen: dict[str, int] = {}
    out: list[DraftPerson] = []
    for person in people:
        key = name_key(person.name)
        if key not in seen:
            seen[key] = len(out)
            out.append(person)
            continue
        first = out[seen[key]]
        out[seen[key]] = replace(
            first,
            deputising_for=first.deputising_for or person.deputising_for,
            initials=first.initials or person.initials,
            role=first.role or person.role,
        )
    return out
