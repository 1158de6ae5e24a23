"""Random replay scripts for the fuzz test, reproducible from a number.

Each starts from a valid meeting (tests/fault/events.py, a few to sixty events) and is then damaged a few ways:
fields dropped or given the wrong type, unknown event types, lines that are not JSON objects, people and items
that do not exist, events swapped, repeated, cut off or made up at random, blank lines and comments, odd Unicode.
"""

from __future__ import annotations

import json
import random
from typing import Any

from app.commands.replay import EVENT_TYPES
from tests.fault.events import OTHERS, VOTING, generate

_JUNK: tuple[Any, ...] = (
    None,
    0,
    -1,
    42,
    1e300,
    float("nan"),
    True,
    "",
    " ",
    "garbage",
    "99:99",
    "24:00",
    "9.5",
    "2023-02-30",
    [],
    [None],
    {},
    {"a": 1},
    "\u202e\u0301" * 5,
    "x" * 5000,
    ["Rima Makarem", "Rima Makarem"],
    {"Nobody": "for"},
)
_NOT_OBJECTS = ("{", "[]", "null", '"text"', "42", '{"type": "start",', "{'type': 'start'}", "\x00\x01", "}{")
_NAMES = (*VOTING, *OTHERS, "Nobody Atall", "R", "Sarah", "JH", "jh", "harrison", "Coiffait", "")
_ITEMS = ("1", "2", "10", "59", "60", "61", "999", "0", "", "6.4", "2(a)", "١")


def _random_value(rng: random.Random, key: str) -> Any:
    if key in ("person", "mover", "seconder"):
        return rng.choice(_NAMES)
    if key in ("present", "apologies", "absent", "owners"):
        return rng.sample(_NAMES, rng.randint(0, 6))
    if key == "item":
        return rng.choice(_ITEMS)
    if key in ("motion", "amends", "id", "action"):
        return rng.choice(("m1", "m2", "m3", "a1", "a2", "54", "", "zz"))
    if key in ("for", "against", "abstain", "did_not_vote", "count", "public"):
        return rng.choice((0, 1, 3, 9, 17, -2, 10_000, "5"))
    if key == "at":
        return rng.choice(("09:00", "09:30", "13:15", "08:59", "23:59", "7.05", "noon"))
    if key == "ballots":
        return {
            name: rng.choice(("for", "against", "abstain", "did_not_vote", "maybe")) for name in rng.sample(VOTING, 5)
        }
    if key in ("outcome", "conduct", "status", "rag", "ballot", "kind", "what"):
        return rng.choice(("carried", "lost", "consensus", "withdrew", "remained_no_part", "open", "green", "for", "x"))
    return rng.choice(("That the Board approves it.", "**bold** minute", "", "£2.1m ✓ – “quoted”", "# heading"))


_KEYS = (
    "person",
    "item",
    "motion",
    "amends",
    "id",
    "text",
    "mover",
    "seconder",
    "for",
    "against",
    "abstain",
    "ballots",
    "at",
    "present",
    "apologies",
    "count",
    "outcome",
    "conduct",
    "interest",
    "action",
    "status",
    "ballot",
    "owners",
    "due",
    "what",
    "wording",
    "append",
)


def random_event(rng: random.Random) -> dict[str, Any]:
    event: dict[str, Any] = {"type": rng.choice(sorted(EVENT_TYPES))}
    for key in rng.sample(_KEYS, rng.randint(0, 5)):
        event[key] = _random_value(rng, key)
    return event


def script(n: int) -> list[str]:
    """The n-th fuzz script, one line per entry (some not JSON, some blank)."""
    rng = random.Random(n)
    events: list[Any] = [json.loads(line) for line in generate(rng.randint(4, 60), seed=n)]
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        if not events:
            break
        i = rng.randrange(len(events))
        event = events[i]
        roll = rng.randrange(11)
        if roll == 0 and isinstance(event, dict) and len(event) > 1:
            del event[rng.choice([k for k in event if k != "type"])]
        elif roll == 1 and isinstance(event, dict):
            event[rng.choice([*event, *_KEYS])] = rng.choice(_JUNK)
        elif roll == 2 and isinstance(event, dict):
            event["type"] = rng.choice(("Start", "vote ", "motions", "", None, 7, "__init__", "_on_start", "meeting"))
        elif roll == 3:
            events[i] = rng.choice(_NOT_OBJECTS)
        elif roll == 4 and isinstance(event, dict):
            for key in ("person", "mover", "seconder", "item"):
                if key in event:
                    event[key] = _random_value(rng, key)
        elif roll == 5:
            j = rng.randrange(len(events))
            events[i], events[j] = events[j], events[i]
        elif roll == 6:
            events.insert(i, json.loads(json.dumps(event)))
        elif roll == 7:
            del events[rng.randrange(len(events)) :]
        elif roll == 8:
            events.insert(i, random_event(rng))
        elif roll == 9:
            events.insert(i, rng.choice(("", "   ", "# a comment", "#{", "\t")))
        elif isinstance(event, dict):
            for key in event:
                if isinstance(event[key], str) and key != "type":
                    event[key] = event[key] + rng.choice(("\u0000", "\u202e", "\ufeff", "🙂", "\\", '"'))
    return [e if isinstance(e, str) else json.dumps(e, ensure_ascii=rng.random() < 0.5) for e in events]
