-- A meeting put away from the library's everyday list (issue 16): kept whole, shown again on request.
ALTER TABLE meeting ADD COLUMN archived_at TEXT;
