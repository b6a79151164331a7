-- The outbox: what must follow a committed change (EventAdmin events, transition actions that call
-- out) is written in the change's own transaction and delivered after it, by any node, once.
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('outbox', 0);
CREATE TABLE outbox (
  id              BIGINT         NOT NULL PRIMARY KEY,
  kind            VARCHAR(20)    NOT NULL,
  name            VARCHAR(200)   NOT NULL,
  payload         VARCHAR(20000) NOT NULL,
  created_at      TIMESTAMP      NOT NULL,
  attempts        INT            NOT NULL,
  next_attempt_at TIMESTAMP      NOT NULL
);
-- delivery reads what is due, oldest first: its cost grows with the backlog, not with history (rows go once delivered)
CREATE INDEX outbox_due ON outbox (next_attempt_at, id);
