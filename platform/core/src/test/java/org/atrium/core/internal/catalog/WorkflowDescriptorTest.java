package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Workflows in descriptors: the shipped ones, a type's own, and every reference the reader checks. */
class WorkflowDescriptorTest {
    private static final String HEAD = """
            {"key": "it.x", "department": "it", "category": "task", "keyPrefix": "X", "schemaVersion": 1,
             "names": {"de": "X", "en": "X"},
             "fields": [{"name": "cause", "type": "text", "labels": {"de": "Ursache", "en": "Cause"}}],
            """;

    /** A valid own workflow; tests break one part of it with {@code replace}. */
    private static final String OWN = HEAD + """
             "resolutionCodes": [{"value": "done", "labels": {"de": "Erledigt", "en": "Done"}}],
             "workflow": {
               "initial": "open",
               "states": [
                 {"key": "open", "category": "open", "names": {"de": "Offen", "en": "Open"}},
                 {"key": "done", "category": "resolved", "names": {"de": "Fertig", "en": "Done"}, "autoClose": {"after": "P1D", "to": "gone"}},
                 {"key": "gone", "category": "closed", "names": {"de": "Weg", "en": "Gone"}}
               ],
               "transitions": [
                 {"from": ["open"], "to": "done", "names": {"de": "Fertig", "en": "Finish"}, "by": ["agents"],
                  "guards": {"fields": ["cause"], "resolutionCode": true}},
                 {"from": ["done"], "to": "gone", "names": {"de": "Weg", "en": "Close"}, "by": ["requester", "role:boss"]}
               ]
             }
            }
            """;

