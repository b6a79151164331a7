package org.atrium.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailReferenceTest {
    private final MailReference reference = new MailReference("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final MailReference otherServer = new MailReference("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aTokenNamesItsTicketOnlyWithItsOwnSignature() {
        String token = reference.tokenFor("INC-42");
        assertTrue(token.matches("INC-42\\.[0-9a-f]{16}"), token);
        assertEquals(Optional.of("INC-42"), reference.ticketKeyOf(token));
        assertEquals(Optional.empty(), otherServer.ticketKeyOf(token), "signed with another key");
        assertEquals(Optional.empty(), reference.ticketKeyOf(token.replace("INC-42", "INC-43")), "key changed, signature kept");
        assertEquals(Optional.empty(), reference.ticketKeyOf("INC-42"));
        assertEquals(Optional.empty(), reference.ticketKeyOf("garbage"));
    }

    @Test
    void replyAddressesSurviveLowerCasing() {
        String address = reference.replyAddress("HR-7", "service@atrium.example");
        assertTrue(address.startsWith("service+HR-7.") && address.endsWith("@atrium.example"), address);
        assertEquals(Optional.of("HR-7"), reference.ticketKeyOfAddress(address));
        assertEquals(Optional.of("HR-7"), reference.ticketKeyOfAddress(address.toLowerCase()));
        assertEquals(Optional.empty(), reference.ticketKeyOfAddress("service@atrium.example"));
        assertThrows(IllegalArgumentException.class, () -> reference.replyAddress("HR-7", "no-address"));
    }

    @Test
    void theFirstSignedMessageIdInAReferencesHeaderCounts() {
        String id = reference.messageId("FAC-3", "1a2b3c", "atrium.example");
        assertTrue(id.startsWith("<atrium.FAC-3.") && id.endsWith(".1a2b3c@atrium.example>"), id);
        String forged = "<atrium.FAC-9.0000000000000000.x@atrium.example>";
        assertEquals(Optional.of("FAC-3"), reference.ticketKeyOfMessageIds("<other@mail.example> " + forged + " " + id));
        assertEquals(Optional.empty(), reference.ticketKeyOfMessageIds(forged));
        assertEquals(Optional.empty(), reference.ticketKeyOfMessageIds(null));
    }
}
