package org.collectionorchestrator.dunning;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.dunning.letter.LetterArchive;
import org.collectionorchestrator.money.Money;
import org.springframework.stereotype.Component;

/** The stored letters as documents to deliver: what other modules (distribution) may read of them. */
@Component
public class LetterDocuments {

    /** One letter as it was produced: its PDF and what it asks to be paid by when. */
    public record LetterDocument(UUID invoiceId, int letterNumber, LetterKind kind, LocalDate letterDate, LocalDate payBy,
                                 Money totalToPay, String language, String sha256, byte[] pdf) {
    }

    private final LetterArchive archive;

    public LetterDocuments(LetterArchive archive) {
        this.archive = archive;
    }

    public Optional<LetterDocument> find(UUID invoiceId, int letterNumber) {
        return archive.find(invoiceId, letterNumber).flatMap(letter -> archive.pdf(invoiceId, letterNumber)
                .map(pdf -> new LetterDocument(invoiceId, letterNumber, letter.kind(), letter.letterDate(), letter.payBy(),
                        letter.totalToPay(), letter.language(), letter.sha256(), pdf)));
    }
}
