-- Schema version 2: the offline library (kept pack files, page texts) and one full-text index
-- over every pack page and the meetings' own records (minute text, action text).

-- The original pack files kept in DATA_DIR/packs/, named by their SHA-256 so the same file is kept
-- once however many meetings use it. meeting.pack_sha256 refers to a row here.
CREATE TABLE pack_file (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    original_name TEXT NOT NULL,
    stored_name TEXT NOT NULL UNIQUE CHECK (length(stored_name) > 0),
    size INTEGER NOT NULL CHECK (size >= 0),
    imported_at TEXT NOT NULL
) STRICT;

-- The text of each page of a meeting's pack, numbered from 1 as the pack is.
-- `id` is an INTEGER PRIMARY KEY on purpose: the index below refers to rows by it, and an
-- implicit rowid could be renumbered by VACUUM.
CREATE TABLE pack_page (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    page INTEGER NOT NULL CHECK (page >= 1),
    text TEXT NOT NULL,
    UNIQUE (meeting_id, page)
) STRICT;

-- One index for everything searchable, so a single MATCH ranks pack pages, minutes and actions
-- against each other with one set of bm25 statistics. It keeps its own copy of the text (a plain
-- FTS5 table, not external content) because its rows come from three tables, and snippet() needs
-- the text; the copy costs about the size of the page texts again, a few MB per 500-page pack.
--
-- The rowid says where a row came from: source id * 4 + kind, kind 1 = pack_page,
-- 2 = minute_entry, 3 = action. A rowid lookup is how the triggers find a row to replace.
--
-- Triggers, not writes in Python, keep it in step: every path that changes these tables (Store,
-- a later migration, ON DELETE CASCADE when a meeting goes, a hand edit in the sqlite3 shell)
-- updates the index in the same transaction, and no writer can forget to.
--
-- Tokenizer: unicode61 with diacritics folded (cafe finds café), porter stemming (decision finds
-- decisions); packs here are written in English.
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER pack_page_ai AFTER INSERT ON pack_page BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4 + 1, new.text);
END;
CREATE TRIGGER pack_page_ad AFTER DELETE ON pack_page BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER pack_page_au AFTER UPDATE ON pack_page BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4 + 1, new.text);
END;

CREATE TRIGGER minute_entry_ai AFTER INSERT ON minute_entry BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4 + 2, new.body);
END;
CREATE TRIGGER minute_entry_ad AFTER DELETE ON minute_entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER minute_entry_au AFTER UPDATE ON minute_entry BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4 + 2, new.body);
END;

CREATE TRIGGER action_ai AFTER INSERT ON action BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4 + 3, new.text);
END;
CREATE TRIGGER action_ad AFTER DELETE ON action BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
CREATE TRIGGER action_au AFTER UPDATE ON action BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4 + 3, new.text);
END;

-- Records written by schema 1 become searchable too.
INSERT INTO search_index (rowid, text) SELECT id * 4 + 2, body FROM minute_entry;
INSERT INTO search_index (rowid, text) SELECT id * 4 + 3, text FROM action;
