package org.atrium.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PublishedApiTest {
    @Path("/legal/matters")
    public static class Matters {
        @GET
        public String list() {
            return "";
        }
    }

    @Test
    void thePublishedResourcesDecideTheAllowedMethodsAndTheFragmentsOncePerBundle() throws Exception {
        JsonNode fragment = new ObjectMapper().readTree("{\"paths\": {\"/legal/matters\": {}}}");
        PublishedApi published = new PublishedApi();
        assertTrue(published.allowed().of("/legal/matters").isEmpty());
        published.published(List.of(new Contribution("a", "org.example.legal", new Matters(), true, fragment),
                new Contribution("b", "org.example.legal", new Object(), true, fragment.deepCopy()),
                new Contribution("c", "org.atrium.rest", new Object(), true, null)));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), published.allowed().of("legal/matters"));
        assertEquals(Set.of("org.example.legal"), published.openApiFragments().keySet());
        assertEquals(1, published.openApiFragments().get("org.example.legal").size());

        published.published(List.of());
        assertTrue(published.allowed().of("/legal/matters").isEmpty(), "a withdrawn resource allows nothing");
        assertTrue(published.openApiFragments().isEmpty());
    }
}
