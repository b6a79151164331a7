package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every descriptor shipped in the repository (modules-*&#47;src/main/resources/atrium/*.json and
 * examples/*&#47;src/main/resources/atrium/*.json) conforms to docs/request-type.schema.json, and to
 * the rules the schema cannot express (docs/descriptors.md, marked "server"). A few deliberately bad
 * descriptors prove the schema refuses what it must.
 */
class ShippedDescriptorsTest {
    private static final String SCHEMA = "docs/request-type.schema.json";
    private static final Set<String> DEPARTMENTS = Set.of("it", "hr", "facility", "legal");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static Path root;
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        root = repositoryRoot();
        schemaNode = MAPPER.readTree(root.resolve(SCHEMA).toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    /** The repository root: ../../ from platform/core, found by walking up to the schema. */
    private static Path repositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(SCHEMA)) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + SCHEMA + " above " + dir);
    }

    /** modules-*&#47;src/main/resources/atrium/*.json and examples/*&#47;src/main/resources/atrium/*.json. */
    private static List<Path> shippedDescriptors() throws IOException {
        List<Path> bundles = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, "modules-*")) {
            modules.forEach(bundles::add);
        }
        Path examples = root.resolve("examples");
        if (Files.isDirectory(examples)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(examples)) {
                dirs.forEach(bundles::add);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path bundle : bundles) {
            Path atrium = bundle.resolve("src/main/resources/atrium");
            if (Files.isDirectory(atrium)) {
                try (DirectoryStream<Path> json = Files.newDirectoryStream(atrium, "*.json")) {
                    json.forEach(files::add);
                }
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return fail(relative(file) + " is not well-formed JSON: " + e.getMessage());
        }
    }

    private static Set<String> schemaErrors(JsonNode descriptor) {
        return schema.validate(descriptor).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));
        Set<ValidationMessage> errors = meta.validate(schemaNode);
        assertTrue(errors.isEmpty(), SCHEMA + " is not a valid JSON Schema 2020-12: " + errors);
    }

    @Test
    void everyDepartmentShipsAtLeastOneDescriptor() throws IOException {
        Map<String, List<String>> byDepartment = new HashMap<>();
        for (Path file : shippedDescriptors()) {
            byDepartment.computeIfAbsent(read(file).path("department").asText(), d -> new ArrayList<>()).add(relative(file));
        }
        for (String department : DEPARTMENTS) {
            assertFalse(byDepartment.getOrDefault(department, List.of()).isEmpty(),
                    "no descriptor of department " + department + " found; found " + byDepartment);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedDescriptorConformsToTheSchema() throws IOException {
        List<Path> files = shippedDescriptors();
        assertFalse(files.isEmpty(), "no descriptors found below " + root);
        return files.stream().map(file -> DynamicTest.dynamicTest(relative(file), () -> {
            Set<String> errors = schemaErrors(read(file));
            assertTrue(errors.isEmpty(), relative(file) + " does not conform to " + SCHEMA + ":\n  "
                    + String.join("\n  ", errors));
        }));
    }

    /** The server's own reader (DescriptorReader) accepts every shipped descriptor. */
    @TestFactory
    Stream<DynamicTest> everyShippedDescriptorIsReadByTheServer() throws IOException {
        return shippedDescriptors().stream().map(file -> DynamicTest.dynamicTest(relative(file), () -> {
            try (InputStream in = Files.newInputStream(file)) {
                DescriptorReader.read(in, "test");
            } catch (DescriptorException e) {
                fail(relative(file) + " is refused by DescriptorReader: " + e.field() + " " + e.getMessage());
            }
        }));
    }

    /** The rules docs/descriptors.md marks "server", which the schema cannot state. */
    @Test
    void shippedDescriptorsKeepTheRulesBeyondTheSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        Map<String, String> prefixOwners = new HashMap<>();
        for (Path file : shippedDescriptors()) {
            String at = relative(file);
            JsonNode descriptor = read(file);
            String key = descriptor.path("key").asText();
            String department = descriptor.path("department").asText();
            if (!key.startsWith(department + ".")) {
                problems.add(at + ": key " + key + " does not start with \"" + department + ".\"");
            }
            String other = keys.put(key, at);
            if (other != null) {
                problems.add(at + ": key " + key + " is also used by " + other);
            }
            String prefix = descriptor.path("keyPrefix").asText();
            String owner = prefixOwners.putIfAbsent(prefix, department);
            if (owner != null && !owner.equals(department)) {
                problems.add(at + ": keyPrefix " + prefix + " already belongs to department " + owner);
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (JsonNode field : descriptor.path("fields")) {
                if (fields.put(field.path("name").asText(), field) != null) {
                    problems.add(at + ": field " + field.path("name").asText() + " is declared twice");
                }
            }
            boolean computed = false;
            for (JsonNode field : fields.values()) {
                String name = at + ": field " + field.path("name").asText();
                computed |= field.path("computed").asBoolean(false);
                Set<String> values = new HashSet<>();
                for (JsonNode option : field.path("options")) {
                    String value = option.isTextual() ? option.asText() : option.path("value").asText();
                    if (!values.add(value)) {
                        problems.add(name + ": option " + value + " is listed twice");
                    }
                }
                if (field.has("min") && field.has("max") && field.get("min").decimalValue().compareTo(field.get("max").decimalValue()) > 0) {
                    problems.add(name + ": min is greater than max");
                }
                if (field.has("minLength") && field.has("maxLength") && field.get("minLength").asInt() > field.get("maxLength").asInt()) {
                    problems.add(name + ": minLength is greater than maxLength");
                }
                if (field.has("pattern")) {
                    try {
                        Pattern.compile(field.get("pattern").asText());
                    } catch (PatternSyntaxException e) {
                        problems.add(name + ": pattern is not a regular expression: " + e.getDescription());
                    }
                }
                for (String member : List.of("requiredWhen", "shownWhen")) {
                    JsonNode condition = field.get(member);
                    if (condition != null && condition.path("field").asText().equals(field.path("name").asText())) {
                        problems.add(name + "." + member + ": names the field itself");
                    } else if (condition != null) {
                        checkCondition(name + "." + member, condition, fields, problems);
                    }
                }
            }
            if (computed && descriptor.path("calculators").isEmpty()) {
                problems.add(at + ": has computed fields but names no calculator");
            }
            JsonNode audience = descriptor.path("audience");
            for (JsonNode entry : audience.has("anyOf") ? audience.get("anyOf") : List.of(audience)) {
                if (entry.has("managerOf") && !fields.getOrDefault(entry.get("managerOf").asText(), MAPPER.createObjectNode())
                        .path("type").asText().equals("person")) {
                    problems.add(at + ": audience managerOf " + entry.get("managerOf") + " is not a person field");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The field named exists, and every value compared is one it can take. */
    private static void checkCondition(String at, JsonNode condition, Map<String, JsonNode> fields, List<String> problems) {
        JsonNode target = fields.get(condition.path("field").asText());
        if (target == null) {
            problems.add(at + ": names no field of this form: " + condition.path("field").asText());
            return;
        }
        List<String> compared = new ArrayList<>();
        if (condition.has("equals")) {
            compared.add(condition.get("equals").asText());
        }
        condition.path("in").forEach(value -> compared.add(value.asText()));
        Set<String> possible = new HashSet<>();
        switch (target.path("type").asText()) {
            case "boolean" -> possible.addAll(List.of("true", "false"));
            case "choice", "multi-choice" -> target.path("options").forEach(option ->
                    possible.add(option.isTextual() ? option.asText() : option.path("value").asText()));
            default -> {
                return;
            }
        }
        if (target.has("optionSource")) {
            return;
        }
        for (String value : compared) {
            if (!possible.contains(value)) {
                problems.add(at + ": " + target.path("name").asText() + " never has the value \"" + value + "\"");
            }
        }
    }

    // --- the schema refuses what it must ---

    private static final String GOOD = """
            {
              "key": "legal.contract-review",
              "department": "legal",
              "category": "service-request",
              "keyPrefix": "LEG",
              "schemaVersion": 1,
              "confidential": false,
              "audience": {"anyOf": ["agents", "role:legal-lead", {"managerOf": "signer"}]},
              "names": {"de": "Vertragsprüfung", "en": "Contract review"},
              "help": {"de": "Vor der Unterschrift prüfen lassen.", "en": "Have it reviewed before you sign."},
              "fields": [
                {"name": "contractType", "type": "choice", "required": true,
                 "labels": {"de": "Vertragsart", "en": "Kind of contract"},
                 "options": [{"value": "nda", "labels": {"de": "Geheimhaltungsvereinbarung", "en": "Non-disclosure agreement"}},
                             "other"]},
                {"name": "otherType", "type": "text", "maxLength": 100, "pattern": "[A-Za-z ]+",
                 "labels": {"de": "Welche Vertragsart?", "en": "Which kind of contract?"},
                 "shownWhen": {"field": "contractType", "equals": "other"},
                 "requiredWhen": {"field": "contractType", "in": ["other"]}},
                {"name": "value", "type": "number", "min": 0, "labels": {"de": "Vertragswert", "en": "Contract value"}},
                {"name": "parties", "type": "multi-choice", "min": 1, "max": 3, "optionSource": "legal.parties",
                 "labels": {"de": "Parteien", "en": "Parties"}},
                {"name": "days", "type": "number", "computed": true, "labels": {"de": "Tage", "en": "Days"}},
                {"name": "signer", "type": "person", "labels": {"de": "Unterzeichner", "en": "Signer"}}
              ],
              "validators": ["legal.contract-dates"],
              "calculators": ["legal.days"],
              "actions": {"resolved": ["legal.archive"]},
              "approvals": [{"state": "new", "onlyWhen": {"field": "contractType", "equals": "nda"},
                "approvedTo": "in-progress", "rejectedTo": "closed", "rejectedResolution": "declined",
                "stages": [{"key": "lead", "names": {"de": "Leitung", "en": "Lead"}, "approvers": [{"managerOf": "requester"}, {"role": "legal-lead"}],
                  "rule": {"atLeast": 2}, "skipWhen": {"field": "value", "below": 1000}, "shows": ["contractType", "value"], "locks": ["value"],
                  "timeout": {"after": "P3D", "remindBefore": "PT12H", "decision": "escalate"}}]}],
              "children": {"on": "in-progress", "doneTo": "resolved", "cancelledIn": ["closed"],
                "tickets": [{"key": "archive", "type": "facility.task", "summary": {"de": "Vertrag {contractType} archivieren", "en": "Archive contract {contractType}"},
                  "fields": {"details": "otherType"}, "onlyWhen": {"field": "contractType", "in": ["nda"]}}]},
              "sla": {"calendar": "de-by", "calendars": {"P1": "24x7"}, "warnAt": 80,
                "clocks": [
                  {"key": "first-response", "names": {"de": "Erste Antwort", "en": "First response"}, "targets": {"P1": "PT30M", "P3": "PT4H"}},
                  {"key": "resolution", "names": {"de": "Lösung", "en": "Resolution"}, "kind": "sla",
                   "targets": {"P1": "PT4H", "P2": "PT9H", "P3": "PT27H", "P4": "PT1H30M"},
                   "pauseWhen": {"categories": ["pending"], "field": {"field": "contractType", "equals": "other"}},
                   "stopWhen": {"states": ["resolved", "closed"], "publicAgentComment": true}, "cancelWhen": {"states": ["closed"]},
                   "resetWhen": {"field": {"field": "value", "below": 1}},
                   "onWarning": [{"notify-role": "agent-legal"}],
                   "onBreach": [{"raise-priority": "P2"}, {"assign-group": "legal-desk"}, {"notify-role": "legal-lead"}]},
                  {"key": "review", "names": {"de": "Prüfung", "en": "Review"}, "kind": "ola", "targets": {"P2": "PT2H"},
                   "startWhen": {"states": ["in-progress"]}, "pauseWhen": "never"}
                ]}
            }
            """;

    private static ObjectNode good() {
        try {
            return (ObjectNode) MAPPER.readTree(GOOD);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number field turned into a field of the given date type (without its min). */
    private static ObjectNode dateField(ObjectNode descriptor, String type) {
        ObjectNode field = field(descriptor, 2);
        field.remove("min");
        return field.put("type", type);
    }

    private static ObjectNode field(ObjectNode descriptor, int index) {
        return (ObjectNode) descriptor.get("fields").get(index);
    }

    @Test
    void schemaAcceptsTheGoodDescriptorTheBadOnesDeriveFrom() {
        assertEquals(Set.of(), schemaErrors(good()));
    }

    static Stream<Arguments> badDescriptors() {
        return Stream.of(
                bad("missing names.en", d -> ((ObjectNode) d.get("names")).remove("en")),
                bad("blank names.de", d -> ((ObjectNode) d.get("names")).put("de", "  ")),
                bad("missing help.de", d -> ((ObjectNode) d.get("help")).remove("de")),
                bad("field labels without en", d -> ((ObjectNode) field(d, 2).get("labels")).remove("en")),
                bad("unknown member", d -> d.put("colour", "blue")),
                bad("$schema member", d -> d.put("$schema", "https://json-schema.org/draft/2020-12/schema")),
                bad("unknown field member", d -> field(d, 1).put("placeholder", "NDA")),
                bad("bad field type", d -> field(d, 2).put("type", "colour")),
                bad("fractional min of an integer field", d -> field(d, 2).put("type", "integer").put("min", 0.5)),
                bad("notInPast on a number field", d -> field(d, 2).put("notInPast", true)),
                bad("notInPast as text", d -> dateField(d, "date").put("notInPast", "yes")),
                bad("maxDays on a date field", d -> dateField(d, "date").put("maxDays", 3)),
                bad("maxDays 0", d -> dateField(d, "date-range").put("maxDays", 0)),
                bad("maxDays as a fraction", d -> dateField(d, "date-range").put("maxDays", 2.5)),
                bad("min on a time-range field", d -> field(d, 2).put("type", "time-range")),
                bad("missing keyPrefix", d -> d.remove("keyPrefix")),
                bad("missing names", d -> d.remove("names")),
                bad("key without department", d -> d.put("key", "contract-review")),
                bad("upper-case key", d -> d.put("key", "Legal.Review")),
                bad("upper-case department", d -> d.put("department", "Legal")),
                bad("lower-case keyPrefix", d -> d.put("keyPrefix", "leg")),
                bad("keyPrefix too long", d -> d.put("keyPrefix", "LEGALDEPART")),
                bad("unknown category", d -> d.put("category", "bug")),
                bad("schemaVersion 0", d -> d.put("schemaVersion", 0)),
                bad("schemaVersion as text", d -> d.put("schemaVersion", "1")),
                bad("confidential as text", d -> d.put("confidential", "yes")),
                bad("field name starting with a digit", d -> field(d, 2).put("name", "1stValue")),
                bad("field name with a dash", d -> field(d, 2).put("name", "contract-value")),
                bad("field without labels", d -> field(d, 2).remove("labels")),
                bad("required as text", d -> field(d, 0).put("required", "true")),
                bad("choice without options", d -> field(d, 0).remove("options")),
                bad("choice with options and optionSource", d -> field(d, 0).put("optionSource", "legal.kinds")),
                bad("empty options", d -> field(d, 0).putArray("options")),
                bad("option without labels", d -> ((ObjectNode) field(d, 0).get("options").get(0)).remove("labels")),
                bad("option with unknown member", d -> ((ObjectNode) field(d, 0).get("options").get(0)).put("label", "NDA")),
                bad("option as a number", d -> ((ArrayNode) field(d, 0).get("options")).add(7)),
                bad("options on a text field", d -> field(d, 1).putArray("options").add("a")),
                bad("condition with equals and in", d -> ((ObjectNode) field(d, 1).get("shownWhen")).putArray("in").add("other")),
                bad("condition without equals or in", d -> ((ObjectNode) field(d, 1).get("shownWhen")).remove("equals")),
                bad("condition without field", d -> ((ObjectNode) field(d, 1).get("requiredWhen")).remove("field")),
                bad("condition with unknown member", d -> ((ObjectNode) field(d, 1).get("shownWhen")).put("not", true)),
                bad("condition with empty in", d -> ((ObjectNode) field(d, 1).get("requiredWhen")).putArray("in")),
                bad("pattern on a number field", d -> field(d, 2).put("pattern", "[0-9]+")),
                bad("maxLength on a number field", d -> field(d, 2).put("maxLength", 10)),
                bad("min on a text field", d -> field(d, 1).put("min", 1)),
                bad("maxLength over 4000", d -> field(d, 1).put("maxLength", 5000)),
                bad("fractional selections", d -> field(d, 3).put("min", 1.5)),
                bad("min as text", d -> field(d, 2).put("min", "0")),
                bad("computed as text", d -> field(d, 4).put("computed", "yes")),
                bad("calculators as text", d -> d.put("calculators", "legal.days")),
                bad("calculator name with blanks", d -> ((ArrayNode) d.get("calculators")).add("Legal days")),
                bad("optionSource with upper case", d -> field(d, 3).put("optionSource", "Legal.Parties")),
                bad("condition comparing with an object", d -> ((ObjectNode) field(d, 1).get("shownWhen")).putObject("equals")),
                bad("actions for a status that is no state key", d -> ((ObjectNode) d.get("actions")).putArray("Done!").add("legal.archive")),
                bad("a workflow Atrium does not ship", d -> d.put("workflow", "kanban")),
                bad("a workflow without states", d -> d.putObject("workflow").put("initial", "new").putArray("transitions")),
                bad("a field rule for an unknown party", d -> d.putArray("fieldRules").addObject()
                        .<ObjectNode>set("parties", d.arrayNode().add("boss")).<ObjectNode>set("fields", d.arrayNode().add("summary"))
                        .set("categories", d.arrayNode().add("open"))),
                bad("audience as a list", d -> d.putArray("audience").add("agents")),
                bad("audience of an unknown kind", d -> d.put("audience", "bosses")),
                bad("audience role without a name", d -> d.put("audience", "role:")),
                bad("audience anyOf empty", d -> d.putObject("audience").putArray("anyOf")),
                bad("audience managerOf with unknown member", d -> d.putObject("audience").put("managerOf", "party").put("or", "x")),
                bad("audience anyOf nested", d -> d.putObject("audience").putArray("anyOf").addObject().putArray("anyOf").add("agents")),
                bad("fields as object", d -> d.putObject("fields")),
                bad("approval process without stages", d -> process(d).remove("stages")),
                bad("approval process with empty stages", d -> process(d).putArray("stages")),
                bad("approval process with unknown member", d -> process(d).put("approvers", "x")),
                bad("approver rule of two kinds", d -> ((ObjectNode) stage(d).get("approvers").get(0)).put("role", "cab")),
                bad("approver rule of no kind", d -> ((ArrayNode) stage(d).get("approvers")).addObject()),
                bad("approver rule of unknown kind", d -> ((ArrayNode) stage(d).get("approvers")).addObject().put("team", "x")),
                bad("stage without approvers", d -> stage(d).remove("approvers")),
                bad("decision rule atLeast 0", d -> stage(d).putObject("rule").put("atLeast", 0)),
                bad("decision rule percent 101", d -> stage(d).putObject("rule").put("percent", 101)),
                bad("decision rule unknown", d -> stage(d).put("rule", "most")),
                bad("condition with below and equals", d -> ((ObjectNode) stage(d).get("skipWhen")).put("equals", "1")),
                bad("below as text", d -> ((ObjectNode) stage(d).get("skipWhen")).put("below", "1000")),
                bad("timeout that is no duration", d -> ((ObjectNode) stage(d).get("timeout")).put("after", "3 days")),
                bad("timeout decision unknown", d -> ((ObjectNode) stage(d).get("timeout")).put("decision", "ignore")),
                bad("stage names without de", d -> ((ObjectNode) stage(d).get("names")).remove("de")),
                bad("children without tickets", d -> ((ObjectNode) d.get("children")).remove("tickets")),
                bad("child without summary.en", d -> ((ObjectNode) child(d).get("summary")).remove("en")),
                bad("child type without a department", d -> child(d).put("type", "task")),
                bad("child dueBefore with negative days", d -> child(d).putObject("dueBefore").put("field", "signBy").put("days", -1)),
                bad("child with unknown member", d -> child(d).put("assignee", "felix")),
                bad("sla without calendar", d -> ((ObjectNode) d.get("sla")).remove("calendar")),
                bad("sla without clocks", d -> ((ObjectNode) d.get("sla")).remove("clocks")),
                bad("sla with empty clocks", d -> ((ObjectNode) d.get("sla")).putArray("clocks")),
                bad("sla with unknown member", d -> ((ObjectNode) d.get("sla")).put("timezone", "Europe/Berlin")),
                bad("sla calendar with upper case", d -> ((ObjectNode) d.get("sla")).put("calendar", "DE-BY")),
                bad("sla calendars for P5", d -> ((ObjectNode) d.get("sla").get("calendars")).put("P5", "24x7")),
                bad("sla warnAt 100", d -> ((ObjectNode) d.get("sla")).put("warnAt", 100)),
                bad("sla warnAt 0", d -> ((ObjectNode) d.get("sla")).put("warnAt", 0)),
                bad("sla warnAt as text", d -> ((ObjectNode) d.get("sla")).put("warnAt", "75")),
                bad("clock without targets", d -> clock(d).remove("targets")),
                bad("clock with empty targets", d -> clock(d).putObject("targets")),
                bad("clock without names", d -> clock(d).remove("names")),
                bad("clock with unknown member", d -> clock(d).put("owner", "x")),
                bad("clock key calendar", d -> clock(d).put("key", "calendar")),
                bad("clock kind unknown", d -> clock(d).put("kind", "kpi")),
                bad("target in days", d -> ((ObjectNode) clock(d).get("targets")).put("P1", "P1D")),
                bad("target negative", d -> ((ObjectNode) clock(d).get("targets")).put("P1", "-PT4H")),
                bad("target as a number", d -> ((ObjectNode) clock(d).get("targets")).put("P1", 4)),
                bad("target for P5", d -> ((ObjectNode) clock(d).get("targets")).put("P5", "PT4H")),
                bad("condition category unknown", d -> clock(d).putObject("pauseWhen").putArray("categories").add("waiting")),
                bad("condition empty", d -> clock(d).putObject("stopWhen")),
                bad("condition with unknown member", d -> clock(d).putObject("stopWhen").put("status", "resolved")),
                bad("condition only publicAgentComment false", d -> clock(d).putObject("stopWhen").put("publicAgentComment", false)),
                bad("stopWhen never", d -> clock(d).put("stopWhen", "never")),
                bad("escalation of two actions", d -> ((ObjectNode) clock(d).get("onBreach").get(0)).put("notify-role", "x")),
                bad("escalation of unknown action", d -> ((ArrayNode) clock(d).get("onBreach")).addObject().put("send-mail", "x")),
                bad("raise to P5", d -> ((ObjectNode) clock(d).get("onBreach").get(0)).put("raise-priority", "P5")),
                bad("escalation listed twice", d -> ((ArrayNode) clock(d).get("onWarning")).addObject().put("notify-role", "agent-legal")));
    }

    private static ObjectNode process(ObjectNode descriptor) {
        return (ObjectNode) descriptor.get("approvals").get(0);
    }

    private static ObjectNode stage(ObjectNode descriptor) {
        return (ObjectNode) process(descriptor).get("stages").get(0);
    }

    private static ObjectNode clock(ObjectNode descriptor) {
        return (ObjectNode) descriptor.get("sla").get("clocks").get(1);
    }

    private static ObjectNode child(ObjectNode descriptor) {
        return (ObjectNode) descriptor.get("children").get("tickets").get(0);
    }

    private static Arguments bad(String what, Consumer<ObjectNode> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDescriptors")
    void schemaRefusesBadDescriptor(String what, Consumer<ObjectNode> change) {
        ObjectNode descriptor = good();
        change.accept(descriptor);
        assertFalse(schemaErrors(descriptor).isEmpty(), "the schema accepts a descriptor with " + what);
    }
}
