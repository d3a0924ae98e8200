-- Red flags: a patient message showed an emergency (docs/red-flags.md).
-- urgent: 1 once raised; the room sorts first in the waiting queue, also after a restart.
-- red_flags: what showed it, as the room object's JSON array [{"category","words"}].
ALTER TABLE rooms ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD COLUMN red_flags TEXT NOT NULL DEFAULT '[]';
