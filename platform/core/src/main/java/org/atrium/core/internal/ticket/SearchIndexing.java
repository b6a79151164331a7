package org.atrium.core.internal.ticket;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.privacy.FieldKinds;
import org.atrium.core.internal.search.SearchIndex;

/**
 * Keeps the search index with the ticket: its text on creation and on every change that may have
 * changed it (an update, a transition whose action set fields), a comment's words when it is written.
 * In the change's transaction, so a search never misses or outlives what was committed.
 */
final class SearchIndexing implements TicketParticipant {
    private final FieldKinds kinds;
    private final Map<EntityManager, Set<String>> indexedIn = Collections.synchronizedMap(new WeakHashMap<>());

    SearchIndexing(FieldKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public void changed(EntityManager em, TicketChange change) {
        switch (change.what()) {
            case "CREATED" -> {
                if (indexed(em, change.ticket())) {
                    ticketText(em, change.ticket()); // moved on at once (a skipped approval) and indexed already: rewrite
                } else {
                    newTicketText(em, change.ticket());
                }
            }
            case "UPDATED", "TRANSITIONED" -> {
                indexed(em, change.ticket());
                ticketText(em, change.ticket());
            }
            case "COMMENTED" -> comment(em, change);
            default -> {
                // a link changes no text
            }
        }
    }

    private void ticketText(EntityManager em, Ticket ticket) {
        TicketEntity entity = TicketLookup.find(em, ticket.key());
        Set<String> freeText = kinds.freeText(em, ticket.type(), ticket.typeVersion());
        SearchIndex.ticketText(em, entity.getId(), ticket.key(), ticket.summary(), ticket.description(),
                SearchIndex.freeTextValues(ticket.fields(), freeText));
    }

    /**
     * Whether the ticket's text was indexed before in this transaction (by EntityManager, weakly: one lives
     * for one transaction); marks it indexed. A creation's participants may move the new ticket on before
     * its CREATED reaches this one, and the TRANSITIONED that came first wrote its terms.
     */
    private boolean indexed(EntityManager em, Ticket ticket) {
        return !indexedIn.computeIfAbsent(em, e -> ConcurrentHashMap.newKeySet()).add(ticket.key());
    }

    private void newTicketText(EntityManager em, Ticket ticket) {
        TicketEntity entity = TicketLookup.find(em, ticket.key());
        Set<String> freeText = kinds.freeText(em, ticket.type(), ticket.typeVersion());
        SearchIndex.newTicketText(em, entity.getId(), ticket.key(), ticket.summary(), ticket.description(),
                SearchIndex.freeTextValues(ticket.fields(), freeText));
    }

    private void comment(EntityManager em, TicketChange change) {
        Object id = change.details().get("comment");
        CommentEntity comment = id instanceof Number number ? em.find(CommentEntity.class, number.longValue()) : null;
        if (comment != null) {
            SearchIndex.comment(em, comment.getTicketId(), comment.getId(), comment.getBody(), comment.isInternal());
        }
    }
}
