package org.atrium.rest.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.atrium.api.security.Caller;
import org.junit.jupiter.api.Test;

class JaasAuthenticatorTest {

    /** Counts the JAAS logins; the first one waits until every request has arrived. */
    private static final class CountingAuthenticator extends JaasAuthenticator {
        final AtomicInteger logins = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        CountingAuthenticator(long rememberMillis) {
            super("karaf", rememberMillis);
        }

        @Override
        Optional<Caller> login(String user, String password) {
            logins.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "anna".equals(password) ? Optional.of(new Caller(user, Set.of("employee"))) : Optional.empty();
        }
    }

    @Test
    void concurrentRequestsWithTheSameCredentialsShareOneLogin() throws Exception {
        CountingAuthenticator authenticator = new CountingAuthenticator(60_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Caller>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> authenticator.authenticate("anna", "anna")));
            }
            Thread.sleep(200); // let them all reach the login
            authenticator.release.countDown();
            for (Future<Optional<Caller>> answer : answers) {
                assertEquals("anna", answer.get(10, TimeUnit.SECONDS).orElseThrow().user());
            }
            assertEquals(1, authenticator.logins.get());
            assertEquals("anna", authenticator.authenticate("anna", "anna").orElseThrow().user());
            assertEquals(1, authenticator.logins.get(), "remembered afterwards");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongCredentialsAreNeverRememberedAndOtherPasswordsAreCheckedApart() {
        CountingAuthenticator authenticator = new CountingAuthenticator(60_000);
        authenticator.release.countDown();
        assertTrue(authenticator.authenticate("anna", "wrong").isEmpty());
        assertTrue(authenticator.authenticate("anna", "wrong").isEmpty());
        assertEquals(2, authenticator.logins.get());
        assertTrue(authenticator.authenticate("anna", "anna").isPresent());
        assertEquals(3, authenticator.logins.get());
    }
}
