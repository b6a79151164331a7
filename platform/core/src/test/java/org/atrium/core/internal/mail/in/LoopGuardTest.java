package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

class LoopGuardTest {
    private static final Set<String> OWN = Set.of("support@atrium.example", "facility@atrium.example");

    private static Optional<String> check(String sender, String... headers) throws Exception {
        String[] lines = new String[headers.length + 4];
        lines[0] = "From: " + sender;
        System.arraycopy(headers, 0, lines, 1, headers.length);
        lines[headers.length + 1] = "Subject: Re: IT-7";
        lines[headers.length + 2] = "";
        lines[headers.length + 3] = "text";
        MimeMessage mail = Mails.parse(lines);
        return LoopGuard.whyIgnored(mail, InboundMailProcessor.senderOf(mail), OWN);
    }

    @Test
    void aPersonsMailPasses() throws Exception {
        assertEquals(Optional.empty(), check("anna@atrium.example"));
        assertEquals(Optional.empty(), check("anna@atrium.example", "Auto-Submitted: no", "Precedence: normal"));
    }

    @Test
    void autoRepliesAreIgnored() throws Exception {
        assertTrue(check("anna@atrium.example", "Auto-Submitted: auto-replied").orElseThrow().startsWith("auto-submitted"));
        assertTrue(check("anna@atrium.example", "X-Autoreply: yes").isPresent());
        assertTrue(check("anna@atrium.example", "X-Autorespond: Abwesenheitsnotiz").isPresent());
        assertTrue(check("anna@atrium.example", "Precedence: bulk").isPresent());
        assertTrue(check("anna@atrium.example", "Precedence: auto_reply").isPresent());
        assertTrue(check("anna@atrium.example", "Precedence: list").isPresent());
    }

    @Test
    void bouncesAndSystemSendersAreIgnored() throws Exception {
        assertTrue(check("MAILER-DAEMON@mx.example").isPresent());
        assertTrue(check("postmaster@mx.example").isPresent());
        assertTrue(check("anna@atrium.example", "Return-Path: <>").isPresent());
        assertTrue(check("anna@atrium.example", "Content-Type: multipart/report; report-type=delivery-status; boundary=x").isPresent());
    }

    @Test
    void ourOwnAddressesAreLoops() throws Exception {
        assertTrue(check("Support <support@atrium.example>").orElseThrow().contains("own address"));
        assertTrue(check("support+IT-7.0123456789abcdef@atrium.example").isPresent(), "a tagged own address");
        assertTrue(check("FACILITY@atrium.example").isPresent(), "case does not matter");
    }
}
