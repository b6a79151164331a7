package org.atrium.rest.internal.openapi;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Atrium's own OpenAPI document with the partners' fragments merged in: each fragment's {@code paths}
 * and {@code components.schemas} (also {@code parameters} and {@code responses}) are added under the
 * same names, and each added operation is tagged with the bundle it came from. What Atrium already
 * describes is never replaced by a fragment: a clash is logged and the fragment's entry left out.
 */
public final class OpenApiDocument {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "parameters", "responses");

    private OpenApiDocument() {
    }

    /** A copy of {@code base} with the fragments merged; {@code fragments} maps the contributing bundle to its fragment. */
    public static ObjectNode merge(ObjectNode base, Map<String, List<JsonNode>> fragments) {
        ObjectNode merged = base.deepCopy();
        fragments.forEach((bundle, ofBundle) -> ofBundle.forEach(fragment -> {
            addPaths(merged.with("paths"), fragment.path("paths"), bundle);
            for (String kind : COMPONENT_KINDS) {
                addAll(merged.with("components").with(kind), fragment.path("components").path(kind), bundle, "components." + kind);
            }
        }));
        return merged;
    }

    private static void addPaths(ObjectNode paths, JsonNode added, String bundle) {
        for (Iterator<Map.Entry<String, JsonNode>> it = added.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (paths.has(path.getKey())) {
                LOG.warn("Bundle {} describes the path {}, which is described already; its description is left out", bundle, path.getKey());
                continue;
            }
            JsonNode operations = path.getValue().deepCopy();
            for (JsonNode operation : operations) {
                if (operation instanceof ObjectNode described && described.has("responses") && !described.has("tags")) {
                    described.putArray("tags").add(bundle);
                }
            }
            paths.set(path.getKey(), operations);
        }
    }

    private static void addAll(ObjectNode target, JsonNode added, String bundle, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = added.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (target.has(entry.getKey())) {
                LOG.warn("Bundle {} describes {}.{}, which is described already; its description is left out", bundle, where, entry.getKey());
                continue;
            }
            target.set(entry.getKey(), entry.getValue().deepCopy());
        }
    }
}
