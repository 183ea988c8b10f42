package org.collectionorchestrator.payment.bankpolling;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.collectionorchestrator.payment.bankpolling.TestBank.ACCOUNT;
import static org.collectionorchestrator.payment.bankpolling.TestBank.list;
import static org.collectionorchestrator.payment.bankpolling.TestBank.listing;
import static org.collectionorchestrator.payment.bankpolling.TestBank.statement;
import static org.collectionorchestrator.payment.bankpolling.TestBank.xml;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collectionorchestrator.local.EngineRecords;
import org.collectionorchestrator.payment.BankStatementImport;
import org.collectionorchestrator.payment.ImportSummary;
import org.collectionorchestrator.payment.bankfile.BankFileRejectedException;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.collectionorchestrator.support.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * "Bank statement polling" on the in-memory engine: its timer starts it, the worker polls a WireMock bank with one
 * connection, and a failure ends as an incident (never a silent gap) while the cursor stays. The import is a mock
 * here (the real one: {@code BankPollingWithRealImportTest}). A context of its own: the only one with a connection.
 * It is closed after the class: a second context left running would relay the shared outbox with no engine client
 * of its own and fail the other tests' messages.
 */
@DirtiesContext
class BankStatementPollingProcessTest extends ApplicationTestSupport {

    private static final String CREDITOR = "bank-polling-test";
    private static final WireMockServer BANK = new WireMockServer(options().dynamicPort());

    static {
        BANK.start();
    }

    @DynamicPropertySource
    static void connection(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry);
        String prefix = "collection.bank-polling.connections[0].";
        registry.add(prefix + "creditor-id", () -> CREDITOR);
        registry.add(prefix + "base-url", () -> BANK.baseUrl() + "/api");
        registry.add(prefix + "token-url", () -> BANK.baseUrl() + TestBank.TOKEN_PATH);
        registry.add(prefix + "client-id", () -> "client-1");
        registry.add(prefix + "client-secret", () -> "s3cret");
        registry.add(prefix + "accounts[0]", () -> ACCOUNT);
        registry.add(prefix + "timeout", () -> "2s");
        registry.add(prefix + "retry.max-attempts", () -> "3");
        registry.add(prefix + "retry.first-backoff", () -> "10ms");
        registry.add(prefix + "retry.max-backoff", () -> "50ms");
        // The failing bank of one test must not open the circuit for the next.
        registry.add(prefix + "circuit-breaker.minimum-calls", () -> "1000");
        registry.add(prefix + "circuit-breaker.sliding-window-size", () -> "1000");
    }

    @AfterAll
    static void stopBank() {
        BANK.stop();
    }

    @MockitoBean
    BankStatementImport statementImport;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshBank() {
        BANK.resetAll();
        TestBank.token(BANK, "token-1", 3600);
        rest.exchange("/api/v1/creditors/" + CREDITOR, HttpMethod.PUT,
                jsonEntity(Map.of("name", "Polled AS", "country", "NO", "currency", "NOK", "language", "nb")), String.class);
        jdbc.sql("delete from polled_bank_statement where creditor_id = ?").param(CREDITOR).update();
        jdbc.sql("delete from bank_statement_cursor where creditor_id = ?").param(CREDITOR).update();
    }

    @Test
    void everyMorningTheNewStatementsAreImportedOnceAndTheCursorMoves() {
        BANK.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-1", "2026-12-01T05:00:00Z", "s-1", "2026-12-01T05:00:00Z"))));
        BANK.stubFor(statement("s-1").willReturn(xml("<Document/>")));
        when(statementImport.importStatement(eq(CREDITOR), any())).thenReturn(
                new ImportSummary("msg-1", "camt.053", ACCOUNT, 3, 2, 2, 0, 0, List.of(), 0, List.of()));

        advancePastNextMorning();

        long instance = awaitPollingInstance(0);
        awaitProcessCompleted(instance);
        assertThat(completedElements(instance)).contains("EndEvent_StatementsImported");
        assertThat(cursor()).contains("s-1");

        advance(Duration.ofDays(1));
        awaitProcessCompleted(awaitPollingInstance(1));
        verify(statementImport, times(1)).importStatement(eq(CREDITOR), any());
        BANK.verify(1, getRequestedFor(urlPathEqualTo("/api/statements/s-1")));
    }

    @Test
    void aStatementTheImportRefusesIsAnIncidentWithTheReasonAndTheCursorStays() {
        BANK.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-7", "2026-12-01T05:00:00Z"))));
        BANK.stubFor(statement("s-7").willReturn(xml("this is no camt file")));
        when(statementImport.importStatement(eq(CREDITOR), any()))
                .thenThrow(new BankFileRejectedException(400, "not a camt.053/054 document we read"));

        advancePastNextMorning();

        IncidentRecordValue incident = awaitIncident();
        assertThat(incident.getElementId()).isEqualTo("Activity_FetchNewBankStatements");
        assertThat(incident.getErrorMessage()).contains(CREDITOR, ACCOUNT, "statement s-7", "not a camt.053/054 document");
        assertThat(cursor()).isEmpty();
    }

    @Test
    void aBankThatStaysDownEndsAsAnIncidentOnceTheRetriesAreUsedUp() {
        BANK.stubFor(listing(ACCOUNT).willReturn(serverError()));

        advancePastNextMorning();
        long instance = awaitPollingInstance(0);
        // The job's own back-off (10 s doubling) runs on engine time.
        for (int attempt = 0; attempt < 6 && incidents().isEmpty(); attempt++) {
            advance(Duration.ofMinutes(15));
        }

        IncidentRecordValue incident = awaitIncident();
        assertThat(incident.getProcessInstanceKey()).isEqualTo(instance);
        assertThat(incident.getErrorMessage()).contains("500");
        assertThat(cursor()).isEmpty();
        BANK.verify(5 * 3, getRequestedFor(urlPathEqualTo("/api/accounts/" + ACCOUNT + "/statements")));
    }

    /** The model's timer: every day at 05:00 UTC. */
    private void advancePastNextMorning() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        ZonedDateTime next = now.with(LocalTime.of(5, 0));
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        advance(Duration.between(now, next).plusMinutes(1));
    }

    private Optional<String> cursor() {
        return jdbc.sql("select last_statement_id from bank_statement_cursor where creditor_id = ? and account = ?")
                .params(CREDITOR, ACCOUNT).query(String.class).optional();
    }

    private List<Long> pollingInstances() {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .map(r -> (ProcessInstanceRecordValue) r.getValue())
                .filter(v -> v.getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(v -> v.getBpmnProcessId().equals("bank-statement-polling"))
                .map(ProcessInstanceRecordValue::getProcessInstanceKey)
                .toList();
    }

    private long awaitPollingInstance(int index) {
        return await().atMost(Duration.ofSeconds(20)).until(this::pollingInstances, keys -> keys.size() > index).get(index);
    }

    private List<IncidentRecordValue> incidents() {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
                .map(r -> (IncidentRecordValue) r.getValue())
                .filter(v -> v.getBpmnProcessId().equals("bank-statement-polling"))
                .toList();
    }

    private IncidentRecordValue awaitIncident() {
        return await().atMost(Duration.ofSeconds(30)).until(this::incidents, found -> !found.isEmpty()).getFirst();
    }
}
