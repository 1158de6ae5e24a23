"""The short names of the body itself come from its own name, so an interest that only shares them (the body's
initials, in every paper) is not offered as a conflict, for any body."""

from __future__ import annotations

from app.domain.rules import InterestEntry
from app.services.room import BODY_KIND_WORDS, body_words
from app.services.rules_engine import suggest_conflicts

BODY = "Northtown, Wexbury and Ashby Integrated Care Board"
REGISTER = [
    InterestEntry(None, "Ann Smith", "Member", "Seconded to the NWA ICB from Wexbury Borough Council"),
    InterestEntry(None, "Raj Patel", "Member", "Director, Ferncliff Pharmacy Ltd"),
    *(
        InterestEntry(None, f"Trustee {tree}", "Member", f"Trustee of {tree} Housing Association")
        for tree in ("Alder", "Birch", "Cedar", "Damson", "Elm", "Fir")
    ),
]
PAPER = "The NWA ICB will commission the Ferncliff Pharmacy service from April, as the NWA ICB agreed in March."


def test_a_bodys_short_names_are_the_initials_of_runs_of_its_words() -> None:
    words = body_words(BODY)
    assert {"NWAICB", "NWA", "ICB", "WA", "NW"} <= set(words)
    assert not {"Northtown", "Wexbury", "and", "N"} & set(words)  # its places also name councils; no filler
    assert body_words("Board") == () and body_words("") == ()


def test_an_interest_that_only_shares_the_bodys_initials_is_not_suggested() -> None:
    title = "NWA ICB annual report"
    unguarded = suggest_conflicts(REGISTER, title, PAPER, ignore_words=BODY_KIND_WORDS)
    assert {s.entry.person_name for s in unguarded} == {"Ann Smith", "Raj Patel"}  # "NWA ICB" matched the title
    guarded = suggest_conflicts(REGISTER, title, PAPER, ignore_words=(*BODY_KIND_WORDS, *body_words(BODY)))
    assert [s.entry.person_name for s in guarded] == ["Raj Patel"]
