package org.atrium.tools.checker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.atrium.core.internal.catalog.DescriptorCheck;

/**
 * Checks request-type descriptors before deployment with the rules the server's extender applies
 * ({@link DescriptorCheck}), one line per error: {@code file: $.fields[2].options: reason}.
 * Rules that need the running server (a key or key prefix another bundle already registered, a schema
 * version already used with other content) are checked only there.
 */
public final class DescriptorChecker {

    /** One error in one file. */
    public record Error(Path file, String path, String reason) {
        @Override
        public String toString() {
            return file + ": " + path + ": " + reason;
        }
    }

    private DescriptorChecker() {
    }

    /** {@code java -jar atrium-descriptor-checker.jar path...}: files, or folders searched for *.json. Exit 1 on errors, 2 on wrong use. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("-h") || args.contains("--help")) {
            err.println("usage: java -jar atrium-descriptor-checker.jar <descriptor.json or folder>...");
            err.println("Checks request-type descriptors (docs/descriptors.md); prints every error as file: $.json.path: reason; exit 1 on errors.");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (!Files.exists(path)) {
                err.println(arg + ": no such file or folder");
                return 2;
            }
            files.addAll(descriptors(path));
        }
        if (files.isEmpty()) {
            err.println("no *.json descriptor found in " + String.join(", ", args));
            return 2;
        }
        List<Error> errors = check(files);
        errors.forEach(out::println);
        out.println(files.size() + (files.size() == 1 ? " descriptor" : " descriptors") + " checked, "
                + errors.size() + (errors.size() == 1 ? " error" : " errors"));
        return errors.isEmpty() ? 0 : 1;
    }

    /** Every error of every file, in the order of the files. */
    public static List<Error> check(List<Path> files) {
        List<Error> errors = new ArrayList<>();
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                errors.add(new Error(file, "$", "cannot be read: " + e.getMessage()));
                continue;
            }
            DescriptorCheck.check(content).forEach(p -> errors.add(new Error(file, p.path(), p.reason())));
        }
        return errors;
    }

    /** A file as given; a folder's *.json files, sorted, in all its subfolders. */
    public static List<Path> descriptors(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
