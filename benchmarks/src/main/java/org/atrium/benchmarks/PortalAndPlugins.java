package org.atrium.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two of DESIGN's targets that need no load: the portal's size on the wire (first load under 300 KB
 * compressed) and a department bundle's types reaching the catalog (within 1 s of installing it).
 */
final class PortalAndPlugins {
    /** src/href in the page, static and dynamic imports and {@code new URL('...', import.meta.url)} in the modules. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:src|href)=\"([^\"#]+)\"|from '([^']+)'|import\\('([^']+)'\\)|import '([^']+)'|new URL\\('([^']+)', import\\.meta\\.url\\)");
    /** i18n.js builds its file name from the language, which no pattern can follow. */
    private static final List<String> LANGUAGE_FILES = List.of("i18n/de.json", "i18n/en.json");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the portal is made of: every file it can load, as sent to a browser that accepts gzip. */
    record PortalSize(int files, long bytesOnWire, long bytesUncompressed, String largest) {
    }

    /** One drop of the bundle into deploy/: until its types are in the catalog, and until they are gone after deletion. */
    record Deploy(long toCatalogMillis, long withdrawnMillis) {
    }

    /**
     * Crawls the portal from its page, following every reference of the page and the modules (lazy views
     * and the chart library included), so the sum is an upper bound of any first load.
     */
    PortalSize portalSize(int httpPort) throws IOException, InterruptedException {
        URI page = URI.create("http://127.0.0.1:" + httpPort + "/portal/");
        Map<URI, long[]> sizes = new LinkedHashMap<>();
        Deque<URI> toFetch = new ArrayDeque<>(List.of(page));
        URI versionedBase = null;
        while (!toFetch.isEmpty()) {
            URI uri = toFetch.poll();
            if (sizes.containsKey(uri)) {
                continue;
            }
            HttpResponse<byte[]> gzipped = get(uri, true);
            HttpResponse<byte[]> plain = get(uri, false);
            if (plain.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + plain.statusCode());
            }
            sizes.put(uri, new long[] {gzipped.body().length, plain.body().length});
            String path = uri.getPath();
            if (path.endsWith("/") || path.endsWith(".js") || path.endsWith(".html")) {
                String text = new String(plain.body(), StandardCharsets.UTF_8);
                Matcher matcher = REFERENCE.matcher(text);
                while (matcher.find()) {
                    String reference = firstGroup(matcher);
                    if (reference.startsWith("http") || reference.startsWith("data:") || reference.startsWith("/api/")) {
                        continue;
                    }
                    URI next = uri.resolve(reference);
                    if (versionedBase == null && next.getPath().contains("/v/") && next.getPath().endsWith("/css/app.css")) {
                        versionedBase = next.resolve("../");
                    }
                    toFetch.add(next);
                }
            }
            if (toFetch.isEmpty() && versionedBase != null) {
                for (String language : LANGUAGE_FILES) {
                    toFetch.add(versionedBase.resolve(language));
                }
                versionedBase = null; // once
            }
        }
        long wire = sizes.values().stream().mapToLong(size -> size[0]).sum();
        long plain = sizes.values().stream().mapToLong(size -> size[1]).sum();
        Map.Entry<URI, long[]> largest = sizes.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0])).orElseThrow();
        String name = largest.getKey().getPath().replaceAll(".*/v/[^/]+/", "");
        return new PortalSize(sizes.size(), wire, plain, name + " (" + largest.getValue()[0] / 1024 + " KB)");
    }

    /**
     * Drops the bundle into Karaf's deploy/ (as an admin would) and times until {@code GET /catalog} lists
     * the type, then deletes it and times until the type is gone; {@code times} rounds. Fileinstall polls
     * deploy/ every 200 ms (the distribution's setting), which is part of what an admin waits for.
     */
    List<Deploy> deployToCatalog(Karaf karaf, Path bundle, String type, int times) throws Exception {
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException("No bundle at " + bundle + ": build examples/legal first (mvn install at the root)");
        }
        Path deployed = karaf.home().resolve("deploy").resolve(bundle.getFileName());
        URI catalog = URI.create(karaf.api() + "/catalog");
        List<Deploy> rounds = new ArrayList<>();
        for (int round = 0; round < times; round++) {
            long start = System.nanoTime();
            Files.copy(bundle, deployed, StandardCopyOption.REPLACE_EXISTING);
            waitFor(() -> catalogLists(catalog, type));
            long toCatalog = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Files.delete(deployed);
            waitFor(() -> !catalogLists(catalog, type));
            rounds.add(new Deploy(toCatalog, (System.nanoTime() - start) / 1_000_000));
        }
        return rounds;
    }

    private boolean catalogLists(URI catalog, String type) {
        try {
            HttpRequest request = HttpRequest.newBuilder(catalog).header("Authorization", Karaf.basic("anna"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"" + type + "\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("deploy/: the catalog did not change within 60 s");
            }
            Thread.sleep(10);
        }
    }

    private HttpResponse<byte[]> get(URI uri, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        throw new IllegalStateException("no group matched");
    }
}
