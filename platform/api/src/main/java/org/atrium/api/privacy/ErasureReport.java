package org.atrium.api.privacy;

/**
 * What an erasure changed.
 *
 * @param pseudonym          what the person is called from now on (their login, names and e-mail)
 * @param alreadyErased      true when the person had been erased before (a retry): nothing changed
 * @param ticketsRedacted    tickets they requested whose summary, description and free-text fields were redacted
 * @param commentsRedacted   comments they wrote, redacted
 * @param historyRedacted    history rows whose values held text they wrote, redacted
 * @param formValuesReplaced person fields of tickets that named them, now naming the pseudonym
 */
public record ErasureReport(String pseudonym, boolean alreadyErased, int ticketsRedacted, int commentsRedacted,
        int historyRedacted, int formValuesReplaced) {
}
