-- Links between tickets: parent/child, relates-to, duplicate-of, caused-by (incident to problem).
-- Stored once, in one direction (from_ticket "parent-of" / "relates-to" / "duplicate-of" / "caused-by"
-- to_ticket); each ticket shows it from its own side.
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('ticket_link', 0);
CREATE TABLE ticket_link (
  id          BIGINT       NOT NULL PRIMARY KEY,
  from_ticket BIGINT       NOT NULL REFERENCES ticket (id),
  to_ticket   BIGINT       NOT NULL REFERENCES ticket (id),
  link_type   VARCHAR(20)  NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  created_at  TIMESTAMP    NOT NULL,
  CONSTRAINT ticket_link_unique UNIQUE (from_ticket, to_ticket, link_type)
);
CREATE INDEX ticket_link_to ON ticket_link (to_ticket, link_type);
