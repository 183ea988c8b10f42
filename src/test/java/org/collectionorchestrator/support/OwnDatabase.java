package org.collectionorchestrator.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test class with its own Spring context. The shared context of the other tests stays
 * alive (cached) while such a class runs, and its outbox relay would otherwise claim this context's rows (engine
 * messages for an engine that is not its own) from the shared throw-away database. Dropped when the JVM ends.
 */
public final class OwnDatabase {

    private static final String SERVER = System.getenv().getOrDefault("TEST_POSTGRES_URL",
            "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");

    private OwnDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String database = "collection_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + database + " with (force)")));
        String url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
        registry.add("spring.datasource.url", () -> url);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need a PostgreSQL at " + SERVER + " (" + e.getMessage() + ")", e);
        }
    }
}
