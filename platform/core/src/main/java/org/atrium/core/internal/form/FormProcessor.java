package org.atrium.core.internal.form;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.FieldError;
import org.atrium.api.UnavailableException;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Directory;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.FieldCalculator;
import org.atrium.api.spi.FormContext;
import org.atrium.api.spi.RequestValidator;
import org.atrium.core.internal.extension.Contexts;
import org.atrium.core.internal.extension.Extensions;

/**
 * Takes a form through everything its type declares: the descriptor's rules, then the named
 * validators, then the calculators that fill the computed fields. A named extension that is not
 * running refuses the request (503) instead of letting a form through half-checked.
 */
public final class FormProcessor {
    private final Extensions extensions;
    private final Directory directory;
    private final Clock clock;

    /**
     * @param directory whom person fields must name, and where extensions find the requester
     * @param clock     what "today" is for the date rules: the server's time zone
     */
    public FormProcessor(Extensions extensions, Directory directory, Clock clock) {
        this.extensions = extensions;
        this.directory = directory;
        this.clock = clock;
    }

    public FormProcessor(Extensions extensions, Directory directory) {
        this(extensions, directory, Clock.systemDefaultZone());
    }

    /** As below, with every submitted value counting as changed. */
    public Map<String, Object> process(RequestType type, Caller caller, String requester, Map<String, Object> values,
            Set<String> submitted, boolean create, List<FieldError> errors) {
        return process(type, caller, requester, values, submitted, submitted, create, errors);
    }

    /**
     * @param values    the complete form as it would be stored
     * @param submitted the field names the caller sent
     * @param changed   the field names whose value the request sets anew (the date rules about today apply to these)
     * @param requester the ticket's requester (the caller on create), whom extensions may look up
     * @param errors    where problems are added; when any is added the returned values are not to be stored
     * @return the values with the computed fields filled in
     */
    public Map<String, Object> process(RequestType type, Caller caller, String requester, Map<String, Object> values,
            Set<String> submitted, Set<String> changed, boolean create, List<FieldError> errors) {
        // a validator per form, so that option sources learn the type and who asks (cheap: three fields)
        FormValidator validator = new FormValidator(field -> options(type, field, caller), directory::find, clock);
        List<FieldError> own = validator.validate(type, values, submitted, changed);
        errors.addAll(own);
        if (!own.isEmpty()) {
            return values;
        }
        if (type.validators().isEmpty() && type.calculators().isEmpty()) {
            return values; // no extension to ask: spare the directory lookup (ticket creation is measured)
        }
        FormContext context = new Contexts.Form(type, caller, create, requester, directory.find(requester).orElse(null), values);
        for (String name : type.validators()) {
            RequestValidator check = extensions.validator(name).orElseThrow(() -> unavailable("validator", name, type));
            List<FieldError> found = check.validate(context);
            errors.addAll(found);
        }
        if (!errors.isEmpty()) {
            return values;
        }
        Map<String, Object> result = new LinkedHashMap<>(values);
        for (String name : type.calculators()) {
            FieldCalculator calculator = extensions.calculator(name).orElseThrow(() -> unavailable("calculator", name, type));
            result.putAll(calculator.calculate(context));
        }
        return result;
    }

    private List<FieldOption> options(RequestType type, FormField field, Caller caller) {
        if (field.optionSource() == null) {
            return field.options();
        }
        return extensions.optionSource(field.optionSource())
                .orElseThrow(() -> new UnavailableException("The options of field " + field.name() + " come from "
                        + field.optionSource() + ", which is not running; try again later"))
                .options(new Contexts.Options(type, field, caller));
    }

    private static UnavailableException unavailable(String kind, String name, RequestType type) {
        return new UnavailableException("The " + kind + " " + name + " of request type " + type.key()
                + " is not running; try again later");
    }
}
