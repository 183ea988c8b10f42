package org.collectionorchestrator.payment.bankpolling;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collectionorchestrator.payment.bankpolling.TestBank.ACCOUNT;
import static org.collectionorchestrator.payment.bankpolling.TestBank.list;
import static org.collectionorchestrator.payment.bankpolling.TestBank.listing;
import static org.collectionorchestrator.payment.bankpolling.TestBank.statement;
import static org.collectionorchestrator.payment.bankpolling.TestBank.xml;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.collectionorchestrator.payment.BankStatementImport;
import org.collectionorchestrator.payment.ImportSummary;
import org.collectionorchestrator.payment.bankfile.BankFileRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polling against a WireMock bank with a fake import (the real one is the lead's; see
 * {@code BankPollingWithRealImportTest}) and in-memory cursors: order, once only, and no gap after a failure.
 */
class BankStatementPollingTest {

    private static final String CREDITOR = "cred-1";
    private static final String OTHER_ACCOUNT = "NO0215069000006";

    private final WireMockServer bank = new WireMockServer(options().dynamicPort());
    private final BankStatementImport statementImport = mock(BankStatementImport.class);
    private final InMemoryCursors cursors = new InMemoryCursors();
    /** What the fake import was given, in order. */
    private final List<String> imported = new ArrayList<>();

    @BeforeEach
    void start() {
        bank.start();
        TestBank.token(bank, "token-1", 3600);
        when(statementImport.importStatement(eq(CREDITOR), any())).thenAnswer(call -> {
            String body = read(call.getArgument(1));
            if (body.contains("broken")) {
                throw new BankFileRejectedException(400, "not a camt.053/054 document we read");
            }
            imported.add(body);
            return summary(body);
        });
    }

    @AfterEach
    void stop() {
        bank.stop();
    }

    private BankStatementPolling polling(List<String> accounts) {
        BankPollingProperties properties = new BankPollingProperties(true,
                List.of(TestBank.connection(bank, CREDITOR, accounts)));
        return new BankStatementPolling(properties, statementImport, cursors, connection ->
                new StatementApiClient(connection, Clock.systemUTC(), RetryRegistry.ofDefaults(),
                        CircuitBreakerRegistry.ofDefaults()));
    }

    @Test
    void importsTheNewStatementsOldestFirstAndMovesTheCursorWithEach() {
        bank.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-2", "2026-12-01T05:00:00Z", "s-1", "2026-11-30T05:00:00Z"))));
        bank.stubFor(listing(ACCOUNT).withQueryParam("after", equalTo("s-2")).atPriority(1).willReturn(okJson("[]")));
        bank.stubFor(statement("s-1").willReturn(xml("<one/>")));
        bank.stubFor(statement("s-2").willReturn(xml("<two/>")));

        BankStatementPolling.PollResult result = polling(List.of(ACCOUNT)).pollAll();

        assertThat(imported).containsExactly("<one/>", "<two/>");
        assertThat(result).isEqualTo(new BankStatementPolling.PollResult(1, 2, 2));
        assertThat(cursors.lastStatementId(CREDITOR, ACCOUNT)).contains("s-2");
    }

    @Test
    void theSameStatementListedTwiceIsImportedOnce() {
        bank.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-1", "2026-12-01T05:00:00Z", "s-1", "2026-12-01T05:00:00Z"))));
        bank.stubFor(statement("s-1").willReturn(xml("<one/>")));
        BankStatementPolling polling = polling(List.of(ACCOUNT));

        polling.pollAll();
        // The bank ignores "after" and lists it again the next day.
        BankStatementPolling.PollResult nextDay = polling.pollAll();

        assertThat(imported).containsExactly("<one/>");
        assertThat(nextDay.statementsImported()).isZero();
        bank.verify(1, getRequestedFor(urlPathEqualTo("/api/statements/s-1")));
    }

