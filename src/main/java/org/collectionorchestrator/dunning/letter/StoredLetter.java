package org.collectionorchestrator.dunning.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.money.Money;

/** A letter as archived, without its PDF; {@code sha256} is the hex hash of the stored PDF bytes. */
public record StoredLetter(UUID invoiceId, int letterNumber, LetterKind kind, LocalDate letterDate, LocalDate payBy,
                           String language, Money fee, Money totalToPay, String sha256, OffsetDateTime createdAt) {
}
