package org.collectionorchestrator.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.BankStatementRecords.Row;
import org.collectionorchestrator.payment.ImportSummary.Skipped;
import org.collectionorchestrator.payment.PaymentRows.NewPayment;
import org.collectionorchestrator.payment.StatementPlan.Kind;
import org.collectionorchestrator.payment.StatementPlan.Line;
import org.collectionorchestrator.payment.bankfile.AccountReport;
import org.collectionorchestrator.payment.matching.UnmatchedPayments;
import org.collectionorchestrator.payment.bankfile.BankFile;
import org.collectionorchestrator.payment.bankfile.BankTransaction;
import org.collectionorchestrator.web.RequestFingerprint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books one read bank file in the caller's transaction: duplicates found and payments matched in bulk (a fixed number
 * of queries for the file), then each new payment stored and booked, each reversal applied, each line kept.
 */
@Service
class StatementBooking {

    private static final String REVERSAL_APPLIED_BEFORE = "reversal applied by an earlier file";

    private final PaymentRows rows;
    private final MatchIndexLoader matching;
    private final PaymentBooking booking;
    private final PaymentReversals reversals;
    private final BankStatementRecords records;
    private final UnmatchedPayments unmatchedPayments;

    StatementBooking(PaymentRows rows, MatchIndexLoader matching, PaymentBooking booking, PaymentReversals reversals,
                     BankStatementRecords records, UnmatchedPayments unmatchedPayments) {
        this.rows = rows;
        this.matching = matching;
        this.booking = booking;
        this.reversals = reversals;
        this.records = records;
        this.unmatchedPayments = unmatchedPayments;
    }

    /** An account report of the file with the currency of the creditor's account it is for. */
    record Report(AccountReport report, String accountCurrency) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ImportSummary book(Creditor creditor, BankFile file, List<Report> reports) {
        Tally tally = new Tally();
        for (Report report : reports) {
            bookReport(creditor, file, report, tally);
        }
        String accounts = String.join(",", reports.stream().map(r -> r.report().account()).distinct().toList());
        return new ImportSummary(file.messageId(), file.messageType(), accounts, tally.entries, tally.created,
                tally.matched, tally.unmatched, tally.duplicates, tally.ignored, tally.reversed, tally.quarantined);
    }

    /**
     * What importing the file would do, without booking anything: the same reading, duplicate check and matching
     * (reversals are not looked up). For a person checking a file first, and for measuring matching alone.
     */
    @Transactional(readOnly = true)
    ImportSummary preview(Creditor creditor, BankFile file, List<Report> reports) {
        Tally tally = new Tally();
        for (Report report : reports) {
            tally.entries += report.report().entries().size();
            List<Line> lines = StatementPlan.of(report.report(), report.accountCurrency());
            List<Line> fresh = fresh(creditor, lines);
            List<PaymentMatch> matches = match(creditor, fresh);
            tally.created += fresh.size();
            tally.matched += (int) matches.stream().filter(PaymentMatch::matched).count();
            tally.unmatched += (int) matches.stream().filter(m -> !m.matched()).count();
            tally.duplicates += (int) lines.stream().filter(l -> l.kind() == Kind.PAYMENT).count() - fresh.size();
            summariseSkipped(lines, Map.of(), tally);
        }
        String accounts = String.join(",", reports.stream().map(r -> r.report().account()).distinct().toList());
        return new ImportSummary(file.messageId(), file.messageType(), accounts, tally.entries, tally.created,
                tally.matched, tally.unmatched, tally.duplicates, tally.ignored, tally.reversed, tally.quarantined);
    }

    /** The payment lines no earlier file booked, each key once. */
    private List<Line> fresh(Creditor creditor, List<Line> lines) {
        List<Line> payments = lines.stream().filter(l -> l.kind() == Kind.PAYMENT).toList();
        Set<String> seen = rows.existing(creditor.id(), payments.stream().map(l -> l.transaction().key()).toList());
        List<Line> fresh = new ArrayList<>();
        Set<String> keysInFile = new HashSet<>();
        for (Line line : payments) {
            if (!seen.contains(line.transaction().key()) && keysInFile.add(line.transaction().key())) {
                fresh.add(line);
            }
        }
        return fresh;
    }

    private List<PaymentMatch> match(Creditor creditor, List<Line> fresh) {
        return matching.matchAll(creditor.id(), fresh.stream().map(l -> PaymentFacts.of(l.transaction())).toList());
    }

