package org.atrium.core.internal.access;

/** How much of a ticket a caller may read. */
public enum View {
    /** Everything but internal comments, unless the caller is an agent of the ticket's department. */
    FULL,
    /** What an approver must decide on: the ticket without description, the fields their stages show, its approvals. */
    APPROVAL,
    /** Nothing: a 404 where the ticket is confidential, else a 403. */
    NONE
}
