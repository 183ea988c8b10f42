package org.collectionorchestrator.dunning.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.money.Money;

/**
 * A letter as archived, without its PDF; {@code sha256} is the hex hash of the stored PDF bytes. {@code deliveredOn}
 * is the day it reached the debtor (null: not yet, or sent before delivery was tracked) and {@code deadline} the
 * payment deadline counted from that day (never before the printed {@code payBy}).
 */
public record StoredLetter(UUID invoiceId, int letterNumber, LetterKind kind, LocalDate letterDate, LocalDate payBy,
                           String language, Money fee, Money totalToPay, String sha256, OffsetDateTime createdAt,
                           LocalDate deliveredOn, LocalDate deadline) {

    /** The day the next step counts from: delivery when known, else the letter date. */
    public LocalDate countsFrom() {
        return deliveredOn != null ? deliveredOn : letterDate;
    }

    /** The deadline in force: counted from delivery when known, else the printed one. */
    public LocalDate deadlineInForce() {
        return deadline != null ? deadline : payBy;
    }
}
