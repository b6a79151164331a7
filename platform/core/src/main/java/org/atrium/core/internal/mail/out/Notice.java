package org.atrium.core.internal.mail.out;

/**
 * One person to notify with one template.
 *
 * @param asApprover the person hears of it as the approver (the approval lets them read the ticket)
 */
public record Notice(String person, String template, boolean asApprover) {
}
