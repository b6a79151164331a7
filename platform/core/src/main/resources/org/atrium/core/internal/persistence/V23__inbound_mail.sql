-- Inbound mail (docs/notifications.md, "Inbound mail"): one row per mail taken from the mailbox,
-- keyed by the SHA-256 of its Message-ID. Every node polls the same mailbox; the insert of this row
-- decides which node processes a mail (the others fail on the primary key and leave it). A claim
-- that is never finished (its node died) may be taken over after a lease; a failed attempt deletes
-- its claim, so the mail is tried again at the next poll and never lost.
CREATE TABLE inbound_mail (
  message_key  VARCHAR(64)   NOT NULL PRIMARY KEY,
  message_id   VARCHAR(255)  NOT NULL,
  state        VARCHAR(16)   NOT NULL,
  outcome      VARCHAR(40),
  ticket_key   VARCHAR(40),
  sender       VARCHAR(255),
  detail       VARCHAR(1000),
  attempts     INT           NOT NULL,
  claimed_at   TIMESTAMP     NOT NULL,
  finished_at  TIMESTAMP
);
-- atrium:mail-inbound lists the latest outcomes and the mails waiting for another attempt
CREATE INDEX inbound_mail_by_time ON inbound_mail (claimed_at);
