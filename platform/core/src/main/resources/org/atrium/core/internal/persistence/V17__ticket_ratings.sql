-- The requester's rating of a resolved or closed ticket (one per ticket: the ticket is the natural key),
-- changeable until the ticket is closed; every rating and change is also a history row. Issue 13's
-- CSAT reads these rows. comment is redacted when the ticket is anonymised.
CREATE TABLE ticket_rating (
  ticket_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES ticket (id),
  score      SMALLINT      NOT NULL,
  comment    VARCHAR(2000),
  rated_by   VARCHAR(100)  NOT NULL,
  rated_at   TIMESTAMP     NOT NULL,
  CONSTRAINT ticket_rating_score CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX ticket_rating_by_time ON ticket_rating (rated_at);
