package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.atrium.core.internal.mail.MailReference;
import org.atrium.core.internal.mail.in.ReferenceMatch.Kind;
import org.junit.jupiter.api.Test;

class ReferenceMatchTest {
    private final MailReference reference = new MailReference("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final MailReference otherServer = new MailReference("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    private ReferenceMatch match(String... headers) throws Exception {
        String[] lines = new String[headers.length + 3];
        lines[0] = "From: anna@atrium.example";
        System.arraycopy(headers, 0, lines, 1, headers.length);
        lines[headers.length + 1] = "";
        lines[headers.length + 2] = "text";
        return ReferenceMatch.of(Mails.parse(lines), reference);
    }

    @Test
    void theReplyAddressNamesTheTicket() throws Exception {
        String to = reference.replyAddress("IT-7", "support@atrium.example");
        assertEquals(new ReferenceMatch(Kind.VALID, "IT-7"), match("To: Atrium <" + to + ">", "Subject: Re: something else"));
        assertEquals(new ReferenceMatch(Kind.VALID, "IT-7"), match("To: " + to.toLowerCase(), "Subject: Re: [FAC-9]"));
        assertEquals(new ReferenceMatch(Kind.VALID, "IT-7"), match("To: other@x.example", "Cc: Atrium <" + to + ">"));
        assertEquals(new ReferenceMatch(Kind.VALID, "IT-7"), match("To: support@atrium.example", "Delivered-To: " + to));
    }

    @Test
    void aSignedMessageIdInTheThreadHeadersNamesTheTicket() throws Exception {
        String id = reference.messageId("HR-3", "9f8e", "atrium.example");
        assertEquals(new ReferenceMatch(Kind.VALID, "HR-3"), match("To: support@atrium.example", "In-Reply-To: " + id));
        assertEquals(new ReferenceMatch(Kind.VALID, "HR-3"), match("To: support@atrium.example", "References: <a@b.example>\r\n " + id));
    }

    @Test
    void aForgedTokenIsForgedAndNeverFallsBackToTheSubject() throws Exception {
        String forged = otherServer.replyAddress("IT-7", "support@atrium.example");
        assertEquals(Kind.FORGED, match("To: " + forged, "Subject: Re: IT-7").kind());
        assertEquals(Kind.FORGED, match("To: support+IT-8.0000000000000000@atrium.example", "Subject: IT-8").kind());
        assertEquals(Kind.FORGED, match("To: support@atrium.example", "In-Reply-To: " + otherServer.messageId("IT-7", "x", "atrium.example")).kind());
        assertEquals(Kind.FORGED, match("To: support+IT-7.short@atrium.example").kind(), "a damaged token");
    }

    @Test
    void noReferenceAtAll() throws Exception {
        assertEquals(ReferenceMatch.NONE, match("To: facility@atrium.example", "Subject: Re: IT-7 light broken"));
        assertEquals(ReferenceMatch.NONE, match("To: anna+newsletter@atrium.example", "In-Reply-To: <abc@mail.example>"));
        assertEquals(ReferenceMatch.NONE, match("To: not an address <<<"));
    }
}
