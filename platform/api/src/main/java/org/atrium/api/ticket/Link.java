package org.atrium.api.ticket;

/**
 * A link as one ticket sees it.
 *
 * @param type           from this ticket's side: {@code parent}, {@code child}, {@code relates-to},
 *                       {@code duplicate-of}, {@code duplicated-by}, {@code caused-by}, {@code causes}
 * @param key            the other ticket
 * @param summary        the other ticket's summary
 * @param status         the other ticket's status
 * @param statusCategory the other ticket's status category
 */
public record Link(String type, String key, String summary, String status, String statusCategory) {
}
