-- An answer to a refused inbound mail is threaded under that mail (docs/notifications.md): the
-- In-Reply-To and References headers it is sent with, both built from well-formed message ids only.
-- NULL for every notification, which answers no mail.
ALTER TABLE mail_message ADD COLUMN in_reply_to VARCHAR(1000);
ALTER TABLE mail_message ADD COLUMN thread_references VARCHAR(4000);
