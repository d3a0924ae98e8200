-- Searching past consultations (docs/protocol.md, "GET /api/consultations").
-- search_text: the message's text and its translation, normalized (NFKC) and case-folded by the
-- relay, so that one LIKE finds words in either, case-insensitively in every script and alike
-- on SQLite and PostgreSQL (their lower() differ outside ASCII). The relay fills it for the
-- messages already stored when it applies this migration.
ALTER TABLE messages ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
-- The search walks rooms newest first within a date range and pages by (created_at, id).
CREATE INDEX rooms_by_created_at ON rooms (created_at, id);
