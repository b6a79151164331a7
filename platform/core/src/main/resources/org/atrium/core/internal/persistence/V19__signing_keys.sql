-- Server-side secrets for HMAC signatures that every node must agree on (the reference in a
-- notification's reply address, approval links in mails). A key is created on first use by
-- whichever node needs it first; the primary key makes a second node's insert fail, and it then
-- reads the winner's key. Never leaves the server.
CREATE TABLE signing_key (
  name        VARCHAR(64)   NOT NULL PRIMARY KEY,
  secret      VARCHAR(128)  NOT NULL,
  created_at  TIMESTAMP     NOT NULL
);
