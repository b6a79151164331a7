package org.atrium.core.internal.access;

/** What a caller may try to do with one ticket; {@link TicketAccessPolicy} decides each. */
public enum TicketAction {
    /** The ticket itself: in full, or as the approval view its approvers get. */
    READ,
    /** Comments, history, links, the transitions offered: the ticket's working record. */
    READ_RECORD,
    /** Internal comments and their history rows. */
    READ_INTERNAL,
    /** A public comment. */
    COMMENT,
    /** An internal comment. */
    COMMENT_INTERNAL,
    /** Taking a workflow step; which steps is the workflow's say (the parties each step names). */
    TRANSITION,
    /** A PATCH: fields, assignee, group, priority; which fields is the type's field rules' say. */
    UPDATE,
    /** Linking and unlinking: triage work. */
    LINK,
    /** The ticket's SLA clocks and their explanation. */
    SLA
}
