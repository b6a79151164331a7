package org.atrium.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.atrium.portal.internal.PortalServlet.VersionedPath;
import org.junit.jupiter.api.Test;

class PortalServletTest {

    @Test
    void versionedPathsNameVersionAndFileAndNeverLeaveTheRoot() {
        assertEquals(Optional.of(new VersionedPath("abc123", "js/app.js")), VersionedPath.parse("/v/abc123/js/app.js"));
        assertTrue(VersionedPath.parse("/js/app.js").isEmpty());
        assertTrue(VersionedPath.parse("/v/abc123").isEmpty());
        assertTrue(VersionedPath.parse("/v/abc123/").isEmpty());
        assertTrue(VersionedPath.parse("/v/abc123/../../etc/passwd").isEmpty());
        assertTrue(VersionedPath.parse("/v/abc123/js//app.js").isEmpty());
        assertTrue(VersionedPath.parse("/v/abc123/js\\app.js").isEmpty());
    }

    @Test
    void entityTagsMatchStrongWeakListedAndAny() {
        assertTrue(PortalServlet.matches("\"a1\"", "\"a1\""));
        assertTrue(PortalServlet.matches("W/\"a1\"", "\"a1\""));
        assertTrue(PortalServlet.matches("\"zz\", \"a1\"", "\"a1\""));
        assertTrue(PortalServlet.matches("*", "\"a1\""));
        assertFalse(PortalServlet.matches("\"a2\"", "\"a1\""));
        assertFalse(PortalServlet.matches(null, "\"a1\""));
    }

    @Test
    void gzipOnlyWhenTheBrowserAcceptsIt() {
        assertTrue(PortalServlet.acceptsGzip("gzip, deflate, br"));
        assertTrue(PortalServlet.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertFalse(PortalServlet.acceptsGzip("gzip;q=0"));
        assertFalse(PortalServlet.acceptsGzip("br"));
        assertFalse(PortalServlet.acceptsGzip(null));
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndNoFraming() {
        String policy = PortalHeaders.CONTENT_SECURITY_POLICY;
        assertTrue(policy.contains("script-src 'self';"));
        assertFalse(policy.contains("unsafe-inline"));
        assertTrue(policy.contains("frame-ancestors 'none'"));
    }
}
