package org.atrium.core.internal.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of link and how each side names them. A link is stored once: {@code from} is the parent,
 * the duplicate, the incident caused by a problem, or the ticket with the lower id of two related ones.
 */
final class LinkTypes {
    static final String PARENT_OF = "parent-of";
    static final String RELATES_TO = "relates-to";
    static final String DUPLICATE_OF = "duplicate-of";
    static final String CAUSED_BY = "caused-by";

    /** What the other ticket is to this one, given the stored type and whether this ticket is the stored {@code from}. */
    static String seenFrom(String stored, boolean thisIsFrom) {
        return switch (stored) {
            case PARENT_OF -> thisIsFrom ? "child" : "parent";
            case DUPLICATE_OF -> thisIsFrom ? "duplicate-of" : "duplicated-by";
            case CAUSED_BY -> thisIsFrom ? "caused-by" : "causes";
            default -> RELATES_TO;
        };
    }

    /** A requested link from this ticket's side, as stored: the type and whether this ticket is {@code from}. */
    record Stored(String type, boolean thisIsFrom) {
    }

    private static final Map<String, Stored> BY_SIDE = Map.of(
            "child", new Stored(PARENT_OF, true),
            "parent", new Stored(PARENT_OF, false),
            RELATES_TO, new Stored(RELATES_TO, true),
            "duplicate-of", new Stored(DUPLICATE_OF, true),
            "duplicated-by", new Stored(DUPLICATE_OF, false),
            "caused-by", new Stored(CAUSED_BY, true),
            "causes", new Stored(CAUSED_BY, false));

    static final List<String> SIDES = List.of("parent", "child", RELATES_TO, "duplicate-of", "duplicated-by", "caused-by", "causes");

    static Optional<Stored> stored(String side) {
        return Optional.ofNullable(side == null ? null : BY_SIDE.get(side));
    }

    private LinkTypes() {
    }
}
