package org.collectionorchestrator.dunning.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.collectionorchestrator.dunning.LetterKind;

/** A stored letter as the API shows it; amounts are decimal strings in {@code currency}. */
public record LetterView(UUID invoiceId, int letterNumber, LetterKind kind, LocalDate letterDate, LocalDate payBy,
                         String language, String fee, String totalToPay, String currency, String sha256,
                         OffsetDateTime createdAt) {

    static LetterView of(StoredLetter letter) {
        return new LetterView(letter.invoiceId(), letter.letterNumber(), letter.kind(), letter.letterDate(),
                letter.payBy(), letter.language(), letter.fee().toPlainString(), letter.totalToPay().toPlainString(),
                letter.totalToPay().currency().getCurrencyCode(), letter.sha256(), letter.createdAt());
    }
}
