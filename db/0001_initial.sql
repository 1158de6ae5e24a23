-- Schema version 1: the whole meeting record.
-- Each file in db/ is one migration, applied in name order inside one transaction;
-- PRAGMA user_version holds the number of the last one applied.

CREATE TABLE body (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL DEFAULT 'board',
    rules_json TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL DEFAULT '',
    initials TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    tier TEXT NOT NULL DEFAULT 'member'
        CHECK (tier IN ('member', 'participant', 'in_attendance', 'officer')),
    voting INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
    role_tags TEXT NOT NULL DEFAULT '',
    term_from TEXT,
    term_to TEXT,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;
CREATE INDEX person_body ON person(body_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date TEXT,
    start TEXT,
    venue TEXT NOT NULL DEFAULT '',
    pack_path TEXT NOT NULL DEFAULT '',
    pack_sha256 TEXT NOT NULL DEFAULT '',
    members_of_public INTEGER NOT NULL DEFAULT 0 CHECK (members_of_public >= 0),
    minutes_status TEXT NOT NULL DEFAULT 'draft'
        CHECK (minutes_status IN ('draft', 'chair_approved', 'body_approved', 'signed')),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    presenter TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    planned_time TEXT,
    part INTEGER NOT NULL DEFAULT 1 CHECK (part IN (1, 2)),
    first_page INTEGER,
    last_page INTEGER,
    parent_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    presence TEXT NOT NULL DEFAULT 'present'
        CHECK (presence IN ('present', 'apologies', 'absent', 'deputised')),
    deputy_for_id INTEGER REFERENCES person(id),
    arrived_at TEXT,
    left_at TEXT,
    UNIQUE (meeting_id, person_id)
) STRICT;

CREATE TABLE declaration (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    interest TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    conduct TEXT NOT NULL DEFAULT 'remained_took_part'
        CHECK (conduct IN ('withdrew', 'remained_no_part', 'remained_took_part')),
    declared_at TEXT
) STRICT;

CREATE TABLE motion (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    mover_id INTEGER REFERENCES person(id),
    seconder_id INTEGER REFERENCES person(id),
    amends_id INTEGER REFERENCES motion(id),
    outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'carried', 'lost', 'withdrawn', 'deferred', 'referred', 'consensus')),
    CHECK (mover_id IS NULL OR seconder_id IS NULL OR mover_id <> seconder_id)
) STRICT;

CREATE TABLE vote (
    id INTEGER PRIMARY KEY,
    motion_id INTEGER NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'show_of_hands' CHECK (kind IN ('show_of_hands', 'recorded')),
    votes_for INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
    votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
    abstentions INTEGER NOT NULL DEFAULT 0 CHECK (abstentions >= 0),
    did_not_vote INTEGER NOT NULL DEFAULT 0 CHECK (did_not_vote >= 0),
    casting_vote TEXT CHECK (casting_vote IS NULL OR casting_vote IN ('for', 'against'))
) STRICT;

CREATE TABLE ballot (
    vote_id INTEGER NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    ballot TEXT NOT NULL CHECK (ballot IN ('for', 'against', 'abstain', 'did_not_vote')),
    PRIMARY KEY (vote_id, person_id)
) STRICT;

CREATE TABLE minute_entry (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_item(id) ON DELETE CASCADE,
    body TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    number TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    owners TEXT NOT NULL DEFAULT '',
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open'
) STRICT;

CREATE TABLE annotation (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    owner TEXT NOT NULL,
    page INTEGER NOT NULL,
    quote TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT 'yellow',
    raise_at_meeting INTEGER NOT NULL DEFAULT 0 CHECK (raise_at_meeting IN (0, 1))
) STRICT;

-- Append-only log of every change; each row's hash covers the previous row's hash,
-- so a later edit of the database by hand breaks the chain.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
