-- Schema version 5: papers tabled on the day, and annotations a revised pack could not place.
-- Purely additive: two new tables, their search triggers, one new column with a default.

-- A paper handed out at the meeting and attached to an agenda item during the import review (or later).
-- The file itself is kept in the library like a pack: DATA_DIR/packs/<sha256><suffix>, one pack_file row.
CREATE TABLE tabled_paper (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    -- The item it was tabled under; an item the secretary deletes later leaves the paper with the meeting.
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    sha256 TEXT NOT NULL REFERENCES pack_file(sha256),
    original_name TEXT NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
CREATE INDEX tabled_paper_meeting ON tabled_paper(meeting_id);
CREATE INDEX tabled_paper_item ON tabled_paper(item_id);

-- The text of each page of a tabled paper, numbered from 1 as the paper is. Not in pack_page: those pages
-- are the meeting's pack (UNIQUE (meeting_id, page)) and a revised pack replaces them; a tabled paper stays.
CREATE TABLE tabled_page (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES tabled_paper(id) ON DELETE CASCADE,
    page INTEGER NOT NULL CHECK (page >= 1),
    text TEXT NOT NULL,
    UNIQUE (paper_id, page)
) STRICT;

-- Searched through the one index (see 0002): rowid = tabled_page.id * 4 + 0, the kind left free there.
CREATE TRIGGER tabled_page_ai AFTER INSERT ON tabled_page BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4, new.text);
END;
CREATE TRIGGER tabled_page_ad AFTER DELETE ON tabled_page BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;
CREATE TRIGGER tabled_page_au AFTER UPDATE ON tabled_page BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index (rowid, text) VALUES (new.id * 4, new.text);
END;

-- An annotation whose quote a revised pack no longer contains: kept with its old page and marked, never deleted.
ALTER TABLE annotation ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1));
