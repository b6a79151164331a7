package org.atrium.api.catalog;

import java.util.List;
import java.util.Map;

import org.atrium.api.workflow.Workflow;

/**
 * A kind of request that a department offers, contributed by a bundle's descriptor.
 *
 * @param key            globally unique, e.g. {@code it.incident}
 * @param department     owning department, e.g. {@code it}; its agents hold role {@code agent-it}
 * @param category       incident, service-request, change, problem or task
 * @param keyPrefix      prefix of the human ticket keys, e.g. {@code IT} for IT-42
 * @param names          display name per language tag ({@code de}, {@code en})
 * @param help           help text per language tag
 * @param fields         the form
 * @param schemaVersion  version of the form; tickets pin the version they were created with
 * @param confidential   visible only to the department's agents, the requester and approvers
 * @param validators     names of {@link org.atrium.api.spi.RequestValidator} services that check the form
 * @param calculators    names of {@link org.atrium.api.spi.FieldCalculator} services that fill computed fields
 * @param workflow       the states and transitions tickets of this type follow (a shipped default or the type's own)
 * @param resolutionCodes how a ticket of this type can be resolved (e.g. fixed, workaround), each with labels
 * @param bundle         symbolic name of the contributing bundle
 * @param audience       who may file it ({@link Audience#EVERYONE} when the descriptor says nothing)
 * @param routing        which assignment group a new ticket goes to (first matching rule); empty: no group
 * @param approvals      the approval processes states of the workflow start; empty: none
 * @param children       the child tickets its tickets create in other departments; null: none
 * @param sla            its service levels (clocks, targets per priority, calendar); null: none
 * @param departmentNames the department's label per language tag ({@code de}, {@code en}); empty when the descriptor gives none
 */
public record RequestType(
        String key,
        String department,
        String category,
        String keyPrefix,
        Map<String, String> names,
        Map<String, String> help,
        List<FormField> fields,
        int schemaVersion,
        boolean confidential,
        List<String> validators,
        List<String> calculators,
        Workflow workflow,
        List<FieldOption> resolutionCodes,
        String bundle,
        Audience audience,
        List<RoutingRule> routing,
        List<org.atrium.api.approval.ApprovalProcess> approvals,
        ChildTickets children,
        org.atrium.api.sla.SlaPolicy sla,
        Map<String, String> departmentNames) {

    public RequestType {
        departmentNames = departmentNames == null ? Map.of() : Map.copyOf(departmentNames);
        names = Map.copyOf(names);
        help = Map.copyOf(help);
        fields = List.copyOf(fields);
        validators = validators == null ? List.of() : List.copyOf(validators);
        calculators = calculators == null ? List.of() : List.copyOf(calculators);
        resolutionCodes = resolutionCodes == null ? List.of() : List.copyOf(resolutionCodes);
        audience = audience == null ? Audience.EVERYONE : audience;
        routing = routing == null ? List.of() : List.copyOf(routing);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** A type whose descriptor names no department label. */
    public RequestType(String key, String department, String category, String keyPrefix, Map<String, String> names,
            Map<String, String> help, List<FormField> fields, int schemaVersion, boolean confidential, List<String> validators,
            List<String> calculators, Workflow workflow, List<FieldOption> resolutionCodes, String bundle, Audience audience,
            List<RoutingRule> routing, List<org.atrium.api.approval.ApprovalProcess> approvals, ChildTickets children,
            org.atrium.api.sla.SlaPolicy sla) {
        this(key, department, category, keyPrefix, names, help, fields, schemaVersion, confidential, validators, calculators,
                workflow, resolutionCodes, bundle, audience, routing, approvals, children, sla, null);
    }

    /** A type without service levels. */
    public RequestType(String key, String department, String category, String keyPrefix, Map<String, String> names,
            Map<String, String> help, List<FormField> fields, int schemaVersion, boolean confidential, List<String> validators,
            List<String> calculators, Workflow workflow, List<FieldOption> resolutionCodes, String bundle, Audience audience,
            List<RoutingRule> routing, List<org.atrium.api.approval.ApprovalProcess> approvals, ChildTickets children) {
        this(key, department, category, keyPrefix, names, help, fields, schemaVersion, confidential, validators, calculators,
                workflow, resolutionCodes, bundle, audience, routing, approvals, children, null);
    }

    /** A type without approvals or child tickets. */
    public RequestType(String key, String department, String category, String keyPrefix, Map<String, String> names,
            Map<String, String> help, List<FormField> fields, int schemaVersion, boolean confidential, List<String> validators,
            List<String> calculators, Workflow workflow, List<FieldOption> resolutionCodes, String bundle, Audience audience,
            List<RoutingRule> routing) {
        this(key, department, category, keyPrefix, names, help, fields, schemaVersion, confidential, validators, calculators,
                workflow, resolutionCodes, bundle, audience, routing, List.of(), null, null);
    }

    /** The approval process that entering {@code state} starts, if any. */
    public java.util.Optional<org.atrium.api.approval.ApprovalProcess> approvalOn(String state) {
        return approvals.stream().filter(process -> process.state().equals(state)).findFirst();
    }

    /** A type open to every employee, without routing; the shape before audiences and routing existed. */
    public RequestType(String key, String department, String category, String keyPrefix, Map<String, String> names,
            Map<String, String> help, List<FormField> fields, int schemaVersion, boolean confidential, List<String> validators,
            List<String> calculators, Workflow workflow, List<FieldOption> resolutionCodes, String bundle) {
        this(key, department, category, keyPrefix, names, help, fields, schemaVersion, confidential, validators, calculators,
                workflow, resolutionCodes, bundle, Audience.EVERYONE, List.of());
    }

    /** A type without SPI references, following its category's shipped workflow; handy in tests. */
    public RequestType(String key, String department, String category, String keyPrefix, Map<String, String> names,
            Map<String, String> help, List<FormField> fields, int schemaVersion, boolean confidential, String bundle) {
        this(key, department, category, keyPrefix, names, help, fields, schemaVersion, confidential, (Workflow) null, bundle);
    }

    /** A type without SPI references and with the given workflow; handy in tests and code-built types. */
    public RequestType(String key, String department, String category, String keyPrefix, Map<String, String> names,
            Map<String, String> help, List<FormField> fields, int schemaVersion, boolean confidential, Workflow workflow, String bundle) {
        this(key, department, category, keyPrefix, names, help, fields, schemaVersion, confidential, List.of(), List.of(),
                workflow, List.of(), bundle);
    }
}
