package org.atrium.core.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.atrium.api.attachment.AttachmentTypeRefusedException;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
    private static void accepted(String type, byte[] bytes) {
        assertDoesNotThrow(() -> ContentTypes.check(type, bytes, bytes.length, ContentTypes.DEFAULT), type);
    }

    private static AttachmentTypeRefusedException refused(String type, byte[] bytes) {
        AttachmentTypeRefusedException e = assertThrows(AttachmentTypeRefusedException.class,
                () -> ContentTypes.check(type, bytes, bytes.length, ContentTypes.DEFAULT), type);
        assertEquals(415, e.status());
        assertEquals("file", e.errors().get(0).field());
        return e;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachAcceptedTypeStartsWithItsMagicNumber() {
        accepted(ContentTypes.PDF, ascii("%PDF-1.7\n%\u00e2\u00e3"));
        accepted(ContentTypes.PNG, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        accepted(ContentTypes.JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
        accepted(ContentTypes.GIF, ascii("GIF89a\u0001\u0000"));
        accepted(ContentTypes.WEBP, ascii("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "));
        accepted(ContentTypes.DOC, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        accepted(ContentTypes.XLSX, ascii("PK\u0003\u0004\u0014\u0000"));
        byte[] odt = ascii("PK\u0003\u0004" + "\u0000".repeat(26) + "mimetype" + ContentTypes.ODT);
        accepted(ContentTypes.ODT, odt);
        refused(ContentTypes.ODS, odt); // a text document claimed as a spreadsheet
        accepted(ContentTypes.TEXT, ascii("Printer on floor 3 jams\nsince Monday"));
        accepted(ContentTypes.CSV, ascii("\u00ef\u00bb\u00bfname;room\nAnna;3.12\n"));
    }

    @Test
    void htmlNamedAsPdfOrTextIsRefused() {
        refused(ContentTypes.PDF, ascii("<!DOCTYPE html><html><script>alert(1)</script>"));
        refused(ContentTypes.TEXT, ascii("  <html><body>hi</body></html>"));
        refused(ContentTypes.TEXT, ascii("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"));
        refused(ContentTypes.TEXT, ascii("hello\n<script>alert(1)</script>"));
        refused(ContentTypes.TEXT, ascii("#!/bin/sh\nrm -rf /"));
        refused(ContentTypes.TEXT, ascii("MZ\u0090\u0000"));
        refused(ContentTypes.PNG, ascii("MZ\u0090\u0000\u0003"));
        refused(ContentTypes.TEXT, new byte[] {'a', 0, 'b'});
    }

    @Test
    void typesNotOnTheListAndEmptyFilesAreRefused() {
        assertTrue(refused("text/html", ascii("<html>")).getMessage().contains("not accepted"));
        refused("image/svg+xml", ascii("<svg/>"));
        refused("application/x-msdownload", ascii("MZ"));
        refused("application/octet-stream", ascii("anything"));
        refused("", ascii("anything"));
        refused(ContentTypes.TEXT, new byte[0]);
    }

    @Test
    void theInstallationsListDecides() {
        byte[] text = ascii("plain");
        assertThrows(AttachmentTypeRefusedException.class, () -> ContentTypes.check(ContentTypes.TEXT, text, text.length, Set.of(ContentTypes.PDF)));
    }

    @Test
    void typesAreComparedWithoutParametersAndCase() {
        assertEquals("text/plain", ContentTypes.normalise("Text/Plain; charset=UTF-8"));
        assertEquals("", ContentTypes.normalise(null));
        assertFalse(ContentTypes.harmlessText(ascii("<?xml version='1.0'?>")));
    }
}
