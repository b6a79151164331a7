package org.atrium.core.internal.mail.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailTemplatesTest {
    private static final Map<String, String> VALUES = Map.of("name", "Anna Albrecht", "key", "HR-7", "summary", "Urlaub <im> März & mehr",
            "typeName", "Urlaub", "status", "submitted", "ticketUrl", "http://portal.example/portal/#/requests/HR-7");

    @Test
    void germanAndEnglishCarryTheKeyInTheSubject() {
        MailTemplates templates = new MailTemplates(MailTemplates.Overrides.NONE);
        RenderedMail german = templates.render("created", "de", "hr.leave", VALUES);
        RenderedMail english = templates.render("created", "en", "hr.leave", VALUES);
        RenderedMail other = templates.render("created", "fr", "hr.leave", VALUES);
        assertEquals("[HR-7] Ihre Anfrage ist eingegangen: Urlaub <im> März & mehr", german.subject());
        assertEquals("[HR-7] Your request was received: Urlaub <im> März & mehr", english.subject());
        assertEquals(english, other, "a language other than German is English");
        assertTrue(german.text().startsWith("Hallo Anna Albrecht,\n"), german.text());
        assertTrue(german.text().contains("http://portal.example/portal/#/requests/HR-7"));
    }

    @Test
    void htmlEscapesValuesAndLinksAddresses() {
        RenderedMail mail = new MailTemplates(MailTemplates.Overrides.NONE).render("created", "en", null, VALUES);
        assertTrue(mail.html().contains("Urlaub &lt;im&gt; März &amp; mehr"), mail.html());
        assertFalse(mail.html().contains("<im>"));
        assertTrue(mail.html().contains("<a href=\"http://portal.example/portal/#/requests/HR-7\">"), mail.html());
    }

    @Test
    void aValueCannotAddALineToTheSubject() {
        RenderedMail mail = new MailTemplates(MailTemplates.Overrides.NONE).render("created", "en", null,
                Map.of("key", "IT-1", "summary", "VPN\r\nBcc: someone@example.com"));
        assertEquals("[IT-1] Your request was received: VPN Bcc: someone@example.com", mail.subject());
    }

    @Test
    void aDepartmentBundleOverridesATemplateForItsTypes() {
        MailTemplates templates = new MailTemplates((type, file) -> "hr.leave".equals(type) && "created_de.txt".equals(file)
                ? Optional.of("Subject: HR: ${key}\n\nServus ${name}!\n") : Optional.empty());
        assertEquals("HR: HR-7", templates.render("created", "de", "hr.leave", VALUES).subject());
        assertEquals("Servus Anna Albrecht!\n", templates.render("created", "de", "hr.leave", VALUES).text());
        assertTrue(templates.render("created", "en", "hr.leave", VALUES).subject().startsWith("[HR-7] Your request"));
        assertTrue(templates.render("created", "de", "it.incident", VALUES).subject().startsWith("[HR-7] Ihre Anfrage"));
    }

    @Test
    void everyTemplateExistsInBothLanguagesWithTheKeyInItsSubject() {
        MailTemplates templates = new MailTemplates(MailTemplates.Overrides.NONE);
        for (String template : new String[] {"created", "commented", "waiting", "approval", "reminder", "resolved", "sla-warning",
                "sla-breach"}) {
            for (String language : new String[] {"de", "en"}) {
                RenderedMail mail = templates.render(template, language, null, Map.of("key", "IT-9"));
                assertTrue(mail.subject().startsWith("[IT-9]"), template + "_" + language + ": " + mail.subject());
                assertFalse(mail.text().contains("${"), template + "_" + language);
            }
        }
    }
}
