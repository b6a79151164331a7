package org.atrium.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetentionRulesTest {

    @Test
    void theFrameworksOwnPropertiesAreNoEntries() {
        RetentionRules rules = RetentionRules.parse(Map.of("hr.*", "P365D", "service.pid", "org.atrium.retention",
                "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)", "component.name", "x", "felix.fileinstall.filename", "f"));
        assertTrue(rules.problems().isEmpty(), rules.problems().toString());
        assertEquals(Duration.ofDays(365), rules.forType("hr.leave").orElseThrow().period());
    }

    @Test
    void theExactTypeBeatsItsPrefixAndBadEntriesAreNamed() {
        RetentionRules rules = RetentionRules.parse(Map.of("hr.*", "P365D", "hr.leave", "P30D", "it.incident", "a year"));
        assertEquals(Duration.ofDays(30), rules.forType("hr.leave").orElseThrow().period());
        assertEquals(Duration.ofDays(365), rules.forType("hr.onboarding").orElseThrow().period());
        assertTrue(rules.forType("it.incident").isEmpty());
        assertEquals(1, rules.problems().size());
        assertTrue(rules.problems().get(0).startsWith("it.incident"), rules.problems().toString());
    }
}
