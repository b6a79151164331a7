-- Approvals: one row per approver per stage per round (a round is one entry into the state that
-- starts the type's approval process). Decisions are final: a decided row is never changed again.
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('approval', 0);
CREATE TABLE approval (
  id             BIGINT        NOT NULL PRIMARY KEY,
  ticket_id      BIGINT        NOT NULL REFERENCES ticket (id),
  round_no       INT           NOT NULL,
  stage_index    INT           NOT NULL,
  stage_key      VARCHAR(64)   NOT NULL,
  approver       VARCHAR(100)  NOT NULL,
  handed_over_by VARCHAR(100),
  state          VARCHAR(16)   NOT NULL,
  decided_by     VARCHAR(100),
  on_behalf_of   VARCHAR(100),
  decision_comment VARCHAR(4000),
  requested_at   TIMESTAMP     NOT NULL,
  due_at         TIMESTAMP,
  decided_at     TIMESTAMP,
  version        BIGINT        NOT NULL
);
CREATE INDEX approval_by_ticket ON approval (ticket_id, round_no, stage_index);
-- an inbox reads the caller's pending rows (and those of the people they act for)
CREATE INDEX approval_inbox ON approval (approver, state, id);
CREATE INDEX approval_decided_by ON approval (decided_by, id);

-- Where a ticket's latest approval stands, for the ticket itself and its queue.
ALTER TABLE ticket ADD COLUMN approval_state VARCHAR(16);
ALTER TABLE ticket ADD COLUMN approval_stage VARCHAR(64);
ALTER TABLE ticket ADD COLUMN approval_round INT DEFAULT 0 NOT NULL;
ALTER TABLE ticket ADD COLUMN approval_decided_at TIMESTAMP;
ALTER TABLE ticket ADD COLUMN approval_deciders VARCHAR(1000);

-- The durable scheduler: timers that must fire once, also when they fell due while every node was
-- down (approval reminders and timeouts; SLA warnings and breaches next). A node claims due rows
-- (FOR UPDATE SKIP LOCKED on PostgreSQL), runs them and deletes them in one transaction.
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('scheduled_task', 0);
CREATE TABLE scheduled_task (
  id          BIGINT        NOT NULL PRIMARY KEY,
  kind        VARCHAR(50)   NOT NULL,
  ref_id      BIGINT        NOT NULL,
  due_at      TIMESTAMP     NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  attempts    INT           NOT NULL
);
-- a sweep reads what is due: its cost grows with what is due, not with how many timers wait
CREATE INDEX scheduled_task_due ON scheduled_task (due_at, id);
CREATE INDEX scheduled_task_ref ON scheduled_task (ref_id, kind);