    @Test
    void aRefusedStatementStopsTheAccountThereWithTheReasonAndTheCursorStays() {
        cursors.imported(CREDITOR, ACCOUNT, "s-0");
        bank.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-1", "2026-12-01T05:00:00Z", "s-2", "2026-12-02T05:00:00Z",
                "s-3", "2026-12-03T05:00:00Z"))));
        bank.stubFor(statement("s-1").willReturn(xml("<one/>")));
        bank.stubFor(statement("s-2").willReturn(xml("broken")));
        bank.stubFor(statement("s-3").willReturn(xml("<three/>")));

        assertThatThrownBy(() -> polling(List.of(ACCOUNT)).pollAll())
                .isInstanceOfSatisfying(BankPollingFailedException.class, e -> {
                    assertThat(e.needsOperator()).isTrue();
                    assertThat(e.getMessage()).contains(ACCOUNT, "statement s-2", "400", "not a camt.053/054 document");
                });

        assertThat(imported).as("nothing after the refused one").containsExactly("<one/>");
        assertThat(cursors.lastStatementId(CREDITOR, ACCOUNT)).contains("s-1");
        bank.verify(0, getRequestedFor(urlPathEqualTo("/api/statements/s-3")));
    }

    @Test
    void aFailingAccountDoesNotHoldUpTheOthers() {
        bank.stubFor(listing(ACCOUNT).willReturn(serverError()));
        bank.stubFor(listing(OTHER_ACCOUNT).willReturn(okJson(list("o-1", "2026-12-01T05:00:00Z"))));
        bank.stubFor(statement("o-1").willReturn(xml("<other/>")));

        assertThatThrownBy(() -> polling(List.of(ACCOUNT, OTHER_ACCOUNT)).pollAll())
                .isInstanceOfSatisfying(BankPollingFailedException.class, e -> {
                    assertThat(e.needsOperator()).as("a bank that is down may come back").isFalse();
                    assertThat(e.failures()).singleElement().extracting(BankPollingFailedException.AccountFailure::account)
                            .isEqualTo(ACCOUNT);
                });

        assertThat(imported).containsExactly("<other/>");
        assertThat(cursors.lastStatementId(CREDITOR, ACCOUNT)).isEmpty();
        assertThat(cursors.lastStatementId(CREDITOR, OTHER_ACCOUNT)).contains("o-1");
    }

    @Test
    void aStatementThatCannotBeDownloadedIsNotSkipped() {
        bank.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-1", "2026-12-01T05:00:00Z", "s-2", "2026-12-02T05:00:00Z"))));
        bank.stubFor(statement("s-1").willReturn(serverError()));
        bank.stubFor(statement("s-2").willReturn(xml("<two/>")));

        assertThatThrownBy(() -> polling(List.of(ACCOUNT)).pollAll()).isInstanceOf(BankPollingFailedException.class)
                .hasMessageContaining("statement s-1");

        assertThat(imported).isEmpty();
        assertThat(cursors.lastStatementId(CREDITOR, ACCOUNT)).isEmpty();
    }

    @Test
    void withNoConnectionNothingIsCalled() {
        BankStatementPolling polling = new BankStatementPolling(new BankPollingProperties(true, List.of()),
                statementImport, cursors, connection -> {
                    throw new AssertionError("no client without a connection");
                });

        assertThat(polling.pollAll()).isEqualTo(new BankStatementPolling.PollResult(0, 0, 0));
        verifyNoInteractions(statementImport);
    }

    @Test
    void switchedOffNothingIsPolled() {
        BankStatementPolling polling = new BankStatementPolling(new BankPollingProperties(false,
                List.of(TestBank.connection(bank, CREDITOR, List.of(ACCOUNT)))), statementImport, cursors, connection -> {
                    throw new AssertionError("no client while switched off");
                });

        assertThat(polling.pollAll().statementsImported()).isZero();
        assertThat(bank.getAllServeEvents()).isEmpty();
    }

    private static ImportSummary summary(String body) {
        return new ImportSummary("msg-" + body, "camt.053", ACCOUNT, 1, 1, 1, 0, 0, List.of(), 0, List.of());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cursors as {@link JdbcStatementCursors} keeps them, without the database: recorded only when the import returned. */
    static final class InMemoryCursors implements StatementCursors {

        private final Map<String, String> last = new HashMap<>();
        private final Set<String> done = new LinkedHashSet<>();

        void imported(String creditorId, String account, String statementId) {
            last.put(creditorId + "|" + account, statementId);
            done.add(creditorId + "|" + account + "|" + statementId);
        }

        @Override
        public Optional<String> lastStatementId(String creditorId, String account) {
            return Optional.ofNullable(last.get(creditorId + "|" + account));
        }

        @Override
        public boolean alreadyImported(String creditorId, String account, String statementId) {
            return done.contains(creditorId + "|" + account + "|" + statementId);
        }

        @Override
        public synchronized Optional<ImportSummary> importOnce(String creditorId, String account, String statementId,
                                                               Supplier<ImportSummary> importStatement) {
            if (alreadyImported(creditorId, account, statementId)) {
                return Optional.empty();
            }
            ImportSummary summary = importStatement.get();
            imported(creditorId, account, statementId);
            return Optional.of(summary);
        }
    }
}
