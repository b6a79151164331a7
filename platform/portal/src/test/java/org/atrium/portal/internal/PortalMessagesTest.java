package org.atrium.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The two message files say the same things, and every key the views ask for by name is in them. */
class PortalMessagesTest {
    private static final Path ROOT = Path.of("src/main/resources/portal");
    private static final Pattern KEY = Pattern.compile("^\\s*\"([^\"]+)\"\\s*:", Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("\\bt\\(\\s*'([^'$]+)'");

    private static Set<String> keys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = KEY.matcher(Files.readString(ROOT.resolve("i18n/" + language + ".json"), StandardCharsets.UTF_8));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> german = keys("de");
        assertTrue(german.size() > 100, "messages read: " + german.size());
        assertEquals(german, keys("en"));
    }

    @Test
    void everyKeyAViewNamesExists() throws IOException {
        Set<String> known = keys("en");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher use = USE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (use.find()) {
                    if (!known.contains(use.group(1))) {
                        missing.add(file.getFileName() + ": " + use.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "not in the message files: " + missing);
    }
}
