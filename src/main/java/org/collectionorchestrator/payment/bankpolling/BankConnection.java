package org.collectionorchestrator.payment.bankpolling;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One creditor's statement API ({@code collection.bank-polling.connections[n].*}). The client secret comes from the
 * environment and never appears in {@link #toString()} or a log line.
 *
 * @param creditorId      whose statements these are; the import checks that each account belongs to the creditor
 * @param baseUrl         the statement API, e.g. {@code https://api.bank.example/statements/v1}
 * @param tokenUrl        the OAuth2 token endpoint (client credentials grant)
 * @param clientId        OAuth2 client id
 * @param clientSecret    OAuth2 client secret (e.g. {@code ${BANK_ACME_CLIENT_SECRET}})
 * @param scope           OAuth2 scope to ask for; empty for none
 * @param accounts        the accounts to poll, as the bank names them in its API (IBAN or account number)
 * @param timeout         the longest a token or list call may take
 * @param downloadTimeout the longest one statement download may take
 * @param retry           retries of a call that failed for a technical reason (timeout, 5xx, 429, connection)
 * @param circuitBreaker  when to stop calling a bank that keeps failing
 */
public record BankConnection(
        String creditorId,
        URI baseUrl,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("") String scope,
        @DefaultValue List<String> accounts,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("5m") Duration downloadTimeout,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    public BankConnection {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        scope = scope == null ? "" : scope;
        retry = retry == null ? new Retry(4, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1)) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(50, 10, 5, Duration.ofMinutes(5)) : circuitBreaker;
    }

    /**
     * @param maxAttempts  attempts per call, the first included
     * @param firstBackoff wait after the first failed attempt
     * @param multiplier   each further wait is this many times the one before
     * @param maxBackoff   the longest wait
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("2s") Duration firstBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("1m") Duration maxBackoff) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls (of the last {@code slidingWindowSize}) that opens it
     * @param slidingWindowSize    calls looked at
     * @param minimumCalls         calls needed before the rate counts
     * @param waitInOpenState      how long no call goes to the bank once open
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("5m") Duration waitInOpenState) {
    }

    /** The name of this connection's Resilience4j instances and in log lines. */
    public String name() {
        return "bank-" + creditorId;
    }

    @Override
    public String toString() {
        return "BankConnection[creditorId=" + creditorId + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl
                + ", clientId=" + clientId + ", clientSecret=***, accounts=" + accounts + "]";
    }
}
