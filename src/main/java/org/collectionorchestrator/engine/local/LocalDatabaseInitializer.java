package org.collectionorchestrator.engine.local;

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
 * The local profile wipes its database on every start (the in-memory engine forgets all processes on restart, so
 * database and engine start empty together). To make that safe, it only accepts a PostgreSQL on this machine whose
 * database name ends in "_local", and creates that database if it is missing.
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
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the local PostgreSQL at " + admin
                    + " (start it, see README 'Run locally'): " + e.getMessage(), e);
        }
    }
}
