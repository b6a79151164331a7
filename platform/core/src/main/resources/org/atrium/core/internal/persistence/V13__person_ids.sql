-- Stable person ids: a person is named by an opaque id ('p-' + a number), not by their login, in every
-- column that names a person, so that an erasure (docs/gdpr.md) replaces the login in one row
-- (person_identity.login becomes the pseudonym) instead of in every ticket, comment and history row.
-- person_identity maps ids to logins for every directory provider (the built-in table, LDAP, ...);
-- erased_at marks a pseudonymised person. Portable: Derby and PostgreSQL.
CREATE TABLE person_identity (
  id          VARCHAR(20)   NOT NULL PRIMARY KEY,
  login       VARCHAR(100)  NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  erased_at   TIMESTAMP,
  CONSTRAINT person_identity_login UNIQUE (login)
);

-- every login that any row names today gets an id
CREATE TABLE person_login_migration (login VARCHAR(100) NOT NULL PRIMARY KEY);
INSERT INTO person_login_migration (login)
  SELECT id FROM person
  UNION SELECT manager FROM person WHERE manager IS NOT NULL
  UNION SELECT ooo_delegate FROM person WHERE ooo_delegate IS NOT NULL
  UNION SELECT requester FROM ticket
  UNION SELECT assignee FROM ticket WHERE assignee IS NOT NULL
  UNION SELECT author FROM ticket_comment
  UNION SELECT actor FROM ticket_history
  UNION SELECT created_by FROM ticket_link
  UNION SELECT approver FROM approval
  UNION SELECT handed_over_by FROM approval WHERE handed_over_by IS NOT NULL
  UNION SELECT decided_by FROM approval WHERE decided_by IS NOT NULL
  UNION SELECT on_behalf_of FROM approval WHERE on_behalf_of IS NOT NULL;
INSERT INTO person_identity (id, login, created_at)
  SELECT 'p-' || TRIM(CAST(n AS CHAR(20))), login, CURRENT_TIMESTAMP
  FROM (SELECT ROW_NUMBER() OVER () AS n, login FROM person_login_migration) numbered;
DROP TABLE person_login_migration;
-- new people take their number from here, as JPA ids do
INSERT INTO atrium_id_sequence (seq_name, seq_count) SELECT 'person', COUNT(*) FROM person_identity;

-- the directory keeps the login beside the id (search and the Person record show it)
ALTER TABLE person ADD COLUMN login VARCHAR(100);
UPDATE person SET login = id;
UPDATE person SET id = (SELECT i.id FROM person_identity i WHERE i.login = person.login);
UPDATE person SET manager = (SELECT i.id FROM person_identity i WHERE i.login = person.manager) WHERE manager IS NOT NULL;
UPDATE person SET ooo_delegate = (SELECT i.id FROM person_identity i WHERE i.login = person.ooo_delegate) WHERE ooo_delegate IS NOT NULL;
CREATE UNIQUE INDEX person_by_login ON person (login);

-- every column that named a login now names the id; the indexes on them (ticket_by_requester,
-- ticket_by_assignee, approval_inbox, approval_decided_by, person_by_manager) serve the ids alike
UPDATE ticket SET requester = (SELECT i.id FROM person_identity i WHERE i.login = ticket.requester);
UPDATE ticket SET assignee = (SELECT i.id FROM person_identity i WHERE i.login = ticket.assignee) WHERE assignee IS NOT NULL;
UPDATE ticket_comment SET author = (SELECT i.id FROM person_identity i WHERE i.login = ticket_comment.author);
UPDATE ticket_history SET actor = (SELECT i.id FROM person_identity i WHERE i.login = ticket_history.actor);
UPDATE ticket_link SET created_by = (SELECT i.id FROM person_identity i WHERE i.login = ticket_link.created_by);
UPDATE approval SET approver = (SELECT i.id FROM person_identity i WHERE i.login = approval.approver);
UPDATE approval SET handed_over_by = (SELECT i.id FROM person_identity i WHERE i.login = approval.handed_over_by) WHERE handed_over_by IS NOT NULL;
UPDATE approval SET decided_by = (SELECT i.id FROM person_identity i WHERE i.login = approval.decided_by) WHERE decided_by IS NOT NULL;
UPDATE approval SET on_behalf_of = (SELECT i.id FROM person_identity i WHERE i.login = approval.on_behalf_of) WHERE on_behalf_of IS NOT NULL;
-- history values that name a person (an assignee changed, an approver asked or escalated)
UPDATE ticket_history SET after_value = (SELECT i.id FROM person_identity i WHERE i.login = ticket_history.after_value)
  WHERE after_value IN (SELECT login FROM person_identity)
  AND ((action = 'updated' AND field = 'assignee') OR action IN ('approval-requested', 'approval-reminded', 'approval-overdue', 'approval-escalated'));
UPDATE ticket_history SET before_value = (SELECT i.id FROM person_identity i WHERE i.login = ticket_history.before_value)
  WHERE before_value IN (SELECT login FROM person_identity)
  AND ((action = 'updated' AND field = 'assignee') OR action IN ('approval-decided', 'approval-escalated'));
-- the deciders of a ticket's latest approval: one decider is rewritten here; a list of several keeps
-- its logins, which the persistence boundary reads as they are (PersonListColumn) and an erasure rewrites
UPDATE ticket SET approval_deciders = (SELECT i.id FROM person_identity i WHERE i.login = ticket.approval_deciders)
  WHERE approval_deciders IN (SELECT login FROM person_identity);
