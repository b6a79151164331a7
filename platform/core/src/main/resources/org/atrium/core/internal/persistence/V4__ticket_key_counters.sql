-- Ticket key numbers per prefix (IT-1, IT-2, ...), taken from the database inside the ticket's own
-- transaction so that several nodes on one database never hand out the same key. A row per prefix,
-- created on the first ticket of the prefix; a rolled-back creation may leave a gap.
CREATE TABLE ticket_key_counter (
  key_prefix  VARCHAR(10) NOT NULL PRIMARY KEY,
  last_number BIGINT      NOT NULL
);
-- continue where the tickets stored so far end
INSERT INTO ticket_key_counter (key_prefix, last_number)
  SELECT key_prefix, MAX(key_number) FROM ticket GROUP BY key_prefix;
