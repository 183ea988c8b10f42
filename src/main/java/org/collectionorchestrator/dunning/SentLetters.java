package org.collectionorchestrator.dunning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.dunning.letter.LetterArchive;
import org.collectionorchestrator.money.Money;
import org.springframework.stereotype.Service;

/** What other modules may read of the dunning letters an invoice got (the collection hand-over lists them). */
@Service
public class SentLetters {

    /** One letter as sent: its number, kind, date, deadline, fee and the SHA-256 of its PDF. */
    public record SentLetter(int letterNumber, LetterKind kind, LocalDate letterDate, LocalDate payBy, Money fee,
                             String sha256) {
    }

    private final LetterArchive archive;

    public SentLetters(LetterArchive archive) {
        this.archive = archive;
    }

    public List<SentLetter> of(UUID invoiceId) {
        return archive.list(invoiceId).stream().map(l -> new SentLetter(l.letterNumber(), l.kind(), l.letterDate(),
                l.payBy(), l.fee(), l.sha256())).toList();
    }

    public int count(UUID invoiceId) {
        return archive.count(invoiceId);
    }
}
