package org.atrium.rest.internal.problem;

import java.util.Set;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.atrium.rest.internal.PublishedApi;
import org.atrium.api.rest.JaxrsExtension;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/**
 * JAX-RS's own errors (unknown path, wrong method, unsupported media type) as problem+json, with a
 * detail that says what would have been right: CXF's own text only repeats the status line.
 */
@JaxrsExtension
@Component(service = ExceptionMapper.class)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private final PublishedApi published;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;
    @Context
    private Request request;

    @Activate
    public WebApplicationExceptionMapper(@Reference PublishedApi published) {
        this.published = published;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String title = original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, title, detail(e, status)).toResponse());
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private String detail(WebApplicationException e, int status) {
        String own = e.getMessage();
        boolean generic = own == null || own.startsWith("HTTP " + status);
        if (!generic) {
            return own;
        }
        String path = uri.getRequestUri().getRawPath();
        return switch (status) {
            case 404 -> "There is no resource at " + path + "; the API's paths are listed in its OpenAPI document, "
                    + withSlash(uri.getBaseUri().getRawPath()) + "openapi.json";
            case 405 -> methodNotAllowed(path);
            case 415 -> "The body's Content-Type " + (headers.getMediaType() == null ? "(none)" : headers.getMediaType())
                    + " is not accepted here: send application/json (text/csv for /directory/people/import)";
            case 406 -> "The API answers application/json (errors application/problem+json), which the Accept header "
                    + headers.getRequestHeaders().getFirst(HttpHeaders.ACCEPT) + " does not allow";
            default -> own == null ? title(e) : own;
        };
    }

    private String methodNotAllowed(String path) {
        Set<String> methods = published.allowed().of(uri.getPath());
        return request.getMethod() + " is not allowed on " + path + (methods.isEmpty() ? "" : "; allowed: " + String.join(", ", methods));
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static String title(WebApplicationException e) {
        return e.getResponse().getStatusInfo().getReasonPhrase();
    }
}
