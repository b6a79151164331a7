package org.atrium.portal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Reads the portal's files from this bundle's {@code portal/} folder once and publishes the servlets
 * that serve them on the OSGi HTTP whiteboard (Pax Web): the portal under {@code /portal/*}, and the
 * server's root, which sends a browser to the portal.
 */
@Component(immediate = true)
public class PortalRegistration {
    static final String ROOT = "portal";
    private static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    private static final String NAME = "osgi.http.whiteboard.servlet.name";

    private final ServiceRegistration<Servlet> portal;
    private final ServiceRegistration<Servlet> root;

    @Activate
    public PortalRegistration(BundleContext context) {
        PortalAssets assets = new PortalAssets(files(context));
        this.portal = context.registerService(Servlet.class, new PortalServlet(assets), properties("atrium-portal", "/portal/*"));
        this.root = context.registerService(Servlet.class, new RootRedirect(), properties("atrium-root", ""));
    }

    @Deactivate
    void deactivate() {
        portal.unregister();
        root.unregister();
    }

    private static Hashtable<String, Object> properties(String name, String pattern) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(NAME, name);
        properties.put(PATTERN, pattern);
        return properties;
    }

    private static Map<String, byte[]> files(BundleContext context) {
        Map<String, byte[]> files = new HashMap<>();
        Enumeration<URL> entries = context.getBundle().findEntries(ROOT, "*", true);
        String prefix = "/" + ROOT + "/";
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            if (!path.endsWith("/") && path.startsWith(prefix)) {
                files.put(path.substring(prefix.length()), read(url));
            }
        }
        return files;
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal's file " + url, e);
        }
    }
}
