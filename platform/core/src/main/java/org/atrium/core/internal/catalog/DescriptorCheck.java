package org.atrium.core.internal.catalog;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The server's descriptor rules as a plain-Java entry point: the command-line checker
 * (tools/descriptor-checker) and the extender run the same {@link DescriptorReader}. Needs Jackson and
 * the Atrium API on the class path, no OSGi framework.
 */
public final class DescriptorCheck {

    /** One mistake: {@code path} is a JSON path such as {@code $.fields[2].options}. */
    public record Problem(String path, String reason) {
    }

    private DescriptorCheck() {
    }

    /** Every mistake of one descriptor file's content; empty when the server would accept it on its own. */
    public static List<Problem> check(byte[] descriptor) {
        try {
            DescriptorReader.read(new ByteArrayInputStream(descriptor), "(checker)");
            return List.of();
        } catch (DescriptorErrors e) {
            return e.all().stream().map(DescriptorCheck::problem).toList();
        } catch (DescriptorException e) {
            return List.of(problem(e));
        }
    }

    /** A field as the server names it ({@code fields[2].options}, {@code (file)}) as a JSON path. */
    public static String jsonPath(String field) {
        if (field == null || field.isEmpty() || field.startsWith("(")) {
            return "$";
        }
        return field.startsWith("[") ? "$" + field : "$." + field;
    }

    private static Problem problem(DescriptorException e) {
        return new Problem(jsonPath(e.field()), e.getMessage());
    }
}
