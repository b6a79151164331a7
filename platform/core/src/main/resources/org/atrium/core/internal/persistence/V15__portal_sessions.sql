-- Sign-in sessions of the portal (docs/security.md, "Sessions"): shared by every node, so no sticky
-- routing is needed and a logout on one node is seen by all. The token itself is never stored: its
-- SHA-256 hash (hex) is the key. person_id is the stable person id, roles those of the login at
-- sign-in (';'-separated). last_seen_at is written at most once a minute; the expiry (idle time and
-- maximum age from org.atrium.rest.cfg) is computed when a session is read, and the sweep deletes
-- expired rows through the two indexes.
CREATE TABLE portal_session (
  token_hash    VARCHAR(64)   NOT NULL PRIMARY KEY,
  person_id     VARCHAR(20)   NOT NULL,
  roles         VARCHAR(2000) NOT NULL,
  created_at    TIMESTAMP     NOT NULL,
  last_seen_at  TIMESTAMP     NOT NULL
);
CREATE INDEX portal_session_by_last_seen ON portal_session (last_seen_at);
CREATE INDEX portal_session_by_created ON portal_session (created_at);
