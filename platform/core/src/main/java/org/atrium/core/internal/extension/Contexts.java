package org.atrium.core.internal.extension;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.ApproverContext;
import org.atrium.api.spi.FormContext;
import org.atrium.api.spi.OptionContext;
import org.atrium.api.spi.TransitionContext;
import org.atrium.api.ticket.Ticket;

/**
 * The core's implementations of the SPI's context interfaces: plain immutable values. They are
 * records here, not in the API, so that the API's interfaces can grow without a record's
 * constructor changing under partners.
 */
public final class Contexts {
    private Contexts() {
    }

    /** @param requesterPerson the requester as the directory knows them, null when it does not */
    public record Form(RequestType requestType, Caller caller, boolean isCreate, String requesterId, Person requesterPerson,
            Map<String, Object> fields) implements FormContext {
        public Form {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public Optional<Person> requester() {
            return Optional.ofNullable(requesterPerson);
        }
    }

    public record Options(RequestType requestType, FormField field, Caller caller) implements OptionContext {
    }

    public record Transition(Ticket ticket, String from, String to, String actor) implements TransitionContext {
    }

    public record Approver(Ticket ticket, ApprovalStage stage) implements ApproverContext {
    }
}
