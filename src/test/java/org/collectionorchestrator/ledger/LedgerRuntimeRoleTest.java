package org.collectionorchestrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Production's two database roles: Liquibase migrates as a migration role, and 014-runtime-role-grants leaves the
 * runtime role (the application's login) data rights only — PostgreSQL itself refuses it an UPDATE, DELETE or TRUNCATE
 * of the ledger ("permission denied", before any trigger could), and any DDL. On the local server, in a database and
 * with roles made for this test and dropped after it.
 */
class LedgerRuntimeRoleTest {

    private static final String SERVER = System.getenv().getOrDefault("TEST_POSTGRES_URL",
            "jdbc:postgresql://localhost:5432/postgres");
    private static final String ADMIN = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String MIGRATION = "co_migration_" + SUFFIX;
    private static final String RUNTIME = "co_runtime_" + SUFFIX;
    private static final String PASSWORD = "pw-" + SUFFIX;
    private static final String DATABASE = "co_roles_" + SUFFIX;
    private static final String URL = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + DATABASE;

    @BeforeAll
    static void rolesAndMigration() throws Exception {
        asAdmin("create role " + MIGRATION + " login password '" + PASSWORD + "'");
        asAdmin("create role " + RUNTIME + " login password '" + PASSWORD + "'");
        asAdmin("create database " + DATABASE + " owner " + MIGRATION);
        migrate();
    }

    @AfterAll
    static void dropAll() throws Exception {
        asAdmin("drop database if exists " + DATABASE + " with (force)");
        asAdmin("drop role if exists " + RUNTIME);
        asAdmin("drop role if exists " + MIGRATION);
    }

    @Test
    void theRuntimeRoleIsRefusedChangingOrRemovingLedgerEntriesByPermissionNotOnlyByTrigger() throws SQLException {
        try (Connection runtime = DriverManager.getConnection(URL, RUNTIME, PASSWORD)) {
            assertThat(count(runtime, "select count(*) from ledger_entry")).isZero();
            for (String refused : new String[] {"update ledger_entry set amount = amount + 1",
                    "delete from ledger_entry", "truncate ledger_entry"}) {
                assertThatThrownBy(() -> runtime.createStatement().execute(refused))
                        .as(refused)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getMessage()).contains("permission denied");
                        });
            }
            assertThat(count(runtime, "select count(*) from pg_class where relname = 'ledger_entry'"
                    + " and has_table_privilege('" + RUNTIME + "', oid, 'INSERT')")).isEqualTo(1);
        }
    }

    @Test
    void theRuntimeRoleChangesOtherDataButNotTheSchema() throws SQLException {
        try (Connection runtime = DriverManager.getConnection(URL, RUNTIME, PASSWORD)) {
            runtime.createStatement().execute("update invoice set status = status where false");
            runtime.createStatement().execute("delete from outbox_message where false");
            assertThatThrownBy(() -> runtime.createStatement().execute("create table intruder (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> runtime.createStatement().execute("drop trigger ledger_entry_no_truncate on ledger_entry"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> runtime.createStatement().execute("delete from databasechangelog"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void migratingAgainKeepsTheGrantsAsTheyAre() throws Exception {
        migrate();
        try (Connection runtime = DriverManager.getConnection(URL, RUNTIME, PASSWORD)) {
            assertThatThrownBy(() -> runtime.createStatement().execute("update ledger_entry set amount = amount"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThat(count(runtime, "select count(*) from creditor")).isZero();
        }
    }

    private static void migrate() throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(new DriverManagerDataSource(URL, MIGRATION, PASSWORD));
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setChangeLogParameters(Map.of("runtimeRole", RUNTIME));
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void asAdmin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, ADMIN, ADMIN_PASSWORD)) {
            connection.createStatement().execute(sql);
        }
    }
}
