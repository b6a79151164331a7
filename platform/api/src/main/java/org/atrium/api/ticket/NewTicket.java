package org.atrium.api.ticket;

import java.util.Map;

/**
 * What a requester sends to open a ticket. Impact and urgency are raw text so that the service can
 * name a bad value as a field error instead of failing to parse.
 */
public record NewTicket(String type, String summary, String description, String impact, String urgency,
        Map<String, Object> fields) {
    public NewTicket {
        fields = fields == null ? Map.of() : fields;
    }
}
