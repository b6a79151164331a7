-- Ranking reads ticket_search_rank only (one word since V25, several words now too), so nothing reads
-- ticket_search_term by term any more: it is read by ticket (its primary key) for where a page's hits
-- matched. The index by term cost every indexed row a second B-tree insert: about a sixth of a
-- ticket creation's CPU on Derby went into search rows (docs/benchmarks.md).
DROP INDEX ticket_search_by_term;
