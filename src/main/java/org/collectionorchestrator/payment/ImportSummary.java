package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(description = "The file's message id (GrpHdr/MsgId)") String messageId,
        @Schema(description = "The camt message and version read", example = "camt.053.001.08") String messageType,
        @Schema(description = "The creditor's account the file is for, normalised") String account,
        @Schema(description = "Entries read: booked, pending, debit, reversal and quarantined") int entries,
        @Schema(description = "New payments, one per transaction of a booked credit entry") int paymentsCreated,
        @Schema(description = "Of those, how many were applied to an invoice or a customer") int matched,
        @Schema(description = "Of those, how many wait for a person (\"Match payment\")") int unmatched,
        @Schema(description = "Transactions booked by an earlier file: nothing booked now") int duplicates,
        @Schema(description = "Entries reported, not booked (pending, debit, information only), each with its reason")
        List<Skipped> ignored,
        @Schema(description = "Earlier payments reversed by a reversal entry") int reversed,
        @Schema(description = "Entries or transactions not booked because they are wrong, each with its reason")
        List<Skipped> quarantined) {

    /** One entry (or transaction of one) that booked nothing, and why. */
    public record Skipped(@Schema(description = "Which entry (and transaction), as the file names it") String entry,
                          @Schema(description = "Why it booked nothing") String reason) {
    }
}
