package org.atrium.rest.internal.guard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/** A request as the filters see it, without a container: method, path, headers, body; records an abort. */
final class FakeRequest {
    final String method;
    final String path;
    final String scheme;
    final Map<String, String> headers = new HashMap<>();
    InputStream body = new ByteArrayInputStream(new byte[0]);
    Response aborted;
    final MultivaluedMap<String, Object> responseHeaders = new MultivaluedHashMap<>();

    FakeRequest(String method, String path) {
        this(method, path, "http");
    }

    FakeRequest(String method, String path, String scheme) {
        this.method = method;
        this.path = path;
        this.scheme = scheme;
    }

    FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ContainerRequestContext context() {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, m, args) ->
                switch (m.getName()) {
                    case "getPath" -> path;
                    case "getRequestUri" -> URI.create(scheme + "://localhost/api/v1/" + path);
                    case "getBaseUri" -> URI.create(scheme + "://localhost/api/v1/");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        SecurityContext security = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isSecure" -> "https".equals(scheme);
                    default -> null;
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUriInfo" -> uri;
                    case "getSecurityContext" -> security;
                    case "getHeaderString" -> headers.get((String) args[0]);
                    case "getMediaType" -> headers.get("Content-Type") == null ? null
                            : javax.ws.rs.core.MediaType.valueOf(headers.get("Content-Type"));
                    case "getEntityStream" -> body;
                    case "setEntityStream" -> {
                        body = (InputStream) args[0];
                        yield null;
                    }
                    case "abortWith" -> {
                        aborted = (Response) args[0];
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    ContainerResponseContext response() {
        return (ContainerResponseContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getHeaders" -> responseHeaders;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
