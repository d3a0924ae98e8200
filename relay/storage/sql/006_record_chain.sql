-- Tamper evidence: one link per stored message and per translation stored later, chained per
-- room by SHA-256 (docs/records.md). Written in the transaction of the write it records.
-- kind: 'message', 'translation', or 'backfill' (a message stored before this migration,
-- chained when the migration ran, with the translation it had then).
-- translation: the translation JSON this link records (for a message, the one it was stored
-- with), since the messages table keeps only the latest.
-- msg_id and text_sha256 only help --verify say what changed; the hash covers the data itself.
CREATE TABLE record_chain (
    room_id TEXT NOT NULL REFERENCES rooms (id),
    link BIGINT NOT NULL,
    kind TEXT NOT NULL,
    seq BIGINT NOT NULL,
    msg_id TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    translation TEXT NOT NULL,
    text_sha256 TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (room_id, link)
);
