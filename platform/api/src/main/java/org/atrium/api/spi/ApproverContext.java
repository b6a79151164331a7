package org.atrium.api.spi;

import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.ticket.Ticket;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an {@link ApproverResolver} is told about the approval stage it finds people for. Atrium
 * implements it; later versions add methods here. Made for one question, not to be kept.
 */
@ProviderType
public interface ApproverContext {

    /** The ticket that needs approval, with its form values ({@link Ticket#fields()}, types as {@link FormContext} lists). */
    Ticket ticket();

    /** The stage whose rule {@code {"resolver": "name"}} names the resolver. */
    ApprovalStage stage();
}
