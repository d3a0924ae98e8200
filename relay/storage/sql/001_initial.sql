-- Agents, their login sessions, rooms and messages.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    languages TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE agent_sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents (id),
    expires_at BIGINT NOT NULL
);
CREATE TABLE rooms (
    id TEXT PRIMARY KEY,
    patient_token_hash TEXT NOT NULL UNIQUE,
    patient_language TEXT NOT NULL,
    status TEXT NOT NULL,
    agent_id TEXT,
    last_seq BIGINT NOT NULL DEFAULT 0,
    patient_read_seq BIGINT NOT NULL DEFAULT 0,
    agent_read_seq BIGINT NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX rooms_by_status ON rooms (status);
CREATE TABLE messages (
    room_id TEXT NOT NULL REFERENCES rooms (id),
    seq BIGINT NOT NULL,
    msg_id TEXT NOT NULL UNIQUE,
    client_msg_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    body TEXT NOT NULL,
    lang TEXT NOT NULL,
    translation TEXT NOT NULL,
    event TEXT NOT NULL DEFAULT '',
    template_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    PRIMARY KEY (room_id, seq),
    UNIQUE (room_id, client_msg_id)
);
