-- Schema version 11: confidential at rest (issue 18).
-- library_secret holds the random keys of the library's encrypted files (app/storage/sealed.py), one row per
-- key, the newest current for new files. Only an encrypted (SQLCipher) library has rows here: the table is as
-- confidential as the database around it. Not part of any meeting's record and never audited (the audit log
-- must not carry a key).
CREATE TABLE library_secret (
    id INTEGER PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('files')),
    secret BLOB NOT NULL CHECK (length(secret) = 32),
    created_at TEXT NOT NULL
) STRICT;

-- The chair's PIN is tried at most a few times in a row: after FREE_TRIES wrong PINs each further try waits longer
-- (app/commands/live.py). Kept per meeting, outside the record (not audited: a count and a time, no PIN).
CREATE TABLE chair_pin_guard (
    meeting_id INTEGER PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until TEXT
) STRICT;

-- Retention (app/storage/retention.py): a kept file removed under the body's retention setting keeps its row, so
-- the library can say when and why it went (the purge itself is audited).
ALTER TABLE pack_file ADD COLUMN purged_at TEXT;
