-- Webhooks (issue 13): subscriptions by event type and department, one durable delivery row per
-- (subscription, event) written when the event is handled, and a log row per HTTP attempt.
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('webhook', 0);
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('webhook_delivery', 0);
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('webhook_attempt', 0);
CREATE TABLE webhook (
  id                   BIGINT        NOT NULL PRIMARY KEY,
  url                  VARCHAR(2000) NOT NULL,
  events               VARCHAR(1000) NOT NULL,
  department           VARCHAR(50),
  owner_department     VARCHAR(50),
  secret               VARCHAR(100)  NOT NULL,
  enabled              BOOLEAN       NOT NULL,
  disabled_reason      VARCHAR(500),
  consecutive_failures INT           NOT NULL,
  created_by           VARCHAR(100)  NOT NULL,
  created_at           TIMESTAMP     NOT NULL,
  last_delivery_at     TIMESTAMP,
  last_outcome         VARCHAR(500)
);
CREATE TABLE webhook_delivery (
  id              BIGINT         NOT NULL PRIMARY KEY,
  webhook_id      BIGINT         NOT NULL REFERENCES webhook (id),
  event_id        VARCHAR(60)    NOT NULL,
  event_type      VARCHAR(50)    NOT NULL,
  ticket_key      VARCHAR(50),
  payload         VARCHAR(20000) NOT NULL,
  created_at      TIMESTAMP      NOT NULL,
  attempts        INT            NOT NULL,
  state           VARCHAR(20)    NOT NULL,
  next_attempt_at TIMESTAMP
);
-- the worker reads what is due, oldest first; delivered and given-up rows have no next attempt
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, id);
CREATE INDEX webhook_delivery_by_webhook ON webhook_delivery (webhook_id, id);
CREATE TABLE webhook_attempt (
  id            BIGINT       NOT NULL PRIMARY KEY,
  webhook_id    BIGINT       NOT NULL REFERENCES webhook (id),
  delivery_id   BIGINT       NOT NULL REFERENCES webhook_delivery (id),
  attempt       INT          NOT NULL,
  attempted_at  TIMESTAMP    NOT NULL,
  http_status   INT,
  error         VARCHAR(500),
  duration_ms   BIGINT       NOT NULL,
  outcome       VARCHAR(20)  NOT NULL
);
CREATE INDEX webhook_attempt_by_webhook ON webhook_attempt (webhook_id, id);