    private void bookReport(Creditor creditor, BankFile file, Report report, Tally tally) {
        AccountReport account = report.report();
        tally.entries += account.entries().size();
        List<Line> lines = StatementPlan.of(account, report.accountCurrency());
        UUID statementId = records.insertStatement(creditor.id(), account.account(), file.messageId(),
                file.messageType(), account.reportId());
        Map<Line, UUID> paymentOf = bookPayments(creditor, file, statementId, fresh(creditor, lines), tally);
        Map<Line, String> reversalOutcome = applyReversals(creditor, file, lines, tally);
        records.insertLines(statementId, rows(lines, paymentOf, reversalOutcome, tally));
        summariseSkipped(lines, reversalOutcome, tally);
    }

    /**
     * Stores the new payments in one round trip, then books each matched one and hands each unmatched one to a
     * person; answers the payment of each line this import stored (a concurrent import may have stored some first).
     */
    private Map<Line, UUID> bookPayments(Creditor creditor, BankFile file, UUID statementId, List<Line> fresh,
                                         Tally tally) {
        List<PaymentMatch> matches = match(creditor, fresh);
        List<NewPayment> newPayments = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            newPayments.add(newPayment(creditor, file, statementId, fresh.get(i), matches.get(i)));
        }
        Set<UUID> stored = rows.insertAll(newPayments);
        // Lines are compared as the objects they are: two transactions of a file may read alike.
        Map<Line, UUID> paymentOf = new IdentityHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            NewPayment payment = newPayments.get(i);
            if (!stored.contains(payment.id())) {
                continue;
            }
            paymentOf.put(fresh.get(i), payment.id());
            tally.created++;
            PaymentMatch match = matches.get(i);
            if (match.matched()) {
                tally.matched++;
                PaymentBooking.Booked result = booking.book(creditor, match.targets(), match.customerId(),
                        payment.amount(), payment.bookingDate(), payment.bankTransactionId());
                rows.recordBooking(payment.id(), result, Money.zero(payment.amount().currency()));
            } else {
                tally.unmatched++;
                unmatchedPayments.awaitMatch(payment.id());
            }
        }
        return paymentOf;
    }

    /** Every line with what became of it, for reconciliation; counts the duplicate payments. */
    private List<Row> rows(List<Line> lines, Map<Line, UUID> paymentOf, Map<Line, String> reversalOutcome, Tally tally) {
        List<Row> rowsOut = new ArrayList<>();
        int number = 0;
        for (Line line : lines) {
            number++;
            String reason = line.kind() == Kind.REVERSAL ? reversalOutcome.get(line) : line.reason();
            String outcome = switch (line.kind()) {
                case PAYMENT -> paymentOf.containsKey(line) ? "BOOKED" : "DUPLICATE";
                case REVERSAL -> reason == null ? "REVERSED" : REVERSAL_APPLIED_BEFORE.equals(reason) ? "DUPLICATE" : "IGNORED";
                case IGNORED -> "IGNORED";
                case QUARANTINED -> "QUARANTINED";
            };
            if (line.kind() == Kind.PAYMENT && !paymentOf.containsKey(line)) {
                tally.duplicates++;
            }
            rowsOut.add(row(number, line, outcome, reason, paymentOf.get(line)));
        }
        return rowsOut;
    }

    /** Applies each booked reversal to the payment it names (same end-to-end id and amount); answers why not, per line. */
    private Map<Line, String> applyReversals(Creditor creditor, BankFile file, List<Line> lines, Tally tally) {
        List<Line> reversalLines = lines.stream().filter(l -> l.kind() == Kind.REVERSAL).toList();
        Map<Line, String> why = new IdentityHashMap<>();
        if (reversalLines.isEmpty()) {
            return why;
        }
        Set<String> applied = records.appliedReversals(creditor.id(), reversalLines.stream().map(l -> l.transaction().key()).toList());
        Set<String> references = new HashSet<>();
        reversalLines.forEach(l -> {
            if (l.transaction().endToEndId() != null) {
                references.add(l.transaction().endToEndId());
            }
        });
        List<PaymentRows.Stored> candidates = rows.reversible(creditor.id(), references);
        Set<UUID> used = new HashSet<>();
        for (Line line : reversalLines) {
            BankTransaction tx = line.transaction();
            if (applied.contains(tx.key())) {
                why.put(line, REVERSAL_APPLIED_BEFORE);
                continue;
            }
            PaymentRows.Stored target = candidates.stream()
                    .filter(p -> !used.contains(p.result().id()))
                    .filter(p -> tx.endToEndId() != null && tx.endToEndId().equals(p.endToEndId()))
                    .filter(p -> p.request().amount().compareTo(tx.amount()) == 0)
                    .findFirst().orElse(null);
            if (target == null) {
                why.put(line, "reversal of a payment not booked here (no payment with end-to-end id "
                        + tx.endToEndId() + " and amount " + tx.amount().toPlainString() + ")");
                continue;
            }
            used.add(target.result().id());
            if (reversals.reverse(creditor, target.result().id(), bookingDate(line, file, creditor), tx.key())) {
                tally.reversed++;
            } else {
                why.put(line, "payment already reversed");
            }
        }
        return why;
    }

    /**
     * The summary's lists: what is reported or wrong for a whole entry once per entry, what is wrong with one of its
     * transactions once per transaction.
     */
    private void summariseSkipped(List<Line> lines, Map<Line, String> reversalOutcome, Tally tally) {
        Set<String> listed = new HashSet<>();
        for (Line line : lines) {
            String reason = line.kind() == Kind.REVERSAL ? reversalOutcome.get(line) : line.reason();
            if (line.kind() == Kind.PAYMENT) {
                continue;
            }
            if (reason == null) {
                continue;
            }
            if (REVERSAL_APPLIED_BEFORE.equals(reason)) {
                tally.duplicates++;
                continue;
            }
            boolean wholeEntry = line.kind() == Kind.IGNORED || line.entry().problem() != null;
            String label = wholeEntry || line.entry().transactions().size() < 2 ? line.entry().label()
                    : line.entry().label() + " tx " + (line.entry().transactions().indexOf(line.transaction()) + 1);
            if (!listed.add(line.entry().sequence() + "|" + label + "|" + reason)) {
                continue;
            }
            (line.kind() == Kind.QUARANTINED ? tally.quarantined : tally.ignored).add(new Skipped(label, reason));
        }
    }

    private static NewPayment newPayment(Creditor creditor, BankFile file, UUID statementId, Line line, PaymentMatch match) {
        BankTransaction tx = line.transaction();
        Money amount = new Money(tx.amount(), Currency.getInstance(tx.currency()));
        String reference = tx.structuredReferences().isEmpty() ? null : truncate(tx.structuredReferences().getFirst(), 35);
        String fingerprint = RequestFingerprint.of(creditor.id(), tx.key(), amount.toPlainString(), tx.currency());
        return new NewPayment(UUID.randomUUID(), creditor.id(), tx.key(), amount, reference, null,
                bookingDate(line, file, creditor), match.matched() ? PaymentRows.MATCHED : PaymentRows.UNMATCHED,
                match.unmatchedReason(), fingerprint, truncate(tx.endToEndId(), 35), truncate(tx.debtorName(), 140),
                truncate(tx.debtorAccount() == null ? null : MatchIndex.account(tx.debtorAccount()), 34), statementId);
    }

    /** The entry's booking date; a bank that leaves it out is taken at its value date, else the file's date. */
    private static LocalDate bookingDate(Line line, BankFile file, Creditor creditor) {
        if (line.entry().bookingDate() != null) {
            return line.entry().bookingDate();
        }
        if (line.entry().valueDate() != null) {
            return line.entry().valueDate();
        }
        return file.created() != null ? file.created().atZoneSameInstant(creditor.timeZone()).toLocalDate()
                : LocalDate.now(creditor.timeZone());
    }

    private static Row row(int number, Line line, String outcome, String reason, UUID paymentId) {
        BankTransaction tx = line.transaction();
        BigDecimal amount = tx != null ? tx.amount() : line.entry().amount();
        String currency = tx != null ? tx.currency() : line.entry().currency();
        String key = tx != null ? tx.key() : line.entry().label();
        return new Row(number, line.entry().label(), key, amount, currency != null && currency.length() == 3 ? currency : null,
                line.entry().credit(), line.entry().status(), line.entry().reversal(), line.entry().bookingDate(), outcome,
                reason, paymentId);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static final class Tally {
        int entries;
        int created;
        int matched;
        int unmatched;
        int duplicates;
        int reversed;
        final List<Skipped> ignored = new ArrayList<>();
        final List<Skipped> quarantined = new ArrayList<>();
    }
}
