package org.collectionorchestrator.payment;

import java.io.InputStream;
import java.util.List;
import org.collectionorchestrator.creditor.BankAccount;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.payment.bankfile.AccountReport;
import org.collectionorchestrator.payment.bankfile.BankFile;
import org.collectionorchestrator.payment.bankfile.BankFileRejectedException;
import org.collectionorchestrator.payment.bankfile.CamtReader;
import org.collectionorchestrator.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one ISO 20022 camt.053 or camt.054 file for a creditor, all of it or nothing: the file is read whole
 * first (a truncated or hostile file books nothing), its accounts must be the creditor's, then in one transaction
 * every booked credit becomes a payment (matched in bulk, booked, or kept for a person), every booked reversal undoes
 * the payment it names, and every line is kept with its outcome for reconciliation. A transaction already booked by
 * an earlier file (the same file again, or the camt.053 after its camt.054) is a duplicate and books nothing.
 */
@Service
public class BankStatementImport {

    private static final Logger log = LoggerFactory.getLogger(BankStatementImport.class);

    private final CreditorRepository creditors;
    private final CamtReader reader;
    private final StatementBooking booking;
    private final TransactionTemplate transaction;

    public BankStatementImport(CreditorRepository creditors, CamtReader reader, StatementBooking booking,
                               TransactionTemplate transaction) {
        this.creditors = creditors;
        this.reader = reader;
        this.booking = booking;
        this.transaction = transaction;
    }

    /**
     * @throws BankFileRejectedException when the file is not a camt document we read (problem detail 400) or its
     *         account is not one of the creditor's (422)
     */
    public ImportSummary importStatement(String creditorId, InputStream xml) {
        return importStatement(creditorId, xml, false, new Timings());
    }

    /** How long reading the file and then booking (or, for a preview, matching) took. */
    public static final class Timings {
        private long readNanos;
        private long bookNanos;

        public long readMillis() {
            return readNanos / 1_000_000;
        }

        public long bookMillis() {
            return bookNanos / 1_000_000;
        }
    }

    /**
     * Imports the file, or with {@code preview} answers what importing it would do and books nothing (reading,
     * duplicate check and matching as for an import; reversals are not looked up).
     */
    public ImportSummary importStatement(String creditorId, InputStream xml, boolean preview, Timings timings) {
        Creditor creditor = creditors.find(creditorId)
                .orElseThrow(() -> new UnprocessableException("Unknown creditor " + creditorId));
        long start = System.nanoTime();
        BankFile file = reader.read(xml);
        List<StatementBooking.Report> reports = file.reports().stream()
                .map(report -> new StatementBooking.Report(report, accountCurrency(creditor, report)))
                .toList();
        timings.readNanos = System.nanoTime() - start;
        start = System.nanoTime();
        if (preview) {
            ImportSummary summary = booking.preview(creditor, file, reports);
            timings.bookNanos = System.nanoTime() - start;
            return summary;
        }
        ImportSummary summary = transaction.execute(status -> booking.book(creditor, file, reports));
        timings.bookNanos = System.nanoTime() - start;
        log.info("Bank file {} ({}) for creditor {}: {} entries, {} payments ({} matched, {} unmatched), {} duplicates, "
                        + "{} ignored, {} reversed, {} quarantined", file.messageId(), file.messageType(), creditorId,
                summary.entries(), summary.paymentsCreated(), summary.matched(), summary.unmatched(), summary.duplicates(),
                summary.ignored().size(), summary.reversed(), summary.quarantined().size());
        return summary;
    }

    /** The currency of the creditor's account the report is for; 422 when the account is not the creditor's. */
    private static String accountCurrency(Creditor creditor, AccountReport report) {
        BankAccount account = creditor.ownsAccount(report.account()).orElseThrow(() -> new BankFileRejectedException(422,
                "Account " + report.account() + " is not one of creditor " + creditor.id() + "'s bank accounts"));
        String currency = account.currency().getCurrencyCode();
        if (report.currency() != null && !report.currency().equals(currency)) {
            throw new BankFileRejectedException(422, "Account " + report.account() + " is in " + currency
                    + " but the file reports it in " + report.currency());
        }
        return currency;
    }
}
