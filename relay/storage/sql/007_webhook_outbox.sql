-- Webhook events waiting to be sent, written in the same transaction as the room or message
-- they describe, so a crash neither loses nor invents one. `position` orders a room's events:
-- the room's next event is sent only once the previous one is delivered.
CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    delivered_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX webhook_outbox_by_room ON webhook_outbox (room_id, position);
CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_at);
-- Every delivery attempt: its HTTP status (0 when there was no answer) or error, and how long.
CREATE TABLE webhook_deliveries (
    outbox_id TEXT NOT NULL,
    attempted_at TEXT NOT NULL,
    status INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (attempted_at);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (outbox_id);
