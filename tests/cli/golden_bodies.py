"""The bodies the golden replays run in: their people, rules and house style, as their secretaries would set
them up. Real bodies' people come from their published minutes; invented bodies have invented names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.domain import AgendaItem, Meeting, Person, Tier
from app.domain.house_style import CHARITY as CHARITY_STYLE
from app.domain.house_style import COMPANY_BOARD as COMPANY_BOARD_STYLE
from app.domain.house_style import COUNCIL, HouseStyle
from app.domain.rules import (
    CHARITY_TRUSTEES,
    COMPANY_MODEL_ARTICLES,
    LOCAL_AUTHORITY_COMMITTEE,
    SOCIETY_COMMITTEE,
    RuleSet,
)
from app.storage import Store
from app.storage.people import add_person, set_body_rules, set_deputies


@dataclass(frozen=True)
class P:
    """One of the body's people: name, role, initials, title, tier, voting, role tags."""

    name: str
    role: str = ""
    initials: str = ""
    title: str = ""
    tier: Tier = Tier.MEMBER
    voting: bool = True
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class BodySetup:
    name: str
    people: Sequence[P]
    rules: RuleSet
    style: HouseStyle
    deputies: Mapping[str, Sequence[str]] = field(default_factory=dict)  # member -> registered deputies


def make_body(data: Path, setup: BodySetup) -> int:
    """The body, its people, rules and style, and a placeholder meeting the replay's own `meeting` goes beside."""
    store = Store.open(data / "quorate.db")
    try:
        body = store.ensure_body(setup.name)
        assert body.id is not None
        set_body_rules(store, body.id, setup.rules)
        store.set_house_style(body.id, setup.style)
        ids: dict[str, int] = {}
        for p in setup.people:
            added = add_person(
                store, Person(None, body.id, p.name, p.role, p.initials, p.title, "", p.tier, p.voting, p.tags)
            )
            assert added.id is not None
            ids[p.name] = added.id
        for member, deputies in setup.deputies.items():
            set_deputies(store, ids[member], [ids[d] for d in deputies])
        placeholder = store.create_meeting(Meeting(None, body.id, "Placeholder"), [AgendaItem(None, 0, 0, "1", "-")])
        assert placeholder.id is not None
        return placeholder.id
    finally:
        store.close()


def styled(base: HouseStyle, **changes: object) -> HouseStyle:
    return replace(base, **changes)  # type: ignore[arg-type]


# -- New York City Council, Committee on Finance (real; ../shared/corpus/pdf/nyc-council-finance-2013-05-21-*) --

NYC_FINANCE = BodySetup(
    "Committee on Finance",
    [
        P("Domenic M. Recchia, Jr.", "Chair", tags=("chair",)),
        *(
            P(name, "Member")
            for name in (
                "Gale A. Brewer",
                "Leroy G. Comrie, Jr.",
                "Lewis A. Fidler",
                "Helen D. Foster",
                "Robert Jackson",
                "G. Oliver Koppell",
                "Darlene Mealy",
                "Diana Reyna",
                "Joel Rivera",
                "Albert Vann",
                "Fernando Cabrera",
                "Julissa Ferreras",
                "Karen Koslowitz",
                "James G. Van Bramer",
                "Vincent M. Ignizio",
                "James S. Oddo",
            )
        ),
    ],
    RuleSet(
        name="New York City Council committee",
        source="Rules of the Council of the City of New York, rule 7.10 (a majority of the committee is a quorum)",
        quorum_number=None,
        quorum_fraction=0.5,
        quorum_rounding="more_than",  # type: ignore[arg-type]
    ),
    HouseStyle(
        name="Legistar minutes",
        heading="{body} Meeting Minutes",
        minute_numbering="agenda",  # type: ignore[arg-type]
        members_heading="Present",
        absent_heading="Absent",
        layout="prose",  # type: ignore[arg-type]
    ),
)


def nyc_finance(data: Path) -> int:
    return make_body(data, NYC_FINANCE)


# -- Postgraduate Physics Students' Society committee (real; ../shared/corpus/pdf/ppss-committee-2016-03-15-*) ----

