package org.atrium.api.notification;

import java.util.List;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The people who follow a ticket: its public comments and its resolution reach them by mail. A
 * person follows only a ticket they may see; anyone who may see a ticket follows it themself, the
 * ticket's department's agents may also add or remove others.
 */
@ProviderType
public interface WatcherService {
    /** The ticket's watchers (person ids, sorted), for whoever may read the ticket's record. */
    List<String> watchers(Caller caller, String ticketKey);

    /** Adds {@code person} (the caller when null); already watching is no error. */
    List<String> watch(Caller caller, String ticketKey, String person);

    /** Removes {@code person} (the caller when null); not watching is no error. */
    List<String> unwatch(Caller caller, String ticketKey, String person);
}
