-- Ticket core on PostgreSQL: as V1__tickets.sql, but form values are jsonb, so that a queue can
-- index the fields it filters on (a GIN or expression index in a later migration).
CREATE TABLE atrium_id_sequence (
  seq_name  VARCHAR(50) NOT NULL PRIMARY KEY,
  seq_count BIGINT      NOT NULL
);
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('ticket', 0), ('ticket_comment', 0), ('ticket_history', 0);

CREATE TABLE ticket (
  id           BIGINT         NOT NULL PRIMARY KEY,
  ticket_key   VARCHAR(40)    NOT NULL,
  key_prefix   VARCHAR(10)    NOT NULL,
  key_number   BIGINT         NOT NULL,
  type_key     VARCHAR(100)   NOT NULL,
  type_version INT            NOT NULL,
  department   VARCHAR(50)    NOT NULL,
  summary      VARCHAR(200)   NOT NULL,
  description  VARCHAR(20000),
  requester    VARCHAR(100)   NOT NULL,
  assignee     VARCHAR(100),
  status       VARCHAR(40)    NOT NULL,
  impact       VARCHAR(10)    NOT NULL,
  urgency      VARCHAR(10)    NOT NULL,
  priority     SMALLINT       NOT NULL,
  confidential BOOLEAN        NOT NULL,
  fields_json  JSONB          NOT NULL,
  created_at   TIMESTAMP      NOT NULL,
  updated_at   TIMESTAMP      NOT NULL,
  version      BIGINT         NOT NULL,
  CONSTRAINT ticket_key_unique UNIQUE (ticket_key),
  CONSTRAINT ticket_number_unique UNIQUE (key_prefix, key_number)
);
-- the agent queue: department and status filters, worked by priority then age
CREATE INDEX ticket_queue ON ticket (department, status, priority, id);
CREATE INDEX ticket_by_requester ON ticket (requester, priority, id);
CREATE INDEX ticket_by_assignee ON ticket (assignee, priority, id);
CREATE INDEX ticket_by_priority ON ticket (priority, id);

CREATE TABLE ticket_comment (
  id         BIGINT         NOT NULL PRIMARY KEY,
  ticket_id  BIGINT         NOT NULL REFERENCES ticket (id),
  author     VARCHAR(100)   NOT NULL,
  body       VARCHAR(20000) NOT NULL,
  internal   BOOLEAN        NOT NULL,
  created_at TIMESTAMP      NOT NULL
);
CREATE INDEX ticket_comment_by_ticket ON ticket_comment (ticket_id, id);

CREATE TABLE ticket_history (
  id           BIGINT        NOT NULL PRIMARY KEY,
  ticket_id    BIGINT        NOT NULL REFERENCES ticket (id),
  occurred_at  TIMESTAMP     NOT NULL,
  actor        VARCHAR(100)  NOT NULL,
  action       VARCHAR(20)   NOT NULL,
  field        VARCHAR(100),
  before_value VARCHAR(20000),
  after_value  VARCHAR(20000)
);
CREATE INDEX ticket_history_by_ticket ON ticket_history (ticket_id, id);
