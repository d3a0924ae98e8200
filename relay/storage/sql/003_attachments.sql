-- Files sent in a consultation. The message row carries what clients see (its attachment JSON);
-- this table is what the relay looks up to serve a download and to find a room's objects for
-- retention: the stored objects are named by their SHA-256, never by the file's name.
ALTER TABLE messages ADD COLUMN attachment TEXT NOT NULL DEFAULT '';
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    seq BIGINT NOT NULL,
    blob_key TEXT NOT NULL,
    thumbnail_key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_by_room ON attachments (room_id);
