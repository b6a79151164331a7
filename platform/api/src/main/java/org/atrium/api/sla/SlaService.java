package org.atrium.api.sla;

import java.util.List;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The service levels of tickets, for whoever may see them. */
@ProviderType
public interface SlaService {
    /** The ticket's clocks with their explanation; empty for a type without service levels. */
    List<SlaClock> clocks(Caller caller, String ticketKey);
}
