package org.collectionorchestrator.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collectionorchestrator.payment.bankfile.AccountReport;
import org.collectionorchestrator.payment.bankfile.BankEntry;
import org.collectionorchestrator.payment.bankfile.BankTransaction;

/**
 * What each transaction of an account report is for, before anything is looked up: a payment to book, a reversal
 * to apply, or a line only reported (pending, debit, information) or quarantined (wrong), with its reason. Only
 * booked credits become payments.
 */
final class StatementPlan {

    enum Kind { PAYMENT, REVERSAL, IGNORED, QUARANTINED }

    /** One transaction of one entry and what it is for. */
    record Line(BankEntry entry, BankTransaction transaction, Kind kind, String reason) {
    }

    private StatementPlan() {
    }

    /** @param accountCurrency the currency of the creditor's account the report is for */
    static List<Line> of(AccountReport report, String accountCurrency) {
        List<Line> lines = new ArrayList<>();
        for (BankEntry entry : report.entries()) {
            for (BankTransaction transaction : entry.transactions()) {
                lines.add(classify(entry, transaction, accountCurrency));
            }
            if (entry.transactions().isEmpty()) {
                lines.add(new Line(entry, null, Kind.QUARANTINED, entry.problem() != null ? entry.problem() : "entry has no amount"));
            }
        }
        return lines;
    }

    /** Reported lines first (whatever else is wrong with them), then what is wrong, then what books. */
    private static Line classify(BankEntry entry, BankTransaction transaction, String accountCurrency) {
        if (!entry.booked()) {
            String status = entry.status() == null ? "none" : entry.status();
            return new Line(entry, transaction, Kind.IGNORED, "status " + status + ": " + describe(status) + ", not booked");
        }
        if (entry.credit() && entry.reversal()) {
            return new Line(entry, transaction, Kind.IGNORED, "reversal of a debit: not a payment to the creditor");
        }
        if (!entry.credit() && !entry.reversal()) {
            return new Line(entry, transaction, Kind.IGNORED, "debit: money out of the account, not a payment");
        }
        if (entry.problem() != null) {
            return new Line(entry, transaction, Kind.QUARANTINED, entry.problem());
        }
        if (transaction.problem() != null) {
            return new Line(entry, transaction, Kind.QUARANTINED, transaction.problem());
        }
        if (!transaction.currency().equals(accountCurrency)) {
            return new Line(entry, transaction, Kind.QUARANTINED, "amount in " + transaction.currency()
                    + " on an account in " + accountCurrency);
        }
        return new Line(entry, transaction, entry.reversal() ? Kind.REVERSAL : Kind.PAYMENT, null);
    }

    private static String describe(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "PDNG" -> "pending";
            case "INFO" -> "information only";
            default -> "not a booking";
        };
    }
}
