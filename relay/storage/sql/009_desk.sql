-- The desk's answer-later list and the pre-chat step (docs/desk.md).
-- answer_later: 1 once the patient left contact details for the desk to answer later.
-- contact_email, contact_phone: those details, as the patient gave them; empty when not given.
-- prechat: what the patient filled in before the chat, as the room object's JSON object
-- {"name","contact","reason"}; '{}' when nothing was asked or given.
ALTER TABLE rooms ADD COLUMN answer_later INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE rooms ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE rooms ADD COLUMN prechat TEXT NOT NULL DEFAULT '{}';
