package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.atrium.core.internal.mail.in.ProcessedMessages.Claim;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One node processes each mail; a failed or abandoned one is taken again; on both databases. */
class ProcessedMessagesTest {
    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theInsertDecidesWhichNodeProcessesAMail(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("inboundmail", engine)) {
            ProcessedMessages first = new ProcessedMessages(databases.database(), Clock.fixed(NOW, ZoneOffset.UTC));
            ProcessedMessages second = new ProcessedMessages(databases.secondNode(), Clock.fixed(NOW, ZoneOffset.UTC));
            String id = "<reply-1@mail.example>";
            assertEquals(Claim.TAKEN, first.claim(id));
            assertEquals(Claim.BUSY, second.claim(id), "the other node leaves it");
            first.finish(id, "anna@atrium.example", new Outcome(Outcome.COMMENTED, "IT-7", null, "it", null));
            assertEquals(Claim.DONE, second.claim(id), "processed: the other node only marks it in the mailbox");
            assertEquals(1, databases.count("inbound_mail"));
            assertEquals(1, databases.count("audit_event"), "the outcome is audited");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedOrAbandonedMailIsTriedAgain(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("inboundretry", engine)) {
            ProcessedMessages node = new ProcessedMessages(databases.database(), Clock.fixed(NOW, ZoneOffset.UTC));
            assertEquals(Claim.TAKEN, node.claim("<a@x>"));
            node.failed("<a@x>", "database down");
            assertEquals(Claim.TAKEN, node.claim("<a@x>"), "a failed attempt is retried");

            assertEquals(Claim.TAKEN, node.claim("<b@x>"));
            ProcessedMessages later = new ProcessedMessages(databases.secondNode(),
                    Clock.fixed(NOW.plus(ProcessedMessages.LEASE).plusSeconds(1), ZoneOffset.UTC));
            assertEquals(Claim.TAKEN, later.claim("<b@x>"), "a claim whose node died is taken over after the lease");
            assertEquals(Claim.BUSY, node.claim("<b@x>"));
        }
    }
}
