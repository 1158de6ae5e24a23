-- Schema version 12: global identities, meeting bundles, members' questions and notes between devices (issue 19).
--
-- **Global ids.** Every row that travels between devices (a body, its people, a meeting, its agenda items, its
-- tabled papers, a member's annotations, and so a member's question) gets `gid`: a UUIDv7 as text (RFC 9562:
-- 48 bits of Unix time in milliseconds, then 74 random bits), beside its local integer key, which never leaves the
-- device. Two devices mint the same integer keys (a changeset conflict silently dropped a note in a trial); they
-- never mint the same gid. A pack file's global id is its SHA-256 (content-addressed: two devices that keep the same
-- file agree on it without being told). The gid is assigned at creation by the triggers below, whoever inserts the
-- row, unless the insert gives one (a row that arrived in a bundle keeps the gid it was published with); rows
-- already here get one now. SQLite's 'now' is fixed within one statement, so the two readings of the time agree.
-- A gid is identity, not record: it is left out of a meeting's canonical record (app/storage/integrity.py), so the
-- digests of minutes signed before this schema still verify.

ALTER TABLE body ADD COLUMN gid TEXT;
ALTER TABLE person ADD COLUMN gid TEXT;
ALTER TABLE meeting ADD COLUMN gid TEXT;
ALTER TABLE agenda_item ADD COLUMN gid TEXT;
ALTER TABLE tabled_paper ADD COLUMN gid TEXT;
ALTER TABLE annotation ADD COLUMN gid TEXT;
UPDATE body SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE gid IS NULL;
UPDATE person SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE gid IS NULL;
UPDATE meeting SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE gid IS NULL;
UPDATE agenda_item SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE gid IS NULL;
UPDATE tabled_paper SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE gid IS NULL;
UPDATE annotation SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE gid IS NULL;
CREATE UNIQUE INDEX body_gid ON body(gid);
CREATE UNIQUE INDEX person_gid ON person(gid);
CREATE UNIQUE INDEX meeting_gid ON meeting(gid);
CREATE UNIQUE INDEX agenda_item_gid ON agenda_item(gid);
CREATE UNIQUE INDEX tabled_paper_gid ON tabled_paper(gid);
CREATE UNIQUE INDEX annotation_gid ON annotation(gid);
CREATE TRIGGER body_gid_ai AFTER INSERT ON body WHEN new.gid IS NULL BEGIN
    UPDATE body SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE rowid = new.rowid;
END;
CREATE TRIGGER person_gid_ai AFTER INSERT ON person WHEN new.gid IS NULL BEGIN
    UPDATE person SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE rowid = new.rowid;
END;
CREATE TRIGGER meeting_gid_ai AFTER INSERT ON meeting WHEN new.gid IS NULL BEGIN
    UPDATE meeting SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE rowid = new.rowid;
END;
CREATE TRIGGER agenda_item_gid_ai AFTER INSERT ON agenda_item WHEN new.gid IS NULL BEGIN
    UPDATE agenda_item SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE rowid = new.rowid;
END;
CREATE TRIGGER tabled_paper_gid_ai AFTER INSERT ON tabled_paper WHEN new.gid IS NULL BEGIN
    UPDATE tabled_paper SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE rowid = new.rowid;
END;
CREATE TRIGGER annotation_gid_ai AFTER INSERT ON annotation WHEN new.gid IS NULL BEGIN
    UPDATE annotation SET gid = lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6))) WHERE rowid = new.rowid;
END;

-- The rest is bookkeeping keyed by gid, never by a cascading key to `meeting`: a table reached from `meeting` by
-- ON DELETE CASCADE is part of the meeting's record (app/storage/integrity.py), and none of these is. The trigger
-- at the end removes them with their meeting.

-- Secretary: every bundle published of a meeting, numbered 1, 2, … per meeting (a revised pack is a later number).
CREATE TABLE bundle_published (
    bundle_gid TEXT PRIMARY KEY,
    meeting_gid TEXT NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    published_at TEXT NOT NULL,
    pack_sha256 TEXT NOT NULL DEFAULT '',
    recipients INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_gid, sequence)
) STRICT;

-- Member: the bundle a meeting on this device was opened from (a meeting with a row here is read-only: it is the
-- secretary's), who published it, and which of its people this device's member is.
CREATE TABLE bundle_held (
    meeting_gid TEXT PRIMARY KEY,
    body_gid TEXT NOT NULL,
    bundle_gid TEXT NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    published_at TEXT NOT NULL,
    publisher_sha256 TEXT NOT NULL,
    publisher_name TEXT NOT NULL DEFAULT '',
    publisher_pem TEXT NOT NULL DEFAULT '',
    member_gid TEXT NOT NULL DEFAULT '',
    member_name TEXT NOT NULL DEFAULT '',
    opened_at TEXT NOT NULL
) STRICT;

-- Secretary: members' questions from their answers files, by the gid of the member's note; the live room shows
-- them per item with who asked. One row per member and meeting in answers_received: the file their questions came
-- from; a later file replaces all of that member's questions on the meeting, the same file again changes nothing.
CREATE TABLE member_question (
    gid TEXT PRIMARY KEY,
    meeting_gid TEXT NOT NULL,
    item_gid TEXT,
    asker_gid TEXT NOT NULL,
    asker_name TEXT NOT NULL,
    text TEXT NOT NULL,
    quote TEXT NOT NULL DEFAULT '',
    page INTEGER NOT NULL DEFAULT 0,
    asked_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX member_question_item ON member_question(item_gid);
CREATE TABLE answers_received (
    meeting_gid TEXT NOT NULL,
    asker_gid TEXT NOT NULL,
    answers_gid TEXT NOT NULL,
    made_at TEXT NOT NULL,
    signer TEXT NOT NULL DEFAULT '',
    questions INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (meeting_gid, asker_gid)
) STRICT;

-- A member's own devices: the text an edit replaced when two devices' notes were merged (the later edit wins, the
-- other is kept here), and the notes deleted (gid and time only: no words), so a deletion reaches the other device.
CREATE TABLE annotation_history (
    id INTEGER PRIMARY KEY,
    annotation_gid TEXT NOT NULL,
    note TEXT NOT NULL,
    edited_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL
) STRICT;
CREATE INDEX annotation_history_gid ON annotation_history(annotation_gid);
CREATE TABLE annotation_tombstone (
    gid TEXT PRIMARY KEY,
    meeting_gid TEXT NOT NULL,
    owner TEXT NOT NULL,
    deleted_at TEXT NOT NULL
) STRICT;
-- A deleted note is erased with what its edits replaced (issue 18: nothing of a deleted note's words stays).
CREATE TRIGGER annotation_history_ad AFTER DELETE ON annotation BEGIN
    DELETE FROM annotation_history WHERE annotation_gid = old.gid;
END;

-- An exchange folder per body (this device's path: a folder the board already syncs), watched for bundles.
CREATE TABLE exchange_folder (
    body_gid TEXT PRIMARY KEY,
    path TEXT NOT NULL CHECK (length(path) > 0)
) STRICT;

CREATE TRIGGER meeting_bundles_ad AFTER DELETE ON meeting BEGIN
    DELETE FROM bundle_published WHERE meeting_gid = old.gid;
    DELETE FROM bundle_held WHERE meeting_gid = old.gid;
    DELETE FROM member_question WHERE meeting_gid = old.gid;
    DELETE FROM answers_received WHERE meeting_gid = old.gid;
    DELETE FROM annotation_tombstone WHERE meeting_gid = old.gid;
END;
