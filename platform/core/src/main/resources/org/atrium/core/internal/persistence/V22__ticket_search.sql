-- Full-text search (GET /tickets?q=): an inverted index in the database, written in the transaction of
-- the ticket or comment change, so every node sees it at once and it is never stale. One row per term,
-- ticket, field and source (0: the ticket's own text; a comment's id), weight = field weight x occurrences.
-- field: key, summary, description, fields, comment, internal (internal comments: their agents only).
-- No foreign key to ticket: a creation writes its terms before EclipseLink flushes the ticket row (a
-- flush per creation costs an UPDATE more); tickets are never deleted, only anonymised.
CREATE TABLE ticket_search_term (
  ticket_id BIGINT       NOT NULL,
  source_id BIGINT       NOT NULL,
  field     VARCHAR(16)  NOT NULL,
  term      VARCHAR(64)  NOT NULL,
  weight    SMALLINT     NOT NULL,
  CONSTRAINT ticket_search_term_pk PRIMARY KEY (ticket_id, source_id, field, term)
);
-- a search reads the rows of its terms only: term = ? (or IN) served by this index, with what ranks them
CREATE INDEX ticket_search_by_term ON ticket_search_term (term, ticket_id, field, weight);

-- Tickets written before this script are indexed once at start, in batches (SearchBackfill): the next
-- ticket id to index, so a restart resumes; one row, locked by each batch so that nodes take turns.
CREATE TABLE ticket_search_backfill (
  id           SMALLINT NOT NULL PRIMARY KEY,
  next_ticket  BIGINT   NOT NULL,
  finished     BOOLEAN  NOT NULL
);
INSERT INTO ticket_search_backfill (id, next_ticket, finished) VALUES (1, 0, FALSE);
