-- Schema version 11: find a meeting's done or undone steps without reading all of them.
-- Every live command drops the redo steps ("state = 'undone'") before it records its own; with only the
-- (meeting_id, id) index that read every step of the meeting, so a replay's per-event work grew with the
-- meeting (issue 17; tests/fault/test_replay_work.py counts it).
CREATE INDEX undo_step_state ON undo_step(meeting_id, state, id);
