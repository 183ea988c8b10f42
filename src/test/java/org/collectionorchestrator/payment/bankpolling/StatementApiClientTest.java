package org.collectionorchestrator.payment.bankpolling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collectionorchestrator.payment.bankpolling.TestBank.ACCOUNT;
import static org.collectionorchestrator.payment.bankpolling.TestBank.TOKEN_PATH;
import static org.collectionorchestrator.payment.bankpolling.TestBank.list;
import static org.collectionorchestrator.payment.bankpolling.TestBank.listing;
import static org.collectionorchestrator.payment.bankpolling.TestBank.statement;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statement API client against a WireMock bank: time limit, retries, circuit breaker and OAuth2 tokens. */
class StatementApiClientTest {

    private final WireMockServer bank = new WireMockServer(options().dynamicPort());
    private StatementApiClient client;

    @BeforeEach
    void start() {
        bank.start();
        TestBank.token(bank, "token-1", 3600);
        client = client();
    }

    @AfterEach
    void stop() {
        bank.stop();
    }

    private StatementApiClient client() {
        return new StatementApiClient(TestBank.connection(bank, "cred-1", List.of(ACCOUNT)), Clock.systemUTC(),
                RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults());
    }

    @Test
    void listsTheStatementsAfterTheCursorOldestFirstEachOnce() {
        bank.stubFor(listing(ACCOUNT).withQueryParam("after", equalTo("s-0")).willReturn(okJson(list(
                "s-2", "2026-12-01T06:00:00Z", "s-1", "2026-11-30T06:00:00+01:00", "s-2", "2026-12-01T06:00:00Z"))));

        List<StatementRef> statements = client.statementsAfter(ACCOUNT, Optional.of("s-0"));

        assertThat(statements).extracting(StatementRef::id).containsExactly("s-1", "s-2");
        assertThat(statements.getFirst().createdAt()).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        bank.verify(getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements"))
                .withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void theFirstListingHasNoCursor() {
        bank.stubFor(listing(ACCOUNT).willReturn(okJson("[]")));

        assertThat(client.statementsAfter(ACCOUNT, Optional.empty())).isEmpty();

        assertThat(bank.findAll(getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements"))))
                .singleElement().satisfies(request -> assertThat(request.getQueryParams()).doesNotContainKey("after"));
    }

    @Test
    void theClientCredentialsGoAsBasicAuthenticationAndTheTokenIsKeptUntilItExpires() {
        bank.stubFor(listing(ACCOUNT).willReturn(okJson("[]")));

        client.statementsAfter(ACCOUNT, Optional.empty());
        client.statementsAfter(ACCOUNT, Optional.empty());

        String basic = Base64.getEncoder().encodeToString("client-1:s3cret%2F%2B".getBytes(StandardCharsets.UTF_8));
        bank.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(equalTo("grant_type=client_credentials")));
    }

    @Test
    void aTokenAboutToExpireIsRenewed() {
        TestBank.token(bank, "short", AccessTokens.EARLY_RENEWAL.toSeconds());
        bank.stubFor(listing(ACCOUNT).willReturn(okJson("[]")));

        client.statementsAfter(ACCOUNT, Optional.empty());
        client.statementsAfter(ACCOUNT, Optional.empty());

        bank.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aSlowBankTimesOutAndTheNextAttemptSucceeds() {
        BankConnection patient = TestBank.connection(bank, "cred-1", List.of(ACCOUNT));
        client = new StatementApiClient(new BankConnection(patient.creditorId(), patient.baseUrl(), patient.tokenUrl(),
                patient.clientId(), patient.clientSecret(), "", patient.accounts(), patient.timeout(),
                patient.downloadTimeout(), new BankConnection.Retry(3, Duration.ofMillis(700), 1.0, Duration.ofSeconds(1)),
                patient.circuitBreaker()), Clock.systemUTC(), RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults());
        // WireMock moves the scenario on once the slow answer is out (after 1.5 s); the retry comes after 1 + 0.7 s.
        bank.stubFor(listing(ACCOUNT).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson("[]").withFixedDelay(1_500)).willSetStateTo("fast"));
        bank.stubFor(listing(ACCOUNT).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson(list("s-1", "2026-12-01T06:00:00Z"))));

        assertThat(client.statementsAfter(ACCOUNT, Optional.empty())).extracting(StatementRef::id).containsExactly("s-1");

        bank.verify(2, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUntilTheBankAnswers() {
        bank.stubFor(listing(ACCOUNT).inScenario("500s").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("again"));
        bank.stubFor(listing(ACCOUNT).inScenario("500s").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        bank.stubFor(listing(ACCOUNT).inScenario("500s").whenScenarioStateIs("up")
                .willReturn(okJson(list("s-1", "2026-12-01T06:00:00Z"))));

        assertThat(client.statementsAfter(ACCOUNT, Optional.empty())).hasSize(1);

        bank.verify(3, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }

    @Test
    void aBankThatStaysDownFailsAfterTheLastAttempt() {
        bank.stubFor(listing(ACCOUNT).willReturn(serverError()));

        assertThatThrownBy(() -> client.statementsAfter(ACCOUNT, Optional.empty()))
                .isInstanceOf(BankUnavailableException.class).hasMessageContaining("500");

        bank.verify(3, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }

    @Test
    void a401RenewsTheTokenOnceAndGoesOn() {
        TestBank.token(bank, "token-1", 3600);
        bank.stubFor(listing(ACCOUNT).inScenario("401").whenScenarioStateIs(STARTED)
                .willReturn(unauthorized()).willSetStateTo("renewed"));
        bank.stubFor(listing(ACCOUNT).inScenario("401").whenScenarioStateIs("renewed").willReturn(okJson("[]")));

        assertThat(client.statementsAfter(ACCOUNT, Optional.empty())).isEmpty();

        bank.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        bank.verify(2, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }

    @Test
    void a401WithAFreshTokenTooFailsWithoutRetrying() {
        bank.stubFor(listing(ACCOUNT).willReturn(unauthorized()));

        assertThatThrownBy(() -> client.statementsAfter(ACCOUNT, Optional.empty()))
                .isInstanceOf(BankRefusedException.class).hasMessageContaining("401");

        bank.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        bank.verify(2, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }

    @Test
    void refusedClientCredentialsFailWithoutRetrying() {
        bank.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_client\"}")));

        assertThatThrownBy(() -> client.statementsAfter(ACCOUNT, Optional.empty()))
                .isInstanceOf(BankRefusedException.class).hasMessageContaining("client credentials")
                .hasMessageNotContaining("s3cret");

        bank.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aStatementIsDownloadedToATemporaryFile() throws Exception {
        bank.stubFor(statement("s-1").willReturn(TestBank.xml("<Document/>")));

        Path file = client.download("s-1");
        try {
            assertThat(Files.readString(file)).isEqualTo("<Document/>");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBankThatKeepsFailingIsNoLongerCalledOnceTheCircuitIsOpen() {
        bank.stubFor(listing(ACCOUNT).willReturn(serverError()));
        for (int run = 0; run < 3; run++) {
            assertThatThrownBy(() -> client.statementsAfter(ACCOUNT, Optional.empty()))
                    .isInstanceOf(BankUnavailableException.class);
        }
        // The 10th call fills the window: the circuit opens and the retry after it is not let through.
        assertThatThrownBy(() -> client.statementsAfter(ACCOUNT, Optional.empty())).isInstanceOf(CallNotPermittedException.class);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        bank.resetRequests();

        assertThatThrownBy(() -> client.statementsAfter(ACCOUNT, Optional.empty()))
                .isInstanceOf(CallNotPermittedException.class);
        bank.verify(0, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }
}
