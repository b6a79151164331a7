package org.atrium.rest.internal.guard;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.UUID;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

/**
 * Asks the configured HTTP port whether it reaches this node's API. With the port taken by another
 * process Pax Web logs one error and the API was still reported as listening while nothing answered;
 * a request carrying a secret of this node, echoed only by this node's API, tells the two apart.
 */
public class SelfProbe implements ContainerResponseFilter {
    static final String HEADER = "X-Atrium-Probe";
    private final String secret = UUID.randomUUID().toString();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (secret.equals(request.getHeaderString(HEADER))) {
            response.getHeaders().putSingle(HEADER, secret);
        }
    }

    /** Null when {@code health} (the API's health URL on the configured port) is this node's, otherwise what answered instead. */
    public String problem(URI health) {
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(2_000);
            connection.setRequestProperty(HEADER, secret);
            try {
                int status = connection.getResponseCode();
                return secret.equals(connection.getHeaderField(HEADER)) ? null
                        : "another server answers there (HTTP " + status + ", " + connection.getHeaderField("Server") + ")";
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return "nothing answers there (" + e + ")";
        }
    }
}
