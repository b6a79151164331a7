-- Uploads before their ticket exists (POST /attachments): a row without ticket_id is held for its
-- uploader (uploaded_by) only, until a ticket's attachment field names it (then ticket_id is set in
-- that ticket's transaction) or the sweep deletes it (uploaded_at older than pendingUploadHours).
-- The index lets the sweep read only the pending rows. Derby syntax; PostgreSQL: V18__pending_uploads.postgresql.sql.
ALTER TABLE ticket_attachment ALTER COLUMN ticket_id NULL;
CREATE INDEX ticket_attachment_pending ON ticket_attachment (ticket_id, uploaded_at);
