package org.atrium.core.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.FieldOption;
import org.atrium.api.workflow.Workflow;
import org.atrium.core.internal.form.Json;

/**
 * The workflows Atrium ships, one per category (incident, service-request, change, problem, task),
 * each with its resolution codes. A descriptor names one ({@code "workflow": "incident"}) or writes
 * its own; a descriptor that says nothing gets its category's.
 */
public final class DefaultWorkflows {
    /** A shipped workflow with the resolution codes a type gets when it declares none. */
    public record Shipped(Workflow workflow, List<FieldOption> resolutionCodes) {
    }

    private static final Map<String, Shipped> SHIPPED = load();

    private DefaultWorkflows() {
    }

    public static Optional<Shipped> named(String name) {
        return Optional.ofNullable(SHIPPED.get(name));
    }

    /** The shipped workflow of a category; every category has one. */
    public static Shipped forCategory(String category) {
        Shipped shipped = SHIPPED.get(category);
        if (shipped == null) {
            throw new IllegalArgumentException("No shipped workflow for category " + category);
        }
        return shipped;
    }

    public static Map<String, Shipped> all() {
        return SHIPPED;
    }

    private static Map<String, Shipped> load() {
        Map<String, Shipped> shipped = new LinkedHashMap<>();
        for (String name : List.copyOf(new java.util.TreeSet<>(DescriptorReader.CATEGORIES))) {
            String file = "workflows/" + name + ".json";
            try (InputStream in = DefaultWorkflows.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing shipped workflow " + file);
                }
                JsonNode root = Json.MAPPER.readTree(in);
                DescriptorReader.onlyKnown(root, java.util.Set.of("workflow", "resolutionCodes"), "");
                List<FieldOption> codes = DescriptorReader.options(root.get("resolutionCodes"), "resolutionCodes");
                Workflow workflow = WorkflowReader.read(root.get("workflow"), "workflow", name, List.of(), codes);
                shipped.put(name, new Shipped(workflow, codes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DescriptorException e) {
                throw new IllegalStateException("Shipped workflow " + file + " is invalid: " + e.field() + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(shipped);
    }
}
