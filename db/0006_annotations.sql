-- Schema version 6: members' private annotations in the reader (issue 7). Purely additive.
--
-- An annotation keeps what it needs to be found again in a revised pack (item, page, quote with the text
-- before and after it: see 0001 and app/commands/revise.py) and, new here, where it sits on its page:
--   kind         highlight / underline / strike (on words), note (a sticky note on a point),
--                item_note (a free note on an agenda item), ink (freehand strokes)
--   rects        JSON [[x0, y0, x1, y1], ...] in PDF points from the page's top-left corner (one per line);
--                a sticky note's point is a zero-size rect. Text packs keep [] and use char_start instead.
--   ink          JSON [[[x, y], ...], ...]: the strokes of an ink annotation, in the same points
--   char_start   where the quote starts in the page's text (-1 when unknown)
--   anchored_sha256  the pack file these rects and char_start were measured on: when a revised pack replaces
--                it, the reader finds the words again on the (re-anchored) page and measures them anew.
-- Annotations are private to their owner: they are never written into the pack file or into minutes.
ALTER TABLE annotation ADD COLUMN kind TEXT NOT NULL DEFAULT 'highlight'
    CHECK (kind IN ('highlight', 'underline', 'strike', 'note', 'item_note', 'ink'));
ALTER TABLE annotation ADD COLUMN rects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rects));
ALTER TABLE annotation ADD COLUMN ink TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ink));
ALTER TABLE annotation ADD COLUMN char_start INTEGER NOT NULL DEFAULT -1;
ALTER TABLE annotation ADD COLUMN anchored_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE annotation ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
ALTER TABLE annotation ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
CREATE INDEX annotation_meeting_owner ON annotation(meeting_id, owner);
CREATE INDEX annotation_item ON annotation(item_id);

-- Annotations written before this schema were measured on the pack their meeting had then.
UPDATE annotation SET anchored_sha256 = coalesce((SELECT pack_sha256 FROM meeting WHERE meeting.id = annotation.meeting_id), '');

-- The member reading on this device (chosen in the reader): the one whose notes search includes.
CREATE TABLE reader_member (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0)
) STRICT;

-- Members' notes are searched through their own index, not search_index: every rowid kind of that one is
-- taken (0005), and a note is found only by its owner, so the owner filter must come before the LIMIT.
-- rowid = annotation.id.
CREATE VIRTUAL TABLE annotation_search USING fts5(
    note,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER annotation_ai AFTER INSERT ON annotation BEGIN
    INSERT INTO annotation_search (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER annotation_ad AFTER DELETE ON annotation BEGIN
    DELETE FROM annotation_search WHERE rowid = old.id;
END;
CREATE TRIGGER annotation_au AFTER UPDATE OF note ON annotation BEGIN
    DELETE FROM annotation_search WHERE rowid = old.id;
    INSERT INTO annotation_search (rowid, note) VALUES (new.id, new.note);
END;
INSERT INTO annotation_search (rowid, note) SELECT id, note FROM annotation;
