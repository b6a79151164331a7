package org.atrium.portal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * The portal's files, prepared once: every file but the page itself is served under
 * {@code v/<version>/}, where the version is a hash of all files, so a browser may keep them for a year
 * (a new build is a new version, hence new URLs) and a later visit costs one revalidation of the page.
 * The page names the version through the placeholder {@value #VERSION_PLACEHOLDER}.
 */
final class PortalAssets {
    static final String PAGE = "index.html";
    static final String VERSION_PLACEHOLDER = "{{version}}";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final String version;
    private final Asset page;
    private final Map<String, Asset> files = new TreeMap<>();

    /** @param contents the files by their path below the portal's root, e.g. {@code js/app.js} */
    PortalAssets(Map<String, byte[]> contents) {
        if (!contents.containsKey(PAGE)) {
            throw new IllegalArgumentException("the portal has no " + PAGE);
        }
        this.version = versionOf(contents);
        contents.forEach((path, bytes) -> {
            if (!path.equals(PAGE)) {
                files.put(path, asset(path, bytes));
            }
        });
        String html = new String(contents.get(PAGE), StandardCharsets.UTF_8).replace(VERSION_PLACEHOLDER, version);
        this.page = asset(PAGE, html.getBytes(StandardCharsets.UTF_8));
    }

    String version() {
        return version;
    }

    Asset page() {
        return page;
    }

    /** A versioned file by its path below the root; never the page, never a path that leaves the root. */
    Optional<Asset> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private static Asset asset(String path, byte[] bytes) {
        return new Asset(bytes, gzip(bytes), contentType(path), '"' + hash(bytes).substring(0, 16) + '"');
    }

    static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String versionOf(Map<String, byte[]> contents) {
        MessageDigest digest = sha256();
        new TreeMap<>(contents).forEach((path, bytes) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
