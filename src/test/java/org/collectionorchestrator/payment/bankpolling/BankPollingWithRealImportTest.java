package org.collectionorchestrator.payment.bankpolling;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.collectionorchestrator.payment.bankpolling.TestBank.list;
import static org.collectionorchestrator.payment.bankpolling.TestBank.listing;
import static org.collectionorchestrator.payment.bankpolling.TestBank.statement;
import static org.collectionorchestrator.payment.bankpolling.TestBank.xml;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.payment.BankStatementImport;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Polling with the real {@link BankStatementImport} and the real cursors, on the shared application context (the
 * connection is built here, so no context of its own): the payment is booked once, and the cursor moves with it.
 */
class BankPollingWithRealImportTest extends ApplicationTestSupport {

    private static final String ACCOUNT = "NO9386011117947";

    private final WireMockServer bank = new WireMockServer(options().dynamicPort());

    @Autowired
    BankStatementImport statementImport;
    @Autowired
    JdbcStatementCursors cursors;

    @BeforeEach
    void start() {
        bank.start();
        TestBank.token(bank, "token-1", 3600);
    }

    @AfterEach
    void stop() {
        bank.stop();
    }

    @Test
    void aPolledStatementBooksItsPaymentOnceAndTheCursorMoves() {
        String creditor = unique("polled");
        rest.exchange("/api/v1/creditors/" + creditor, HttpMethod.PUT, jsonEntity(Map.of("name", "Polled AS",
                "country", "NO", "currency", "NOK", "language", "nb",
                "banking", Map.of("bankAccounts", List.of(Map.of("account", ACCOUNT, "currency", "NOK"))))), String.class);
        bank.stubFor(listing(ACCOUNT).willReturn(okJson(list("s-1", "2026-12-01T05:00:00Z", "s-1", "2026-12-01T05:00:00Z"))));
        bank.stubFor(statement("s-1").willReturn(xml(camt053(ACCOUNT))));
        BankStatementPolling polling = new BankStatementPolling(
                new BankPollingProperties(true, List.of(TestBank.connection(bank, creditor, List.of(ACCOUNT)))),
                statementImport, cursors, connection -> new StatementApiClient(connection, clock,
                        RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults()));

        BankStatementPolling.PollResult first = polling.pollAll();
        BankStatementPolling.PollResult second = polling.pollAll();

        assertThat(first.statementsImported()).isEqualTo(1);
        assertThat(first.paymentsCreated()).isEqualTo(1);
        assertThat(second.statementsImported()).isZero();
        assertThat(cursors.lastStatementId(creditor, ACCOUNT)).contains("s-1");
    }

    /** One booked credit of 100.00 NOK with a KID. */
    private static String camt053(String account) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>POLL-1</MsgId><CreDtTm>2026-12-01T05:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-1</Id><CreDtTm>2026-12-01T05:00:00</CreDtTm>
                      <Acct><Id><IBAN>%s</IBAN></Id><Ccy>NOK</Ccy></Acct>
                      <Ntry>
                        <NtryRef>1</NtryRef><Amt Ccy="NOK">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt>
                        <AcctSvcrRef>POLL-REF-1</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls>
                          <Refs><AcctSvcrRef>POLL-TX-1</AcctSvcrRef></Refs>
                          <AmtDtls><TxAmt><Amt Ccy="NOK">100.00</Amt></TxAmt></AmtDtls>
                          <RltdPties><Dbtr><Nm>Kari Nordmann</Nm></Dbtr></RltdPties>
                          <RmtInf><Strd><CdtrRefInf><Ref>1234567897</Ref></CdtrRefInf></Strd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(account);
    }
}
