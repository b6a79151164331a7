-- Webhook deliveries are written while the outbox delivers an event (docs/webhooks.md). If the node
-- dies after the deliveries were committed but before the outbox entry was removed, the entry is
-- delivered again: the pair (outbox entry, subscription) lets that second run see the rows it wrote
-- and write none twice. Rows written before this version (from EventAdmin) have no entry: NULL, which
-- the unique constraint allows any number of times on both databases.
ALTER TABLE webhook_delivery ADD COLUMN outbox_entry_id BIGINT;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_once UNIQUE (outbox_entry_id, webhook_id);
