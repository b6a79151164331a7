package org.atrium.tools.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorCheckerTest {
    private static final String VALID = """
            {"key": "travel.trip", "department": "travel", "category": "service-request", "keyPrefix": "TRV",
             "schemaVersion": 1, "names": {"de": "Dienstreise", "en": "Business trip"},
             "fields": [
               {"name": "destination", "type": "text", "required": true, "labels": {"de": "Ziel", "en": "Destination"}},
               {"name": "nights", "type": "integer", "min": 0, "labels": {"de": "Nächte", "en": "Nights"}},
               {"name": "travelClass", "type": "choice", "options": ["economy", "business"], "labels": {"de": "Klasse", "en": "Class"}}
             ]}
            """;

    /** Three mistakes: the category, the second field's type, the third field's options. */
    private static final String THREE_MISTAKES = VALID.replace("\"service-request\"", "\"errand\"")
            .replace("\"integer\"", "\"count\"").replace(", \"options\": [\"economy\", \"business\"]", "");

    @TempDir
    Path folder;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DescriptorChecker.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDescriptorWithThreeMistakesGivesThreeErrorLinesAndExitOne() throws IOException {
        Path file = Files.writeString(folder.resolve("trip.json"), THREE_MISTAKES);
        Run run = run(file.toString());
        assertEquals(1, run.status(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith(file + ": $.category: must be one of"), lines.get(0));
        assertTrue(run.out().contains(file + ": $.fields[1].type: must be one of"), run.out());
        assertTrue(run.out().contains(file + ": $.fields[2].options: a choice field needs either options or an optionSource"), run.out());
        assertEquals("1 descriptor checked, 3 errors", lines.get(3));
    }

    @Test
    void aValidFolderExitsZero() throws IOException {
        Files.writeString(folder.resolve("trip.json"), VALID);
        Files.writeString(folder.resolve("notes.txt"), "not a descriptor");
        Run run = run(folder.toString());
        assertEquals(0, run.status(), run.out());
        assertEquals("1 descriptor checked, 0 errors", run.out().strip());
    }

    @Test
    void invalidJsonIsOneErrorWithItsLine() throws IOException {
        Path file = Files.writeString(folder.resolve("broken.json"), "{\n\"key\": \"travel.trip\",\n}");
        Run run = run(file.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().startsWith(file + ": $: is not valid JSON"), run.out());
    }

    @Test
    void wrongUseExitsTwo() {
        assertEquals(2, run().status());
        Run missing = run(folder.resolve("nothing.json").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
