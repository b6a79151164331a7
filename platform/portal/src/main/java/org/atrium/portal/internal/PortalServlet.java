package org.atrium.portal.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves the portal under {@code /portal/}: the page (revalidated on every visit, so a new version is
 * seen at once) and the versioned files below {@code v/<version>/} (kept by the browser for a year),
 * gzipped for browsers that accept it. Anything else is a 404, which the container answers as
 * problem+json like every other unknown path.
 */
public class PortalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PAGE_CACHE = "no-cache";
    static final String FILE_CACHE = "public, max-age=31536000, immutable";

    private final transient PortalAssets assets;

    PortalServlet(PortalAssets assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        if (path.equals("/") || path.equals("/" + PortalAssets.PAGE)) {
            send(request, response, assets.page(), PAGE_CACHE);
            return;
        }
        Optional<VersionedPath> versioned = VersionedPath.parse(path);
        Optional<Asset> file = versioned.flatMap(v -> assets.file(v.file()));
        if (file.isEmpty()) {
            PortalHeaders.apply(request, response);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // a page of an older version asks for its files: they are today's, so they must not be kept as the old ones
        boolean current = versioned.get().version().equals(assets.version());
        send(request, response, file.get(), current ? FILE_CACHE : PAGE_CACHE);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Asset asset, String cacheControl)
            throws IOException {
        PortalHeaders.apply(request, response);
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("ETag", asset.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (matches(request.getHeader("If-None-Match"), asset.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        byte[] body = asset.bytes();
        if (asset.worthGzipping() && acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            body = asset.gzipped();
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    /** {@code /v/<version>/<file>}, the file a relative path without {@code ..} or empty segments. */
    record VersionedPath(String version, String file) {
        static Optional<VersionedPath> parse(String path) {
            if (!path.startsWith("/v/")) {
                return Optional.empty();
            }
            int slash = path.indexOf('/', 3);
            if (slash < 0) {
                return Optional.empty();
            }
            String file = path.substring(slash + 1);
            if (file.isEmpty() || file.contains("..") || file.contains("//") || file.contains("\\")) {
                return Optional.empty();
            }
            return Optional.of(new VersionedPath(path.substring(3, slash), file));
        }
    }
}
