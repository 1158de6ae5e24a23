-- Schema version 9: find one record's audit rows without reading the whole log.
-- Minute saves are audited as compact revisions (app/storage/store.py explains the shape); writing one, and
-- recovering a minute's text from the log, reads back only that item's rows.
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
