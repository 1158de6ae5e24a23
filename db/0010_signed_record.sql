-- Schema version 8: signed minutes bound to the record (issue 14).
-- Approvals are per version of the minutes (a correction is version 2, approved and signed like version 1) and
-- may carry the override wording printed when the body approved them other than by the usual resolution.
-- minutes_export keeps what the approved minutes were rendered from (file hash, version, audit-chain head,
-- canonical-record digest, where the signature goes) so that only that exact file can be signed;
-- minutes_signature is the lock: a meeting with a signature row can no longer change.

CREATE TABLE minutes_approval_v7 (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    step TEXT NOT NULL CHECK (step IN ('chair_approved', 'body_approved', 'signed')),
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL,
    at_meeting_id INTEGER REFERENCES meeting(id),
    motion_id INTEGER REFERENCES motion(id),
    file_sha256 TEXT NOT NULL DEFAULT '',
    override TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, version, step)
) STRICT;
INSERT INTO minutes_approval_v7 (id, meeting_id, version, step, name, role, on_date, at_meeting_id, motion_id,
    file_sha256)
    SELECT id, meeting_id, 1, step, name, role, on_date, at_meeting_id, motion_id, file_sha256 FROM minutes_approval;
DROP TABLE minutes_approval;
ALTER TABLE minutes_approval_v7 RENAME TO minutes_approval;

CREATE TABLE minutes_export (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    part INTEGER NOT NULL CHECK (part IN (1, 2)),
    format TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
    sha256 TEXT NOT NULL,
    audit_head TEXT NOT NULL,
    record_digest TEXT NOT NULL,
    signature_page INTEGER,
    signature_box TEXT NOT NULL DEFAULT '',  -- "x1,y1,x2,y2" in points from the page's bottom left
    made_at TEXT NOT NULL
) STRICT;
CREATE INDEX minutes_export_sha256 ON minutes_export(sha256);

CREATE TABLE minutes_signature (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    part INTEGER NOT NULL CHECK (part IN (1, 2)),
    export_id INTEGER NOT NULL REFERENCES minutes_export(id),
    signed_sha256 TEXT NOT NULL,
    signer TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    record_digest TEXT NOT NULL,
    record_json TEXT NOT NULL,  -- the canonical record signed (docs/record-digest.md): names what changed later
    audit_head TEXT NOT NULL,
    UNIQUE (meeting_id, version, part)
) STRICT;
CREATE INDEX minutes_signature_sha256 ON minutes_signature(signed_sha256);
