package org.atrium.api.search;

import org.atrium.api.ticket.TicketQuery;

/**
 * A search: the text, and the queue's filters that narrow it (department, status, category, assignee,
 * requester, group, unassigned, limit). The filters' {@code sort} must be null (results come in rank
 * order); their {@code cursor} is the {@code nextCursor} of the previous {@link SearchPage}.
 */
public record SearchQuery(String text, TicketQuery filters) {
}
