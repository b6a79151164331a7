package org.atrium.rest.internal.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.atrium.api.FieldError;
import org.atrium.api.rest.JaxrsExtension;
import org.osgi.service.component.annotations.Component;

/**
 * A body that is not JSON, or not of the expected shape: 400 naming the member at fault and what
 * it must be. The member comes from the mapping path or, for errors the parser raises itself (a
 * number too large for its target), from where the parser stood.
 */
@JaxrsExtension
@Component(service = ExceptionMapper.class)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        String field = field(e);
        String reason = reason(e);
        return new Problem("about:blank", "Invalid input", 400, "The request body cannot be read: " + field + " " + reason,
                List.of(new FieldError(field, reason)), null).toResponse();
    }

    static String field(JsonProcessingException e) {
        String field = position(e);
        String duplicate = duplicateName(e);
        // inside a map Jackson's path stops at the map: name the member given twice below it
        return duplicate == null || field.equals(duplicate) || field.endsWith("." + duplicate) ? field
                : field.equals("(body)") ? duplicate : field + "." + duplicate;
    }

    /** The member a body gives twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION), null for other errors. */
    private static String duplicateName(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        int end = message.lastIndexOf('\'');
        return end > 17 ? message.substring(17, end) : null;
    }

    private static String position(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                append(path, ref.getFieldName(), ref.getIndex());
            }
            return path.toString();
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            String path = pathOf(parser.getParsingContext());
            return path.isEmpty() ? "(body)" : path;
        }
        return "(body)";
    }

    static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known member";
        }
        if (duplicateName(e) != null) {
            return "is given more than once"; // JsonParser.Feature.STRICT_DUPLICATE_DETECTION
        }
        if (e instanceof InputCoercionException coercion) {
            return "is a number that does not fit: " + expected(coercion.getTargetType());
        }
        if (decimalOutOfReach(e)) {
            // a free-form number (in fields) whose exponent even an exact decimal cannot hold, like 1e99999999999
            return "is a number that does not fit: its exponent is too large";
        }
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            // the parser's own limits (a number of more than 1000 digits, a text of more than 20 million characters)
            return "holds a value longer than the parser accepts: "
                    + (e.getCause() instanceof StreamConstraintsException limit ? limit.getOriginalMessage() : e.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && !mismatch.getPath().isEmpty()) {
            return "has the wrong type: " + expected(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "has the wrong type: " + e.getOriginalMessage().replaceAll(" at \\[Source.*", "");
        }
        return "is not valid JSON: " + e.getOriginalMessage();
    }

    /** A number text that not even an exact decimal can hold; Jackson may wrap the parser's report. */
    private static boolean decimalOutOfReach(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause()) {
            if (at instanceof NumberFormatException || (at instanceof InvalidFormatException format
                    && (format.getTargetType() == BigDecimal.class || format.getTargetType() == BigInteger.class))) {
                return true;
            }
            if (at.getCause() == at) {
                break;
            }
        }
        return false;
    }

    /** What a member of this Java type must be, in the words of the OpenAPI document. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == Integer.class || type == int.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type != null && Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        if (type != null && (Collection.class.isAssignableFrom(type) || type.isArray())) {
            return "must be a list";
        }
        if (type != null && type.isRecord()) {
            return "must be an object";
        }
        return "must be a value of another type";
    }

    /** fields.period.from or tags[2], from the parser's position; empty at the top level. */
    public static String pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            chain.push(at);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at : chain) {
            if (at.inObject() && at.getCurrentName() != null) {
                append(path, at.getCurrentName(), -1);
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                append(path, null, at.getCurrentIndex());
            }
        }
        return path.toString();
    }

    private static void append(StringBuilder path, String name, int index) {
        if (name != null) {
            path.append(path.length() == 0 ? "" : ".").append(name);
        } else {
            path.append('[').append(index).append(']');
        }
    }
}
