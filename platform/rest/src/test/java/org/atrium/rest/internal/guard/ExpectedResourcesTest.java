package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

class ExpectedResourcesTest {

    private static ComponentDescriptionDTO component(Map<String, Object> properties, String... services) {
        ComponentDescriptionDTO component = new ComponentDescriptionDTO();
        component.properties = properties;
        component.serviceInterfaces = services;
        return component;
    }

    @Test
    void theWhiteboardPropertiesOrTheOldMarkerMakeAContribution() {
        assertTrue(ExpectedResources.isContribution(component(Map.of("osgi.jaxrs.resource", true), "x.Resource")));
        assertTrue(ExpectedResources.isContribution(component(Map.of("osgi.jaxrs.extension", "true"), "javax.ws.rs.ext.ExceptionMapper")));
        assertTrue(ExpectedResources.isContribution(component(Map.of(), "org.atrium.rest.internal.RestResource")));
        assertFalse(ExpectedResources.isContribution(component(Map.of("osgi.jaxrs.resource", false), "x.Resource")));
        assertFalse(ExpectedResources.isContribution(component(Map.of(), "org.atrium.rest.internal.PublishedApi")));
    }

    @Test
    void missingNamesWhatIsNotPublished() {
        assertEquals(Set.of("b"), ExpectedResources.missing(Set.of("a", "b"), List.of("a", "c")));
    }
}
