package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.atrium.core.internal.mail.out.MailSettings;
import org.junit.jupiter.api.Test;

class InboundSettingsTest {

    @Test
    void noConfigurationMeansOff() {
        InboundSettings settings = InboundSettings.from(Map.of());
        assertFalse(settings.enabled());
        assertEquals(993, settings.port());
        assertEquals("INBOX", settings.folder());
        assertEquals(UnknownSenders.REJECT, settings.unknownSenders());
    }

    @Test
    void aFullConfiguration() {
        InboundSettings settings = InboundSettings.from(Map.ofEntries(Map.entry("enabled", "true"),
                Map.entry("imap.host", "imap.example"), Map.entry("imap.ssl", "false"), Map.entry("user", "support@atrium.example"),
                Map.entry("password", "secret"), Map.entry("pollSeconds", "30"), Map.entry("processedFolder", "Done"),
                Map.entry("unknownSenders", "create-as-guest"), Map.entry("guestUser", "guest"),
                Map.entry("address.Facility@atrium.example", "facility:facility.repair"),
                Map.entry("fields.facility@atrium.example", "{\"category\": \"other\", \"room\": \"?\"}")));
        assertTrue(settings.enabled());
        assertEquals(143, settings.port());
        assertEquals(30, settings.pollSeconds());
        assertEquals("Done", settings.processedFolder());
        DepartmentAddress facility = settings.addresses().get("facility@atrium.example");
        assertEquals(new DepartmentAddress("facility@atrium.example", "facility", "facility.repair", Map.of("category", "other", "room", "?")),
                facility);
        assertTrue(settings.ownAddresses().contains("support@atrium.example"));
        assertTrue(settings.ownAddresses().contains("facility@atrium.example"));
        assertFalse(settings.toString().contains("secret"), "the password is never logged");
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboundSettings.from(Map.of("enabled", "true",
                "imap.port", "99999", "unknownSenders", "bounce", "address.facility", "facility", "pollSeconds", "often")));
        for (String named : new String[] {"imap.port", "unknownSenders", "address.facility", "pollSeconds", "imap.host", "user"}) {
            assertTrue(e.getMessage().contains(named), named + " in " + e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InboundSettings.from(Map.of("unknownSenders", "create-as-guest")))
                .getMessage().contains("guestUser"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InboundSettings.from(Map.of(
                "address.f@x.example", "facility:facility.repair", "fields.f@x.example", "category=other"))).getMessage().contains("JSON"));
    }

    @Test
    void outgoingMailsSenderAndReplyMailboxAreOwnAddressesWithoutBeingListed() throws Exception {
        InboundSettings configured = InboundSettings.from(Map.of("ownAddresses", "Alias@atrium.example", "user", "inbox@atrium.example"));
        MailSettings outgoing = MailSettings.of(Map.of("from", "Atrium@atrium.example", "replyMailbox", "support@atrium.example"));
        InboundSettings settings = InboundMailPoller.effective(configured, outgoing);
        assertEquals(java.util.Set.of("alias@atrium.example", "inbox@atrium.example", "atrium@atrium.example", "support@atrium.example"),
                settings.ownAddresses());
        assertTrue(configured.ownAddresses().size() == 2, "the configured settings stay as they are");
        // a notification delivered back into the mailbox (its From is outgoing mail's sender) and a mail from a reply address are loops
        assertTrue(LoopGuard.whyIgnored(Mails.parse("From: atrium@atrium.example", "To: support@atrium.example", "", "x"),
                "atrium@atrium.example", settings.ownAddresses()).isPresent());
        assertTrue(LoopGuard.whyIgnored(Mails.parse("From: support+IT-7.0123456789abcdef@atrium.example", "", "x"),
                "support+it-7.0123456789abcdef@atrium.example", settings.ownAddresses()).isPresent());
        assertFalse(LoopGuard.whyIgnored(Mails.parse("From: anna@example.com", "", "x"), "anna@example.com", settings.ownAddresses()).isPresent());
    }

    @Test
    void autoAnswersAreOnByDefaultAtMostOneAnHour() {
        InboundSettings settings = InboundSettings.from(Map.of());
        assertTrue(settings.autoAnswer());
        assertEquals(60, settings.answerMinutes());
        InboundSettings off = InboundSettings.from(Map.of("autoAnswer", "false", "autoAnswerMinutes", "1440"));
        assertFalse(off.autoAnswer());
        assertEquals(1440, off.answerMinutes());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InboundSettings.from(Map.of("autoAnswerMinutes", "0")))
                .getMessage().contains("autoAnswerMinutes"));
    }
}
