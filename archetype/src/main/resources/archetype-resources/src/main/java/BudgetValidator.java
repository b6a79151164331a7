package ${package};

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.atrium.api.spi.Extension;
import org.atrium.api.spi.FormContext;
import org.atrium.api.spi.RequestValidator;
import org.osgi.service.component.annotations.Component;

/**
 * ${department}.budget: a trip from {@link #LIMIT} EUR on needs a justification, a rule across two fields that a
 * descriptor cannot state. The descriptor names it in "validators"; Atrium runs it after the form's own rules.
 */
@Extension(name = BudgetValidator.NAME)
@Component(service = RequestValidator.class)
public class BudgetValidator implements RequestValidator {
    static final String NAME = "${department}.budget";
    static final BigDecimal LIMIT = new BigDecimal("5000");

    @Override
    public List<FieldError> validate(FormContext context) {
        return problemsOf(context.fields());
    }

    /** The rule on the form's values alone, so that a unit test needs no context. */
    List<FieldError> problemsOf(Map<String, Object> fields) {
        // a number field's value is a java.lang.Number (Integer, Long, Double or BigDecimal, as the JSON was written)
        Object budget = fields.get("budget");
        Object justification = fields.get("justification");
        boolean justified = justification instanceof String text && !text.isBlank();
        if (budget instanceof Number amount && new BigDecimal(amount.toString()).compareTo(LIMIT) >= 0 && !justified) {
            return List.of(new FieldError("fields.justification", "is required for a budget from " + LIMIT + " EUR"));
        }
        return List.of();
    }
}
