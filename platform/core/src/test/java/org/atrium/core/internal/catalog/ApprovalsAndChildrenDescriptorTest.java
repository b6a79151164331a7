package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.atrium.api.approval.ApprovalProcess;
import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.approval.ApproverRule;
import org.atrium.api.approval.DecisionRule;
import org.atrium.api.approval.StageTimeout;
import org.atrium.api.catalog.ChildTicket;
import org.atrium.api.catalog.ChildTickets;
import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.RequestType;
import org.atrium.core.internal.form.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A descriptor's approvals and children: read into the API records as written, or refused naming the
 * JSON path and the reason. Overrides are appended to an object: the later member wins.
 */
class ApprovalsAndChildrenDescriptorTest {
    private static final String TYPE = """
            {"key": "it.x", "department": "it", "category": "service-request", "keyPrefix": "X", "schemaVersion": 1,
             "names": {"de": "X", "en": "X"},
             "fields": [
               {"name": "kind", "type": "choice", "options": ["a", "b"], "labels": {"de": "Art", "en": "Kind"}},
               {"name": "days", "type": "integer", "labels": {"de": "Tage", "en": "Days"}},
               {"name": "who", "type": "person", "labels": {"de": "Wer", "en": "Who"}},
               {"name": "note", "type": "text", "labels": {"de": "Notiz", "en": "Note"}},
               {"name": "start", "type": "date", "labels": {"de": "Beginn", "en": "Start"}}
             ],
             "resolutionCodes": [{"value": "ok", "labels": {"de": "Gut", "en": "Fine"}}, {"value": "no", "labels": {"de": "Nein", "en": "No"}}],
             "workflow": {
               "initial": "submitted",
               "states": [
                 {"key": "submitted", "category": "open", "names": {"de": "Eingereicht", "en": "Submitted"}},
                 {"key": "approved", "category": "in-progress", "names": {"de": "Genehmigt", "en": "Approved"}},
                 {"key": "prep", "category": "in-progress", "names": {"de": "Vorbereitung", "en": "Preparing"}},
                 {"key": "ready", "category": "in-progress", "names": {"de": "Bereit", "en": "Ready"}},
                 {"key": "done", "category": "resolved", "names": {"de": "Erledigt", "en": "Done"}},
                 {"key": "closed", "category": "closed", "names": {"de": "Geschlossen", "en": "Closed"}},
                 {"key": "cancelled", "category": "closed", "names": {"de": "Abgebrochen", "en": "Cancelled"}}
               ],
               "transitions": [
                 {"from": ["submitted"], "to": "approved", "names": {"de": "Ja", "en": "Yes"}, "by": ["approver"], "guards": {"approvalsDecided": true}},
                 {"from": ["submitted"], "to": "done", "names": {"de": "Nein", "en": "No"}, "by": ["approver"], "guards": {"approvalsDecided": true}},
                 {"from": ["approved"], "to": "prep", "names": {"de": "Los", "en": "Go"}, "by": ["agents"]},
                 {"from": ["prep"], "to": "ready", "names": {"de": "Bereit", "en": "Ready"}, "by": ["agents"], "guards": {"childrenResolved": true}},
                 {"from": ["ready"], "to": "done", "names": {"de": "Fertig", "en": "Finish"}, "by": ["agents"]},
                 {"from": ["submitted", "approved", "prep", "ready"], "to": "cancelled", "names": {"de": "Abbrechen", "en": "Cancel"}, "by": ["agents"]},
                 {"from": ["done"], "to": "closed", "names": {"de": "Schließen", "en": "Close"}, "by": ["agents"]}
               ]
             },
             "approvals": %s,
             "children": %s
            }
            """;
    private static final String STAGE = """
            "key": "boss", "names": {"de": "Chef", "en": "Boss"}, "approvers": [{"managerOf": "requester"}]""";
    private static final String CHILD = """
            "key": "laptop", "type": "it.task", "summary": {"de": "Notebook für {who}", "en": "Laptop for {who}"},
            "fields": {"person": "who", "startDate": "start"}, "dueBefore": {"field": "start", "days": 2}""";

    private static String approvals(String processExtra, String stageExtra) {
        return "[{\"state\": \"submitted\", \"approvedTo\": \"approved\", \"rejectedTo\": \"done\", \"stages\": [{" + STAGE
                + (stageExtra.isEmpty() ? "" : ", " + stageExtra) + "}]" + (processExtra.isEmpty() ? "" : ", " + processExtra) + "}]";
    }

