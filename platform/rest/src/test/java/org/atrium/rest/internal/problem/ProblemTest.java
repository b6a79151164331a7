package org.atrium.rest.internal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.rest.internal.JsonMapping;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void aValidationOfAHundredThousandFieldsAnswersAFewKilobytes() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            errors.add(new FieldError("fields.m" + i, "is not a field of it.incident"));
        }
        Problem problem = (Problem) new AtriumExceptionMapper().toResponse(new ValidationException(errors)).getEntity();
        assertEquals(Problem.MAX_ERRORS, problem.errors().size());
        assertEquals(100_000 - Problem.MAX_ERRORS, problem.errorsNotListed());
        int bytes = JsonMapping.objectMapper().writeValueAsBytes(problem).length;
        assertTrue(bytes < 4096, bytes + " bytes");
    }

    @Test
    void longTextsAreCut() throws Exception {
        String name = "n".repeat(100_000);
        Problem problem = new Problem("about:blank", "Invalid input", 400, "d".repeat(100_000),
                List.of(new FieldError(name, "r".repeat(100_000))), null);
        assertEquals(Problem.MAX_DETAIL, problem.detail().length());
        assertEquals(Problem.MAX_FIELD, problem.errors().get(0).field().length());
        assertEquals(Problem.MAX_REASON, problem.errors().get(0).reason().length());
        assertTrue(JsonMapping.objectMapper().writeValueAsBytes(problem).length < 2048);
    }

    @Test
    void aFewErrorsAreListedAsTheyAre() {
        Problem problem = new Problem("about:blank", "Invalid input", 400, "2 fields are invalid",
                List.of(new FieldError("summary", "is required"), new FieldError("impact", "must be high, medium or low")), null);
        assertEquals(2, problem.errors().size());
        assertNull(problem.errorsNotListed());
        assertEquals("summary", problem.errors().get(0).field());
    }
}
