package org.collectionorchestrator.dunning.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.collectionorchestrator.dunning.LetterKind;

/** A stored letter as the API shows it; amounts are decimal strings in {@code currency}. */
public record LetterView(UUID invoiceId, int letterNumber, LetterKind kind, LocalDate letterDate, LocalDate payBy,
                         String language, String fee, String totalToPay, String currency, String sha256,
                         OffsetDateTime createdAt,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "The day the letter reached the "
                                 + "debtor; empty: not (yet) delivered, or distribution is off") LocalDate deliveredOn,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "The payment deadline counted from "
                                 + "delivery (never before payBy); empty: payBy is in force") LocalDate deadline) {

    static LetterView of(StoredLetter letter) {
        return new LetterView(letter.invoiceId(), letter.letterNumber(), letter.kind(), letter.letterDate(),
                letter.payBy(), letter.language(), letter.fee().toPlainString(), letter.totalToPay().toPlainString(),
                letter.totalToPay().currency().getCurrencyCode(), letter.sha256(), letter.createdAt(),
                letter.deliveredOn(), letter.deadline());
    }
}
