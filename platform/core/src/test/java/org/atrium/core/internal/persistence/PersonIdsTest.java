package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The persistence boundary between logins and person ids. */
class PersonIdsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoUnitsGivingOneNewLoginAnIdAtOnceAgreeOnIt(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("personids", engine)) {
            Database db = databases.database();
            CountDownLatch firstHasOne = new CountDownLatch(1);
            CountDownLatch secondAsked = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<String> first = threads.submit(() -> db.inTransaction(em -> {
                    String id = PersonIds.current().idOf("newcomer");
                    firstHasOne.countDown();
                    await(secondAsked);
                    sleep(300); // the second is now waiting on the sequence row this unit holds
                    return id;
                }));
                firstHasOne.await();
                Future<String> second = threads.submit(() -> db.inTransaction(em -> {
                    secondAsked.countDown();
                    return PersonIds.current().idOf("newcomer");
                }));
                assertEquals(first.get(), second.get());
                assertEquals(first.get(), db.read(em -> PersonIds.current().existingIdOf("newcomer")));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void mapsOnlyInsideAUnitOfWork() {
        assertThrows(IllegalStateException.class, PersonIds::current);
    }

    @Test
    void aValueThatIsNoIdReadsAsItIs() throws SQLException {
        try (TestDatabases databases = TestDatabases.open("personids-plain")) {
            assertEquals("user17", databases.database().read(em -> PersonIds.current().loginOf("user17")));
            String unknown = databases.database().read(em -> PersonIds.current().existingIdOf("nobody"));
            assertNull(unknown, "no id is made up for a login no row names");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
