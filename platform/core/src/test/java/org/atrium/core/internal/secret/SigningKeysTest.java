package org.atrium.core.internal.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys are made once and agreed on by every node, on both databases. */
class SigningKeysTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoNodesAgreeOnAKeyAndKeysDifferByName(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("signingkeys", engine)) {
            SigningKeys first = new SigningKeys(databases.database());
            SigningKeys second = new SigningKeys(databases.secondNode());
            byte[] key = first.key("mail-reference");
            assertEquals(32, key.length);
            assertArrayEquals(key, second.key("mail-reference"));
            assertArrayEquals(key, new SigningKeys(databases.database()).key("mail-reference"), "stored, not only cached");
            assertFalse(Arrays.equals(key, first.key("approval-link")));
            assertEquals(2, databases.count("signing_key"));
        }
    }
}
