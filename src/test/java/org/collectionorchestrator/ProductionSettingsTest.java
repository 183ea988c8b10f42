package org.collectionorchestrator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.collectionorchestrator.support.SecurityTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with production settings: no local profile, API security on (the test's token key), the
 * Camunda client pointed at a remote cluster address with OAuth2 client credentials (WireMock plays the identity
 * provider; nothing answers gRPC there), models not deployed at start-up, actuator on its own port, and PostgreSQL
 * reached as a runtime role while Liquibase migrates as a migration role. Kafka is the tests' embedded broker.
 * It starts, refuses an anonymous API call, serves a token, fetches the Camunda token, and its own database
 * connection cannot change the ledger. A context of its own, closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "collection.kafka.embedded=true",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN",
        // A cluster that never answers gRPC: keep the client's complaints short.
        "logging.level.io.camunda.client=ERROR",
        "logging.level.io.grpc=ERROR",
})
@DirtiesContext
class ProductionSettingsTest {

    private static final String SERVER = System.getenv().getOrDefault("TEST_POSTGRES_URL",
            "jdbc:postgresql://localhost:5432/postgres");
    private static final String ADMIN = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String MIGRATION = "co_prod_migration_" + SUFFIX;
    private static final String RUNTIME = "co_prod_runtime_" + SUFFIX;
    private static final String PASSWORD = "pw-" + SUFFIX;
    private static final String DATABASE = "co_prod_" + SUFFIX;
    private static final WireMockServer IDENTITY = new WireMockServer(options().dynamicPort());

    static {
        asAdmin("create role " + MIGRATION + " login password '" + PASSWORD + "'");
        asAdmin("create role " + RUNTIME + " login password '" + PASSWORD + "'");
        asAdmin("create database " + DATABASE + " owner " + MIGRATION);
        // Dropped when the test JVM ends: after this class the context still closes, and needs its database for that.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            IDENTITY.stop();
            dropAll();
        }));
        IDENTITY.start();
        IDENTITY.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"camunda-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws Exception {
        String url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + DATABASE;
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> RUNTIME);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.liquibase.user", () -> MIGRATION);
        registry.add("spring.liquibase.password", () -> PASSWORD);
        SecurityTokens.register(registry);
        registry.add("collection.models.deploy-at-start-up", () -> "false");
        registry.add("management.server.port", () -> "0");
        registry.add("camunda.client.mode", () -> "self-managed");
        registry.add("camunda.client.grpc-address", () -> IDENTITY.baseUrl());
        registry.add("camunda.client.rest-address", () -> IDENTITY.baseUrl());
        registry.add("camunda.client.auth.method", () -> "oidc");
        registry.add("camunda.client.auth.client-id", () -> "collection-orchestrator");
        registry.add("camunda.client.auth.client-secret", () -> "camunda-client-secret");
        registry.add("camunda.client.auth.token-url", () -> IDENTITY.baseUrl() + "/oauth/token");
        registry.add("camunda.client.auth.audience", () -> "zeebe-api");
        // Job streaming against an address where no gateway answers left the client's close waiting for its streams
        // (camunda-client 8.8.14); with polling the workers stop at once. Production keeps streaming on.
        registry.add("camunda.client.worker.defaults.stream-enabled", () -> "false");
        String cache = Files.createTempDirectory("camunda-credentials").resolve("credentials").toString();
        registry.add("camunda.client.auth.credentials-cache-path", () -> cache);
    }

    private static void dropAll() {
        asAdmin("drop database if exists " + DATABASE + " with (force)");
        asAdmin("drop role if exists " + RUNTIME);
        asAdmin("drop role if exists " + MIGRATION);
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWithoutTheLocalProfileAndWithSecurityOn() throws Exception {
        assertThat(environment.getActiveProfiles()).doesNotContain("local");
        assertThat(get(port, "/api/v1/invoices", null).statusCode()).isEqualTo(401);
        HttpResponse<String> served = get(port, "/api/v1/invoices", SecurityTokens.token("read", "*"));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(json.readTree(served.body()).get("totalItems").asLong()).isZero();
        assertThat(get(port, "/api/v1/invoices", SecurityTokens.token("payments:write", "*")).statusCode()).isEqualTo(403);
    }

    @Test
    void probesAnswerOnTheManagementPortWithoutATokenAndWithoutDetails() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness", null);
        // Not ready: no Camunda cluster answers; but the probe answers, and says only its status.
        assertThat(readiness.statusCode()).isIn(200, 503);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.has("status")).isTrue();
        assertThat(body.has("components")).isFalse();
        // The Prometheus scrape is open here too; tests run without metrics export, so info stands in for it.
        assertThat(get(managementPort, "/actuator/info", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/actuator/health/liveness", null).statusCode())
                .as("not served on the API's port, where an unknown path needs a token").isEqualTo(401);
    }

    @Test
    void theCamundaClientAsksTheIdentityProviderForATokenWithItsClientCredentials() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                IDENTITY.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                        .withRequestBody(containing("grant_type=client_credentials"))
                        .withRequestBody(containing("client_id=collection-orchestrator"))
                        .withRequestBody(containing("audience=zeebe-api"))));
    }

    @Test
    void theApplicationConnectsAsTheRuntimeRoleWhichCannotChangeTheLedger() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(RUNTIME);
        assertThatThrownBy(() -> jdbc.sql("select count(*) from databasechangelog").query(Long.class).single())
                .as("Liquibase's log is the migration role's").rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("select count(*) from creditor").query(Long.class).single()).isZero();
    }

    @Test
    void theLedgerRefusesTheApplicationsOwnConnection() {
        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount = amount").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("select count(*) from ledger_entry").query(Long.class).single()).isZero();
    }

    private HttpResponse<String> get(int toPort, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void asAdmin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, ADMIN, ADMIN_PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
