package org.atrium.core.internal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import org.atrium.api.FieldError;
import org.atrium.api.UnavailableException;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.Extension;
import org.atrium.api.spi.FieldCalculator;
import org.atrium.api.spi.FormContext;
import org.atrium.api.spi.OptionContext;
import org.atrium.api.spi.OptionSource;
import org.atrium.api.spi.RequestValidator;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.extension.Extensions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form pipeline: descriptor rules, then the named validators, then the calculators; extensions from the whiteboard. */
class FormProcessorTest {
    private static final Map<String, String> LABELS = Map.of("de", "x", "en", "x");
    private static final Caller ANNA = Caller.of("anna");

    private static final FormField FROM = FormField.simple("from", "number", true, LABELS, List.of());
    private static final FormField TO = FormField.simple("to", "number", true, LABELS, List.of());
    private static final FormField SPAN = new FormField("span", "number", false, LABELS, Map.of(), List.of(), null,
            null, null, null, null, null, null, null, true, false, null);
    private static final FormField DOUBLED = new FormField("doubled", "number", false, LABELS, Map.of(), List.of(), null,
            null, null, null, null, null, null, null, true, false, null);

    /** from/to numbers, two validators, two calculators that fill span and doubled. */
    private static final RequestType RANGE = new RequestType("it.range", "it", "task", "IT", LABELS, Map.of(),
            List.of(FROM, TO, SPAN, DOUBLED), 3, false, List.of("test.order", "test.limit"),
            List.of("test.span", "test.doubled"), null, List.of(), "org.atrium.test");

    private static final FormField SERVICE = new FormField("service", "choice", false, LABELS, Map.of(), List.of(),
            "test.services", null, null, null, null, null, null, null, false, false, null);
    private static final FormField SERVICES = new FormField("services", "multi-choice", false, LABELS, Map.of(), List.of(),
            "test.services", BigDecimal.ONE, null, null, null, null, null, null, false, false, null);
    /** Choice fields whose options come from the option source test.services. */
    private static final RequestType SOURCED = new RequestType("it.sourced", "it", "incident", "IT", LABELS, Map.of(),
            List.of(SERVICE, SERVICES), 1, false, "org.atrium.test");

    private Extensions extensions;
    private FormProcessor processor;

    /** Records its calls; answers with what {@code answer} returns. */
    private static final class FakeValidator implements RequestValidator {
        final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        final List<FormContext> contexts = new CopyOnWriteArrayList<>();
        final BiFunction<FormContext, Map<String, Object>, List<FieldError>> answer;

        FakeValidator(BiFunction<FormContext, Map<String, Object>, List<FieldError>> answer) {
            this.answer = answer;
        }

        @Override
        public List<FieldError> validate(FormContext context) {
            contexts.add(context);
            seen.add(context.fields());
            return answer.apply(context, context.fields());
        }
    }

    private static final class FakeCalculator implements FieldCalculator {
        final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        final BiFunction<FormContext, Map<String, Object>, Map<String, Object>> answer;

        FakeCalculator(BiFunction<FormContext, Map<String, Object>, Map<String, Object>> answer) {
            this.answer = answer;
        }

        @Override
        public Map<String, Object> calculate(FormContext context) {
            seen.add(context.fields());
            return answer.apply(context, context.fields());
        }
    }

    private static final class FakeOptions implements OptionSource {
        volatile List<String> values;
        int calls;
        final List<OptionContext> contexts = new CopyOnWriteArrayList<>();

        FakeOptions(String... values) {
            this.values = List.of(values);
        }

        @Override
        public List<FieldOption> options(OptionContext context) {
            calls++;
            contexts.add(context);
            return values.stream().map(value -> new FieldOption(value, Map.of("de", value, "en", value))).toList();
        }
    }

    private static Map<String, Object> named(String name) {
        return Map.of(Extension.NAME, name);
    }

    private static FakeValidator accepting() {
        return new FakeValidator((context, fields) -> List.of());
    }

    /** from must not be greater than to. */
    private static FakeValidator order() {
        return new FakeValidator((context, fields) -> ((Number) fields.get("from")).intValue() > ((Number) fields.get("to")).intValue()
                ? List.of(new FieldError("fields.to", "must not be before from")) : List.of());
    }

    private static FakeCalculator span() {
        return new FakeCalculator((context, fields) -> Map.of("span",
                ((Number) fields.get("to")).intValue() - ((Number) fields.get("from")).intValue()));
    }

    private static FakeCalculator doubled() {
        return new FakeCalculator((context, fields) -> Map.of("doubled", 2 * ((Number) fields.get("to")).intValue()));
    }

    @BeforeEach
    void fresh() {
        extensions = new Extensions();
        processor = new FormProcessor(extensions, TestPeople.demo().directory());
    }

