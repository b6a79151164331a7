package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import org.atrium.tools.checker.DescriptorChecker;
import org.junit.jupiter.api.Test;

/**
 * The descriptors checked with the server's own rules before deployment: every error with its file,
 * JSON path and reason (the same as java -jar atrium-descriptor-checker.jar src/main/resources/atrium).
 */
class DescriptorsTest {

    @Test
    void everyDescriptorIsValid() {
        List<Path> files = DescriptorChecker.descriptors(Path.of("src/main/resources/atrium"));
        assertFalse(files.isEmpty(), "no descriptor under src/main/resources/atrium");
        List<DescriptorChecker.Error> errors = DescriptorChecker.check(files);
        assertEquals(List.of(), errors, () -> "descriptor errors:\n" + String.join("\n", errors.stream().map(Object::toString).toList()));
    }
}
