package org.atrium.portal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class PortalAssetsTest {
    private static final String PAGE = "<script type=\"module\" src=\"v/{{version}}/js/app.js\"></script>";

    private static Map<String, byte[]> files(String script) {
        return Map.of("index.html", bytes(PAGE), "js/app.js", bytes(script), "css/app.css", bytes("body{}".repeat(100)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePageNamesTheVersionOfItsFiles() {
        PortalAssets assets = new PortalAssets(files("start();"));
        String page = new String(assets.page().bytes(), StandardCharsets.UTF_8);
        assertEquals("<script type=\"module\" src=\"v/" + assets.version() + "/js/app.js\"></script>", page);
        assertEquals(12, assets.version().length());
    }

    @Test
    void anyChangedFileIsANewVersionSoCachedFilesAreNeverStale() {
        PortalAssets before = new PortalAssets(files("start();"));
        PortalAssets after = new PortalAssets(files("start(1);"));
        assertNotEquals(before.version(), after.version());
        assertEquals(before.version(), new PortalAssets(files("start();")).version());
        assertNotEquals(before.file("js/app.js").get().etag(), after.file("js/app.js").get().etag());
    }

    @Test
    void filesHaveTheirContentTypesAndGzipDecodesToTheSameBytes() throws IOException {
        PortalAssets assets = new PortalAssets(files("start();"));
        Asset css = assets.file("css/app.css").get();
        assertEquals("text/css; charset=utf-8", css.contentType());
        assertEquals("text/javascript; charset=utf-8", assets.file("js/app.js").get().contentType());
        assertEquals("text/html; charset=utf-8", assets.page().contentType());
        assertTrue(css.worthGzipping());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(css.gzipped()))) {
            assertArrayEquals(css.bytes(), in.readAllBytes());
        }
        assertFalse(assets.file("js/app.js").get().worthGzipping(), "eight bytes do not shrink");
    }

    @Test
    void onlyItsOwnFilesAreServedAndThePageOnlyAsThePage() {
        PortalAssets assets = new PortalAssets(files("start();"));
        assertTrue(assets.file("index.html").isEmpty());
        assertTrue(assets.file("../index.html").isEmpty());
        assertTrue(assets.file("js/missing.js").isEmpty());
    }

    @Test
    void aPortalWithoutItsPageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PortalAssets(Map.of("js/app.js", bytes("x"))));
    }
}
