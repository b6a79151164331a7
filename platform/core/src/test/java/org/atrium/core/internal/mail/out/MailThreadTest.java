package org.atrium.core.internal.mail.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Which values of a stranger's mail may thread an answer (RFC 5322 3.6.4), and which never reach a header. */
class MailThreadTest {
    @Test
    void theAnswerNamesTheMailAndItsReferences() {
        MailThread thread = MailThread.answering(" <m1@x.example>\r\n", "<r0@x.example>\r\n\t<r1@x.example>, junk <m1@x.example>");
        assertEquals("<m1@x.example>", thread.inReplyTo());
        assertEquals("<r0@x.example> <r1@x.example> <m1@x.example>", thread.references(), "folded lines unfolded, junk and repeats left out");
        assertEquals(new MailThread("<m1@x.example>", "<m1@x.example>"), MailThread.answering("<m1@x.example>", null));
    }

    @Test
    void noMessageIdOrOneThatIsNotOneThreadsNothing() {
        assertEquals(MailThread.NONE, MailThread.answering(null, "<r0@x.example>"));
        for (String id : new String[] {"", "m1@x.example", "<m1 @x.example>", "<m1@x.example>\r\nBcc: v@x.example",
                "<m1@x.example>\nBcc: v@x.example", "<m1@x.example> <m2@x.example>", "<m1@x.example\r>", "<m1x.example>",
                "<" + "a".repeat(300) + "@x.example>"}) {
            assertEquals(MailThread.NONE, MailThread.answering(id, null), id);
            assertFalse(MailThread.isMessageId(id), id);
        }
        assertTrue(MailThread.isMessageId("<CAF=x+y_z.1!#$%&'*/?^`{|}~-@mail.gmail.com>"));
    }

    @Test
    void referencesWithALineBreakAreLeftOutAndALongChainLosesItsMiddle() {
        assertEquals("<m1@x.example>", MailThread.answering("<m1@x.example>", "<r0@x.example>\r\nBcc: v@x.example").references());
        assertEquals("<m1@x.example>", MailThread.answering("<m1@x.example>", "<r0@x.example>\u0000").references());
        String chain = IntStream.range(0, 200).mapToObj(i -> "<reference." + i + "@x.example>").collect(Collectors.joining(" "));
        String references = MailThread.answering("<m1@x.example>", chain).references();
        assertTrue(references.length() <= MailThread.MAX_REFERENCES, references);
        assertTrue(references.startsWith("<reference.0@x.example> <reference.1"), "the thread's start stays: " + references);
        assertTrue(references.endsWith("<reference.199@x.example> <m1@x.example>"), "the latest stay: " + references);
    }
}
