package org.collectionorchestrator.invoice;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether dunning of an invoice is on hold, kept in the invoice's hold columns beside (not in) the {@link Invoice}
 * record. Reading is open to everyone; only {@link Disputes} changes a hold, under the invoice's row lock.
 */
@Component
public class DunningHolds {

    public enum DunningHold {
        /** The customer disputes the claim: no letter, fee or hand-over until finance resolves it. */
        DISPUTED,
        /** The creditor paused dunning until a date. */
        PAUSED
    }

    /** The hold columns of one invoice; the counts are how many disputes and pauses it has had so far. */
    record State(DunningHold hold, LocalDate pausedUntil, int disputeCount, int pauseCount) {
    }

    private final JdbcClient jdbc;

    public DunningHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoice's hold; empty when dunning is not held (or there is no such invoice). */
    public Optional<DunningHold> of(UUID invoiceId) {
        return jdbc.sql("select dunning_hold from invoice where id = :id")
                .param("id", invoiceId)
                .query(String.class)
                .optional()
                .map(DunningHold::valueOf);
    }

    public boolean isDisputed(UUID invoiceId) {
        return of(invoiceId).filter(DunningHold.DISPUTED::equals).isPresent();
    }

    State state(UUID invoiceId) {
        return jdbc.sql("select dunning_hold, paused_until, dispute_count, pause_count from invoice where id = :id")
                .param("id", invoiceId)
                .query((rs, row) -> new State(
                        rs.getString("dunning_hold") == null ? null : DunningHold.valueOf(rs.getString("dunning_hold")),
                        rs.getObject("paused_until", LocalDate.class),
                        rs.getInt("dispute_count"),
                        rs.getInt("pause_count")))
                .single();
    }

    /** Holds the invoice as disputed; returns the number of this dispute (1 for the first). */
    int markDisputed(UUID invoiceId) {
        return jdbc.sql("""
                        update invoice set dunning_hold = 'DISPUTED', dispute_count = dispute_count + 1
                         where id = :id returning dispute_count""")
                .param("id", invoiceId)
                .query(Integer.class)
                .single();
    }

    /** Holds the invoice as paused until the date; returns the number of this pause (1 for the first). */
    int markPaused(UUID invoiceId, LocalDate until) {
        return jdbc.sql("""
                        update invoice set dunning_hold = 'PAUSED', paused_until = :until, pause_count = pause_count + 1
                         where id = :id returning pause_count""")
                .param("id", invoiceId)
                .param("until", until)
                .query(Integer.class)
                .single();
    }

    void clear(UUID invoiceId) {
        jdbc.sql("update invoice set dunning_hold = null, paused_until = null where id = :id")
                .param("id", invoiceId)
                .update();
    }
}
