package org.atrium.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Guards against container test classes that run no test and still pass. A Pax Exam class whose
 * {@code config()} override lacks {@code @Configuration} hides the inherited annotated method, so Pax
 * Exam finds no configuration, runs zero tests and failsafe reports "Tests run: 0" as success. It
 * happened twice (WebhookIT, MailIT). A unit test, so the build fails in seconds, before any Karaf starts.
 */
public class ContainerTestClassesTest {

    @Test
    public void everyContainerTestClassHasTestsAndPaxExamClassesAConfiguration() throws Exception {
        List<Class<?>> classes = containerTestClasses();
        assertTrue("found no *IT classes next to this test: " + classes, classes.size() > 10);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            if (Arrays.stream(type.getMethods()).noneMatch(method -> method.isAnnotationPresent(Test.class))) {
                problems.add(type.getSimpleName() + ": no public @Test method");
            }
            RunWith runner = type.getAnnotation(RunWith.class);
            if (runner != null && runner.value() == PaxExam.class && configurations(type).isEmpty()) {
                problems.add(type.getSimpleName() + ": runs with PaxExam but no public method carries @Configuration"
                        + " (an override of config() must repeat the annotation)");
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    private static List<Method> configurations(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(method -> method.isAnnotationPresent(Configuration.class)).toList();
    }

    /** The concrete classes named *IT compiled beside this one: failsafe's default includes. */
    private static List<Class<?>> containerTestClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ContainerTestClassesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith("IT.class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ContainerTestClassesTest.class.getClassLoader());
                if (!Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
