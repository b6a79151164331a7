package org.atrium.rest.internal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.rest.internal.JsonMapping;
import org.atrium.api.ticket.TransitionRequest;
import org.junit.jupiter.api.Test;

/** The API's JSON reading is strict about types, and every refusal names the member at fault. */
class StrictJsonTest {
    private static final ObjectMapper MAPPER = JsonMapping.objectMapper();

    /** Asserts the body is refused naming {@code field}; returns the reason. */
    private static String refused(Class<?> type, String json, String field) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, type), json);
        assertEquals(field, JsonExceptionMapper.field(e), e.toString());
        return JsonExceptionMapper.reason(e);
    }

    @Test
    void aStringMemberGivenAsNumberOrBooleanIsRefused() {
        assertEquals("has the wrong type: must be a string", refused(NewTicket.class, "{\"type\": \"it.incident\", \"summary\": 5}", "summary"));
        refused(NewTicket.class, "{\"type\": \"it.incident\", \"summary\": 5.5}", "summary");
        refused(NewTicket.class, "{\"type\": \"it.incident\", \"summary\": \"x\", \"impact\": true}", "impact");
        assertEquals("has the wrong type: must be a string", refused(TransitionRequest.class, "{\"to\": true}", "to"));
        refused(TicketUpdate.class, "{\"assignee\": 7}", "assignee");
    }

    @Test
    void booleansAndNumbersGivenAsStringsAreRefused() {
        assertEquals("has the wrong type: must be true or false", refused(NewComment.class, "{\"body\": \"x\", \"internal\": \"false\"}", "internal"));
        refused(NewComment.class, "{\"body\": \"x\", \"internal\": 0}", "internal");
        assertTrue(refused(TicketUpdate.class, "{\"version\": \"3\"}", "version").contains("whole number"));
        refused(TicketUpdate.class, "{\"version\": 2.7}", "version");
        refused(TransitionRequest.class, "{\"to\": \"closed\", \"version\": \"1\"}", "version");
    }

    @Test
    void numbersThatDoNotFitAreRefusedByName() {
        assertTrue(refused(TicketUpdate.class, "{\"version\": 1e400}", "version").contains("whole number"));
        refused(TicketUpdate.class, "{\"version\": -1e400}", "version");
        refused(TicketUpdate.class, "{\"version\": 99999999999999999999}", "version");
        refused(TransitionRequest.class, "{\"to\": \"closed\", \"version\": 1e99999999999}", "version");
    }

    @Test
    void hugeNumbersInFormValuesArriveExactlyForTheFormCheck() throws Exception {
        NewTicket ticket = MAPPER.readValue("{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"a\": 1e400, \"b\": -1e400, \"c\": 2.5}}",
                NewTicket.class);
        assertEquals(new BigDecimal("1e400"), ticket.fields().get("a"));
        assertEquals(new BigDecimal("-1e400"), ticket.fields().get("b"));
        assertInstanceOf(BigDecimal.class, ticket.fields().get("c"));
    }

    @Test
    void exponentsBeyondAnExactDecimalAreRefusedByName() {
        String reason = refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"n\": 1e99999999999}}", "fields.n");
        assertEquals("is a number that does not fit: its exponent is too large", reason);
        refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"r\": {\"from\": [1e-99999999999]}}}", "fields.r"); // named by its form field
    }

    @Test
    void numbersLongerThanTheParserAllowsAreRefusedByName() {
        String digits = "1".repeat(1500);
        String reason = refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"count\": " + digits + "}}", "fields");
        assertTrue(reason.contains("longer than the parser accepts"), reason);
        // outside a map the parser's limit carries no position: still a 400, for the body as a whole
        assertTrue(refused(TicketUpdate.class, "{\"version\": " + digits + "}", "(body)").contains("longer than the parser accepts"));
    }

    @Test
    void unknownMembersStayRefused() {
        assertEquals("is not a known member", refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"colour\": 1}", "colour"));
    }

    @Test
    void rightTypesStillRead() throws Exception {
        assertEquals(3L, MAPPER.readValue("{\"version\": 3}", TicketUpdate.class).version());
        assertEquals(Boolean.TRUE, MAPPER.readValue("{\"body\": \"x\", \"internal\": true}", NewComment.class).internal());
        assertEquals("5", MAPPER.readValue("{\"type\": \"x\", \"summary\": \"5\"}", NewTicket.class).summary());
    }

    @Test
    void aMemberGivenTwiceIsRefusedByName() {
        // Jackson would keep the last: a check that read the first could be fooled
        assertEquals("is given more than once", refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"a\", \"summary\": \"b\"}", "summary"));
        assertEquals("is given more than once",
                refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"a\": 1, \"a\": 2}}", "fields.a"));
    }

    @Test
    void anythingAfterTheBodyIsRefused() {
        assertTrue(refused(TransitionRequest.class, "{\"to\": \"closed\"} {\"to\": \"new\"}", "(body)").startsWith("is not valid JSON"));
    }

    @Test
    void deepNestingAndLongNamesAreRefusedByTheParser() {
        String deep = "[".repeat(JsonMapping.MAX_NESTING + 1) + "]".repeat(JsonMapping.MAX_NESTING + 1);
        assertTrue(refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"a\": " + deep + "}}", "fields")
                .contains("longer than the parser accepts"));
        String name = "n".repeat(JsonMapping.MAX_NAME_LENGTH + 1);
        refused(NewTicket.class, "{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"" + name + "\": 1}}", "fields");
    }
}
