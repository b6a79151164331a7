package org.atrium.core.internal.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a term was found, and how much a find there weighs: a hit in the key or summary says more
 * about a ticket than one in a long description or a comment. The name is what a hit's
 * {@code matches} shows; {@code column} what the index stores.
 */
public enum SearchField {
    KEY("key", "key", 16),
    SUMMARY("summary", "summary", 8),
    DESCRIPTION("description", "description", 3),
    FIELDS("fields", "fields", 1),
    COMMENT("comment", "comment", 1),
    /** Internal comments: matched and shown only for agents of the ticket's department. */
    INTERNAL_COMMENT("internalComment", "internal", 1);

    /** Repeats count, up to this many: a word written ten times is not ten times the hit. */
    static final int MAX_OCCURRENCES = 3;
    private final String json;
    private final String column;
    private final int weight;

    SearchField(String json, String column, int weight) {
        this.json = json;
        this.column = column;
        this.weight = weight;
    }

    public String json() {
        return json;
    }

    public String column() {
        return column;
    }

    int weight(int occurrences) {
        return weight * Math.min(occurrences, MAX_OCCURRENCES);
    }

    static Optional<SearchField> ofColumn(String column) {
        return Arrays.stream(values()).filter(field -> field.column.equals(column)).findFirst();
    }
}
