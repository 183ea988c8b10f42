package org.collectionorchestrator.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates a fresh PostgreSQL database for one test run and drops it afterwards, so tests never see another run's
 * data and never touch a developer's databases. The server is the local one (or TEST_POSTGRES_URL, a JDBC URL of
 * the server's "postgres" database).
 */
public class ThrowAwayDatabase implements LauncherSessionListener {

    private static final String SERVER = System.getenv().getOrDefault("TEST_POSTGRES_URL",
            "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");

    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        database = newDatabaseName();
        execute("create database " + database);
        String url = urlOf(database);
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", USER);
        System.setProperty("spring.datasource.password", PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    static String newDatabaseName() {
        return "collection_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String urlOf(String database) {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need a PostgreSQL at " + SERVER + " (" + e.getMessage() + ")", e);
        }
    }
}
