"""Expected agendas for the hand-written text packs in tests/corpus/text (the files themselves are the source)."""

from __future__ import annotations

from common import write_expected


def stowmere_markdown() -> None:
    rows = [
        ("1", "Welcome, apologies and declarations of interest", "Chair", "16:00"),
        ("2", "Minutes of the meeting held on 17 July 2025 and matters arising", "Chair", "16:05"),
        ("3", "Chief Executive's update", "Chief Executive", "16:15"),
        ("4", "Tenant Satisfaction Measures 2024/25: results and action plan", "Director of Housing", "16:30"),
        (
            "5",
            "Damp and mould: compliance with Awaab's Law requirements from October 2025",
            "Director of Property",
            "16:50",
        ),
        ("6", "Quarter 1 management accounts and loan covenant compliance", "Director of Finance", "17:10"),
        ("7", "Development programme: Larch Close scheme approval", "Director of Development", "17:25"),
        ("8", "Risk appetite statement review", "Company Secretary", "17:40"),
        ("9", "Any other business", "Chair", "17:55"),
        ("10", "Chief Executive's objectives and remuneration (executive officers withdraw)", "Chair", "18:00"),
    ]
    write_expected(
        "stowmere-housing-board-2025-09-18-agenda",
        {
            "name": "Stowmere Homes housing association board agenda 18 Sep 2025, markdown (pipe tables No.|Item|Lead|"
            "Paper|Time, a Part 2 table, then the previous minutes as Paper A with Present/Apologies/In attendance)",
            "file": "stowmere-housing-board-2025-09-18-agenda.md",
            "kind": "pack",
            "body": "Stowmere Homes Housing Association",
            "meeting_title": "Board Meeting",
            "date": "2025-09-18",
            "time_of_meeting": "16:00",
            "venue": "Board Room, Stowmere House, 21 Tollgate Road, Stowmere",
            "items": [
                {"number": n, "title": t, "presenter": lead, "time": time, **({"part": 2} if n == "10" else {})}
                for n, t, lead, time in rows
            ],
            "people_source": "Paper A, the minutes of 17 July 2025",
            "people": [
                {"name": "Augustina Feversham", "category": "present", "role": "Chair", "chair": "yes"},
                {"name": "Ravindra Sethuraman", "category": "present"},
                {"name": "Honor Blackadder", "category": "present"},
                {"name": "Kofi Agyemang-Pratt", "category": "present"},
                {"name": "Wilfred Dunstable-Hughes", "category": "apologies"},
                {"name": "Seraphina Lowther", "category": "in_attendance", "role": "Chief Executive"},
                {
                    "name": "Milo Czerwinski",
                    "category": "in_attendance",
                    "role": "Director of Finance",
                    "initials": "MC",
                },
                {"name": "Evadne Marchant", "category": "in_attendance", "role": "Company Secretary, minutes"},
            ],
            "actions": [
                {"number": "3", "owner": "MC", "text": "file the accounts with the Regulator by 30 September."}
            ],
        },
    )


def ravensgill_email() -> None:
    rows = [
        ("1", "Welcome and apologies", "Chair", "18:30"),
        ("2", "Minutes of the 2024 AGM", "Secretary", "18:35"),
        ("3", "Chair's report", "Chair", "18:40"),
        ("4", "Captain's report, including the 2025 regatta season and novice squad", "Captain", "18:50"),
        (
            "5",
            "Treasurer's report and approval of the accounts for the year to 30 September 2025",
            "Treasurer",
            "19:05",
        ),
        ("6", "Subscriptions for 2026", "Treasurer", "19:20"),
        ("7", "Election of officers and committee", "Secretary", "19:30"),
        ("8", "Any other business", "Chair", "19:45"),
    ]
    write_expected(
        "ravensgill-rowing-agm-2025-11-15-agenda",
        {
            "name": "Ravensgill Rowing Club AGM agenda 15 Nov 2025, a plain-text e-mail (fixed-width columns Time | "
            "Item | Who, two titles wrapped onto a second line under the title column)",
            "file": "ravensgill-rowing-agm-2025-11-15-agenda.txt",
            "kind": "agenda",
            "body": "Ravensgill Rowing Club",
            "meeting_title": "Annual General Meeting",
            "date": "2025-11-15",
            "time_of_meeting": "18:30",
            "venue": "Clubroom, Riverside Walk",
            "items": [{"number": n, "title": t, "presenter": lead, "time": time} for n, t, lead, time in rows],
        },
    )


DOCUMENTS = [stowmere_markdown, ravensgill_email]
