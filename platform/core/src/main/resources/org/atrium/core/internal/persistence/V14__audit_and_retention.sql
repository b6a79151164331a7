-- Audit (docs/gdpr.md, "Audit"): what ticket_history does not hold. A change of a ticket is already
-- an immutable history row (who, when, what, before, after); it now also keeps where the request
-- came from, and GET /audit reads it beside audit_event instead of writing every change twice (a
-- second insert per change would cost ticket creation a row for nothing new). audit_event holds
-- everything else: reads of confidential tickets, exports, erasures, retention runs, failed logins.
ALTER TABLE ticket_history ADD COLUMN client_address VARCHAR(64);
CREATE INDEX ticket_history_by_time ON ticket_history (occurred_at, id);
CREATE INDEX ticket_history_by_actor ON ticket_history (actor, occurred_at, id);

INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('audit_event', 0);
CREATE TABLE audit_event (
  id             BIGINT        NOT NULL PRIMARY KEY,
  occurred_at    TIMESTAMP     NOT NULL,
  actor          VARCHAR(100),
  action         VARCHAR(40)   NOT NULL,
  target         VARCHAR(200),
  detail         VARCHAR(2000),
  department     VARCHAR(50),
  confidential   BOOLEAN       NOT NULL,
  client_address VARCHAR(64)
);
-- /audit pages by time (newest first) and by actor
CREATE INDEX audit_event_by_time ON audit_event (occurred_at, id);
CREATE INDEX audit_event_by_actor ON audit_event (actor, occurred_at, id);

-- Retention (docs/gdpr.md): when a closed ticket was anonymised because its type's retention had
-- passed; the daily run reads closed tickets by the time they closed and skips anonymised ones
ALTER TABLE ticket ADD COLUMN anonymised_at TIMESTAMP;
CREATE INDEX ticket_retention ON ticket (status_category, status_changed_at, id);
-- whom a ticket past its retention names as its requester: no person, and no login (HTTP Basic
-- allows no colon in a user name); erased from the start
INSERT INTO person_identity (id, login, created_at, erased_at) VALUES ('p-0', 'anonymised:retention', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
