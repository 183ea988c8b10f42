package org.collectionorchestrator.payment;

import java.util.List;

/**
 * What one bank file did: the answer of POST /api/v1/bank-statements and of a polled statement.
 *
 * @param entries         entries read (booked, pending, debit, reversal, quarantined: every {@code Ntry})
 * @param paymentsCreated new payment rows (one per transaction of a booked credit entry)
 * @param matched         of those, how many were applied to an invoice or a customer
 * @param unmatched       of those, how many wait for a person ("Match payment")
 * @param duplicates      transactions booked by an earlier file, booked nothing now
 * @param ignored         entries reported, not booked (pending, debit, information only), each with its reason
 * @param reversed        earlier payments reversed by a reversal entry
 * @param quarantined     entries or transactions not booked because they are wrong, each with its reason
 */
public record ImportSummary(
        String messageId,
        String messageType,
        String account,
        int entries,
        int paymentsCreated,
        int matched,
        int unmatched,
        int duplicates,
        List<Skipped> ignored,
        int reversed,
        List<Skipped> quarantined) {

    /** One entry (or transaction of one) that booked nothing, and why. */
    public record Skipped(String entry, String reason) {
    }
}
