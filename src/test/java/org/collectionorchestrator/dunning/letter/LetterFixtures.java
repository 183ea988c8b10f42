package org.collectionorchestrator.dunning.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.dunning.law.InterestLine;
import org.collectionorchestrator.money.Money;

/** A letter with every part filled in (two interest periods, earlier and new fees, compensation), to vary per test. */
final class LetterFixtures {

    static final LocalDate LETTER_DATE = LocalDate.of(2026, 3, 10);
    static final LocalDate PAY_BY = LocalDate.of(2026, 3, 24);

    LetterKind kind;
    String language;
    String creditorCountry = "NO";
    String creditorAccount = "1503.12.34567";
    String customerName = "Åse Ødegård Ähtäri";
    String paymentReference = "1234567897";
    Money principal = nok("12345.50");
    Money feesEarlier = nok("35.00");
    Money feeThisLetter = nok("38.00");
    Money interest = nok("139.09");
    List<InterestLine> interestLines = List.of(
            new InterestLine(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 28), 26, new BigDecimal("12.00"),
                    nok("12345.50"), nok("105.53")),
            new InterestLine(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), 10, new BigDecimal("12.25"),
                    nok("10000.00"), nok("33.56")));
    Money compensation = nok("460.00");
    boolean newAct;

    private LetterFixtures(LetterKind kind, String language) {
        this.kind = kind;
        this.language = language;
    }

    static LetterContent letter(LetterKind kind, String language) {
        return of(kind, language).build();
    }

    static LetterFixtures of(LetterKind kind, String language) {
        return new LetterFixtures(kind, language);
    }

    LetterFixtures with(java.util.function.Consumer<LetterFixtures> change) {
        change.accept(this);
        return this;
    }

    LetterContent build() {
        Money total = principal.plus(feesEarlier).plus(feeThisLetter).plus(interest).plus(compensation);
        return new LetterContent(kind, 3, language, LETTER_DATE, PAY_BY, "Fjordkraft Øst AS", creditorCountry,
                creditorAccount, customerName, "INV-2026-0042", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 2),
                principal, feesEarlier, feeThisLetter, interest, interestLines, compensation, total, paymentReference,
                newAct);
    }

    static Money nok(String amount) {
        return Money.of(amount, "NOK");
    }
}