PPSS = BodySetup(
    "Postgraduate Physics Students’ Society",
    [
        P("Daniel", "Committee member"),
        P("Braden", "Committee member"),
        P("Shanette", "Committee member"),
        P("Cate", "Activities Officer"),
        P("Innes", "Committee member"),
        P("Tristan", "Committee member"),
        P("Sri", "Committee member"),
        P("Stephi", "Committee member"),
    ],
    SOCIETY_COMMITTEE,
    HouseStyle(
        name="Society committee",
        heading="{body}",
        resolution_style="agreed",
        minute_numbering="agenda",  # type: ignore[arg-type]
        members_heading="In attendance",
    ),
)


def ppss(data: Path) -> int:
    return make_body(data, PPSS)


# -- York HackSoc committee (real; ../shared/corpus/pdf/york-hacksoc-committee-2023-04-04-minutes.pdf) -----------

HACKSOC_2023 = BodySetup(
    "HackSoc",
    [
        P("Iris Scoffin", "Chair - outgoing", "IS"),
        P("Joe Krystek-Walton", "Chair - incoming", "JKW"),
        P("Chester Wringe", "Secretary - outgoing", "CW"),
        P("Lily Amber", "Secretary - incoming", "LA"),
        P("Leo Millar", "Secretary - incoming", "LM"),
        P("Morgan McKay", "Treasurer - outgoing; OO - incoming", "MM"),
        P("Nico Pendleton", "Treasurer - incoming", "NP"),
        P("Lilly Brown", "Social Events - incoming", "LB"),
        P("Clara Hohenlohe", "Press and Publicity - continuing", "CH"),
        P("Jessica Russell", "Press and Publicity - continuing", "JR"),
        P("Adam Birtles", "Infrastructure - continuing", "AB"),
        P("Daniel Allinson", "Ordinary Officer - outgoing", "DA"),
        P("Rhys Milling", "Social Events - outgoing", "RM"),
    ],
    SOCIETY_COMMITTEE,
    HouseStyle(name="Society committee", heading="{body}", resolution_style="agreed", members_heading="Attendees"),
)


def hacksoc_2023(data: Path) -> int:
    return make_body(data, HACKSOC_2023)


# -- Musikverein committee (real; ../shared/corpus/pdf/mv-biberach-skp-committee-2023-02-13-minutes.pdf) ----------

MUSIKVEREIN = BodySetup(
    "Musikverein Biberach",
    [],  # the notes name no one as present; the people they name are not the committee's members list
    SOCIETY_COMMITTEE,
    HouseStyle(
        name="Vereinsausschuss",
        heading="{body}: Notizen",
        resolution_style="agreed",
        document_name="Notizen",
        members_heading="Anwesend",
        apologies_heading="Entschuldigt",
    ),
)


def musikverein(data: Path) -> int:
    return make_body(data, MUSIKVEREIN)


# -- Invented: an English district council's planning committee ----------------------------------------------------

COUNCIL_PLANNING = BodySetup(
    "Planning Committee",
    [
        P("Helen Ashby", "Chair", "HA", "Cllr", tags=("chair",)),
        P("Rob Tennant", "Vice-Chair", "RT", "Cllr", tags=("vice-chair",)),
        P("Priya Das", "Member", "PD", "Cllr"),
        P("Mark Ellery", "Member", "ME", "Cllr"),
        P("Joan Fitch", "Member", "JF", "Cllr"),
        P("Tom Garside", "Member", "TG", "Cllr"),
        P("Amir Haq", "Member", "AH", "Cllr"),
        P("Liz Ingram", "Substitute member", "LI", "Cllr", voting=False),
        P("Neil Porter", "Head of Planning", "NP", tier=Tier.OFFICER, voting=False),
        P("Sian Webb", "Legal Adviser", "SW", tier=Tier.OFFICER, voting=False),
        P("Ruth Lane", "Democratic Services Officer", "RL", tier=Tier.OFFICER, voting=False),
    ],
    LOCAL_AUTHORITY_COMMITTEE,
    styled(COUNCIL, minute_prefix="PL", members_heading="Present"),
    deputies={"Joan Fitch": ["Liz Ingram"]},
)


