package org.collectionorchestrator.local;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The local profile drops and recreates its database on every start (the in-memory engine forgets all processes on
 * restart, so database and engine start empty together). To make that safe, it only accepts a PostgreSQL on this
 * machine whose database name ends in "_local".
 */
public class LocalDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of("local"))) {
            return;
        }
        String url = env.getRequiredProperty("spring.datasource.url");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        if (!"postgresql".equals(uri.getScheme()) || !LOCAL_HOSTS.contains(uri.getHost()) || !database.endsWith("_local")) {
            throw new IllegalStateException("The local profile drops and recreates its database on start, so it only runs "
                    + "against a PostgreSQL on localhost with a database named *_local; refusing " + url);
        }
        String user = env.getProperty("spring.datasource.username", "postgres");
        String password = env.getProperty("spring.datasource.password", "");
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String admin = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/postgres";
        String quoted = "\"" + database.replace("\"", "") + "\"";
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + quoted + " with (force)");
            statement.execute("create database " + quoted);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the local PostgreSQL at " + admin
                    + " (bash .ci/dev run starts it): " + e.getMessage(), e);
        }
    }
}
