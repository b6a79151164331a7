package org.atrium.rest.internal.problem;

import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.atrium.api.FieldError;

/** A body that is not JSON, or not of the expected shape: 400 naming the member at fault. */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        String field = "(body)";
        String reason = "is not valid JSON: " + e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            reason = "is not a known member";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping);
            reason = "has the wrong type: " + e.getOriginalMessage().replaceAll(" at \\[Source.*", "");
        }
        return new Problem("about:blank", "Invalid input", 400, "The request body cannot be read: " + field + " " + reason,
                List.of(new FieldError(field, reason)), null).toResponse();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
