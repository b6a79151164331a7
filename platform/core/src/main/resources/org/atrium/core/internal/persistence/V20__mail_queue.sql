-- Outgoing notification mails (docs/notifications.md). A row is written when the outbox hands over
-- the event that caused it, rendered for its recipient (language, what they may see), and sent by
-- the mail worker, which claims due rows (FOR UPDATE SKIP LOCKED on PostgreSQL) and retries with a
-- growing pause. (event_id, recipient) is unique: an event delivered again writes no second mail.
CREATE TABLE mail_message (
  id               BIGINT         NOT NULL PRIMARY KEY,
  event_id         BIGINT         NOT NULL,
  recipient        VARCHAR(320)   NOT NULL,
  person_id        VARCHAR(200),
  template         VARCHAR(64)    NOT NULL,
  language         VARCHAR(8)     NOT NULL,
  ticket_key       VARCHAR(64),
  subject          VARCHAR(1000)  NOT NULL,
  text_body        VARCHAR(16000) NOT NULL,
  html_body        VARCHAR(30000) NOT NULL,
  message_id       VARCHAR(400)   NOT NULL,
  reply_to         VARCHAR(400),
  state            VARCHAR(16)    NOT NULL,
  attempts         INT            NOT NULL,
  next_attempt_at  TIMESTAMP      NOT NULL,
  last_error       VARCHAR(2000),
  created_at       TIMESTAMP      NOT NULL,
  sent_at          TIMESTAMP
);
CREATE UNIQUE INDEX mail_message_event_recipient ON mail_message (event_id, recipient);
CREATE INDEX mail_message_due ON mail_message (state, next_attempt_at);
INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES ('mail_message', 0);

-- People who follow a ticket (public comments and its resolution reach them by mail).
CREATE TABLE ticket_watcher (
  ticket_key  VARCHAR(64)   NOT NULL,
  person_id   VARCHAR(200)  NOT NULL,
  added_by    VARCHAR(200)  NOT NULL,
  added_at    TIMESTAMP     NOT NULL,
  PRIMARY KEY (ticket_key, person_id)
);

-- Approval links from mails are single use: the first use of any link of an approval marks it.
CREATE TABLE approval_link_use (
  approval_id  BIGINT        NOT NULL PRIMARY KEY,
  decision     VARCHAR(16)   NOT NULL,
  used_at      TIMESTAMP     NOT NULL
);
