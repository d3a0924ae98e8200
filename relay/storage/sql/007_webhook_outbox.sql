-- Webhook events waiting to be sent, written in the same transaction as the room or message
-- they describe, so a crash neither loses nor invents one. A delivered event leaves the outbox
-- (its text with it); what happened to it stays in webhook_deliveries. `position` orders a
-- room's events: the room's next event is sent only once the previous one is delivered.
CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- ISO 8601 UTC with milliseconds, so that text order is time order.
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX webhook_outbox_by_room ON webhook_outbox (room_id, position);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at);
-- Every delivery attempt: its HTTP status (0 when there was no answer) or error, and how long.
-- No message text: only which event of which room.
CREATE TABLE webhook_deliveries (
    outbox_id TEXT NOT NULL,
    room_id TEXT NOT NULL,
    event TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    attempted_at TEXT NOT NULL,
    delivered INTEGER NOT NULL DEFAULT 0,
    status INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (attempted_at);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (outbox_id);
