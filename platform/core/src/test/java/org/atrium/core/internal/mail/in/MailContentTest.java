package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MailContentTest {

    @Test
    void plainTextAndAnAttachment() throws Exception {
        MailContent content = MailContent.of(Mails.parse("From: anna@atrium.example", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=b1", "", "--b1",
                "Content-Type: multipart/alternative; boundary=b2", "", "--b2", "Content-Type: text/plain; charset=UTF-8", "",
                "Die Lampe flackert.", "--b2", "Content-Type: text/html; charset=UTF-8", "", "<p>Die <b>Lampe</b> flackert.</p>", "--b2--",
                "--b1", "Content-Type: text/plain; name=\"notiz.txt\"", "Content-Disposition: attachment; filename=\"notiz.txt\"",
                "Content-Transfer-Encoding: base64", "", "UmF1bSA0LjEy", "--b1--"), 1000);
        assertEquals("Die Lampe flackert.", content.text().strip());
        assertEquals(1, content.files().size());
        MailContent.MailFile file = content.files().get(0);
        assertEquals("notiz.txt", file.fileName());
        assertEquals("text/plain", file.contentType());
        assertArrayEquals("Raum 4.12".getBytes(StandardCharsets.US_ASCII), file.bytes());
    }

    @Test
    void htmlOnlyMailsAreReducedToText() throws Exception {
        MailContent content = MailContent.of(Mails.parse("From: anna@atrium.example", "Content-Type: text/html; charset=UTF-8", "",
                "<html><head><style>p{}</style></head><body><p>Licht &amp; Heizung</p><p>Raum 4.12<br>Etage 4</p></body></html>"), 1000);
        assertEquals("Licht & Heizung\nRaum 4.12\nEtage 4", content.text());
    }

    @Test
    void aFileIsReadOnlyOneBytePastTheLimit() throws Exception {
        MailContent content = MailContent.of(Mails.parse("From: anna@atrium.example", "Content-Type: multipart/mixed; boundary=b1", "",
                "--b1", "Content-Type: text/plain", "", "big file", "--b1", "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename=big.pdf", "", "0123456789012345678901234567890123456789", "--b1--"), 10);
        assertEquals(11, content.files().get(0).bytes().length);
    }
}
