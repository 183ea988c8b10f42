package org.collectionorchestrator.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test class with its own Spring context. The shared context of the other tests stays
 * alive (cached) while such a class runs, and its outbox relay would otherwise claim this context's rows (engine
 * messages for an engine that is not its own) from the shared throw-away database. Dropped when the JVM ends.
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String database = ThrowAwayDatabase.newDatabaseName();
        ThrowAwayDatabase.execute("create database " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ThrowAwayDatabase.execute("drop database if exists " + database + " with (force)")));
        registry.add("spring.datasource.url", () -> ThrowAwayDatabase.urlOf(database));
    }
}
