package org.atrium.core.internal.persistence;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * One database per engine for a test class, opened at its first use and emptied before each test:
 * opening costs about half a second, so a class that runs on both engines opens two, not one per test.
 * Hold it in a static field and close it in {@code @AfterAll}.
 */
public final class DatabasesPerEngine implements AutoCloseable {
    private final String name;
    private final Map<Engine, TestDatabases> open = new EnumMap<>(Engine.class);

    public DatabasesPerEngine(String name) {
        this.name = name;
    }

    /** The engine's database with every ticket, comment and history row deleted. */
    public TestDatabases cleared(Engine engine) throws SQLException {
        TestDatabases databases = open.get(engine);
        if (databases == null) {
            databases = TestDatabases.open(name, engine);
            open.put(engine, databases);
        }
        databases.clear();
        return databases;
    }

    @Override
    public void close() {
        open.values().forEach(TestDatabases::close);
        open.clear();
    }
}
