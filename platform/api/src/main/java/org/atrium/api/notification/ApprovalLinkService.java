package org.atrium.api.notification;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Approve and reject links in approval mails, usable without signing in: signed, for one approval
 * and one decision, expiring, and single use. A forged, expired or used token is a
 * {@link org.atrium.api.ValidationException} or {@link org.atrium.api.ConflictException}.
 */
@ProviderType
public interface ApprovalLinkService {
    /** What the token would decide; decides nothing. */
    ApprovalLink open(String token);

    /** Decides the approval as the approver the token names (audited as them) and marks the link used. */
    ApprovalLink use(String token);
}
