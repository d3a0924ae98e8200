-- Who did what, for the hospital's records: logins, exports, purges, account changes.
-- Entries are only ever added; a purge removes consultations, never their audit entries.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX rooms_by_ended_at ON rooms (ended_at);
