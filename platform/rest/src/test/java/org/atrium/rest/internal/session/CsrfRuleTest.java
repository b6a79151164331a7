package org.atrium.rest.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CsrfRuleTest {
    private static final String TOKEN = "q5h0CkU6cD0yGx3l3X6m7pV2uGfM2eRk0o5bQxqfI1o";

    @Test
    void readsNeedNoToken() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertFalse(CsrfRule.needsToken(method));
            assertEquals(Optional.empty(), CsrfRule.refusal(method, null, TOKEN));
        }
    }

    @Test
    void everyChangeNeedsTheSessionsToken() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertTrue(CsrfRule.needsToken(method));
            assertEquals(Optional.of("is required for " + method + " with a session cookie"), CsrfRule.refusal(method, null, TOKEN));
            assertEquals(Optional.of("is required for " + method + " with a session cookie"), CsrfRule.refusal(method, "", TOKEN));
            assertEquals(Optional.of("does not match the session's CSRF token"), CsrfRule.refusal(method, TOKEN + "x", TOKEN));
            assertEquals(Optional.of("does not match the session's CSRF token"),
                    CsrfRule.refusal(method, TOKEN.substring(0, 42) + "p", TOKEN));
            assertEquals(Optional.empty(), CsrfRule.refusal(method, TOKEN, TOKEN));
        }
    }

    @Test
    void anUnknownMethodIsTreatedAsAChange() {
        assertTrue(CsrfRule.needsToken("PROPFIND"));
    }
}
