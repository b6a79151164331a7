package org.atrium.core.internal.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests, on a free local port: answers 500 to the first {@code failures}
 * POSTs, then 204, and records the body and the Atrium headers of every request it got.
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(int failures) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "delivery", header(exchange.getRequestHeaders().getFirst("X-Atrium-Delivery")),
                    "timestamp", header(exchange.getRequestHeaders().getFirst("X-Atrium-Timestamp")),
                    "signature", header(exchange.getRequestHeaders().getFirst("X-Atrium-Signature")),
                    "event", header(exchange.getRequestHeaders().getFirst("X-Atrium-Event"))));
            exchange.sendResponseHeaders(calls.incrementAndGet() <= failures ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver that accepts every request. */
    static WebhookReceiver accepting() throws IOException {
        return new WebhookReceiver(0);
    }

    /** A receiver that fails the first {@code failures} requests, then accepts. */
    static WebhookReceiver failingFirst(int failures) throws IOException {
        return new WebhookReceiver(failures);
    }

    /** The URL to subscribe. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The requests so far, in the order they came: body, delivery, timestamp, signature and event. */
    List<Map<String, String>> received() {
        return received;
    }

    // Map.of refuses null: a header the sender left out is recorded as "" and fails the assertions on it
    private static String header(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
