-- Schema version 7: a faithful record (issue 13).
-- person gains the tier 'observer' (observers have a block of their own in the minutes, not "In attendance");
-- meeting_event gains 'preside' (who takes the chair from then on; no person = the chair is vacated) and
-- 'reopen'; attendance gains 'remote' (for bodies that allow attendance by video or phone); motion gains the
-- outcome 'noted', a note on the outcome (why it was deferred, to whom it was referred) and, for an amendment,
-- the substantive motion's wording as amended; a vote records who gave its casting vote.
-- SQLite cannot change a CHECK constraint in place, so the four tables are rebuilt the way SQLite documents
-- (create the new table, copy, drop the old, rename the new), with foreign keys off while migrations run so
-- that dropping the old motion table cascades to none of its votes; ids are copied, so every reference holds.

CREATE TABLE meeting_event_v7 (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    at TEXT NOT NULL,  -- time of day, HH:MM or HH:MM:SS
    kind TEXT NOT NULL CHECK (kind IN (
        'start', 'open_item', 'defer_item', 'arrive', 'leave', 'withdraw', 'return',
        'inquorate', 'quorate', 'part2', 'close', 'preside', 'reopen')),
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    person_id INTEGER REFERENCES person(id),
    text TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO meeting_event_v7 (id, meeting_id, at, kind, item_id, person_id, text)
    SELECT id, meeting_id, at, kind, item_id, person_id, text FROM meeting_event;
DROP TABLE meeting_event;
ALTER TABLE meeting_event_v7 RENAME TO meeting_event;
CREATE INDEX meeting_event_meeting ON meeting_event(meeting_id, id);

CREATE TABLE attendance_v7 (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    presence TEXT NOT NULL DEFAULT 'present'
        CHECK (presence IN ('present', 'apologies', 'absent', 'deputised', 'remote')),
    deputy_for_id INTEGER REFERENCES person(id),
    arrived_at TEXT,
    left_at TEXT,
    UNIQUE (meeting_id, person_id)
) STRICT;
INSERT INTO attendance_v7 (id, meeting_id, person_id, presence, deputy_for_id, arrived_at, left_at)
    SELECT id, meeting_id, person_id, presence, deputy_for_id, arrived_at, left_at FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_v7 RENAME TO attendance;

CREATE TABLE motion_v7 (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    mover_id INTEGER REFERENCES person(id),
    seconder_id INTEGER REFERENCES person(id),
    amends_id INTEGER REFERENCES motion(id),
    outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'carried', 'lost', 'withdrawn', 'deferred', 'referred', 'consensus', 'noted')),
    position INTEGER NOT NULL DEFAULT 0,
    minority_view TEXT NOT NULL DEFAULT '',
    moved_at TEXT,
    decided_at TEXT,
    outcome_note TEXT NOT NULL DEFAULT '',  -- deferred: why; referred: to whom; withdrawn: "with the leave of …"
    amended_wording TEXT NOT NULL DEFAULT '',  -- an amendment: the substantive motion as it reads once carried
    CHECK (mover_id IS NULL OR seconder_id IS NULL OR mover_id <> seconder_id)
) STRICT;
INSERT INTO motion_v7 (id, item_id, text, mover_id, seconder_id, amends_id, outcome, position, minority_view,
                    moved_at, decided_at)
    SELECT id, item_id, text, mover_id, seconder_id, amends_id, outcome, position, minority_view, moved_at,
           decided_at FROM motion;
DROP TABLE motion;
ALTER TABLE motion_v7 RENAME TO motion;

ALTER TABLE vote ADD COLUMN casting_by_id INTEGER REFERENCES person(id);

CREATE TABLE person_v7 (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL DEFAULT '',
    initials TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    tier TEXT NOT NULL DEFAULT 'member'
        CHECK (tier IN ('member', 'participant', 'in_attendance', 'officer', 'observer')),
    voting INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
    role_tags TEXT NOT NULL DEFAULT '',
    term_from TEXT,
    term_to TEXT,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;
INSERT INTO person_v7 (id, body_id, name, role, initials, title, organisation, tier, voting, role_tags, term_from,
                       term_to, retired)
    SELECT id, body_id, name, role, initials, title, organisation, tier, voting, role_tags, term_from, term_to,
           retired FROM person;
DROP TABLE person;
ALTER TABLE person_v7 RENAME TO person;
CREATE INDEX person_body ON person(body_id);
