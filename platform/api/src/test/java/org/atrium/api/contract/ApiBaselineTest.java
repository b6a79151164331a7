package org.atrium.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;

/**
 * The rules docs/partners.md promises, proven with the same bnd Baseline that the build's
 * bnd-baseline-maven-plugin runs on platform/api: two versions of a small API package are compiled,
 * wrapped as bundles, and compared. A compatible change passes with a minor bump; an incompatible
 * one (a method removed, or added to an interface partners implement) needs the major version.
 */
class ApiBaselineTest {
    private static final String PROVIDER = """
            package demo.api;
            @org.osgi.annotation.versioning.ProviderType
            public interface TicketLookup {
                String summary(String key);
            %s}
            """;
    private static final String CONSUMER = """
            package demo.api;
            @org.osgi.annotation.versioning.ConsumerType
            public interface Validator {
                java.util.List<String> validate(java.util.Map<String, Object> fields);
            %s}
            """;
    private static final String ADDED_METHOD = "    String status(String key);\n";

    @TempDir
    static Path work;
    /** Classes by their sources: javac is the slow part, and the tests share variants. */
    private static final Map<List<String>, Path> COMPILED = new ConcurrentHashMap<>();

    /** What bnd says about the newer bundle: the package's verdict and the bundle's. */
    private record Verdict(boolean packageMismatch, Version suggested, boolean bundleMismatch, Version suggestedBundle) {
        boolean passes() {
            return !packageMismatch && !bundleMismatch;
        }
    }

    @Test
    void anUnchangedApiPasses() throws Exception {
        Jar released = bundle("released", "1.0.0", "1.0.0", PROVIDER.formatted(""), CONSUMER.formatted(""));
        Jar same = bundle("same", "1.0.0", "1.0.0", PROVIDER.formatted(""), CONSUMER.formatted(""));
        assertTrue(baseline(same, released).passes());
    }

    @Test
    void aMethodAddedToAProviderTypeIsMinor() throws Exception {
        Jar released = bundle("released", "1.0.0", "1.0.0", PROVIDER.formatted(""), CONSUMER.formatted(""));

        Jar unbumped = bundle("unbumped", "1.0.0", "1.0.0", PROVIDER.formatted(ADDED_METHOD), CONSUMER.formatted(""));
        Verdict refused = baseline(unbumped, released);
        assertTrue(refused.packageMismatch(), "a new method without a new package version fails");
        assertEquals(new Version(1, 1, 0), refused.suggested());

        Jar minor = bundle("minor", "1.1.0", "1.1.0", PROVIDER.formatted(ADDED_METHOD), CONSUMER.formatted(""));
        assertTrue(baseline(minor, released).passes(), "package and bundle 1.1.0: partners built on 1.0 keep working");
    }

    @Test
    void theBundleVersionMustFollowThePackages() throws Exception {
        Jar released = bundle("released", "1.0.0", "1.0.0", PROVIDER.formatted(""), CONSUMER.formatted(""));
        Jar packageOnly = bundle("package-only", "1.1.0", "1.0.0", PROVIDER.formatted(ADDED_METHOD), CONSUMER.formatted(""));
        Verdict verdict = baseline(packageOnly, released);
        assertFalse(verdict.packageMismatch());
        assertTrue(verdict.bundleMismatch(), "the bundle version stays behind its packages");
        assertEquals(new Version(1, 1, 0), verdict.suggestedBundle());
    }

    @Test
    void aMethodAddedToAConsumerTypeIsMajor() throws Exception {
        Jar released = bundle("released", "1.0.0", "1.0.0", PROVIDER.formatted(""), CONSUMER.formatted(""));
        String grown = CONSUMER.formatted("    boolean appliesTo(String type);\n");

        Verdict minor = baseline(bundle("minor", "1.1.0", "1.1.0", PROVIDER.formatted(""), grown), released);
        assertTrue(minor.packageMismatch(), "every partner's implementation would break: a minor bump is refused");
        assertEquals(new Version(2, 0, 0), minor.suggested());

        assertTrue(baseline(bundle("major", "2.0.0", "2.0.0", PROVIDER.formatted(""), grown), released).passes());
    }

    @Test
    void aDefaultMethodAddedToAConsumerTypeIsMinor() throws Exception {
        Jar released = bundle("released", "1.0.0", "1.0.0", PROVIDER.formatted(""), CONSUMER.formatted(""));
        String grown = CONSUMER.formatted("    default boolean appliesTo(String type) { return true; }\n");
        assertTrue(baseline(bundle("default", "1.1.0", "1.1.0", PROVIDER.formatted(""), grown), released).passes());
    }

    @Test
    void aRemovedMethodIsMajor() throws Exception {
        Jar released = bundle("released", "1.0.0", "1.0.0", PROVIDER.formatted(ADDED_METHOD), CONSUMER.formatted(""));
        Jar removed = bundle("removed", "1.1.0", "1.1.0", PROVIDER.formatted(""), CONSUMER.formatted(""));
        Verdict verdict = baseline(removed, released);
        assertTrue(verdict.packageMismatch(), "callers of the removed method would break");
        assertEquals(new Version(2, 0, 0), verdict.suggested());
    }

    private Verdict baseline(Jar newer, Jar older) throws Exception {
        try (Processor processor = new Processor()) {
            Baseline baseline = new Baseline(processor, new DiffPluginImpl());
            Set<Baseline.Info> infos = baseline.baseline(newer, older, null);
            Baseline.Info info = infos.stream().filter(i -> i.packageName.equals("demo.api")).findFirst().orElseThrow();
            Baseline.BundleInfo bundle = baseline.getBundleInfo();
            return new Verdict(info.mismatch, info.suggestedVersion, bundle.mismatch, bundle.suggestedVersion);
        }
    }

    /** Compiles the sources and wraps them as bundle {@code demo.api} exporting {@code demo.api} at {@code packageVersion}. */
    private Jar bundle(String name, String packageVersion, String bundleVersion, String... sources) throws Exception {
        Path classes = COMPILED.get(List.of(sources));
        if (classes == null) {
            classes = compile(name, sources);
            COMPILED.put(List.of(sources), classes);
        }
        Builder builder = new Builder();
        builder.addClasspath(classes.toFile());
        builder.setProperty("Bundle-SymbolicName", "demo.api");
        builder.setProperty("Bundle-Version", bundleVersion);
        builder.setProperty("Export-Package", "demo.api;version=" + packageVersion);
        Jar jar = builder.build();
        assertTrue(builder.isOk(), builder.getErrors().toString());
        return jar;
    }

    private static Path compile(String name, String... sources) throws IOException {
        Path variant = Files.createTempDirectory(work, name);
        Path src = Files.createDirectories(variant.resolve("src/demo/api"));
        Path classes = Files.createDirectories(variant.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-classpath", System.getProperty("java.class.path")));
        for (String source : sources) {
            String type = source.substring(source.indexOf("interface ") + 10, source.indexOf(" {"));
            arguments.add(write(src.resolve(type + ".java"), source).toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the demo sources compile");
        return classes;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }
}
