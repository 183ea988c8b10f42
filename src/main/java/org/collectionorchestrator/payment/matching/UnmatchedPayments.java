package org.collectionorchestrator.payment.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.web.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unmatched payments and the process "Match payment" ({@code payment-matching}) that waits for a person to place
 * them. Every message goes through the outbox with the payment id as ordering key, so the start is always sent
 * before a later "payment-matched".
 */
@Service
public class UnmatchedPayments {

    public static final String PROCESS_ID = "payment-matching";
    /** Starts the process (message start event, correlation key the payment id, no time to live). */
    public static final String PAYMENT_UNMATCHED = "payment-unmatched";
    /** The payment was matched another way (REST, a bank file): the open task ends. */
    public static final String PAYMENT_MATCHED = "payment-matched";
    static final Duration MATCHED_TIME_TO_LIVE = Duration.ofHours(1);
    static final String UNMATCHED = "UNMATCHED";
    static final String REFUND_REQUESTED = "REFUND_REQUESTED";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public UnmatchedPayments(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Asks for a person to match the payment just kept UNMATCHED: the relay starts "Match payment" after commit.
     * Call it in the transaction that stored the payment row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void awaitMatch(UUID paymentId) {
        Map<String, Object> variables = jdbc.sql("""
                        select creditor_id, amount, currency, payment_reference, booking_date, unmatched_reason,
                               p.debtor_name
                          from payment p where id = :id""")
                .param("id", paymentId)
                .query((rs, row) -> startVariables(paymentId, rs.getString("creditor_id"),
                        Money.of(rs.getBigDecimal("amount"), rs.getString("currency")).toPlainString(),
                        rs.getString("currency"), rs.getString("payment_reference"),
                        rs.getObject("booking_date", LocalDate.class), rs.getString("unmatched_reason"),
                        rs.getString("debtor_name")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No payment " + paymentId + " to await a match for"));
        String id = paymentId.toString();
        outbox.message(id, new EngineMessage(PAYMENT_UNMATCHED, id, PAYMENT_UNMATCHED + ":" + id, Duration.ZERO, variables));
    }

    /**
     * Called under the payment's row lock before a kept payment is matched (REST or the task): a payment whose refund
     * was requested cannot be booked (409); an UNMATCHED one tells its open task that it is matched now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void beforeMatch(UUID paymentId, String status) {
        if (REFUND_REQUESTED.equals(status)) {
            throw new ConflictException("Payment " + paymentId + " is being refunded to the payer; it cannot be matched");
        }
        if (UNMATCHED.equals(status)) {
            String id = paymentId.toString();
            outbox.message(id, new EngineMessage(PAYMENT_MATCHED, id, PAYMENT_MATCHED + ":" + id, MATCHED_TIME_TO_LIVE,
                    Map.of()));
        }
    }

    /** The payment's status now ({@code payment.status}), or empty for an unknown payment. */
    public Optional<String> status(UUID paymentId) {
        return jdbc.sql("select status from payment where id = :id").param("id", paymentId).query(String.class).optional();
    }

    /**
     * Marks an UNMATCHED payment as to be refunded to the payer; no ledger entry, as it was never booked. Once only:
     * asked again it answers what the payment is now (REFUND_REQUESTED when the first request won, MATCHED when the
     * payment was booked first).
     */
    @Transactional
    public String requestRefund(UUID paymentId, String note) {
        String status = jdbc.sql("select status from payment where id = :id for update").param("id", paymentId)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("No payment " + paymentId));
        if (!UNMATCHED.equals(status)) {
            return status;
        }
        jdbc.sql("""
                        update payment set status = 'REFUND_REQUESTED', refund_requested_at = :now, refund_note = :note
                         where id = :id""")
                .param("id", paymentId)
                .param("now", OffsetDateTime.now(clock))
                .param("note", note == null || note.isBlank() ? null : truncate(note.strip(), 500))
                .update();
        return REFUND_REQUESTED;
    }

    private static Map<String, Object> startVariables(UUID paymentId, String creditorId, String amount, String currency,
                                                      String reference, LocalDate bookingDate, String reason,
                                                      String debtorName) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("paymentId", paymentId.toString());
        variables.put("creditorId", creditorId);
        variables.put("amount", amount);
        variables.put("currency", currency);
        variables.put("paymentReference", reference);
        variables.put("bookingDate", bookingDate.toString());
        variables.put("unmatchedReason", reason);
        variables.put("debtorName", debtorName);
        return variables;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
