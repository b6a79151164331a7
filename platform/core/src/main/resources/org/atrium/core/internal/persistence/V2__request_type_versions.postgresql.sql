-- PostgreSQL variant of V2__request_type_versions.sql: TEXT where Derby needs a CLOB.
-- Every request-type version a ticket was created with, so that the ticket keeps its form when
-- the type's bundle is updated or removed.
CREATE TABLE request_type_version (
  id             VARCHAR(120) NOT NULL PRIMARY KEY,
  type_key       VARCHAR(100) NOT NULL,
  schema_version INT          NOT NULL,
  descriptor     TEXT         NOT NULL,
  stored_at      TIMESTAMP    NOT NULL
);