    private Map<String, Object> process(RequestType type, Map<String, Object> values, List<FieldError> errors) {
        return processor.process(type, ANNA, ANNA.user(), values, values.keySet(), true, errors);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).sorted().toList();
    }

    // ---------------------------------------------------------------- validators and calculators

    @Test
    void calculatorValuesAreMergedIntoTheResult() {
        FakeValidator order = order();
        FakeValidator limit = accepting();
        FakeCalculator span = span();
        FakeCalculator doubled = doubled();
        extensions.addValidator(order, named("test.order"));
        extensions.addValidator(limit, named("test.limit"));
        extensions.addCalculator(span, named("test.span"));
        extensions.addCalculator(doubled, named("test.doubled"));

        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> result = process(RANGE, Map.of("from", 3, "to", 10), errors);

        assertEquals(List.of(), errors);
        assertEquals(Map.of("from", 3, "to", 10, "span", 7, "doubled", 20), result);
        assertEquals(List.of(Map.of("from", 3, "to", 10)), order.seen, "each validator runs once with the form");
        assertEquals(1, limit.seen.size());
        assertEquals(List.of(Map.of("from", 3, "to", 10)), span.seen, "each calculator runs once with the form");
        assertEquals(1, doubled.seen.size());
    }

    @Test
    void extensionsLearnTheTypeTheCallerAndWhetherThisIsACreate() {
        FakeValidator order = order();
        extensions.addValidator(order, named("test.order"));
        extensions.addValidator(accepting(), named("test.limit"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        processor.process(RANGE, ANNA, "anna", Map.of("from", 1, "to", 2), Set.of("from", "to"), true, new ArrayList<>());
        processor.process(RANGE, Caller.of("carl", "agent-it"), "anna", Map.of("from", 1, "to", 2), Set.of("to"), false, new ArrayList<>());

        assertEquals(2, order.contexts.size());
        FormContext create = order.contexts.get(0);
        assertSame(RANGE, create.requestType());
        assertEquals(ANNA, create.caller());
        assertTrue(create.isCreate());
        assertEquals("anna", create.requesterId());
        assertEquals(Map.of("from", 1, "to", 2), create.fields());
        FormContext update = order.contexts.get(1);
        assertEquals("carl", update.caller().user());
        assertEquals(false, update.isCreate());
        assertEquals("anna", update.requesterId(), "on an update the requester is the ticket's, not the caller");
        assertThrows(UnsupportedOperationException.class, () -> update.fields().put("from", 5), "an extension cannot change the form");
    }

    @Test
    void validatorErrorsAreReturnedAndCalculatorsDoNotRun() {
        FakeValidator order = order();
        FakeValidator limit = new FakeValidator((context, fields) -> List.of(new FieldError("fields.from", "is over the limit")));
        FakeCalculator span = span();
        FakeCalculator doubled = doubled();
        extensions.addValidator(order, named("test.order"));
        extensions.addValidator(limit, named("test.limit"));
        extensions.addCalculator(span, named("test.span"));
        extensions.addCalculator(doubled, named("test.doubled"));

        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = Map.of("from", 9, "to", 4);
        Map<String, Object> result = process(RANGE, values, errors);

        assertEquals(List.of(new FieldError("fields.to", "must not be before from"), new FieldError("fields.from", "is over the limit")),
                errors, "the errors of every validator, in the order the type names them");
        assertEquals(values, result, "nothing computed");
        assertEquals(1, limit.seen.size(), "the second validator runs although the first found a problem");
        assertEquals(List.of(), span.seen);
        assertEquals(List.of(), doubled.seen);
    }

    @Test
    void descriptorRuleErrorsStopBeforeTheValidators() {
        FakeValidator order = order();
        FakeValidator limit = accepting();
        FakeCalculator span = span();
        extensions.addValidator(order, named("test.order"));
        extensions.addValidator(limit, named("test.limit"));
        extensions.addCalculator(span, named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        List<FieldError> errors = new ArrayList<>();
        process(RANGE, Map.of("from", "three"), errors); // "to" missing, "from" not a number

        assertEquals(List.of("fields.from", "fields.to"), fields(errors));
        assertEquals(List.of(), order.seen, "a validator never sees a form that breaks the descriptor's rules");
        assertEquals(List.of(), limit.seen);
        assertEquals(List.of(), span.seen);
    }

    @Test
    void sendingAComputedFieldIsAnErrorAndNothingIsComputed() {
        FakeValidator order = order();
        FakeCalculator span = span();
        extensions.addValidator(order, named("test.order"));
        extensions.addValidator(accepting(), named("test.limit"));
        extensions.addCalculator(span, named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        List<FieldError> errors = new ArrayList<>();
        process(RANGE, Map.of("from", 1, "to", 2, "span", 99), errors);

        assertEquals(List.of("fields.span"), fields(errors));
        assertEquals(List.of(), order.seen);
        assertEquals(List.of(), span.seen);
    }

    // ---------------------------------------------------------------- missing extensions

    @Test
    void missingValidatorIsUnavailableNamingIt() {
        extensions.addValidator(order(), named("test.order"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        UnavailableException e = assertThrows(UnavailableException.class,
                () -> process(RANGE, Map.of("from", 1, "to", 2), new ArrayList<>()));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("test.limit"), e.getMessage());
        assertTrue(e.getMessage().contains("it.range"), e.getMessage());
    }

    @Test
    void missingCalculatorIsUnavailableNamingIt() {
        FakeCalculator span = span();
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(accepting(), named("test.limit"));
        extensions.addCalculator(span, named("test.span"));

        UnavailableException e = assertThrows(UnavailableException.class,
                () -> process(RANGE, Map.of("from", 1, "to", 2), new ArrayList<>()));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("test.doubled"), e.getMessage());
    }

    @Test
    void anExtensionRegisteredUnderAnotherNameDoesNotStandIn() {
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(accepting(), named("test.limits"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        UnavailableException e = assertThrows(UnavailableException.class,
                () -> process(RANGE, Map.of("from", 1, "to", 2), new ArrayList<>()));
        assertTrue(e.getMessage().contains("test.limit "), e.getMessage());
    }

    @Test
    void aServiceWithoutANameIsIgnored() {
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(accepting(), Map.of("other.property", "test.limit"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        assertTrue(extensions.validator("test.limit").isEmpty());
        assertThrows(UnavailableException.class, () -> process(RANGE, Map.of("from", 1, "to", 2), new ArrayList<>()));
    }

    @Test
    void missingOptionSourceIsUnavailableNamingIt() {
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> process(SOURCED, Map.of("service", "email"), new ArrayList<>()));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("test.services"), e.getMessage());
        assertTrue(e.getMessage().contains("service"), e.getMessage());

        assertThrows(UnavailableException.class, () -> process(SOURCED, Map.of("services", List.of("email")), new ArrayList<>()));
    }

    // ---------------------------------------------------------------- option sources

    @Test
    void optionsFromAnOptionSourceAreEnforced() {
        FakeOptions source = new FakeOptions("email", "vpn");
        extensions.addOptionSource(source, named("test.services"));

        List<FieldError> ok = new ArrayList<>();
        assertEquals(Map.of("service", "vpn", "services", List.of("email", "vpn")),
                process(SOURCED, Map.of("service", "vpn", "services", List.of("email", "vpn")), ok));
        assertEquals(List.of(), ok);
        assertTrue(source.calls > 0, "the options are asked for");
        OptionContext asked = source.contexts.get(0);
        assertSame(SOURCED, asked.requestType());
        assertEquals(ANNA, asked.caller());
        assertTrue(Set.of("service", "services").contains(asked.field().name()), asked.field().name());

        List<FieldError> errors = new ArrayList<>();
        process(SOURCED, Map.of("service", "fax", "services", List.of("email", "fax")), errors);
        assertEquals(List.of("fields.service", "fields.services"), fields(errors));
        assertTrue(errors.stream().allMatch(error -> error.reason().contains("email, vpn")), errors.toString());
    }

    @Test
    void optionsAreAskedForAtTheTimeOfTheCheck() {
        FakeOptions source = new FakeOptions("email", "vpn");
        extensions.addOptionSource(source, named("test.services"));
        List<FieldError> before = new ArrayList<>();
        process(SOURCED, Map.of("service", "erp"), before);
        assertEquals(List.of("fields.service"), fields(before));

        source.values = List.of("email", "erp");
        List<FieldError> after = new ArrayList<>();
        process(SOURCED, Map.of("service", "erp"), after);
        assertEquals(List.of(), after);
        List<FieldError> gone = new ArrayList<>();
        process(SOURCED, Map.of("service", "vpn"), gone);
        assertEquals(List.of("fields.service"), fields(gone));
    }

    @Test
    void removingAnOptionSourceMakesItUnavailableAgain() {
        FakeOptions source = new FakeOptions("email");
        extensions.addOptionSource(source, named("test.services"));
        List<FieldError> errors = new ArrayList<>();
        process(SOURCED, Map.of("service", "email"), errors);
        assertEquals(List.of(), errors);

        extensions.removeOptionSource(source, named("test.services"));
        assertThrows(UnavailableException.class, () -> process(SOURCED, Map.of("service", "email"), new ArrayList<>()));
    }

    // ---------------------------------------------------------------- services coming and going

    @Test
    void removingAValidatorMakesItUnavailableAgain() {
        FakeValidator limit = accepting();
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(limit, named("test.limit"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));
        List<FieldError> errors = new ArrayList<>();
        assertEquals(7, process(RANGE, Map.of("from", 3, "to", 10), errors).get("span"));
        assertEquals(List.of(), errors);

        extensions.removeValidator(limit, named("test.limit"));
        assertTrue(extensions.validator("test.limit").isEmpty());
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> process(RANGE, Map.of("from", 3, "to", 10), new ArrayList<>()));
        assertTrue(e.getMessage().contains("test.limit"), e.getMessage());
    }

    @Test
    void removingACalculatorMakesItUnavailableAgain() {
        FakeCalculator doubled = doubled();
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(accepting(), named("test.limit"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled, named("test.doubled"));
        extensions.removeCalculator(doubled, named("test.doubled"));

        UnavailableException e = assertThrows(UnavailableException.class,
                () -> process(RANGE, Map.of("from", 3, "to", 10), new ArrayList<>()));
        assertTrue(e.getMessage().contains("test.doubled"), e.getMessage());
    }

    @Test
    void theNewestRegistrationOfANameWins() {
        FakeValidator older = new FakeValidator((context, fields) -> List.of(new FieldError("fields.from", "older")));
        FakeValidator newer = new FakeValidator((context, fields) -> List.of(new FieldError("fields.from", "newer")));
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(older, named("test.limit"));
        extensions.addValidator(newer, named("test.limit"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        List<FieldError> errors = new ArrayList<>();
        process(RANGE, Map.of("from", 1, "to", 2), errors);
        assertEquals(List.of(new FieldError("fields.from", "newer")), errors);
        assertEquals(List.of(), older.seen);

        extensions.removeValidator(older, named("test.limit"));
        assertSame(newer, extensions.validator("test.limit").orElseThrow(), "removing the older one keeps the newer");
        List<FieldError> again = new ArrayList<>();
        process(RANGE, Map.of("from", 1, "to", 2), again);
        assertEquals(List.of(new FieldError("fields.from", "newer")), again);

        extensions.removeValidator(newer, named("test.limit"));
        assertTrue(extensions.validator("test.limit").isEmpty());
    }

    /**
     * BUG (NamedServices): one map entry per name, so when two services share a name and the newest
     * goes away, the older one, still registered, is no longer found: the type answers 503 until
     * the older bundle is restarted.
     */
    @Test
    void anOlderRegistrationTakesOverWhenTheNewestLeaves() {
        FakeValidator older = accepting();
        FakeValidator newer = accepting();
        extensions.addValidator(older, named("test.limit"));
        extensions.addValidator(newer, named("test.limit"));
        extensions.removeValidator(newer, named("test.limit"));
        assertSame(older, extensions.validator("test.limit").orElse(null));
    }

    @Test
    void newestRegistrationWinsForEveryKind() {
        FakeCalculator oldSpan = new FakeCalculator((context, fields) -> Map.of("span", -1));
        FakeCalculator newSpan = span();
        extensions.addCalculator(oldSpan, named("test.span"));
        extensions.addCalculator(newSpan, named("test.span"));
        extensions.removeCalculator(oldSpan, named("test.span"));
        assertSame(newSpan, extensions.calculator("test.span").orElseThrow());

        FakeOptions oldSource = new FakeOptions("a");
        FakeOptions newSource = new FakeOptions("b");
        extensions.addOptionSource(oldSource, named("test.services"));
        extensions.addOptionSource(newSource, named("test.services"));
        extensions.removeOptionSource(oldSource, named("test.services"));
        List<FieldError> errors = new ArrayList<>();
        process(SOURCED, Map.of("service", "b"), errors);
        assertEquals(List.of(), errors);
        List<FieldError> refused = new ArrayList<>();
        process(SOURCED, Map.of("service", "a"), refused);
        assertEquals(List.of("fields.service"), fields(refused));
    }

    @Test
    void valuesHandedToExtensionsCannotChangeTheForm() {
        FakeValidator meddling = new FakeValidator((context, fields) -> {
            assertThrows(UnsupportedOperationException.class, () -> fields.put("from", 100));
            return List.of();
        });
        extensions.addValidator(order(), named("test.order"));
        extensions.addValidator(meddling, named("test.limit"));
        extensions.addCalculator(span(), named("test.span"));
        extensions.addCalculator(doubled(), named("test.doubled"));

        Map<String, Object> values = new HashMap<>(Map.of("from", 1, "to", 2));
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> result = process(RANGE, values, errors);
        assertEquals(List.of(), errors);
        assertEquals(1, result.get("from"));
        assertEquals(1, meddling.seen.size());
    }
}
