-- Schema version 14: members' notes private on a shared computer (issue 18).
-- A member who annotates on a shared computer may protect their notes with a passphrase of their own: the words
-- they write (the note and their ink) are then kept only in `sealed`, AES-256-GCM under a key stretched from that
-- passphrase (app/storage/member_notes.py), with `note` '' and `ink` '[]'; the library's own key does not open it.
-- member_notes_key says how that key is made (cost, salt) and holds a short check value: nothing secret.
-- Purely additive: members without a passphrase keep plain notes (the library's encryption protects them).
CREATE TABLE member_notes_key (
    owner TEXT PRIMARY KEY CHECK (length(trim(owner)) > 0),
    kdf TEXT NOT NULL CHECK (json_valid(kdf)),
    salt BLOB NOT NULL CHECK (length(salt) = 16),
    check_value TEXT NOT NULL CHECK (length(check_value) = 32),
    created_at TEXT NOT NULL
) STRICT;
ALTER TABLE annotation ADD COLUMN sealed BLOB;
ALTER TABLE annotation_history ADD COLUMN sealed BLOB;