    private static RequestType read(String json) throws DescriptorException {
        return DescriptorReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "org.atrium.test");
    }

    @Test
    void everyCategoryHasAShippedWorkflowWithTheFormerStatesAndResolutionCodes() {
        for (String category : DescriptorReader.CATEGORIES) {
            DefaultWorkflows.Shipped shipped = DefaultWorkflows.forCategory(category);
            Workflow workflow = shipped.workflow();
            assertEquals(category, workflow.name());
            assertEquals("new", workflow.initial());
            for (String former : List.of("new", "in-progress", "resolved", "closed")) {
                assertTrue(workflow.state(former).isPresent(), category + " keeps " + former + " for tickets created before workflows");
            }
            assertTrue(workflow.states().stream().anyMatch(s -> s.category() == StatusCategory.PENDING), category + " has a pending state");
            assertTrue(!shipped.resolutionCodes().isEmpty(), category + " has resolution codes");
        }
    }

    @Test
    void aTypeWithoutWorkflowFollowsItsCategoryAndMayNameAnother() throws DescriptorException {
        RequestType plain = read(HEAD + "\"confidential\": false}");
        assertEquals("task", plain.workflow().name());
        assertEquals(DefaultWorkflows.forCategory("task").resolutionCodes(), plain.resolutionCodes());
        RequestType named = read(HEAD + "\"workflow\": \"incident\"}");
        assertEquals("incident", named.workflow().name());
        assertTrue(named.workflow().state("waiting-for-supplier").isPresent());
    }

    @Test
    void anOwnWorkflowIsReadWithItsGuardsAndAutoClose() throws DescriptorException {
        Workflow workflow = read(OWN).workflow();
        assertEquals(null, workflow.name());
        WorkflowState done = workflow.state("done").orElseThrow();
        assertEquals("P1D", done.autoCloseAfter());
        assertEquals("gone", done.autoCloseTo());
        assertEquals(List.of("cause"), workflow.from("open").get(0).guards().fields());
        assertEquals(Workflow.DEFAULT_FIELD_RULES, workflow.fieldRules());
        assertEquals(Workflow.REFUSE, workflow.closedComments());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "initial state missing        | \"initial\": \"open\"                       | \"initial\": \"start\"               | workflow.initial",
            "unknown target               | \"to\": \"gone\", \"names\": {\"de\": \"Weg\" | \"to\": \"away\", \"names\": {\"de\": \"Weg\" | workflow.transitions[1].to",
            "unknown category             | \"category\": \"resolved\"                  | \"category\": \"finished\"          | workflow.states[1].category",
            "guard on a field not in form | \"fields\": [\"cause\"]                     | \"fields\": [\"reason\"]            | workflow.transitions[0].guards.fields[0]",
            "unknown party                | \"role:boss\"                               | \"boss\"                            | workflow.transitions[1].by[1]",
            "auto-close to an open state  | \"to\": \"gone\"}                           | \"to\": \"open\"}                   | workflow.states[1].autoClose.to",
            "auto-close too soon          | \"after\": \"P1D\"                          | \"after\": \"PT10S\"                | workflow.states[1].autoClose.after",
            "auto-close not a duration    | \"after\": \"P1D\"                          | \"after\": \"tomorrow\"             | workflow.states[1].autoClose.after",
            "dead end                     | {\"from\": [\"done\"], \"to\": \"gone\"     | {\"from\": [\"open\"], \"to\": \"gone\" | workflow.states[1]",
            "resolution guard, no codes   | \"resolutionCodes\": [{\"value\": \"done\", \"labels\": {\"de\": \"Erledigt\", \"en\": \"Done\"}}], | | workflow.transitions[0].guards.resolutionCode",
    })
    void brokenReferencesRefuseTheDescriptor(String what, String from, String to, String field) {
        String broken = OWN.replace(from.strip(), to == null ? "" : to.strip());
        assertTrue(!broken.equals(OWN), "the test changes the descriptor: " + what);
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(broken), what);
        assertEquals(field.strip(), e.field(), what + ": " + e.getMessage());
    }

    @Test
    void aPendingStateMayWaitForTheRequesterAndTheShippedKeyDoesByDefault() throws DescriptorException {
        String asking = OWN.replace("{\"key\": \"gone\"", "{\"key\": \"needs-details\", \"category\": \"pending\", \"waitsForRequester\": true,"
                + " \"names\": {\"de\": \"Rückfrage\", \"en\": \"Details needed\"}},\n{\"key\": \"gone\"")
                .replace("{\"from\": [\"done\"], \"to\": \"gone\"", "{\"from\": [\"open\"], \"to\": \"needs-details\", \"names\": {\"de\": \"Fragen\","
                        + " \"en\": \"Ask\"}, \"by\": [\"agents\"]},\n{\"from\": [\"done\", \"needs-details\"], \"to\": \"gone\"");
        Workflow workflow = read(asking).workflow();
        assertTrue(workflow.state("needs-details").orElseThrow().waitsForRequester());
        assertTrue(!workflow.state("open").orElseThrow().waitsForRequester());
        Workflow incident = DefaultWorkflows.forCategory("incident").workflow();
        assertTrue(incident.state("waiting-for-requester").orElseThrow().waitsForRequester(), "the old key keeps working");
        assertTrue(!incident.state("waiting-for-supplier").orElseThrow().waitsForRequester());

        DescriptorException notPending = assertThrows(DescriptorException.class,
                () -> read(OWN.replace("\"category\": \"open\",", "\"category\": \"open\", \"waitsForRequester\": true,")));
        assertEquals("workflow.states[0].waitsForRequester", notPending.field());
        assertTrue(notPending.getMessage().contains("pending states only"), notPending.getMessage());
        DescriptorException notBoolean = assertThrows(DescriptorException.class,
                () -> read(asking.replace("\"waitsForRequester\": true", "\"waitsForRequester\": \"yes\"")));
        assertEquals("workflow.states[2].waitsForRequester", notBoolean.field());
    }

    @Test
    void aStateNoTransitionLeadsToIsUnreachable() {
        String unreachable = OWN.replace("{\"key\": \"gone\"", "{\"key\": \"limbo\", \"category\": \"pending\", \"names\": {\"de\": \"L\", \"en\": \"L\"}},\n{\"key\": \"gone\"");
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(unreachable));
        assertEquals("workflow.states[2]", e.field());
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void fieldRulesNameKnownFieldsPartiesAndCategories() throws DescriptorException {
        String rules = ", \"fieldRules\": [{\"parties\": [\"requester\"], \"fields\": [\"fields.cause\"], \"categories\": [\"open\"]}]}";
        String withRules = OWN.strip().substring(0, OWN.strip().length() - 1) + rules;
        assertEquals(List.of("fields.cause"), read(withRules).workflow().fieldRules().get(0).fields());
        DescriptorException field = assertThrows(DescriptorException.class, () -> read(withRules.replace("fields.cause", "fields.colour")));
        assertEquals("fieldRules[0].fields[0]", field.field());
        DescriptorException category = assertThrows(DescriptorException.class, () -> read(withRules.replace("[\"open\"]}]", "[\"done\"]}]")));
        assertEquals("fieldRules[0].categories[0]", category.field());
    }

    @Test
    void actionsShortFormNamesStatesOfTheWorkflow() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(HEAD + "\"actions\": {\"waiting-for-supplier\": [\"it.notify\"]}}"));
        assertEquals("actions.waiting-for-supplier", e.field(), "a task has no supplier state");
    }

    @Test
    void contentHashIgnoresLayoutButNotContent() {
        String a = DescriptorReader.contentHash("{\"b\": 1, \"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
        String b = DescriptorReader.contentHash("{\n  \"a\": [1,2],\n  \"b\": 1\n}".getBytes(StandardCharsets.UTF_8));
        String c = DescriptorReader.contentHash("{\"a\": [2, 1], \"b\": 1}".getBytes(StandardCharsets.UTF_8));
        assertNotNull(a);
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @Test
    void changedContentUnderTheSameSchemaVersionIsRefusedWholeWithAClearError() {
        Map<String, String> stored = new HashMap<>();
        TypeVersions remembering = (type, hash) -> {
            String before = stored.putIfAbsent(type.key() + "@" + type.schemaVersion(), hash);
            return before == null || before.equals(hash) ? Optional.empty() : Optional.of("schemaVersion 1 of it.x is already in use with other content");
        };
        RequestTypeCatalog first = new RequestTypeCatalog(remembering);
        TestCatalogs.add(first, 1, "org.atrium.test", OWN);
        assertTrue(first.find("it.x").isPresent());

        RequestTypeCatalog updated = new RequestTypeCatalog(remembering);
        TestCatalogs.add(updated, 2, "org.atrium.test", OWN.replace("\"P1D\"", "\"P2D\""));
        assertTrue(updated.find("it.x").isEmpty(), "the changed descriptor is not registered");
        assertEquals("schemaVersion", updated.refused().get(0).field());

        RequestTypeCatalog bumped = new RequestTypeCatalog(remembering);
        TestCatalogs.add(bumped, 3, "org.atrium.test", OWN.replace("\"P1D\"", "\"P2D\"").replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        assertEquals(2, bumped.find("it.x").orElseThrow().schemaVersion());
    }
}
