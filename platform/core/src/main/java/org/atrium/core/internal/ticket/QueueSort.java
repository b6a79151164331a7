package org.atrium.core.internal.ticket;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * An order the queue can be read in: one ticket column, then the id as the tie-breaker, both in
 * the same direction, so that (value, id) is a total order that keyset paging can continue.
 * {@link #SLA} is the one column that may be null (no running clock): those tickets come after all
 * others, by id. Derby and PostgreSQL would agree on that by default, but the keyset condition
 * "after (value, id)" is never true for a null, so the order is read as two ranges (see
 * {@link #ranges}) instead of trusting either database's NULL ordering.
 */
enum QueueSort {
    PRIORITY("priority", false, TicketEntity::getPriority, "priority"),
    CREATED("created", false, TicketEntity::getCreatedAt, "createdAt"),
    CREATED_DESC("-created", true, TicketEntity::getCreatedAt, "createdAt"),
    UPDATED("updated", false, TicketEntity::getUpdatedAt, "updatedAt"),
    UPDATED_DESC("-updated", true, TicketEntity::getUpdatedAt, "updatedAt"),
    SLA("sla", false, TicketEntity::getSlaDueAt, "slaDueAt");

    /** How a cursor carries "no due time". */
    private static final String NONE = "";

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

    /**
     * The JPQL conditions of the ranges that make up the rest of this order after the cursor (null:
     * from the start), read one after the other, each in {@link #orderBy()}: one range for the sorts
     * whose column is never null ("" means no condition), for {@link #SLA} the tickets with a due
     * time, then those without. Parameters {@code afterValue} and {@code afterId}.
     */
    List<String> ranges(QueueCursor after) {
        if (this != SLA) {
            return List.of(after == null ? "" : after());
        }
        String none = "t." + attribute + " IS NULL";
        if (after == null) {
            return List.of("t." + attribute + " IS NOT NULL", none);
        }
        return after.value() == null ? List.of(none + " AND t.id > :afterId") : List.of(after(), none);
    }

    /** Whether a range uses the parameter {@code afterValue}. */
    static boolean usesValue(String range) {
        return range.contains(":afterValue");
    }

    /** The JPQL condition "after the cursor" in this order; parameters {@code afterValue} and {@code afterId}. */
    private String after() {
        String op = descending ? "<" : ">";
        return "(t." + attribute + " " + op + " :afterValue OR (t." + attribute + " = :afterValue AND t.id " + op + " :afterId))";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<TicketEntity> comparator() {
        Comparator<TicketEntity> byValue = Comparator.comparing(ticket -> (Comparable) value.apply(ticket),
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<TicketEntity> ascending = byValue.thenComparingLong(TicketEntity::getId);
        return descending ? ascending.reversed() : ascending;
    }

    /** The ticket's sort value as the cursor carries it. */
    String cursorValue(TicketEntity ticket) {
        Object sortValue = value.apply(ticket);
        return sortValue == null ? NONE : sortValue.toString();
    }

    /** The cursor's value as the query parameter; throws on a value this sort cannot have. */
    Object parameter(String cursorValue) {
        if (this == SLA && NONE.equals(cursorValue)) {
            return null;
        }
        return attribute.equals("priority") ? (Object) Integer.valueOf(cursorValue) : Instant.parse(cursorValue);
    }
}
