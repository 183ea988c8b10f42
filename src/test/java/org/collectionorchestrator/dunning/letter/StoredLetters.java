package org.collectionorchestrator.dunning.letter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.collectionorchestrator.dunning.LetterKind;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests outside this package: a stored letter (number 3, a notice) on an invoice, without running dunning. */
public final class StoredLetters {

    private StoredLetters() {
    }

    /** Stores the fixture notice on the invoice and answers its letter number. */
    public static int storeNotice(LetterArchive archive, TransactionTemplate transaction, UUID invoiceId) {
        LetterContent content = LetterFixtures.letter(LetterKind.NOTICE, "nb");
        byte[] pdf = "%PDF-1.7 test letter".getBytes(StandardCharsets.US_ASCII);
        return transaction.execute(status -> archive.store(invoiceId, content, pdf)).letterNumber();
    }
}
