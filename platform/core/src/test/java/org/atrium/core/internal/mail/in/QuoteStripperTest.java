package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuoteStripperTest {

    @Test
    void englishAttributionAndQuoteAreCut() {
        assertEquals("The printer works again, thanks!", QuoteStripper.strip(String.join("\n",
                "The printer works again, thanks!", "", "On Mon, 3 Mar 2026 at 10:15, Atrium <support@atrium.example> wrote:",
                "> Ina commented on IT-7:", "> Please restart the printer.")));
    }

    @Test
    void anAttributionWrappedOverTwoLinesIsCut() {
        assertEquals("Done.", QuoteStripper.strip(String.join("\r\n",
                "Done.", "", "On Mon, 3 Mar 2026 at 10:15, Atrium Service Desk <support+IT-7.0123456789abcdef@atrium.example>",
                "wrote:", "> old text")));
    }

    @Test
    void germanAttributionIsCut() {
        assertEquals("Vielen Dank, das Licht geht wieder.", QuoteStripper.strip(String.join("\n",
                "Vielen Dank, das Licht geht wieder.", "", "Am 03.03.2026 um 10:15 schrieb Atrium <support@atrium.example>:",
                "> Felix hat FAC-3 kommentiert")));
        assertEquals("Passt.", QuoteStripper.strip(String.join("\n",
                "Passt.", "Am Mo., 3. März 2026 um 10:15 Uhr schrieb Atrium Service Desk <", "support@atrium.example>:", "> alt")));
    }

    @Test
    void outlookBlocksAreCutInBothLanguages() {
        assertEquals("Yes, please.", QuoteStripper.strip(String.join("\n",
                "Yes, please.", "", "-----Original Message-----", "From: Atrium", "Sent: Monday")));
        assertEquals("Ja, bitte.", QuoteStripper.strip(String.join("\n",
                "Ja, bitte.", "________________________________", "Von: Atrium <support@atrium.example>",
                "Gesendet: Montag, 3. März 2026 10:15", "An: Anna")));
    }

    @Test
    void signaturesAreCut() {
        assertEquals("See the photo.", QuoteStripper.strip(String.join("\n", "See the photo.", "-- ", "Anna Example", "Sales")));
        assertEquals("Geht wieder.", QuoteStripper.strip(String.join("\n", "Geht wieder.", "", "Von meinem iPhone gesendet")));
        assertEquals("Works.", QuoteStripper.strip(String.join("\n", "Works.", "Sent from my Android phone")));
    }

    @Test
    void trailingQuotedLinesWithoutAttributionAreCutButInlineAnswersStay() {
        assertEquals("Answer", QuoteStripper.strip("Answer\n\n> quoted\n> more"));
        assertEquals("> Which room?\nRoom 4.12\n> Which floor?\nFourth", QuoteStripper.strip("> Which room?\nRoom 4.12\n> Which floor?\nFourth"));
    }

    @Test
    void ordinaryTextIsKeptWhole() {
        String text = "On Monday the light in room 4.12 broke.\nAm Dienstag auch im Flur.\nFrom: the facility team's list";
        assertEquals(text, QuoteStripper.strip(text));
        assertEquals("", QuoteStripper.strip(null));
        assertEquals("", QuoteStripper.strip("> only a quote"));
    }
}
