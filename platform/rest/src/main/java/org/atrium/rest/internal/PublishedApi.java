package org.atrium.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.atrium.rest.internal.guard.AllowedMethods;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the API publishes right now, for the providers that answer about it: the methods each path
 * allows (405 details, {@code Allow}) and the partners' OpenAPI fragments. RestServer replaces it on
 * every publication; the exception mappers and the OpenAPI resource are components of their own and
 * read it here.
 */
@Component(service = PublishedApi.class)
public class PublishedApi {
    private volatile AllowedMethods allowed = new AllowedMethods(List.of());
    private volatile Map<String, List<JsonNode>> openApiFragments = Map.of();

    /** Called by RestServer with the resources and fragments it is about to publish. */
    public void published(Collection<Contribution> resources) {
        this.allowed = new AllowedMethods(resources.stream().map(Contribution::service).toList());
        Map<String, List<JsonNode>> fragments = new TreeMap<>(); // by bundle, so the merged document's order is stable
        for (Contribution resource : resources) {
            if (resource.openApi() != null) {
                List<JsonNode> ofBundle = fragments.computeIfAbsent(resource.bundle(), bundle -> new ArrayList<>());
                if (!ofBundle.contains(resource.openApi())) { // several resources of a bundle may name one fragment
                    ofBundle.add(resource.openApi());
                }
            }
        }
        this.openApiFragments = fragments;
    }

    public AllowedMethods allowed() {
        return allowed;
    }

    /** The partners' OpenAPI fragments, by the symbolic name of the bundle that ships each. */
    public Map<String, List<JsonNode>> openApiFragments() {
        return openApiFragments;
    }
}
