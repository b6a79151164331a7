package org.atrium.rest.internal.problem;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.atrium.api.FieldError;

/**
 * An RFC 9457 problem document. {@code errors} lists every bad field of a validation problem, at most
 * {@link #MAX_ERRORS} of them ({@code errorsNotListed} counts the rest); {@code currentVersion} tells a
 * client that lost an optimistic-locking race what to reload. Texts are cut to a bounded length so that
 * an answer stays a few KB whatever the request held (a body of a million unknown form fields once
 * gave an 11 MB answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, Integer errorsNotListed,
        Long currentVersion) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    public static final int MAX_ERRORS = 20;
    static final int MAX_DETAIL = 600;
    static final int MAX_FIELD = 120;
    static final int MAX_REASON = 200;

    public Problem {
        detail = cut(detail, MAX_DETAIL);
        if (errors != null && errors.size() > MAX_ERRORS) {
            errorsNotListed = errors.size() - MAX_ERRORS + (errorsNotListed == null ? 0 : errorsNotListed);
            errors = errors.subList(0, MAX_ERRORS);
        }
        if (errors != null) {
            errors = errors.stream().map(error -> new FieldError(cut(error.field(), MAX_FIELD), cut(error.reason(), MAX_REASON))).toList();
        }
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, Long currentVersion) {
        this(type, title, status, detail, errors, null, currentVersion);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
