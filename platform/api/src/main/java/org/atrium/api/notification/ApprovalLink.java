package org.atrium.api.notification;

/**
 * What an approval link from a mail names, shown before it is used (a mail scanner following the
 * link decides nothing) and after.
 *
 * @param approval   the approval's id
 * @param ticketKey  its ticket
 * @param summary    the ticket's summary (what the approver's mail showed)
 * @param approver   the person the link decides as
 * @param language   the approver's language ({@code de} or {@code en})
 * @param decision   {@code approve} or {@code reject}
 * @param state      the approval's state now (pending, approved, rejected, ...)
 */
public record ApprovalLink(long approval, String ticketKey, String summary, String approver, String language, String decision,
        String state) {
}
