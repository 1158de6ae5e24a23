-- Schema version 14: a meeting's rows found through their meeting, item or motion, not by reading every row of
-- the library. Without these, each live command's reads (the next motion's position, the motion or vote it just
-- wrote, an item's agenda) scanned the whole table, so a command cost more the longer the meeting and the larger
-- the library (issue 20; tests/fault/test_replay_work.py counts SQLite's steps per event).
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);
CREATE INDEX attendance_meeting ON attendance(meeting_id);
CREATE INDEX declaration_item ON declaration(item_id);
CREATE INDEX motion_item ON motion(item_id, position);
CREATE INDEX vote_motion ON vote(motion_id);
CREATE INDEX action_meeting ON action(meeting_id);
CREATE INDEX action_item ON action(item_id);
CREATE INDEX chair_confirmation_meeting ON chair_confirmation(meeting_id);
CREATE INDEX action_update_meeting ON action_update(meeting_id);
