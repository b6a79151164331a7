package org.atrium.core.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.Audience;
import org.atrium.api.catalog.FormField;

/**
 * Reads a descriptor's {@code audience} (docs/descriptors.md, "Audiences"): one entry, or
 * {@code {"anyOf": [entries]}}. An entry is {@code "everyone"}, {@code "agents"}, {@code "managers"},
 * {@code "role:NAME"} or {@code {"managerOf": "field"}}, where the field must be a {@code person}
 * field of the same form.
 */
final class AudienceReader {
    static final String ROLE_PREFIX = "role:";
    private static final Pattern ROLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]{0,99}");
    private static final String ENTRY = "\"everyone\", \"agents\", \"managers\", \"role:NAME\" or {\"managerOf\": \"a person field\"}";

    private AudienceReader() {
    }

    static Audience read(JsonNode node, List<FormField> fields) throws DescriptorException {
        if (node == null) {
            return Audience.EVERYONE;
        }
        Builder audience = new Builder();
        if (node.isObject() && node.has("anyOf")) {
            DescriptorReader.onlyKnown(node, Set.of("anyOf"), "audience.");
            JsonNode entries = node.get("anyOf");
            if (!entries.isArray() || entries.isEmpty()) {
                throw new DescriptorException("audience.anyOf", "must be a non-empty list of " + ENTRY);
            }
            for (int i = 0; i < entries.size(); i++) {
                audience.add(entries.get(i), "audience.anyOf[" + i + "]", fields);
            }
        } else {
            audience.add(node, "audience", fields);
        }
        return audience.build();
    }

    private static final class Builder {
        private boolean everyone;
        private boolean agents;
        private boolean managers;
        private final Set<String> roles = new LinkedHashSet<>();
        private final List<String> managerOf = new ArrayList<>();

        void add(JsonNode entry, String at, List<FormField> fields) throws DescriptorException {
            if (entry.isObject()) {
                DescriptorReader.onlyKnown(entry, Set.of("managerOf"), at + ".");
                String field = DescriptorReader.text(entry, "managerOf", null, null, at + ".managerOf");
                FormField named = fields.stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow(() ->
                        new DescriptorException(at + ".managerOf", "must name a person field of this form, not \"" + field + "\""));
                if (!named.type().equals("person")) {
                    throw new DescriptorException(at + ".managerOf", "must name a person field; \"" + field + "\" is a " + named.type() + " field");
                }
                once(!managerOf.contains(field), at);
                managerOf.add(field);
                return;
            }
            if (!entry.isTextual()) {
                throw new DescriptorException(at, "must be " + ENTRY);
            }
            String text = entry.asText();
            switch (text) {
                case "everyone" -> {
                    once(!everyone, at);
                    everyone = true;
                }
                case "agents" -> {
                    once(!agents, at);
                    agents = true;
                }
                case "managers" -> {
                    once(!managers, at);
                    managers = true;
                }
                default -> {
                    String role = text.startsWith(ROLE_PREFIX) ? text.substring(ROLE_PREFIX.length()) : null;
                    if (role == null || !ROLE.matcher(role).matches()) {
                        throw new DescriptorException(at, "must be " + ENTRY + ", not \"" + text + "\"");
                    }
                    once(roles.add(role), at);
                }
            }
        }

        private static void once(boolean first, String at) throws DescriptorException {
            if (!first) {
                throw new DescriptorException(at, "is listed twice");
            }
        }

        Audience build() {
            return new Audience(everyone, agents, managers, roles, managerOf);
        }
    }
}
