-- Ticket key numbers come from a sequence per prefix (ticket_key_it, ...; KeySequences), taken in the
-- ticket's transaction without a lock held until its commit: the counter row of V4 made creations of
-- one prefix commit one after the other. The sequences of the prefixes stored so far were created
-- just before this script, in its transaction, starting after each counter's last number
-- (SchemaMigrator runs KeySequences.fromCounters); a prefix first used later gets its sequence then.
DROP TABLE ticket_key_counter;
