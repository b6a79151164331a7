package org.atrium.core.internal.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.persistence.EntityManager;

import org.atrium.api.ticket.Priority;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.sla.TicketMoment;
import org.atrium.core.internal.workflow.TicketWorkflow;

/**
 * The ticket as it stood after each of its history rows, rebuilt from the rows alone: the form
 * values and priority of creation are the present ones with every recorded change undone, and
 * from there each row is applied in order. What the SLA clocks are folded from.
 */
final class TicketTimeline {
    private TicketTimeline() {
    }

    static List<HistoryEntity> rows(EntityManager em, TicketEntity ticket) {
        return em.createQuery("SELECT h FROM HistoryEntity h WHERE h.ticketId = :id ORDER BY h.id", HistoryEntity.class)
                .setParameter("id", ticket.getId()).getResultList();
    }

    /** @param agent whether a person is an agent of the ticket's department (their public comment answers the requester) */
    static List<TicketMoment> of(TicketEntity ticket, List<HistoryEntity> rows, TicketWorkflow workflow, Predicate<String> agent) {
        Map<String, Object> fields = new LinkedHashMap<>(Json.readMap(ticket.getFieldsJson()));
        String priority = Priority.ofRank(ticket.getPriority()).name();
        for (int i = rows.size() - 1; i >= 0; i--) { // undo every change: the ticket as it was created
            HistoryEntity row = rows.get(i);
            if (!"updated".equals(row.getAction()) || row.getField() == null) {
                continue;
            }
            if (row.getField().startsWith("fields.")) {
                String name = row.getField().substring("fields.".length());
                if (row.getBefore() == null) {
                    fields.remove(name);
                } else {
                    fields.put(name, Json.read(row.getBefore()));
                }
            } else if ("priority".equals(row.getField()) && row.getBefore() != null) {
                priority = row.getBefore();
            }
        }
        List<TicketMoment> moments = new ArrayList<>();
        String state = null;
        boolean answered = false;
        boolean resolved = false;
        for (HistoryEntity row : rows) {
            String cause = row.getAction() + (row.getField() == null ? "" : " " + row.getField());
            switch (row.getAction()) {
                case "created" -> {
                    state = row.getAfter();
                    cause = "created in " + state;
                }
                case "transitioned" -> {
                    state = row.getAfter();
                    cause = "status: " + row.getBefore() + " -> " + row.getAfter();
                }
                case "updated" -> {
                    if (row.getField() != null && row.getField().startsWith("fields.")) {
                        String name = row.getField().substring("fields.".length());
                        if (row.getAfter() == null) {
                            fields.remove(name);
                        } else {
                            fields.put(name, Json.read(row.getAfter()));
                        }
                    } else if ("priority".equals(row.getField()) && row.getAfter() != null) {
                        priority = row.getAfter();
                    }
                    cause = row.getField() + ": " + row.getBefore() + " -> " + row.getAfter();
                }
                case "commented" -> {
                    boolean byAgent = "public".equals(row.getField()) && agent.test(row.getActor());
                    answered |= byAgent;
                    cause = row.getField() + " comment by " + row.getActor();
                }
                default -> {
                    // links, approvals, SLA rows: the ticket itself did not change
                }
            }
            if (state == null) {
                continue; // rows before the creation row do not exist; guard against a damaged history
            }
            String category = workflow.definition().state(state).map(s -> s.category().json()).orElse("open");
            resolved |= "resolved".equals(category);
            moments.add(new TicketMoment(row.getId(), row.getAt(), cause, state, category, Map.copyOf(withoutNulls(fields)), priority,
                    answered, resolved));
        }
        return moments;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