    private static String children(String childrenExtra, String childExtra) {
        return "{\"on\": \"prep\", \"doneTo\": \"ready\", \"cancelledIn\": [\"cancelled\"], \"tickets\": [{" + CHILD
                + (childExtra.isEmpty() ? "" : ", " + childExtra) + "}]" + (childrenExtra.isEmpty() ? "" : ", " + childrenExtra) + "}";
    }

    private static RequestType read(String approvals, String children) throws DescriptorException {
        String json = TYPE.formatted(approvals, children);
        return DescriptorReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "org.atrium.test");
    }

    @Test
    void readsACompleteApprovalProcess() throws DescriptorException {
        RequestType type = read("""
                [{"state": "submitted", "onlyWhen": {"field": "kind", "equals": "a"}, "approvedTo": "approved", "rejectedTo": "done",
                  "approvedResolution": null, "rejectedResolution": "no",
                  "stages": [
                    {"key": "boss", "names": {"de": "Chef", "en": "Boss"}, "approvers": [{"managerOf": "requester"}], "rule": "any",
                     "skipWhen": {"field": "days", "below": 1}, "shows": ["kind", "days"], "locks": ["kind"],
                     "timeout": {"after": "P3D", "remindBefore": "P1D", "decision": "escalate"}},
                    {"key": "board", "names": {"de": "Gremium", "en": "Board"},
                     "approvers": [{"group": "it/cab"}, {"role": "cab"}, {"person": "chris"}, {"managerOf": "who"}, {"resolver": "it.service-owner"}],
                     "rule": {"atLeast": 2}, "onlyWhen": {"field": "kind", "in": ["a", "b"]}},
                    {"key": "all", "names": {"de": "Alle", "en": "All"}, "approvers": [{"group": "cab"}], "rule": "all"},
                    {"key": "half", "names": {"de": "Hälfte", "en": "Half"}, "approvers": [{"role": "cab"}], "rule": {"percent": 50}}
                  ]}]""", "null");
        ApprovalStage boss = new ApprovalStage("boss", Map.of("de", "Chef", "en", "Boss"), List.of(new ApproverRule("managerOf", "requester")),
                DecisionRule.FIRST, null, new Condition("days", List.of(), 1.0), List.of("kind", "days"), List.of("kind"),
                new StageTimeout(Duration.ofDays(3), Duration.ofDays(1), "escalate"));
        ApprovalStage board = new ApprovalStage("board", Map.of("de", "Gremium", "en", "Board"),
                List.of(new ApproverRule("group", "it/cab"), new ApproverRule("role", "cab"), new ApproverRule("person", "chris"),
                        new ApproverRule("managerOf", "who"), new ApproverRule("resolver", "it.service-owner")),
                new DecisionRule("atLeast", 2), new Condition("kind", List.of("a", "b")), null, null, null, null);
        ApprovalProcess process = type.approvals().get(0);
        assertEquals(List.of(boss, board), process.stages().subList(0, 2));
        assertEquals("all", process.stages().get(2).rule().kind());
        assertEquals(new DecisionRule("percent", 50), process.stages().get(3).rule());
        assertEquals(new ApprovalProcess("submitted", new Condition("kind", List.of("a")), process.stages(), "approved", "done", null, "no"),
                process);
        assertEquals(process, type.approvalOn("submitted").orElseThrow());
        assertNull(type.children());
    }

    @Test
    void readsCompleteChildTickets() throws DescriptorException {
        RequestType type = read("[]", children("", "\"onlyWhen\": {\"field\": \"kind\", \"in\": [\"a\"]}"));
        assertEquals(new ChildTickets("prep", List.of(new ChildTicket("laptop", "it.task",
                Map.of("de", "Notebook für {who}", "en", "Laptop for {who}"), Map.of("person", "who", "startDate", "start"),
                new Condition("kind", List.of("a")), new ChildTicket.DueBefore("start", 2))), "ready", List.of("cancelled")), type.children());
        assertEquals(List.of(), type.approvals());
    }

    @Test
    void approvalsAndChildrenAreOptional() throws DescriptorException {
        String json = TYPE.replace("\"approvals\": %s,", "").replace("\"children\": %s", "\"confidential\": false");
        RequestType type = DescriptorReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t");
        assertEquals(List.of(), type.approvals());
        assertNull(type.children());
    }

    /** The catalog stores each type version as JSON (StoredTypeVersions) and reads it back for pinned tickets (PinnedTypes). */
    @Test
    void aTypeWithApprovalsAndChildrenSurvivesItsStoredForm() throws Exception {
        RequestType type = read(approvals("", "\"skipWhen\": {\"field\": \"days\", \"below\": 0.5}, "
                + "\"timeout\": {\"after\": \"PT36H\", \"remindBefore\": \"PT2H\", \"decision\": \"reject\"}, \"rule\": {\"atLeast\": 2}"),
                children("", ""));
        RequestType back = Json.MAPPER.readerFor(RequestType.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(Json.write(type));
        assertEquals(type.approvals(), back.approvals());
        assertEquals(type.children(), back.children());
        assertEquals(Duration.ofHours(36), back.approvals().get(0).stages().get(0).timeout().after());
    }

    @Test
    void refusesTwoProcessesOnOneState() {
        String one = approvals("", "");
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> read("[" + one.substring(1, one.length() - 1) + ", " + one.substring(1), "null"));
        assertEquals("approvals[1].state", e.field());
        assertTrue(e.getMessage().contains("another process already starts in \"submitted\""), e.getMessage());
    }

    @Test
    void refusesTwoStagesWithOneKey() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(
                "[{\"state\": \"submitted\", \"approvedTo\": \"approved\", \"rejectedTo\": \"done\", \"stages\": [{" + STAGE + "}, {" + STAGE + "}]}]",
                "null"));
        assertEquals("approvals[0].stages[1].key", e.field());
        assertTrue(e.getMessage().contains("used twice"), e.getMessage());
    }

    @Test
    void refusesTwoChildrenWithOneKey() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read("[]",
                "{\"on\": \"prep\", \"tickets\": [{" + CHILD + "}, {" + CHILD + "}]}"));
        assertEquals("children.tickets[1].key", e.field());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "\"state\": \"nowhere\"; ; approvals[0].state; is not a state of the workflow",
            "\"approvedTo\": \"nowhere\"; ; approvals[0].approvedTo; is not a state of the workflow",
            "\"approvedTo\": \"submitted\"; ; approvals[0].approvedTo; must be another state",
            "\"approvedTo\": \"prep\"; ; approvals[0].approvedTo; needs a transition from \"submitted\" to \"prep\"",
            "\"rejectedTo\": \"cancelled\", \"rejectedResolution\": \"maybe\"; ; approvals[0].rejectedResolution; is not one of the type's resolutionCodes",
            "\"approvedResolution\": \"ok\"; ; approvals[0].approvedResolution; resolved or closed",
            "\"stages\": []; ; approvals[0].stages; non-empty list",
            "\"stages\": {}; ; approvals[0].stages; non-empty list",
            "\"colour\": 1; ; approvals[0].colour; is not a descriptor member",
            "\"onlyWhen\": {\"field\": \"nope\", \"equals\": \"a\"}; ; approvals[0].onlyWhen.field; names no field",
            " ; \"approvers\": []; approvals[0].stages[0].approvers; non-empty list",
            " ; \"approvers\": [{\"role\": \"cab\", \"person\": \"chris\"}]; approvals[0].stages[0].approvers[0]; exactly one of",
            " ; \"approvers\": [{}]; approvals[0].stages[0].approvers[0]; exactly one of",
            " ; \"approvers\": [{\"team\": \"cab\"}]; approvals[0].stages[0].approvers[0].team; is not a descriptor member",
            " ; \"approvers\": [{\"managerOf\": \"note\"}]; approvals[0].stages[0].approvers[0].managerOf; a person field of the form, not \"note\" (a text field)",
            " ; \"approvers\": [{\"managerOf\": \"boss\"}]; approvals[0].stages[0].approvers[0].managerOf; must be \"requester\" or a person field",
            " ; \"approvers\": [{\"group\": \"IT CAB\"}]; approvals[0].stages[0].approvers[0].group; a group key",
            " ; \"approvers\": [{\"role\": \"cab\"}, {\"role\": \"cab\"}]; approvals[0].stages[0].approvers[1]; is listed twice",
            " ; \"rule\": {\"atLeast\": 0}; approvals[0].stages[0].rule.atLeast; from 1",
            " ; \"rule\": {\"percent\": 101}; approvals[0].stages[0].rule.percent; from 1 to 100",
            " ; \"rule\": {\"percent\": 0}; approvals[0].stages[0].rule.percent; from 1 to 100",
            " ; \"rule\": \"most\"; approvals[0].stages[0].rule; must be \"any\", \"all\"",
            " ; \"skipWhen\": {\"field\": \"note\", \"below\": 1}; approvals[0].stages[0].skipWhen.below; applies to number and integer fields",
            " ; \"skipWhen\": {\"field\": \"days\", \"below\": \"1\"}; approvals[0].stages[0].skipWhen.below; must be a number",
            " ; \"skipWhen\": {\"field\": \"days\", \"below\": 1, \"equals\": \"2\"}; approvals[0].stages[0].skipWhen; exactly one of",
            " ; \"onlyWhen\": {\"field\": \"kind\", \"equals\": \"c\"}; approvals[0].stages[0].onlyWhen.equals; is not an option of kind",
            " ; \"shows\": [\"kind\", \"salary\"]; approvals[0].stages[0].shows[1]; must name a field of the form",
            " ; \"locks\": [\"kind\", \"kind\"]; approvals[0].stages[0].locks; lists a value twice",
            " ; \"timeout\": {\"after\": \"3 days\", \"decision\": \"approve\"}; approvals[0].stages[0].timeout.after; ISO-8601 duration",
            " ; \"timeout\": {\"after\": \"-P1D\", \"decision\": \"approve\"}; approvals[0].stages[0].timeout.after; longer than zero",
            " ; \"timeout\": {\"after\": \"P1D\", \"remindBefore\": \"P1D\", \"decision\": \"approve\"}; approvals[0].stages[0].timeout.remindBefore; shorter than after",
            " ; \"timeout\": {\"after\": \"P1D\", \"decision\": \"ignore\"}; approvals[0].stages[0].timeout.decision; must be one of approve, escalate, reject",
            " ; \"timeout\": {\"decision\": \"approve\"}; approvals[0].stages[0].timeout.after; is required",
            " ; \"key\": \"Boss!\"; approvals[0].stages[0].key; lower-case letters",
            " ; \"names\": {\"de\": \"Chef\"}; approvals[0].stages[0].names.en; is required",
            " ; \"approve\": true; approvals[0].stages[0].approve; is not a descriptor member"})
    void refusesABadApprovalNamingThePath(String processExtra, String stageExtra, String field, String reason) {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> read(approvals(processExtra == null ? "" : processExtra, stageExtra == null ? "" : stageExtra), "null"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "\"on\": \"nowhere\"; ; children.on; is not a state of the workflow",
            "\"doneTo\": \"done\"; ; children.doneTo; needs a transition from \"prep\" to \"done\"",
            "\"doneTo\": \"prep\"; ; children.doneTo; must be another state",
            "\"cancelledIn\": [\"prep\"]; ; children.cancelledIn[0]; must not be \"prep\"",
            "\"cancelledIn\": [\"gone\"]; ; children.cancelledIn[0]; is not a state of the workflow",
            "\"cancelledIn\": [\"cancelled\", \"cancelled\"]; ; children.cancelledIn; lists a value twice",
            "\"tickets\": []; ; children.tickets; non-empty list",
            "\"colour\": 1; ; children.colour; is not a descriptor member",
            " ; \"summary\": {\"de\": \"Notebook\"}; children.tickets[0].summary.en; is required",
            " ; \"summary\": {\"de\": \"Für {salary}\", \"en\": \"For {who}\"}; children.tickets[0].summary.de; {salary} names no field",
            " ; \"fields\": {\"person\": \"salary\"}; children.tickets[0].fields.person; must name a field of the parent's form",
            " ; \"fields\": {\"person\": 3}; children.tickets[0].fields.person; must name a field of the parent's form",
            " ; \"fields\": {\"due\": \"start\"}; children.tickets[0].fields.due; is set by dueBefore",
            " ; \"dueBefore\": {\"field\": \"note\", \"days\": 2}; children.tickets[0].dueBefore.field; must be a date field",
            " ; \"dueBefore\": {\"field\": \"start\", \"days\": -1}; children.tickets[0].dueBefore.days; from 0",
            " ; \"dueBefore\": {\"field\": \"start\"}; children.tickets[0].dueBefore.days; from 0",
            " ; \"type\": \"task\"; children.tickets[0].type; a request type key",
            " ; \"key\": \"Laptop\"; children.tickets[0].key; lower-case letters",
            " ; \"onlyWhen\": {\"field\": \"kind\", \"in\": []}; children.tickets[0].onlyWhen.in; non-empty list",
            " ; \"assignee\": \"felix\"; children.tickets[0].assignee; is not a descriptor member"})
    void refusesBadChildrenNamingThePath(String childrenExtra, String childExtra, String field, String reason) {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> read("[]", children(childrenExtra == null ? "" : childrenExtra, childExtra == null ? "" : childExtra)));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
