-- Per-type workflows: a ticket's status is a state of its type's workflow; the category says what
-- the state means (open, in-progress, pending, resolved, closed) for queues, field rules and clocks.
-- Existing tickets carry the states of the former built-in workflow, which every shipped workflow keeps.
ALTER TABLE ticket ADD COLUMN status_category VARCHAR(20) DEFAULT 'open' NOT NULL;
UPDATE ticket SET status_category = 'in-progress' WHERE status = 'in-progress';
UPDATE ticket SET status_category = 'resolved' WHERE status = 'resolved';
UPDATE ticket SET status_category = 'closed' WHERE status = 'closed';
ALTER TABLE ticket ADD COLUMN status_changed_at TIMESTAMP;
UPDATE ticket SET status_changed_at = updated_at;
ALTER TABLE ticket ADD COLUMN resolution_code VARCHAR(50);
-- when a resolved ticket closes by itself; the sweep reads only what is due
ALTER TABLE ticket ADD COLUMN auto_close_at TIMESTAMP;
CREATE INDEX ticket_auto_close ON ticket (auto_close_at);
CREATE INDEX ticket_category_queue ON ticket (department, status_category, priority, id);

-- a descriptor whose content changed under the same schemaVersion is refused: the hash of what was stored
ALTER TABLE request_type_version ADD COLUMN content_hash VARCHAR(64);
