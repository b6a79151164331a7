package org.atrium.core.internal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.ChildTicket;
import org.atrium.api.catalog.ChildTickets;
import org.atrium.api.catalog.FormField;
import org.atrium.api.workflow.Workflow;

/**
 * Reads a descriptor's {@code children} (docs/descriptors.md, "Child tickets"): the tickets a parent
 * creates in other departments when it enters a state, and which parent fields each receives. The
 * child types live in other bundles, so only their key's form is checked here; every parent field
 * and state is checked.
 */
final class ChildrenReader {
    private static final Pattern CHILD_KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern TYPE_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> MEMBERS = Set.of("on", "tickets", "doneTo", "cancelledIn");
    private static final Set<String> TICKET_MEMBERS = Set.of("key", "type", "summary", "fields", "onlyWhen", "dueBefore");
    private static final Set<String> DATES = Set.of("date");

    private ChildrenReader() {
    }

    static ChildTickets read(JsonNode node, List<FormField> form, Workflow workflow) throws DescriptorException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new DescriptorException("children", "must be an object with on, tickets, doneTo and cancelledIn");
        }
        DescriptorReader.onlyKnown(node, MEMBERS, "children.");
        String on = WorkflowRefs.state(node, "on", "children.on", workflow, false);
        String doneTo = WorkflowRefs.state(node, "doneTo", "children.doneTo", workflow, true);
        if (doneTo != null) {
            if (doneTo.equals(on)) {
                throw new DescriptorException("children.doneTo", "must be another state than \"" + on + "\"");
            }
            WorkflowRefs.requireTransition(on, doneTo, "children.doneTo", workflow);
        }
        List<String> cancelledIn = cancelledIn(node.get("cancelledIn"), workflow, on);
        return new ChildTickets(on, tickets(node.get("tickets"), form), doneTo, cancelledIn);
    }

    private static List<String> cancelledIn(JsonNode node, Workflow workflow, String on) throws DescriptorException {
        List<String> states = new ArrayList<>();
        if (node == null || node.isNull()) {
            return states;
        }
        if (!node.isArray()) {
            throw new DescriptorException("children.cancelledIn", "must be a list of state keys");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "children.cancelledIn[" + i + "]";
            String key = node.get(i).isTextual() ? node.get(i).asText() : String.valueOf(node.get(i));
            WorkflowRefs.requireState(key, at, workflow);
            if (key.equals(on)) {
                throw new DescriptorException(at, "must not be \"" + on + "\", the state that creates the children");
            }
            states.add(key);
        }
        WorkflowRefs.noDuplicates(states, "children.cancelledIn");
        return states;
    }

    private static List<ChildTicket> tickets(JsonNode node, List<FormField> form) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException("children.tickets", "must be a non-empty list of child tickets");
        }
        List<ChildTicket> tickets = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ChildTicket ticket = ticket(node.get(i), "children.tickets[" + i + "]", form);
            if (!keys.add(ticket.key())) {
                throw new DescriptorException("children.tickets[" + i + "].key", "\"" + ticket.key() + "\" is used twice");
            }
            tickets.add(ticket);
        }
        return tickets;
    }

    private static ChildTicket ticket(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be an object with key, type and summary");
        }
        DescriptorReader.onlyKnown(node, TICKET_MEMBERS, at + ".");
        String key = DescriptorReader.text(node, "key", CHILD_KEY, "lower-case letters, digits and dashes, like laptop", at + ".key");
        String type = DescriptorReader.text(node, "type", TYPE_KEY, "a request type key like it.task", at + ".type");
        Map<String, String> summary = DescriptorReader.languages(node.get("summary"), at + ".summary", true);
        for (Map.Entry<String, String> text : summary.entrySet()) {
            Matcher placeholder = PLACEHOLDER.matcher(text.getValue());
            while (placeholder.find()) {
                if (FormConditionReader.field(form, placeholder.group(1)).isEmpty()) {
                    throw new DescriptorException(at + ".summary." + text.getKey(), "{" + placeholder.group(1)
                            + "} names no field of the parent's form");
                }
            }
        }
        Map<String, String> fields = fields(node.get("fields"), at + ".fields", form);
        ChildTicket.DueBefore due = dueBefore(node.get("dueBefore"), at + ".dueBefore", form);
        if (due != null && fields.containsKey(ChildTicket.DUE_FIELD)) {
            throw new DescriptorException(at + ".fields." + ChildTicket.DUE_FIELD, "is set by dueBefore; do not also copy it");
        }
        return new ChildTicket(key, type, summary, fields, FormConditionReader.read(node.get("onlyWhen"), at + ".onlyWhen", form), due);
    }

    private static Map<String, String> fields(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        Map<String, String> fields = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return fields;
        }
        if (!node.isObject()) {
            throw new DescriptorException(at, "must map a child field to a parent field, like {\"person\": \"newHire\"}");
        }
        var entries = node.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            String here = at + "." + entry.getKey();
            if (!FIELD_NAME.matcher(entry.getKey()).matches()) {
                throw new DescriptorException(here, "must be a field name: a letter, then letters, digits or _");
            }
            String parent = entry.getValue().isTextual() ? entry.getValue().asText() : "";
            if (FormConditionReader.field(form, parent).isEmpty()) {
                throw new DescriptorException(here, "must name a field of the parent's form, not " + entry.getValue());
            }
            fields.put(entry.getKey(), parent);
        }
        return fields;
    }

    private static ChildTicket.DueBefore dueBefore(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be {\"field\": a date field, \"days\": n}");
        }
        DescriptorReader.onlyKnown(node, Set.of("field", "days"), at + ".");
        String name = DescriptorReader.text(node, "field", null, null, at + ".field");
        FormField field = FormConditionReader.field(form, name)
                .orElseThrow(() -> new DescriptorException(at + ".field", "names no field of the parent's form: " + name));
        if (!DATES.contains(field.type())) {
            throw new DescriptorException(at + ".field", "must be a date field; " + name + " is a " + field.type() + " field");
        }
        JsonNode days = node.get("days");
        if (days == null || !days.isIntegralNumber() || !days.canConvertToInt() || days.intValue() < 0 || days.intValue() > 3660) {
            throw new DescriptorException(at + ".days", "must be a whole number of days from 0 to 3660");
        }
        return new ChildTicket.DueBefore(name, days.intValue());
    }
}
