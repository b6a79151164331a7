package org.atrium.rest.internal.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers as problem+json instead of its HTML pages: requests Jetty cannot parse
 * (a {@code %00} or {@code ..;/} in the path: 400; headers over its limit: 431) and requests no servlet
 * takes (404 while the API's servlet is not registered yet or no more). The detail says what was wrong;
 * nothing of the server's internals is shown.
 */
public class ProblemErrorHandler extends ErrorHandler {
    static final String MEDIA_TYPE = "application/problem+json";

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(problem(status, detail(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code,
            String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(MEDIA_TYPE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        byte[] body = problem(code, detail(code, message)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String detail(int status, String reason) {
        return switch (status) {
            case 431 -> "The request's headers are larger than the server accepts (8 KB by default)";
            case 414 -> "The request's URI is longer than the server accepts";
            case 404 -> "There is no resource at this path; the API is under /api/v1, its paths in /api/v1/openapi.json "
                    + "(right after a start or during a stop the API may not be there yet: ask again in a moment)";
            case 400 -> "The request cannot be read: " + (reason == null || reason.isBlank() ? "it is not valid HTTP" : reason)
                    + " (an encoded NUL, a path segment with parameters such as ..;, or an ambiguous encoding are refused)";
            default -> reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        };
    }

    static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + quoted(HttpStatus.getMessage(status)) + ",\"status\":" + status
                + ",\"detail\":" + quoted(detail.length() > 600 ? detail.substring(0, 599) + "…" : detail) + "}";
    }

    /** A JSON string: Jetty's reason may repeat what the client sent. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
