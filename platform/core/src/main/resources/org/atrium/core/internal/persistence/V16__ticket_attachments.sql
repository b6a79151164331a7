-- Attachments of tickets (docs/gdpr.md, "Attachments"): the bytes live in the database, which every
-- node shares (no file system to keep in step). Metadata beside the content so that a list never reads
-- the bytes. file_name is the sanitised name sent in Content-Disposition, original_name the one the
-- uploader gave (for display). content becomes NULL when the ticket is anonymised; the row stays for
-- statistics. Derby: BLOB; PostgreSQL: BYTEA (V16__ticket_attachments.postgresql.sql).
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('ticket_attachment', 0);
CREATE TABLE ticket_attachment (
  id            BIGINT        NOT NULL PRIMARY KEY,
  ticket_id     BIGINT        NOT NULL REFERENCES ticket (id),
  file_name     VARCHAR(255)  NOT NULL,
  original_name VARCHAR(255)  NOT NULL,
  content_type  VARCHAR(100)  NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  sha256        VARCHAR(64)   NOT NULL,
  uploaded_by   VARCHAR(100)  NOT NULL,
  uploaded_at   TIMESTAMP     NOT NULL,
  erased_at     TIMESTAMP,
  content       BLOB(2G)
);
CREATE INDEX ticket_attachment_by_ticket ON ticket_attachment (ticket_id, id);
CREATE INDEX ticket_attachment_by_uploader ON ticket_attachment (uploaded_by, id);
