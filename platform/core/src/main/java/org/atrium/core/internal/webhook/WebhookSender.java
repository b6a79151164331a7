package org.atrium.core.internal.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs one signed delivery with java.net.http: 5 s to connect, 10 s for the answer, no redirects
 * (a receiver that moved is a failure an administrator should see). Any 2xx is delivered.
 */
final class WebhookSender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient client;
    private final Clock clock;

    /** What came of one attempt: the HTTP status, or null and the error. */
    record Result(Integer status, String error, long durationMillis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    WebhookSender(Clock clock) {
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Result send(String url, String secret, long deliveryId, String eventType, String body) {
        long timestamp = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(READ_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Atrium-Webhooks/1")
                    .header("X-Atrium-Event", eventType)
                    .header("X-Atrium-Delivery", Long.toString(deliveryId))
                    .header("X-Atrium-Timestamp", Long.toString(timestamp))
                    .header("X-Atrium-Signature", WebhookSignature.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(),
                    millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Result(null, "timed out: " + e.getMessage(), millisSince(started));
        } catch (IOException | IllegalArgumentException e) {
            return new Result(null, describe(e), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted (the node is stopping)", millisSince(started));
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
