package org.collectionorchestrator.payment.matching;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.collectionorchestrator.money.Money;

/**
 * Ranks a creditor's open invoices as candidates for an unmatched payment, for the person who matches it. Points:
 * <ul>
 *   <li>amount: 60 when the payment equals what is outstanding, 40 when it equals the invoiced amount, 15 when it is
 *       within 5 % of what is outstanding;</li>
 *   <li>reference: 50 when the payer's reference is the invoice's reference or number (letters and digits compared,
 *       case ignored), 40 when it contains the invoice number, else up to 35 by edit distance when at most a third of
 *       the characters differ (a mistyped digit);</li>
 *   <li>debtor name: up to 30 by the share of name words the payer and the customer have in common.</li>
 * </ul>
 * Equal scores: the oldest due date first, then the invoice number. Only a suggestion: nothing is booked on it.
 */
public final class CandidateRanking {

    public static final int MAX_CANDIDATES = 10;

    /** What the bank told about the payment. {@code reference} and {@code debtorName} may be null. */
    public record Payment(Money amount, String reference, String debtorName) {
    }

    /** An open invoice of the payment's creditor in its currency. */
    public record OpenInvoice(UUID invoiceId, String invoiceNumber, Money amount, Money outstanding,
                              String paymentReference, String customerName, LocalDate dueDate) {
    }

    public record Candidate(OpenInvoice invoice, int score) {
    }

    private CandidateRanking() {
    }

    /** The best {@link #MAX_CANDIDATES} invoices, best first. */
    public static List<Candidate> rank(Payment payment, List<OpenInvoice> invoices) {
        return invoices.stream()
                .map(invoice -> new Candidate(invoice, score(payment, invoice)))
                .sorted(Comparator.comparingInt(Candidate::score).reversed()
                        .thenComparing(c -> c.invoice().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.invoice().invoiceNumber()))
                .limit(MAX_CANDIDATES)
                .toList();
    }

    static int score(Payment payment, OpenInvoice invoice) {
        return amountScore(payment.amount(), invoice) + referenceScore(payment.reference(), invoice)
                + nameScore(payment.debtorName(), invoice.customerName());
    }

    static int amountScore(Money paid, OpenInvoice invoice) {
        if (paid.compareTo(invoice.outstanding()) == 0) {
            return 60;
        }
        if (paid.compareTo(invoice.amount()) == 0) {
            return 40;
        }
        Money difference = paid.minus(invoice.outstanding());
        var tolerance = invoice.outstanding().amount().abs().multiply(java.math.BigDecimal.valueOf(5, 2));
        return difference.amount().abs().compareTo(tolerance) <= 0 ? 15 : 0;
    }

    static int referenceScore(String reference, OpenInvoice invoice) {
        String given = letterAndDigits(reference);
        if (given.isEmpty()) {
            return 0;
        }
        String invoiceReference = letterAndDigits(invoice.paymentReference());
        String number = letterAndDigits(invoice.invoiceNumber());
        if (given.equals(invoiceReference) || given.equals(number)) {
            return 50;
        }
        if (number.length() >= 4 && given.contains(number)) {
            return 40;
        }
        return Math.max(similarity(given, invoiceReference), similarity(given, number));
    }

    /** Up to 35 points when at most a third of the characters differ. */
    private static int similarity(String given, String known) {
        if (known.isEmpty()) {
            return 0;
        }
        int longer = Math.max(given.length(), known.length());
        int distance = editDistance(given, known);
        if (distance * 3 > longer) {
            return 0;
        }
        return (int) Math.round(35.0 * (longer - distance) / longer);
    }

    static int nameScore(String debtorName, String customerName) {
        Set<String> payer = words(debtorName);
        Set<String> customer = words(customerName);
        if (payer.isEmpty() || customer.isEmpty()) {
            return 0;
        }
        long common = payer.stream().filter(customer::contains).count();
        return (int) Math.round(30.0 * common / Math.max(payer.size(), customer.size()));
    }

    private static Set<String> words(String name) {
        if (name == null) {
            return Set.of();
        }
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 2)
                .collect(Collectors.toSet());
    }

    private static String letterAndDigits(String text) {
        return text == null ? "" : text.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
