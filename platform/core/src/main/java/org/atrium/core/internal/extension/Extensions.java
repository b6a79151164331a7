package org.atrium.core.internal.extension;

import java.util.Map;
import java.util.Optional;

import org.atrium.api.spi.ApproverResolver;
import org.atrium.api.spi.FieldCalculator;
import org.atrium.api.spi.OptionSource;
import org.atrium.api.spi.RequestValidator;
import org.atrium.api.spi.TransitionAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The whiteboard of Java extensions: every SPI service registered with {@code atrium.name}, found
 * by the name a descriptor uses. Services come and go with their bundles.
 */
@Component(service = Extensions.class)
public class Extensions {
    private final NamedServices<RequestValidator> validators = new NamedServices<>("Request validator");
    private final NamedServices<FieldCalculator> calculators = new NamedServices<>("Field calculator");
    private final NamedServices<OptionSource> optionSources = new NamedServices<>("Option source");
    private final NamedServices<TransitionAction> actions = new NamedServices<>("Transition action");
    private final NamedServices<ApproverResolver> approverResolvers = new NamedServices<>("Approver resolver");

    public Optional<RequestValidator> validator(String name) {
        return validators.find(name);
    }

    public Optional<FieldCalculator> calculator(String name) {
        return calculators.find(name);
    }

    public Optional<OptionSource> optionSource(String name) {
        return optionSources.find(name);
    }

    public Optional<TransitionAction> action(String name) {
        return actions.find(name);
    }

    public Optional<ApproverResolver> approverResolver(String name) {
        return approverResolvers.find(name);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addValidator(RequestValidator service, Map<String, Object> properties) {
        validators.add(service, properties);
    }

    public void removeValidator(RequestValidator service, Map<String, Object> properties) {
        validators.remove(service, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addCalculator(FieldCalculator service, Map<String, Object> properties) {
        calculators.add(service, properties);
    }

    public void removeCalculator(FieldCalculator service, Map<String, Object> properties) {
        calculators.remove(service, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addOptionSource(OptionSource service, Map<String, Object> properties) {
        optionSources.add(service, properties);
    }

    public void removeOptionSource(OptionSource service, Map<String, Object> properties) {
        optionSources.remove(service, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addAction(TransitionAction service, Map<String, Object> properties) {
        actions.add(service, properties);
    }

    public void removeAction(TransitionAction service, Map<String, Object> properties) {
        actions.remove(service, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addApproverResolver(ApproverResolver service, Map<String, Object> properties) {
        approverResolvers.add(service, properties);
    }

    public void removeApproverResolver(ApproverResolver service, Map<String, Object> properties) {
        approverResolvers.remove(service, properties);
    }
}
