package org.atrium.core.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.core.internal.form.FormValidator;
import org.atrium.core.internal.form.Json;

/**
 * Reads one request-type descriptor (JSON) and checks it completely before anything is
 * registered: a descriptor is accepted whole or refused whole.
 */
final class DescriptorReader {
    static final Set<String> CATEGORIES = Set.of("incident", "service-request", "change", "problem", "task");
    static final List<String> LANGUAGES = List.of("de", "en");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final Set<String> TOP_LEVEL = Set.of("key", "department", "category", "keyPrefix", "names", "help",
            "fields", "schemaVersion", "confidential");
    private static final Set<String> FIELD_MEMBERS = Set.of("name", "type", "required", "labels", "options");

    private DescriptorReader() {
    }

    static RequestType read(InputStream in, String bundle) throws DescriptorException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DescriptorException("(file)", "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new DescriptorException("(file)", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DescriptorException("(file)", "must hold one JSON object");
        }
        onlyKnown(root, TOP_LEVEL, "");
        String key = text(root, "key", KEY, "like it.incident: lower-case words joined by dots");
        String department = text(root, "department", DEPARTMENT, "lower-case letters, digits and dashes");
        String category = text(root, "category", null, null);
        if (!CATEGORIES.contains(category)) {
            throw new DescriptorException("category", "must be one of " + String.join(", ", CATEGORIES));
        }
        if (!key.startsWith(department + ".")) {
            throw new DescriptorException("key", "must start with the department, \"" + department + ".\"");
        }
        String prefix = text(root, "keyPrefix", PREFIX, "1 to 10 upper-case letters or digits, like IT");
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            throw new DescriptorException("schemaVersion", "must be a whole number from 1");
        }
        JsonNode confidential = root.get("confidential");
        if (confidential != null && !confidential.isBoolean()) {
            throw new DescriptorException("confidential", "must be true or false");
        }
        Map<String, String> names = languages(root.get("names"), "names", true);
        Map<String, String> help = languages(root.get("help"), "help", false);
        List<FormField> fields = fields(root.get("fields"));
        return new RequestType(key, department, category, prefix, names, help, fields, version.intValue(),
                confidential != null && confidential.booleanValue(), bundle);
    }

    private static List<FormField> fields(JsonNode node) throws DescriptorException {
        List<FormField> fields = new ArrayList<>();
        if (node == null) {
            return fields;
        }
        if (!node.isArray()) {
            throw new DescriptorException("fields", "must be a list");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode field = node.get(i);
            String at = "fields[" + i + "]";
            if (!field.isObject()) {
                throw new DescriptorException(at, "must be an object");
            }
            onlyKnown(field, FIELD_MEMBERS, at + ".");
            String name = text(field, "name", FIELD_NAME, "a letter, then letters, digits or _", at + ".name");
            if (!seen.add(name)) {
                throw new DescriptorException(at + ".name", "\"" + name + "\" is used twice");
            }
            String type = text(field, "type", null, null, at + ".type");
            if (!FormValidator.FIELD_TYPES.contains(type)) {
                throw new DescriptorException(at + ".type", "must be one of " + String.join(", ", FormValidator.FIELD_TYPES.stream().sorted().toList()));
            }
            JsonNode required = field.get("required");
            if (required != null && !required.isBoolean()) {
                throw new DescriptorException(at + ".required", "must be true or false");
            }
            List<String> options = new ArrayList<>();
            JsonNode optionNode = field.get("options");
            if (optionNode != null) {
                if (!optionNode.isArray()) {
                    throw new DescriptorException(at + ".options", "must be a list of texts");
                }
                optionNode.forEach(option -> options.add(option.asText()));
            }
            if ((type.equals("choice") || type.equals("multi-choice")) && options.isEmpty()) {
                throw new DescriptorException(at + ".options", "is required for a " + type + " field");
            }
            fields.add(new FormField(name, type, required != null && required.booleanValue(),
                    languages(field.get("labels"), at + ".labels", true), options));
        }
        return fields;
    }

    private static Map<String, String> languages(JsonNode node, String field, boolean required) throws DescriptorException {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null && !required) {
            return texts;
        }
        if (node == null || !node.isObject()) {
            throw new DescriptorException(field, "must be an object with a text for each of " + String.join(", ", LANGUAGES));
        }
        for (String language : LANGUAGES) {
            JsonNode text = node.get(language);
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw new DescriptorException(field + "." + language, "is required: Atrium is offered in German and English");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            texts.put(entry.getKey(), entry.getValue().asText());
        }
        return texts;
    }

    private static String text(JsonNode node, String member, Pattern pattern, String patternText) throws DescriptorException {
        return text(node, member, pattern, patternText, member);
    }

    private static String text(JsonNode node, String member, Pattern pattern, String patternText, String path)
            throws DescriptorException {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DescriptorException(path, "is required");
        }
        if (pattern != null && !pattern.matcher(value.asText()).matches()) {
            throw new DescriptorException(path, "must be " + patternText + ", not \"" + value.asText() + "\"");
        }
        return value.asText();
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String at) throws DescriptorException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new DescriptorException(at + name, "is not a descriptor member; known are " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
