package org.atrium.api.spi;

import java.util.Map;
import java.util.Optional;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link RequestValidator} or {@link FieldCalculator} is told about the form it works on.
 * Atrium implements it (a provider type): later versions add methods here rather than parameters
 * to the SPI methods, so an extension compiled against 1.0 keeps working.
 *
 * <h2>Form values</h2>
 * {@link #fields()} maps field names (as the descriptor declares them) to plain Java values, as
 * decoded from JSON. By the field's {@code type}:
 * <table>
 * <caption>Java type of a form value by field type</caption>
 * <tr><th>field type</th><th>Java type</th><th>example</th></tr>
 * <tr><td>text, textarea</td><td>{@link String}</td><td>{@code "VPN drops every hour"}</td></tr>
 * <tr><td>choice</td><td>{@link String}, one option's value</td><td>{@code "vpn"}</td></tr>
 * <tr><td>multi-choice</td><td>{@link java.util.List} of {@link String}</td><td>{@code ["laptop", "phone"]}</td></tr>
 * <tr><td>person</td><td>{@link String}, a login of the directory</td><td>{@code "marc"}</td></tr>
 * <tr><td>person-list</td><td>{@link java.util.List} of {@link String} logins</td><td>{@code ["ina", "chris"]}</td></tr>
 * <tr><td>number</td><td>a {@link Number}: {@link java.math.BigDecimal} or {@link Double} for a fraction,
 *     {@link Integer}, {@link Long} or {@link java.math.BigInteger} for a whole number; do not rely on the
 *     subclass, convert with {@code new BigDecimal(value.toString())}</td><td>{@code 2.5}</td></tr>
 * <tr><td>integer</td><td>{@link Integer}, {@link Long} or {@link java.math.BigInteger} (always within
 *     the range of a long); convert with {@code ((Number) value).longValue()}</td><td>{@code 12}</td></tr>
 * <tr><td>boolean</td><td>{@link Boolean}</td><td>{@code true}</td></tr>
 * <tr><td>date</td><td>{@link String} in ISO form YYYY-MM-DD; {@link java.time.LocalDate#parse}
 *     reads it</td><td>{@code "2026-03-31"}</td></tr>
 * <tr><td>date-range</td><td>{@link Map} with exactly the keys {@code "from"} and {@code "to"}, each a
 *     date {@link String} as above, {@code from} not after {@code to}</td>
 *     <td>{@code {"from": "2026-03-30", "to": "2026-04-03"}}</td></tr>
 * <tr><td>time</td><td>{@link String} HH:MM, 24 hours</td><td>{@code "08:30"}</td></tr>
 * <tr><td>time-range</td><td>{@link Map} with the keys {@code "from"} and {@code "to"}, each a time
 *     {@link String}</td><td>{@code {"from": "08:30", "to": "12:00"}}</td></tr>
 * <tr><td>attachment</td><td>{@link String}, the id of an uploaded file</td><td>{@code "a1b2..."}</td></tr>
 * </table>
 * A field that was not filled is absent (or, on an update, may be null). By the time an extension
 * runs, the descriptor's own rules have passed: every present value has the type above and obeys the
 * field's required, min/max, length, pattern, options and date rules. Computed fields are present
 * only with the value a calculator gave them before (on an update).
 *
 * <h2>Lifecycle and threading</h2>
 * A context is made for one form of one request (a create or an update) and must not be kept after
 * the extension's method returns. It is immutable; {@link #fields()} cannot be modified. Several
 * requests run at once, each with its own context, so one extension instance sees contexts on
 * several threads at the same time.
 */
@ProviderType
public interface FormContext {

    /** The request type of the ticket, in the schema version the ticket pins (not necessarily the newest). */
    RequestType requestType();

    /** Who sends the request: the requester on a create, possibly an agent on an update. */
    Caller caller();

    /** True while the ticket is being created, false on an update of an existing ticket. */
    boolean isCreate();

    /** The login of the ticket's requester, which on an update need not be the caller. */
    String requesterId();

    /** The requester as the directory knows them; empty when the directory does not know them. */
    Optional<Person> requester();

    /**
     * The complete form as it would be stored (on an update: the stored values with the change
     * applied), unmodifiable; value types as the table above says.
     */
    Map<String, Object> fields();
}
