package org.atrium.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.atrium.api.ValidationException;
import org.atrium.rest.internal.problem.JsonExceptionMapper;

/**
 * Jackson for JAX-RS, with a strict UTF-8 check of every body first. Jackson decodes UTF-8 itself and
 * accepts overlong forms ({@code C0 AF} for "/") and encoded surrogates, which let a filter on the
 * text be bypassed; Java's decoder refuses both. A refused body is a 400 naming the member whose text
 * holds the bad bytes. The body is bounded by {@code BodyLimit} before it gets here.
 */
public class StrictJsonProvider extends JacksonJsonProvider {
    private final ObjectMapper mapper;

    public StrictJsonProvider(ObjectMapper mapper) {
        super(mapper);
        this.mapper = mapper;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        int malformed = firstMalformedByte(body);
        if (malformed >= 0) {
            throw new ValidationException(memberAt(body, malformed), String.format(
                    "is not valid UTF-8: byte 0x%02X at offset %d starts an invalid, overlong or surrogate sequence",
                    body[malformed] & 0xFF, malformed));
        }
        return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, new ByteArrayInputStream(body));
    }

    /** The offset of the first byte that is not part of a well-formed UTF-8 sequence, -1 when all are. */
    static int firstMalformedByte(byte[] bytes) {
        int ascii = 0;
        while (ascii < bytes.length && bytes[ascii] >= 0) {
            ascii++; // the usual body is ASCII: no decoder needed
        }
        if (ascii == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return decoder.flush(out).isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /** Where a parser stands just before the bad byte: the member whose value (or name) holds it. */
    private String memberAt(byte[] body, int offset) {
        JsonParser parser;
        try {
            parser = mapper.getFactory().createParser(body, 0, offset);
        } catch (IOException e) {
            return "(body)";
        }
        try (parser) {
            while (parser.nextToken() != null) {
                // read up to the bad byte; the prefix usually ends inside a string, which the parser reports
            }
        } catch (IOException | RuntimeException e) {
            // expected: the position is what counts
        }
        String path = JsonExceptionMapper.pathOf(parser.getParsingContext());
        return path.isEmpty() ? "(body)" : path;
    }
}
