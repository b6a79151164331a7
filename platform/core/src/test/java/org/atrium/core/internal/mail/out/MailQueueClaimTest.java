package org.atrium.core.internal.mail.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.worker.Retries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How nodes claim queued mails (MailStore.claim through DueRows): once each, after their pause, and again after a crash. */
class MailQueueClaimTest {
    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

    @Test
    void twoNodesClaimingAtOnceOnPostgresqlNeverGetTheSameMail() throws Exception {
        try (TestDatabases databases = TestDatabases.open("mailclaim2", Engine.POSTGRESQL)) {
            Database node = databases.database();
            Database otherNode = databases.secondNode();
            queue(node, 5);
            Set<Long> both = new HashSet<>();
            node.inTransaction(em -> {
                List<Long> first = ids(MailStore.claim(em, node.dialect(), NOW, 3));
                // the other node claims while this node's transaction still holds its three rows
                List<Long> second = otherNode.inTransaction(other -> ids(MailStore.claim(other, otherNode.dialect(), NOW, 10)));
                assertEquals(3, first.size(), "first: " + first);
                assertEquals(2, second.size(), "second: " + second);
                both.addAll(first);
                both.addAll(second);
                return null;
            });
            assertEquals(5, both.size(), "no mail claimed twice: " + both);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theMailsOfANodeThatDiedWhileSendingAreClaimedAgain(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("mailclaimcrash", engine)) {
            Database node = databases.database();
            Database otherNode = databases.secondNode();
            queue(node, 2);
            assertThrows(IllegalStateException.class, () -> node.inTransaction(em -> {
                assertEquals(2, MailStore.claim(em, node.dialect(), NOW, 10).size());
                throw new IllegalStateException("the node dies before its transaction commits");
            }));
            assertEquals(2, otherNode.inTransaction(em -> MailStore.claim(em, otherNode.dialect(), NOW, 10)).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedMailWaitsForItsPauseAndASentOneIsNeverClaimedAgain(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("mailclaimretry", engine)) {
            Database db = databases.database();
            List<Long> ids = queue(db, 2);
            Instant next = NOW.plus(Retries.backoff(1));
            db.inTransaction(em -> {
                MailStore.attemptFailed(em, ids.get(0), "421 try later", next);
                MailStore.sent(em, ids.get(1), NOW);
                return null;
            });
            assertEquals(List.of(), claimed(db, next.minusMillis(1)), "the failed mail waits 10 s, the sent one is done");
            List<QueuedMail> due = db.inTransaction(em -> MailStore.claim(em, db.dialect(), next, 10));
            assertEquals(List.of(ids.get(0)), ids(due));
            assertEquals(1, due.get(0).attempts());
            db.inTransaction(em -> {
                MailStore.attemptFailed(em, ids.get(0), "550 no such user", null);
                return null;
            });
            assertEquals(List.of(), claimed(db, next.plus(Duration.ofDays(1))), "a mail given up is not claimed");
            boolean retried = db.inTransaction(em -> MailStore.retry(em, ids.get(0), next));
            assertTrue(retried);
            assertEquals(List.of(ids.get(0)), claimed(db, next), "until an operator retries it");
        }
    }

    private static List<Long> queue(Database db, int count) {
        for (int i = 0; i < count; i++) {
            OutgoingMail mail = new OutgoingMail(100 + i, "person" + i + "@example.com", null, "created", "en", "IT-1",
                    new RenderedMail("subject " + i, "text", "<html><body>text</body></html>"), "<atrium.test." + i + "@example.com>", null);
            db.inTransaction(em -> MailStore.enqueue(em, mail, NOW));
        }
        return claimed(db, NOW);
    }

    private static List<Long> claimed(Database db, Instant at) {
        return db.inTransaction(em -> ids(MailStore.claim(em, db.dialect(), at, 100)));
    }

    private static List<Long> ids(List<QueuedMail> mails) {
        return mails.stream().map(QueuedMail::id).toList();
    }
}
