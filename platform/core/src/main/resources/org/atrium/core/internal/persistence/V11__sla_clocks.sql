-- SLA clocks: one row per clock of a ticket, recomputed from the ticket's history at every change
-- (so a policy or calendar change loses no pause time: the history is the truth, the row a cache
-- for queues, lists and timers). Warnings and breaches fire from the durable scheduler.
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('sla_clock', 0);
CREATE TABLE sla_clock (
  id              BIGINT        NOT NULL PRIMARY KEY,
  ticket_id       BIGINT        NOT NULL REFERENCES ticket (id),
  clock_key       VARCHAR(64)   NOT NULL,
  kind            VARCHAR(8)    NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  priority        VARCHAR(4)    NOT NULL,
  target_seconds  BIGINT        NOT NULL,
  calendar        VARCHAR(64)   NOT NULL,
  elapsed_seconds BIGINT        NOT NULL,
  computed_at     TIMESTAMP     NOT NULL,
  due_at          TIMESTAMP,
  warn_at         TIMESTAMP,
  warned_at       TIMESTAMP,
  breached_at     TIMESTAMP,
  stopped_at      TIMESTAMP,
  version         BIGINT        NOT NULL,
  CONSTRAINT sla_clock_unique UNIQUE (ticket_id, clock_key)
);
-- running clocks by due time: the at-risk list and the breaches read ranges of it
CREATE INDEX sla_clock_due ON sla_clock (due_at, id);
CREATE INDEX sla_clock_breached ON sla_clock (breached_at, id);
-- the queue in SLA order: a ticket's earliest due time of its running clocks (null: none runs)
ALTER TABLE ticket ADD COLUMN sla_due_at TIMESTAMP;
CREATE INDEX ticket_sla_queue ON ticket (department, sla_due_at, id);
