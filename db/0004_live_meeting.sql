-- Schema version 4: the live meeting (issue 5).
-- Current state stays in ordinary tables; meeting_event keeps the facts with their times in the order
-- they happened, so the room at any moment (and so the quorum on every item) can be worked out again.
-- Every write adds a full before/after row to the audit log in the same transaction; undo_step groups
-- the audit rows of one command so it can be undone and redone.

ALTER TABLE meeting ADD COLUMN started_at TEXT;
ALTER TABLE meeting ADD COLUMN closed_at TEXT;
ALTER TABLE meeting ADD COLUMN current_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL;
ALTER TABLE meeting ADD COLUMN chair_pin_hash TEXT NOT NULL DEFAULT '';

ALTER TABLE agenda_item ADD COLUMN status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'open', 'taken', 'deferred'));
ALTER TABLE agenda_item ADD COLUMN opened_at TEXT;
ALTER TABLE agenda_item ADD COLUMN closed_at TEXT;
ALTER TABLE agenda_item ADD COLUMN taken_order INTEGER;  -- 1 for the first item taken, and so on

-- Timed facts, in the order they happened (id order). kind says what; the other columns say to what.
CREATE TABLE meeting_event (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    at TEXT NOT NULL,  -- time of day, HH:MM or HH:MM:SS
    kind TEXT NOT NULL CHECK (kind IN (
        'start', 'open_item', 'defer_item', 'arrive', 'leave', 'withdraw', 'return',
        'inquorate', 'quorate', 'part2', 'close')),
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    person_id INTEGER REFERENCES person(id),
    text TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX meeting_event_meeting ON meeting_event(meeting_id, id);

ALTER TABLE declaration ADD COLUMN interest_id INTEGER REFERENCES interest(id) ON DELETE SET NULL;

ALTER TABLE motion ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE motion ADD COLUMN minority_view TEXT NOT NULL DEFAULT '';
ALTER TABLE motion ADD COLUMN moved_at TEXT;
ALTER TABLE motion ADD COLUMN decided_at TEXT;

ALTER TABLE vote ADD COLUMN taken_at TEXT;
ALTER TABLE vote ADD COLUMN after_event_id INTEGER;  -- the room is as it was after this meeting_event
ALTER TABLE vote ADD COLUMN despite_inquorate INTEGER NOT NULL DEFAULT 0 CHECK (despite_inquorate IN (0, 1));

-- The chair's confirmations: quoracy at the start, each resolution's final wording.
CREATE TABLE chair_confirmation (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE CASCADE,
    motion_id INTEGER REFERENCES motion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('quoracy', 'resolution')),
    wording TEXT NOT NULL DEFAULT '',
    chair_id INTEGER REFERENCES person(id),
    at TEXT NOT NULL,
    pin_checked INTEGER NOT NULL DEFAULT 0 CHECK (pin_checked IN (0, 1))
) STRICT;

-- Actions: numbered in the body's sequence, tracked across meetings.
ALTER TABLE action ADD COLUMN rag TEXT NOT NULL DEFAULT ''
    CHECK (rag IN ('', 'red', 'amber', 'green', 'blue'));
ALTER TABLE action ADD COLUMN origin TEXT NOT NULL DEFAULT 'raised'
    CHECK (origin IN ('raised', 'tracker'));
ALTER TABLE action ADD COLUMN closed_at TEXT;

-- What was said about an action at a later meeting.
CREATE TABLE action_update (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    rag TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX action_update_action ON action_update(action_id);

-- One secretary command (e.g. "record vote") = the audit rows first_audit_id..last_audit_id.
-- Undo writes the inverse rows (audited too) and marks the step undone; a new step drops the redo stack.
CREATE TABLE undo_step (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    first_audit_id INTEGER NOT NULL,
    last_audit_id INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped'))
) STRICT;
CREATE INDEX undo_step_meeting ON undo_step(meeting_id, id);

-- The minutes' way to a signed record (issue 6): draft → approved by the chair → approved by the body at a
-- later meeting (the resolution under that meeting's "minutes of the previous meeting") → signed.
CREATE TABLE minutes_approval (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    step TEXT NOT NULL CHECK (step IN ('chair_approved', 'body_approved', 'signed')),
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL,
    at_meeting_id INTEGER REFERENCES meeting(id),
    motion_id INTEGER REFERENCES motion(id),
    file_sha256 TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, step)
) STRICT;

-- A correction to signed minutes, agreed at a later meeting: a new version that cites the old one.
CREATE TABLE minutes_amendment (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 2),
    at_meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    motion_id INTEGER REFERENCES motion(id),
    item_id INTEGER NOT NULL REFERENCES agenda_item(id),
    text TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL,
    UNIQUE (meeting_id, version)
) STRICT;

-- The body's house style for its minutes (logo, colours, minute-number prefix, resolution wording), as JSON.
ALTER TABLE body ADD COLUMN style_json TEXT NOT NULL DEFAULT '{}';
