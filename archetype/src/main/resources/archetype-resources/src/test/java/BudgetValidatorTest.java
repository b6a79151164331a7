package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.junit.jupiter.api.Test;

class BudgetValidatorTest {
    private final BudgetValidator validator = new BudgetValidator();

    @Test
    void aBigBudgetNeedsAJustification() {
        assertEquals(List.of(new FieldError("fields.justification", "is required for a budget from 5000 EUR")),
                validator.problemsOf(Map.of("destination", "Lisbon", "budget", 5000)));
        assertEquals(List.of(), validator.problemsOf(Map.of("budget", 7500.5, "justification", "Trade fair")));
    }

    @Test
    void aSmallOrNoBudgetNeedsNone() {
        assertEquals(List.of(), validator.problemsOf(Map.of("budget", 4999.99)));
        assertEquals(List.of(), validator.problemsOf(Map.of("destination", "Lisbon")));
    }
}