def council_planning(data: Path) -> int:
    return make_body(data, COUNCIL_PLANNING)


# -- Invented: a private company's board under the model articles ----------------------------------------------------

COMPANY_BOARD = BodySetup(
    "Harbour Lane Software Limited",
    [
        P("Fiona Clarke", "Chair", "FC", tags=("chair",)),
        P("Owen Price", "Director", "OP"),
        P("Rachel Stone", "Director", "RS"),
        P("Martin Hale", "Company Secretary", "MH", tier=Tier.IN_ATTENDANCE, voting=False),
    ],
    COMPANY_MODEL_ARTICLES,
    COMPANY_BOARD_STYLE,
)


def company_board(data: Path) -> int:
    return make_body(data, COMPANY_BOARD)


# -- Invented: a charity's trustees --------------------------------------------------------------------------------

CHARITY = BodySetup(
    "Riverside Community Trust",
    [
        P("Grace Obi", "Chair", "GO", tags=("chair",)),
        P("Alan Reeve", "Treasurer", "AR"),
        P("Beth Lowe", "Trustee", "BL"),
        P("Carl Mendes", "Trustee", "CM"),
        P("Dina Shah", "Trustee", "DS"),
        P("Eric Yates", "Trustee", "EY"),
        P("Farah Khan", "Trustee", "FK"),
        P("Hugo Bell", "Trustee", "HB"),
        P("Jane Wilde", "Chief Officer", "JW", tier=Tier.IN_ATTENDANCE, voting=False),
    ],
    CHARITY_TRUSTEES,
    styled(CHARITY_STYLE, members_heading="Present"),
)


def charity(data: Path) -> int:
    return make_body(data, CHARITY)


# -- Invented: a camera club's annual general meeting (the members of the club are the body) ----------------------

AGM_MEMBERS = ("Ann Baker", "Bob Carr", "Cleo Dean", "Dev Evans", "Ed Fox", "Flo Grant", "Gus Hall", "Ivy Jones")
AGM_MEMBERS += ("Jon King", "Kay Lamb", "Max Nunn", "Nell Owen")
SOCIETY_AGM = BodySetup(
    "Eastbrook Camera Club",
    [
        P("Paul Dunn", "Chair", "PD", tags=("chair",)),
        P("Sue Marsh", "Secretary", "SM"),
        P("Ken Ito", "Treasurer", "KI"),
        P("Lena Ford", "Competition Secretary", "LF"),
        *(P(name, "") for name in AGM_MEMBERS),
    ],
    RuleSet(
        name="Club general meeting",
        source="The club's constitution (invented): clause 11, ten members are a quorum of a general meeting; "
        "clause 12, ordinary resolutions by a simple majority, special resolutions by three quarters of the votes cast",
        quorum_number=10,
        quorum_fraction=None,
        special_majority_fraction=0.75,
    ),
    styled(CHARITY_STYLE, name="Society general meeting", members_heading="Present"),
)


def society_agm(data: Path) -> int:
    return make_body(data, SOCIETY_AGM)


# -- Invented: a town council (the Town Mayor chairs it) ------------------------------------------------------------

TOWN_COUNCIL = BodySetup(
    "Meadowbrook Town Council",
    [
        P("Sarah Quinton", "Town Mayor", "SQ", "Cllr"),  # no "chair" tag: her role says she chairs
        P("David Ruiz", "Deputy Town Mayor", "DR", "Cllr"),
        P("Emma Stokes", "Councillor", "ES", "Cllr"),
        P("Frank Tully", "Councillor", "FT", "Cllr"),
        P("Gita Underwood", "Councillor", "GU", "Cllr"),
        P("Harry Vance", "Councillor", "HV", "Cllr"),
        P("Isla Walsh", "Councillor", "IW", "Cllr"),
        P("Jo Yardley", "Town Clerk", "JY", tier=Tier.OFFICER, voting=False),
    ],
    LOCAL_AUTHORITY_COMMITTEE,
    styled(COUNCIL, minute_prefix="FC", heading="MINUTES of the meeting of the Full Council of {body}{part}"),
)


def town_council(data: Path) -> int:
    return make_body(data, TOWN_COUNCIL)
