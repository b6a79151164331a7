-- The directory's people (Atrium's own provider; an LDAP provider would not use this table).
-- Portable: Derby and PostgreSQL. Dates are ISO text (YYYY-MM-DD), roles a ';'-joined list.
CREATE TABLE person (
  id             VARCHAR(100)  NOT NULL PRIMARY KEY,
  display_name   VARCHAR(200)  NOT NULL,
  email          VARCHAR(254),
  language       VARCHAR(2)    NOT NULL,
  department     VARCHAR(50),
  manager        VARCHAR(100),
  country        VARCHAR(2),
  region         VARCHAR(6),
  roles          VARCHAR(1000) NOT NULL,
  active         BOOLEAN       NOT NULL,
  ooo_delegate   VARCHAR(100),
  ooo_from       VARCHAR(10),
  ooo_until      VARCHAR(10),
  updated_at     TIMESTAMP     NOT NULL
);
-- search orders by display name; id lookups use the primary key
CREATE INDEX person_by_name ON person (display_name);
CREATE INDEX person_by_manager ON person (manager);
