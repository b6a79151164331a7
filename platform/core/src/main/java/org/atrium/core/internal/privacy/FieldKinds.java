package org.atrium.core.internal.privacy;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.RequestTypeVersionEntity;

import com.fasterxml.jackson.databind.DeserializationFeature;

/** Which form fields of the type version a ticket pins hold free text (what an erasure redacts). */
public final class FieldKinds {
    static final Set<String> FREE_TEXT = Set.of("text", "textarea");
    static final Set<String> PEOPLE = Set.of("person", "person-list");
    private final RequestTypeRegistry registry;

    public FieldKinds(RequestTypeRegistry registry) {
        this.registry = registry;
    }

    /** The names of the free-text fields; empty when the version is unknown (then nothing is assumed). */
    public Set<String> freeText(EntityManager em, String typeKey, int version) {
        return type(em, typeKey, version).map(type -> type.fields().stream().filter(f -> FREE_TEXT.contains(f.type()))
                .map(FormField::name).collect(Collectors.toSet())).orElse(Set.of());
    }

    /** The names of the person fields (their values are logins). */
    Set<String> people(EntityManager em, String typeKey, int version) {
        return type(em, typeKey, version).map(type -> type.fields().stream().filter(f -> PEOPLE.contains(f.type()))
                .map(FormField::name).collect(Collectors.toSet())).orElse(Set.of());
    }

    private Optional<RequestType> type(EntityManager em, String typeKey, int version) {
        Optional<RequestType> installed = registry.find(typeKey).filter(type -> type.schemaVersion() == version);
        if (installed.isPresent()) {
            return installed;
        }
        RequestTypeVersionEntity stored = em.find(RequestTypeVersionEntity.class, RequestTypeVersionEntity.id(typeKey, version));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readerFor(RequestType.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(stored.getDescriptor()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
