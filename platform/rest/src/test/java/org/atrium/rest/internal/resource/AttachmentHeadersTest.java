package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.atrium.api.attachment.AttachmentRules;
import org.junit.jupiter.api.Test;

class AttachmentHeadersTest {
    @Test
    void utf8FileNamesReadAsLatin1AreRepaired() {
        String sent = new String("Übersicht März.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("Übersicht März.pdf", Utf8Header.repaired(sent));
        assertEquals("plain.pdf", Utf8Header.repaired("plain.pdf"));
        assertEquals("Größe.pdf", Utf8Header.repaired("Größe.pdf"), "not UTF-8 as bytes: kept");
        assertEquals(null, Utf8Header.repaired(null));
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheUtf8Name() {
        assertEquals("attachment; filename=\"_bersicht_M_rz.pdf\"; filename*=UTF-8''%C3%9Cbersicht_M%C3%A4rz.pdf",
                AttachmentResource.contentDisposition("Übersicht_März.pdf"));
        assertEquals("attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt", AttachmentResource.contentDisposition("a\"b.txt"));
    }

    @Test
    void configuredContentTypesReplaceTheDefaults() {
        assertEquals(AttachmentRules.DEFAULT_CONTENT_TYPES, AttachmentResource.contentTypes(""));
        assertEquals(AttachmentRules.DEFAULT_CONTENT_TYPES, AttachmentResource.contentTypes(" , "));
        assertEquals(Set.of("application/pdf", "text/plain"), AttachmentResource.contentTypes("Application/PDF, text/plain"));
    }
}
