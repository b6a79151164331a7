package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every demo user x every kind of ticket x every action, over REST in the real distribution, against
 * the expected matrix below, which is written from DESIGN.md's security model and docs/security.md
 * ("Who may do what"), not from what the code answers. A mismatch lists every differing cell.
 * <p>
 * The kinds: an IT incident, a confidential HR leave request and a facility badge request (all three
 * filed by anna, the last two approved by her manager marc), and an IT task that an onboarding (filed
 * by marc, approved by HR) created: a child that belongs to IT. Each action that changes the ticket
 * (update, transition, approve) gets a fresh ticket of the kind, so that no cell depends on another.
 * <p>
 * A person's GDPR export and erasure, and the audit trail, concern people rather than tickets: the
 * second matrix below ({@link #personalDataAndAuditForAdministratorsOnly}) walks them per user.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorizationMatrixIT extends AtriumTestSupport {

    /**
     * One row per user and kind. Statuses are HTTP statuses; "in" / "-": present in / absent from a
     * list the caller may read (200); "all" / "public": the comments read include the internal one an
     * agent wrote, or only the public ones; approve "n/a": the kind has no approval.
     * <ul>
     * <li>read: GET /tickets/{key} (approvers get the approval view); list: GET /tickets (the queue,
     * also filtered by the ticket's department); comments: GET .../comments; history: GET .../history ("all": with the internal comment's row); comment / internal: POST
     * .../comments public / internal; transition: POST .../transitions to the kind's step (incident,
     * task: "in-progress", for agents; leave, badge: "closed", the withdrawal, for requester and
     * agents; the badge's start of work waits for its approval); update: PATCH the summary; approve: POST /approvals/{id}; link: POST .../links
     * relates-to a ticket of the same department; sla: GET .../sla; approvals: GET .../approvals; atRisk: GET /sla/at-risk of the
     * ticket's department.</li>
     * <li>chris is marc's out-of-office delegate, but marc is not away (the test moves his absence
     * into the future): chris may not decide for him, and learns no more than that.</li>
     * </ul>
     */
    private static final String MATRIX = """
            user   kind      read  list  comments  history  comment  internal  transition  update  approve  link  sla  approvals  atRisk
            anna   incident  200   in    public    public   201      403       403         200     n/a      403   200  200        403
            anna   leave     200   in    public    public   201      403       200         200     403      403   200  200        403
            anna   badge     200   in    public    public   201      403       200         200     403      403   200  200        403
            anna   task      403   -     403       403      403      403       403         403     n/a      403   403  403        403
            marc   incident  403   -     403       403      403      403       403         403     n/a      403   403  403        403
            marc   leave     200   -     403       403      403      403       403         403     200      403   403  200        403
            marc   badge     200   -     403       403      403      403       403         403     200      403   403  200        403
            marc   task      200   in    public    public   201      403       403         200     n/a      403   200  200        403
            ina    incident  200   in    all       all      201      201       200         200     n/a      201   200  200        in
            ina    leave     404   -     404       404      404      404       404         404     404      404   404  404        403
            ina    badge     403   -     403       403      403      403       403         403     403      403   403  403        403
            ina    task      200   in    all       all      201      201       200         200     n/a      201   200  200        in
            chris  incident  200   in    all       all      201      201       200         200     n/a      201   200  200        in
            chris  leave     404   -     404       404      404      404       404         404     403      404   404  404        403
            chris  badge     403   -     403       403      403      403       403         403     403      403   403  403        403
            chris  task      200   in    all       all      201      201       200         200     n/a      201   200  200        in
            hanna  incident  403   -     403       403      403      403       403         403     n/a      403   403  403        403
            hanna  leave     200   in    all       all      201      201       200         200     403      201   200  200        in
            hanna  badge     403   -     403       403      403      403       403         403     403      403   403  403        403
            hanna  task      403   -     403       403      403      403       403         403     n/a      403   403  403        403
            felix  incident  403   -     403       403      403      403       403         403     n/a      403   403  403        403
            felix  leave     404   -     404       404      404      404       404         404     404      404   404  404        403
            felix  badge     200   in    all       all      201      201       200         200     403      201   200  200        in
            felix  task      403   -     403       403      403      403       403         403     n/a      403   403  403        403
            admin  incident  200   in    public    public   403      403       403         403     n/a      403   200  200        in
            admin  leave     404   -     404       404      404      404       404         404     404      404   404  404        -
            admin  badge     200   in    public    public   403      403       403         403     403      403   200  200        in
            admin  task      200   in    public    public   403      403       403         403     n/a      403   200  200        in
            """;

    private static final List<String> USERS = List.of("anna", "marc", "ina", "chris", "hanna", "felix", "admin");
    private static final String PEOPLE_HEADER = "id,displayName,email,language,department,manager,country,region,roles,active,"
            + "outOfOfficeDelegate,outOfOfficeFrom,outOfOfficeUntil\n";

    /** A kind of ticket: its department, the agent who prepares it, whether it has an approval, the step the matrix takes. */
    private enum Kind {
        INCIDENT("it", "ina", false, "in-progress"),
        LEAVE("hr", "hanna", true, "closed"),
        BADGE("facility", "felix", true, "closed"),
        TASK("it", "ina", false, "in-progress");

        final String department;
        final String agent;
        final boolean approved;
        final String step;

        Kind(String department, String agent, boolean approved, String step) {
            this.department = department;
            this.agent = agent;
            this.approved = approved;
            this.step = step;
        }
    }

    /** One ticket made for a cell: its key, summary and (for kinds with one) marc's pending approval. */
    private record Fixture(String key, String summary, Long approval) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private String base;
    private int serial;

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void ready() throws Exception {
        waitUntil("the shipped types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent()
                && registry.find("hr.leave").isPresent() && registry.find("facility.badge").isPresent()
                && registry.find("hr.onboarding").isPresent() && registry.find("it.task").isPresent());
        waitForApi();
        base = apiBase();
        waitUntil("the SLA resource", Duration.ofSeconds(30), () -> {
            try {
                return call("GET", "/sla/at-risk?department=it", "ina", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void everyUserEveryKindEveryAction() throws Exception {
        marcIsAwayOnlyLater();
        Map<Kind, Fixture> linkTargets = new HashMap<>();
        for (Kind kind : Kind.values()) {
            linkTargets.put(kind, fixture(kind));
        }
        Map<String, List<String>> expected = expectedRows();
        List<String> mismatches = new ArrayList<>();
        List<String> header = columns();
        for (String user : USERS) {
            for (Kind kind : Kind.values()) {
                String row = user + " " + kind.name().toLowerCase();
                List<String> actual = cells(user, kind, linkTargets.get(kind), mismatches);
                List<String> wanted = expected.get(row);
                if (wanted == null) {
                    fail("The matrix has no row " + row);
                }
                for (int i = 0; i < header.size(); i++) {
                    if (!wanted.get(i).equals(actual.get(i))) {
                        mismatches.add(row + " " + header.get(i) + ": expected " + wanted.get(i) + ", got " + actual.get(i));
                    }
                }
            }
        }
        assertTrue(mismatches.size() + " cells differ:\n" + String.join("\n", mismatches), mismatches.isEmpty());
    }

    /** A confidential ticket one may not see answers exactly as a key that was never issued, apart from the key. */
    /** Per user: export anna's data, erase a person of their own, read the audit trail (admins only: 403 for all others). */
    private static final String PLATFORM_MATRIX = """
            user   export  erase  audit
            anna   403     403    403
            marc   403     403    403
            ina    403     403    403
            chris  403     403    403
            hanna  403     403    403
            felix  403     403    403
            admin  200     200    200
            """;

    @Test
    public void personalDataAndAuditForAdministratorsOnly() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String line : PLATFORM_MATRIX.strip().lines().skip(1).toList()) {
            List<String> cells = Arrays.asList(line.trim().split("\\s+"));
            String user = cells.get(0);
            // a person of their own to erase, so that an allowed erasure takes nobody the other cells need
            String doomed = "gone-" + user;
            HttpRequest imported = HttpRequest.newBuilder(URI.create(base + "/directory/people/import")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", basic("admin")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(PEOPLE_HEADER + doomed + ",Gone " + user + "," + doomed
                            + "@example.com,de,sales,,DE,DE-BY,employee,true,,,\n")).build();
            assertEquals(200, client.send(imported, HttpResponse.BodyHandlers.ofString()).statusCode());
            Map<String, Reply> replies = new LinkedHashMap<>();
            replies.put("export", call("GET", "/people/anna/personal-data", user, null));
            replies.put("erase", call("POST", "/people/" + doomed + "/erasure", user, null));
            replies.put("audit", call("GET", "/audit?limit=5", user, null));
            int column = 1;
            for (Map.Entry<String, Reply> cell : replies.entrySet()) {
                String expected = cells.get(column++);
                Reply reply = cell.getValue();
                String actual = String.valueOf(reply.status());
                if (!expected.equals(actual)) {
                    mismatches.add(user + " " + cell.getKey() + ": expected " + expected + ", got " + actual + " " + reply.body());
                } else if (reply.status() == 403 && !reply.contentType().startsWith("application/problem+json")) {
                    mismatches.add(user + " " + cell.getKey() + ": a 403 that is not problem+json");
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " cells differ:\n" + String.join("\n", mismatches));
        }
    }

    @Test
    public void aHiddenTicketLooksLikeOneThatDoesNotExist() throws Exception {
        Fixture leave = fixture(Kind.LEAVE);
        String unknown = "HR-" + (Integer.parseInt(leave.key().substring(3)) + 100_000);
        for (String user : List.of("ina", "felix", "admin")) {
            for (String suffix : List.of("", "/comments", "/history", "/sla", "/approvals", "/links", "/transitions")) {
                Reply hidden = call("GET", "/tickets/" + leave.key() + suffix, user, null);
                Reply missing = call("GET", "/tickets/" + unknown + suffix, user, null);
                assertEquals(user + suffix, 404, hidden.status());
                assertEquals(user + suffix, missing.raw().body().replace(unknown, leave.key()), hidden.raw().body());
            }
        }
    }

    /** The cells of one row, in the matrix's column order. */
    private List<String> cells(String user, Kind kind, Fixture linkTarget, List<String> mismatches) throws Exception {
        Map<String, String> cells = new LinkedHashMap<>();
        Fixture ticket = fixture(kind);
        String path = "/tickets/" + ticket.key();
        Reply read = call("GET", path, user, null);
        cells.put("read", status(read, ticket, mismatches));
        cells.put("list", listed(user, kind, ticket, mismatches));
        Reply comments = call("GET", path + "/comments", user, null);
        cells.put("comments", comments.status() != 200 ? status(comments, ticket, mismatches)
                : comments.body().toString().contains("\"internal\":true") ? "all" : "public");
        Reply history = call("GET", path + "/history", user, null);
        cells.put("history", history.status() != 200 ? status(history, ticket, mismatches)
                : history.body().toString().contains("\"field\":\"internal\"") ? "all" : "public");
        cells.put("comment", status(call("POST", path + "/comments", user, Map.of("body", "A word from " + user)), ticket, mismatches));
        cells.put("internal", status(call("POST", path + "/comments", user, Map.of("body", "A note from " + user, "internal", true)),
                ticket, mismatches));
        Fixture moved = fixture(kind);
        cells.put("transition", status(call("POST", "/tickets/" + moved.key() + "/transitions", user, Map.of("to", kind.step)),
                moved, mismatches));
        Fixture changed = fixture(kind);
        long version = call("GET", "/tickets/" + changed.key(), kind.agent, null).body().get("version").asLong();
        cells.put("update", status(call("PATCH", "/tickets/" + changed.key(), user,
                Map.of("version", version, "summary", changed.summary() + ", renamed")), changed, mismatches));
        if (kind.approved) {
            Fixture decided = fixture(kind);
            cells.put("approve", status(call("POST", "/approvals/" + decided.approval(), user, Map.of("decision", "approve")),
                    decided, mismatches));
        } else {
            cells.put("approve", "n/a");
        }
        cells.put("link", status(call("POST", path + "/links", user, Map.of("type", "relates-to", "key", linkTarget.key())),
                ticket, mismatches));
        cells.put("sla", status(call("GET", path + "/sla", user, null), ticket, mismatches));
        cells.put("approvals", status(call("GET", path + "/approvals", user, null), ticket, mismatches));
        Reply atRisk = call("GET", "/sla/at-risk?department=" + kind.department + "&limit=200", user, null);
        cells.put("atRisk", atRisk.status() != 200 ? status(atRisk, ticket, mismatches)
                : contains(atRisk.body(), "ticketKey", ticket.key()) ? "in" : "-");
        return new ArrayList<>(cells.values());
    }

    /**
     * "in" or "-" for the queue; the queue filtered on the ticket's department must agree (so must
     * any count built on the same restriction).
     */
    private String listed(String user, Kind kind, Fixture ticket, List<String> mismatches) throws Exception {
        Reply queue = call("GET", "/tickets?sort=-created&limit=200", user, null);
        Reply department = call("GET", "/tickets?sort=-created&limit=200&department=" + kind.department, user, null);
        if (queue.status() != 200 || department.status() != 200) {
            return queue.status() + "/" + department.status();
        }
        boolean inQueue = contains(queue.body().get("items"), "key", ticket.key());
        if (inQueue != contains(department.body().get("items"), "key", ticket.key())) {
            mismatches.add(user + " " + kind + ": the queue and the department's queue disagree on " + ticket.key());
        }
        return inQueue ? "in" : "-";
    }

    private static boolean contains(JsonNode items, String member, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(member).asText())) {
                return true;
            }
        }
        return false;
    }

    /** The status as a cell; a denial must be problem+json and must not disclose the ticket's summary. */
    private static String status(Reply reply, Fixture ticket, List<String> mismatches) {
        if (reply.status() >= 400) {
            if (!reply.contentType().startsWith("application/problem+json")) {
                mismatches.add(ticket.key() + ": a " + reply.status() + " that is not problem+json: " + reply.contentType());
            }
            if (reply.raw().body().contains(ticket.summary())) {
                mismatches.add(ticket.key() + ": a " + reply.status() + " that shows the summary: " + reply.raw().body());
            }
        }
        return String.valueOf(reply.status());
    }

    // ---------------------------------------------------------------- the matrix as data

    private static List<String> columns() {
        String[] header = MATRIX.strip().lines().findFirst().orElseThrow().trim().split("\\s+");
        return Arrays.asList(header).subList(2, header.length);
    }

    private static Map<String, List<String>> expectedRows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        MATRIX.strip().lines().skip(1).map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] cells = line.split("\\s+");
            assertEquals(line, columns().size() + 2, cells.length);
            rows.put(cells[0] + " " + cells[1], Arrays.asList(cells).subList(2, cells.length));
        });
        assertEquals("every user x every kind", USERS.size() * Kind.values().length, rows.size());
        return rows;
    }

    // ---------------------------------------------------------------- fixtures

    /** A fresh ticket of the kind, with an internal comment by the department's agent (for the comments column). */
    private Fixture fixture(Kind kind) throws Exception {
        String summary = "Matrix " + kind.name().toLowerCase() + " " + (++serial);
        String key = switch (kind) {
            case INCIDENT -> file("anna", Map.of("type", "it.incident", "summary", summary, "impact", "medium", "urgency", "medium",
                    "fields", Map.of("affectedService", "vpn")));
            case LEAVE -> file("anna", Map.of("type", "hr.leave", "summary", summary, "fields", Map.of("kind", "annual",
                    "period", Map.of("from", LocalDate.now().plusDays(40).toString(), "to", LocalDate.now().plusDays(50).toString()))));
            case BADGE -> file("anna", Map.of("type", "facility.badge", "summary", summary, "fields", Map.of("requestKind", "new-badge",
                    "person", "anna", "areas", List.of("main-entrance"))));
            case TASK -> onboardingTask(summary);
        };
        String task = key;
        Reply note = call("POST", "/tickets/" + key + "/comments", kind.agent, Map.of("body", "Internal note", "internal", true));
        assertEquals(note.raw().body(), 201, note.status());
        Long approval = kind.approved ? pendingApproval("marc", key) : null;
        String shown = kind == Kind.TASK ? call("GET", "/tickets/" + task, kind.agent, null).body().get("summary").asText() : summary;
        return new Fixture(key, shown, approval);
    }

    private String file(String user, Map<String, Object> ticket) throws Exception {
        Reply filed = call("POST", "/tickets", user, ticket);
        assertEquals(filed.raw().body(), 201, filed.status());
        return filed.body().get("key").asText();
    }

    /** marc files an onboarding, HR approves it, it creates IT's tasks: the first one. */
    private String onboardingTask(String summary) throws Exception {
        String parent = file("marc", Map.of("type", "hr.onboarding", "summary", summary, "fields", Map.of("newHire", "Nina " + serial,
                "startDate", LocalDate.now().plusDays(20).toString(), "role", "Clerk", "team", "Sales South",
                "equipment", List.of("laptop"))));
        Reply decided = call("POST", "/approvals/" + pendingApproval("hanna", parent), "hanna", Map.of("decision", "approve"));
        assertEquals(decided.raw().body(), 200, decided.status());
        for (JsonNode link : call("GET", "/tickets/" + parent + "/links", "hanna", null).body()) {
            if (link.get("key").asText().startsWith("IT-")) {
                return link.get("key").asText();
            }
        }
        throw new AssertionError("The onboarding " + parent + " created no IT task");
    }

    private Long pendingApproval(String approver, String key) throws Exception {
        Reply inbox = call("GET", "/approvals?state=pending", approver, null);
        assertEquals(inbox.raw().body(), 200, inbox.status());
        for (JsonNode approval : inbox.body()) {
            if (approval.get("ticket").asText().equals(key)) {
                return approval.get("id").asLong();
            }
        }
        throw new AssertionError(approver + " has no pending approval of " + key + ": " + inbox.body());
    }

    /** The demo has marc away at the turn of the year; move his absence well into the future so that chris is not acting for him today. */
    private void marcIsAwayOnlyLater() throws Exception {
        String row = "marc,Marc Maier,marc@example.com,de,sales,,DE,DE-BY,employee;approver,true,chris,"
                + LocalDate.now().plusDays(200) + "," + LocalDate.now().plusDays(210) + "\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/directory/people/import")).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic("admin")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(PEOPLE_HEADER + row)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.body(), JSON.readTree(response.body()).get("refused").isEmpty());
    }

    // ---------------------------------------------------------------- HTTP with one client

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private Reply call(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base == null ? apiBase() : base) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic(user));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response);
    }
}
