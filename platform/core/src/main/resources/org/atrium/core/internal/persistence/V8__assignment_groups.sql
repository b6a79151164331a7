-- Assignment groups: the group (of the ticket's department) whose queue a ticket is in; set by the
-- type's routing on creation, changed by agents. Group definitions live in Karaf configuration
-- (etc/org.atrium.groups-*.cfg), not in the database: the column holds the group's key.
ALTER TABLE ticket ADD COLUMN assignment_group VARCHAR(50);
-- The queue reads one index range per way the caller may see tickets (docs/benchmarks.md); these
-- serve the filters and sorts that came with this migration, each with (filter columns, sort, id):
-- a group's queue
CREATE INDEX ticket_group_queue ON ticket (department, assignment_group, priority, id);
-- No (department, assignee, priority, id): unassigned=true reads V3's department queue index and skips
-- assigned rows (p50 2 ms at 100,000 tickets, QueueSpeedTest); assignee=me has V1's ticket_by_assignee.
-- a department's queue by age or by last change, both directions (Derby scans an index one way only)
CREATE INDEX ticket_department_created ON ticket (department, created_at, id);
CREATE INDEX ticket_department_created_desc ON ticket (department, created_at DESC, id DESC);
CREATE INDEX ticket_department_updated ON ticket (department, updated_at, id);
CREATE INDEX ticket_department_updated_desc ON ticket (department, updated_at DESC, id DESC);
