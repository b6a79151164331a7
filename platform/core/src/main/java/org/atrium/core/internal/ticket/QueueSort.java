package org.atrium.core.internal.ticket;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * An order the queue can be read in: one ticket column, then the id as the tie-breaker, both in
 * the same direction, so that (value, id) is a total order that keyset paging can continue.
 */
enum QueueSort {
    PRIORITY("priority", false, TicketEntity::getPriority, "priority"),
    CREATED("created", false, TicketEntity::getCreatedAt, "createdAt"),
    CREATED_DESC("-created", true, TicketEntity::getCreatedAt, "createdAt"),
    UPDATED("updated", false, TicketEntity::getUpdatedAt, "updatedAt"),
    UPDATED_DESC("-updated", true, TicketEntity::getUpdatedAt, "updatedAt");

    private final String name;
    private final boolean descending;
    private final Function<TicketEntity, Comparable<?>> value;
    private final String attribute;

    QueueSort(String name, boolean descending, Function<TicketEntity, Comparable<?>> value, String attribute) {
        this.name = name;
        this.descending = descending;
        this.value = value;
        this.attribute = attribute;
    }

    static Optional<QueueSort> parse(String name) {
        String wanted = name == null ? TicketQuery.BY_PRIORITY : name;
        for (QueueSort sort : values()) {
            if (sort.name.equals(wanted)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    String json() {
        return name;
    }

    /** The JPQL ORDER BY of this sort. */
    String orderBy() {
        String direction = descending ? " DESC" : "";
        return "t." + attribute + direction + ", t.id" + direction;
    }

    /** The JPQL condition "after the cursor" in this order; parameters {@code afterValue} and {@code afterId}. */
    String after() {
        String op = descending ? "<" : ">";
        return "(t." + attribute + " " + op + " :afterValue OR (t." + attribute + " = :afterValue AND t.id " + op + " :afterId))";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<TicketEntity> comparator() {
        Comparator<TicketEntity> byValue = (a, b) -> ((Comparable) value.apply(a)).compareTo(value.apply(b));
        Comparator<TicketEntity> ascending = byValue.thenComparingLong(TicketEntity::getId);
        return descending ? ascending.reversed() : ascending;
    }

    /** The ticket's sort value as the cursor carries it. */
    String cursorValue(TicketEntity ticket) {
        return value.apply(ticket).toString();
    }

    /** The cursor's value as the query parameter; throws on a value this sort cannot have. */
    Object parameter(String cursorValue) {
        return attribute.equals("priority") ? (Object) Integer.valueOf(cursorValue) : Instant.parse(cursorValue);
    }
}
