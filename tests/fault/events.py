"""A long, realistic live meeting as replay events, generated from a seed (for the fault test).

The generator keeps a small model of the room (who is in, who withdrew, who is barred on the item by a
declaration) so that every event it writes is one the live-meeting commands accept: votes add up to the
voting members eligible on the item, the meeting stays quorate, the chair stays in the chair.
"""

from __future__ import annotations

import json
import random
from typing import Any

CHAIR = "Rima Makarem"
# The 30 June 2023 attendance the demo pack brings into the body (docs/examples/icb-2023-06-30.jsonl).
VOTING = [
    CHAIR,
    "Alison Borrett",
    "Michael Bracey",
    "Laura Church",
    "Marcel Coiffait",
    "Felicity Cox",
    "Manjeet Gill",
    "Ross Graves",
    "Joe Harrison",
    "Omotayo Kufeji",
    "Shirley Pointer",
    "Robin Porter",
    "Mahesh Shah",
    "Sarah Stanley",
    "Sahadev Swain",
    "Dean Westcott",
    "Sarah Whiteman",
]
OTHERS = ["Anne Brierley", "Sally Cartwright", "Vicky Head", "Nicky Poulain", "Maria Wogan", "Paul Calaminus"]
MIN_VOTING_IN_ROOM = 9  # the default rules need 6 of 18: stay well clear of inquorate
AGENDA_SIZE = 60


def agenda() -> list[dict[str, str]]:
    return [{"number": str(n), "title": f"Business item {n}"} for n in range(1, AGENDA_SIZE + 1)]


def generate(count: int = 1000, seed: int = 20230630) -> list[str]:
    """`count` events, one JSON object a line, ending with close_meeting."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    clock = [9 * 60]

    def at() -> str:
        clock[0] = min(clock[0] + rng.choice((0, 1, 1, 2)), 23 * 60 + 58)
        return f"{clock[0] // 60:02d}:{clock[0] % 60:02d}"

    def emit(event: dict[str, Any]) -> None:
        out.append(event)

    everyone = VOTING + OTHERS
    in_room = set(everyone) - {"Joe Harrison"}
    withdrawn: set[str] = set()  # out for the item, coming back
    emit({"type": "start", "at": "09:00"})
    emit({"type": "roll_call", "present": sorted(in_room), "apologies": ["David Carter"], "public": 3, "at": "09:00"})
    public = 3
    item = 0
    motion = 0
    action = 0

    while len(out) < count - 1:
        item += 1
        barred: set[str] = set()
        for name in sorted(withdrawn):  # back for the next item
            emit({"type": "return", "person": name, "at": at()})
            in_room.add(name)
        withdrawn.clear()
        emit({"type": "open_item", "item": str(item), "at": at()})
        pending: list[str] = []
        for _ in range(rng.randint(8, 24)):
            if len(out) >= count - 1:
                break
            voting_in = [p for p in VOTING if p in in_room and p not in barred]
            roll = rng.random()
            if roll < 0.12:
                away = [p for p in everyone if p not in in_room and p not in withdrawn]
                if away:
                    emit({"type": "arrive", "person": rng.choice(away), "at": at()})
                    in_room.add(out[-1]["person"])
                    continue
            if roll < 0.22:
                can_go = [p for p in in_room if p != CHAIR and (p not in VOTING or len(voting_in) > MIN_VOTING_IN_ROOM)]
                who = rng.choice(sorted(can_go))
                kind = rng.choice(("leave", "withdraw"))
                emit({"type": kind, "person": who, "at": at()})
                in_room.discard(who)
                if kind == "withdraw":
                    withdrawn.add(who)
                continue
            if roll < 0.30 and len(voting_in) > MIN_VOTING_IN_ROOM:
                who = rng.choice(sorted(set(voting_in) - {CHAIR}))
                conduct = rng.choice(("withdrew", "remained_no_part"))
                emit(
                    {
                        "type": "declare",
                        "person": who,
                        "interest": f"Director of a provider named in item {item}",
                        "kind": rng.choice(("financial", "non-financial professional", "indirect")),
                        "conduct": conduct,
                        "at": at(),
                    }
                )
                barred.add(who)
                if conduct == "withdrew":
                    in_room.discard(who)
                    withdrawn.add(who)
                continue
            if roll < 0.45:
                emit({"type": "minute", "text": f"Minute of item {item}, note {len(out)}: the Board discussed it."})
                continue
            if roll < 0.52:
                action += 1
                emit(
                    {
                        "type": "action",
                        "id": f"a{action}",
                        "text": f"Follow up item {item} (action {action})",
                        "owners": rng.sample(VOTING + OTHERS, rng.randint(1, 2)),
                        "due": f"2023-{rng.randint(7, 12):02d}-{rng.randint(1, 28):02d}",
                        "at": at(),
                    }
                )
                continue
            if roll < 0.56:
                public = public + rng.choice((-1, 1)) if public else 1
                emit({"type": "public", "count": public, "at": at()})
                continue
            if roll < 0.62 and pending:
                emit({"type": "outcome", "motion": pending.pop(), "outcome": "consensus", "at": at()})
                continue
            if roll < 0.80 or not pending:
                motion += 1
                label = f"m{motion}"
                mover, seconder = rng.sample(voting_in, 2)
                event: dict[str, Any] = {
                    "type": "motion",
                    "id": label,
                    "text": f"That the Board approves the recommendations of item {item} ({label}).",
                    "mover": mover,
                    "seconder": seconder,
                    "at": at(),
                }
                if pending and rng.random() < 0.3:
                    event = {**event, "type": "amend", "amends": pending[-1], "text": f"Amend {pending[-1]} ({label})."}
                emit(event)
                pending.append(label)
                continue
            # a vote on the newest motion (amendments first, so the newest is always votable)
            label = pending.pop()
            eligible = len(voting_in)
            style = rng.random()
            if style < 0.25:
                ballots = {name: rng.choice(("for", "for", "against", "abstain")) for name in voting_in}
                emit({"type": "vote", "motion": label, "ballots": ballots, "at": at()})
            elif style < 0.35 and CHAIR in voting_in and eligible >= 2:
                tied = rng.randint(1, eligible // 2)
                emit(
                    {
                        "type": "vote",
                        "motion": label,
                        "for": tied,
                        "against": tied,
                        "abstain": eligible - 2 * tied,
                        "at": at(),
                    }
                )
                emit({"type": "casting_vote", "motion": label, "ballot": rng.choice(("for", "against")), "at": at()})
            else:
                against = rng.randint(0, eligible // 3)
                abstain = rng.randint(0, 2) if eligible - against > 2 else 0
                emit(
                    {
                        "type": "vote",
                        "motion": label,
                        "for": eligible - against - abstain,
                        "against": against,
                        "abstain": abstain,
                        "at": at(),
                    }
                )
        if item >= AGENDA_SIZE - 1:
            break
    del out[count - 1 :]
    out.append({"type": "close_meeting", "at": at()})
    return [json.dumps(e, ensure_ascii=False) for e in out]
