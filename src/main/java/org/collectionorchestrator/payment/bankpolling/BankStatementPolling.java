package org.collectionorchestrator.payment.bankpolling;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.collectionorchestrator.payment.BankStatementImport;
import org.collectionorchestrator.payment.ImportSummary;
import org.collectionorchestrator.payment.bankfile.BankFileRejectedException;
import org.collectionorchestrator.payment.bankpolling.BankPollingFailedException.AccountFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Polls every configured bank connection: for each account, lists the statements after the last imported one,
 * downloads and imports them oldest first, and moves the cursor with each import. An account stops at the first
 * statement that fails (the statements after it wait, so nothing is skipped); the other accounts go on. Then, if any
 * account failed, {@link BankPollingFailedException} says which and why.
 */
@Service
public class BankStatementPolling {

    /** Listings per account and run at most: a bank that keeps listing new statements cannot keep the job for ever. */
    static final int MAX_LISTINGS = 100;

    private static final Logger log = LoggerFactory.getLogger(BankStatementPolling.class);

    private final BankPollingProperties properties;
    private final BankStatementImport statementImport;
    private final StatementCursors cursors;
    private final Function<BankConnection, StatementApiClient> clientFactory;
    private final Map<String, StatementApiClient> clients = new ConcurrentHashMap<>();

    @Autowired
    public BankStatementPolling(BankPollingProperties properties, BankStatementImport statementImport,
                                JdbcStatementCursors cursors, Clock clock, RetryRegistry retries,
                                CircuitBreakerRegistry breakers) {
        this(properties, statementImport, cursors, connection -> new StatementApiClient(connection, clock, retries, breakers));
    }

    BankStatementPolling(BankPollingProperties properties, BankStatementImport statementImport, StatementCursors cursors,
                         Function<BankConnection, StatementApiClient> clientFactory) {
        this.properties = properties;
        this.statementImport = statementImport;
        this.cursors = cursors;
        this.clientFactory = clientFactory;
    }

    /** What one run did. */
    public record PollResult(int connections, int statementsImported, int paymentsCreated) {
    }

    /**
     * @throws BankPollingFailedException after polling everything else, when an account stopped at a failure
     */
    public PollResult pollAll() {
        List<BankConnection> connections = properties.active();
        List<AccountFailure> failures = new ArrayList<>();
        int imported = 0;
        int payments = 0;
        for (BankConnection connection : connections) {
            StatementApiClient client = clients.computeIfAbsent(connection.name(), name -> clientFactory.apply(connection));
            for (String account : connection.accounts()) {
                AccountRun run = new AccountRun(connection.creditorId(), account, client);
                try {
                    run.poll();
                } catch (RuntimeException e) {
                    failures.add(run.failure(e));
                    log.warn("Bank polling of {} account {} stopped at statement {}: {}", connection.name(), account,
                            run.current, e.toString());
                }
                imported += run.imported;
                payments += run.payments;
            }
        }
        if (!failures.isEmpty()) {
            throw new BankPollingFailedException(failures);
        }
        return new PollResult(connections.size(), imported, payments);
    }

    private final class AccountRun {

        private final String creditorId;
        private final String account;
        private final StatementApiClient client;
        private String current;
        private int imported;
        private int payments;

        AccountRun(String creditorId, String account, StatementApiClient client) {
            this.creditorId = creditorId;
            this.account = account;
            this.client = client;
        }

        void poll() {
            Optional<String> after = cursors.lastStatementId(creditorId, account);
            for (int listing = 0; listing < MAX_LISTINGS; listing++) {
                boolean anyNew = false;
                for (StatementRef statement : client.statementsAfter(account, after)) {
                    current = statement.id();
                    Optional<ImportSummary> summary = importOnce(statement.id());
                    summary.ifPresent(this::count);
                    anyNew |= summary.isPresent();
                    after = Optional.of(statement.id());
                }
                current = null;
                if (!anyNew) {
                    return;
                }
            }
            log.info("Bank polling of {} account {}: {} listings this run; the rest follows in the next run",
                    creditorId, account, MAX_LISTINGS);
        }

        private Optional<ImportSummary> importOnce(String statementId) {
            if (cursors.alreadyImported(creditorId, account, statementId)) {
                return Optional.empty();
            }
            Path file = client.download(statementId);
            try {
                return cursors.importOnce(creditorId, account, statementId, () -> {
                    try (InputStream xml = Files.newInputStream(file)) {
                        return statementImport.importStatement(creditorId, xml);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the downloaded statement {}: {}", file, e.toString());
                }
            }
        }

        private void count(ImportSummary summary) {
            imported++;
            payments += summary == null ? 0 : summary.paymentsCreated();
            log.info("Bank statement {} of {} account {} imported: {}", current, creditorId, account, summary);
        }

        AccountFailure failure(RuntimeException e) {
            boolean refused = e instanceof BankFileRejectedException || e instanceof BankRefusedException;
            String reason = switch (e) {
                case BankFileRejectedException rejected -> "the import refused it (" + rejected.status() + "): "
                        + rejected.getMessage();
                case CallNotPermittedException open -> "the bank failed too often lately; calls paused ("
                        + open.getMessage() + ")";
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            };
            return new AccountFailure(creditorId, account, current, reason, refused);
        }
    }
}
