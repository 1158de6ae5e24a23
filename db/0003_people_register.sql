-- Schema version 3: the register of interests, deputies, and the names merged people were known by.
-- History is the audit log: every write to these tables adds an audit row in the same transaction.

-- One row of a body's register of interests (the columns of the NHS register extract, DOMAIN.md section 3).
-- Dates are kept as written ("Apr-19", "Circa 2012", "Ongoing") beside an ISO reading of them, which may be
-- reduced precision ("2019-04", "2012") and is NULL when the text names no date.
CREATE TABLE interest (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    position TEXT NOT NULL DEFAULT '',
    interests_to_declare TEXT NOT NULL DEFAULT '',  -- as written: Yes / No / TBC
    financial INTEGER NOT NULL DEFAULT 0 CHECK (financial IN (0, 1)),
    non_financial_professional INTEGER NOT NULL DEFAULT 0 CHECK (non_financial_professional IN (0, 1)),
    non_financial_personal INTEGER NOT NULL DEFAULT 0 CHECK (non_financial_personal IN (0, 1)),
    indirect INTEGER NOT NULL DEFAULT 0 CHECK (indirect IN (0, 1)),
    details TEXT NOT NULL DEFAULT '',
    date_from TEXT NOT NULL DEFAULT '',
    date_from_iso TEXT,
    date_to TEXT NOT NULL DEFAULT '',
    date_to_iso TEXT,
    mitigation TEXT NOT NULL DEFAULT '',
    date_declared TEXT NOT NULL DEFAULT '',
    date_declared_iso TEXT
) STRICT;
CREATE INDEX interest_person ON interest(person_id);

-- Who may deputise for a member (DOMAIN.md section 1); whether a deputy counts is a rule of the body.
CREATE TABLE person_deputy (
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    deputy_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, deputy_id),
    CHECK (person_id <> deputy_id)
) STRICT;
CREATE INDEX person_deputy_deputy ON person_deputy(deputy_id);

-- Other names a person is known by: kept when two records are merged ("Colfait" into "Coiffait") so that
-- later imports match the kept record. merged_from_id is the id of the record merged away (no longer a row).
CREATE TABLE person_alias (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    initials TEXT NOT NULL DEFAULT '',
    merged_from_id INTEGER,
    merged_at TEXT,
    UNIQUE (person_id, alias)
) STRICT;
