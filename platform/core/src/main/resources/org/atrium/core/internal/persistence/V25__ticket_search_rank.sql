-- Search's first page read off an index (issue 13 part 4): one row per term and ticket with the term's
-- score in that ticket (the summed field weights of ticket_search_term, internal comments left out),
-- so a one-word search reads ticket_search_rank_order in score order and stops after the page instead
-- of grouping every ticket that holds the word. score 0: the term is only in internal comments (found
-- for the department's agents, ranked after every public hit). Kept in step by SearchIndex.
CREATE TABLE ticket_search_rank (
  ticket_id BIGINT      NOT NULL,
  term      VARCHAR(64) NOT NULL,
  score     INT         NOT NULL,
  CONSTRAINT ticket_search_rank_pk PRIMARY KEY (ticket_id, term)
);
CREATE INDEX ticket_search_rank_order ON ticket_search_rank (term, score DESC, ticket_id DESC);
-- the tickets indexed before this script
INSERT INTO ticket_search_rank (ticket_id, term, score)
  SELECT ticket_id, term, SUM(CASE WHEN field = 'internal' THEN 0 ELSE weight END) FROM ticket_search_term GROUP BY ticket_id, term;
