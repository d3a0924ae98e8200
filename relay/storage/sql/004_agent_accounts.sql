-- Accounts administered from the command line (--disable-agent, --reset-password,
-- --set-agent) while a relay serves the same database.
-- disabled: the account can neither log in nor use its tokens.
-- patient_facing_name: the name patients may be shown, in Latin letters; '' when not set.
-- max_chats: how many consultations the agent takes at once; 0 when not set.
-- sessions_epoch: raised whenever the agent's sessions end (disabled, new password); a running
-- relay that sees it move closes that agent's connections and forgets its cached tokens.
ALTER TABLE agents ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN patient_facing_name TEXT NOT NULL DEFAULT '';
ALTER TABLE agents ADD COLUMN max_chats INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN sessions_epoch BIGINT NOT NULL DEFAULT 0;
-- One row, raised by every account change: a running relay polls this single value (cheap)
-- and reads the agents only when it moved.
CREATE TABLE account_revision (
    id INTEGER PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO account_revision (id, revision) VALUES (1, 0);
CREATE INDEX agent_sessions_by_agent ON agent_sessions (agent_id);
CREATE INDEX rooms_by_agent ON rooms (agent_id);
