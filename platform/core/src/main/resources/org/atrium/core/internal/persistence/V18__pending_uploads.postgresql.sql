-- Uploads before their ticket exists (POST /attachments): a row without ticket_id is held for its
-- uploader (uploaded_by) only, until a ticket's attachment field names it (then ticket_id is set in
-- that ticket's transaction) or the sweep deletes it (uploaded_at older than pendingUploadHours).
-- The index lets the sweep read only the pending rows. PostgreSQL syntax; Derby: V18__pending_uploads.sql.
ALTER TABLE ticket_attachment ALTER COLUMN ticket_id DROP NOT NULL;
CREATE INDEX ticket_attachment_pending ON ticket_attachment (ticket_id, uploaded_at);
