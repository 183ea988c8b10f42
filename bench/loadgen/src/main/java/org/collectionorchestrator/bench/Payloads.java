package org.collectionorchestrator.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REST bodies the benchmark sends, shaped as in the README's "Try it" (PUT creditor, POST invoice, POST payment).
 * All creditors are Norwegian (NOK); payment references are KID MOD10 (Luhn) made from a sequence number.
 */
final class Payloads {

    private Payloads() {
    }

    static Map<String, Object> creditor(String name) {
        return ordered("name", name, "country", "NO", "currency", "NOK", "language", "nb");
    }

    /**
     * An invoice due {@code dueInDays} from today (application clock = wall clock: the benchmark never moves it), so
     * its process waits at the first timer. {@code seq} makes the invoice number, customer and KID unique per run.
     */
    static Map<String, Object> invoice(String creditorId, String numberPrefix, long seq, int dueInDays, boolean withKid) {
        LocalDate today = LocalDate.now();
        Map<String, Object> customer = ordered(
                "id", "cust-" + (seq % 997),
                "name", "Kunde " + (seq % 997),
                "segment", seq % 3 == 0 ? "BUSINESS" : "PRIVATE",
                "priority", false,
                "country", "NO",
                "language", "nb",
                "email", "kunde" + (seq % 997) + "@example.no");
        Map<String, Object> body = ordered(
                "creditorId", creditorId,
                "invoiceNumber", numberPrefix + seq,
                "customer", customer,
                "issueDate", today.toString(),
                "dueDate", today.plusDays(dueInDays).toString(),
                "currency", "NOK",
                "amount", amount(seq));
        if (withKid) {
            body.put("paymentReference", kid(seq));
        }
        return body;
    }

    /** Pays an invoice in full by its id (no reference needed). */
    static Map<String, Object> paymentForInvoice(String creditorId, String invoiceId, String amount, String bankTxId) {
        return ordered("creditorId", creditorId, "amount", amount, "currency", "NOK", "invoiceId", invoiceId,
                "bookingDate", LocalDate.now().toString(), "bankTransactionId", bankTxId);
    }

    /** Pays an invoice in full by its KID (what a bank file carries). */
    static Map<String, Object> paymentByReference(String creditorId, long seq, String bankTxId) {
        return ordered("creditorId", creditorId, "amount", amount(seq), "currency", "NOK", "paymentReference", kid(seq),
                "bookingDate", LocalDate.now().toString(), "bankTransactionId", bankTxId);
    }

    static String amount(long seq) {
        return (100 + seq % 9000) + "." + String.format("%02d", seq % 100);
    }

    /** KID MOD10: the base digits (a fixed 9 and the sequence number) and a Luhn check digit. */
    static String kid(long seq) {
        String base = "9" + String.format("%08d", seq);
        return base + luhn(base);
    }

    static int luhn(String digits) {
        int sum = 0;
        boolean dbl = true; // the digit next to the check digit is doubled
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }
}
