package org.collectionorchestrator.dunning.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collectionorchestrator.dunning.law.LegalGuardFeeTest.GUARD;
import static org.collectionorchestrator.dunning.law.LegalGuardFeeTest.letters;

import java.time.LocalDate;
import java.util.Currency;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Earliest fee dates, statutory payment deadlines and the B2B compensation (domain.md 2.0–2.5). */
class LegalGuardDatesAndCompensationTest {

    @ParameterizedTest(name = "{0} {1} {2} due {3} after [{4}]: {5}")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.5 "Earliest fee-bearing reminder": NO due + 14, FI due + 14 strictly later, DK/SE after due
            "NO, PRIVATE,  REMINDER,       2026-03-02, none, 2026-03-16",
            "FI, PRIVATE,  REMINDER,       2026-03-02, none, 2026-03-17",
            "FI, BUSINESS, NOTICE,         2026-03-02, none, 2026-03-17",
            "DK, PRIVATE,  REMINDER,       2026-03-02, none, 2026-03-03",
            "SE, BUSINESS, NOTICE,         2026-03-02, none, 2026-03-03",
            // a due date on Saturday 7 March 2026 counts from Monday 9 March
            "NO, PRIVATE,  REMINDER,       2026-03-07, none, 2026-03-23",
            // "Gap between fee-bearing reminders": NO first deadline expired, DK 10 d, FI >14 d / B2B 10 d
            "NO, PRIVATE,  REMINDER,       2026-03-02, REMINDER/2026-03-16/2026-03-30/38, 2026-03-31",
            "NO, PRIVATE,  PAYMENT_DEMAND, 2026-03-02, REMINDER/2026-03-16/2026-04-06/38, 2026-04-07",
            "DK, PRIVATE,  REMINDER,       2026-03-02, REMINDER/2026-03-03/2026-03-13/100, 2026-03-13",
            "FI, PRIVATE,  REMINDER,       2026-03-02, REMINDER/2026-03-17/2026-04-03/5, 2026-04-01",
            "FI, BUSINESS, REMINDER,       2026-03-02, REMINDER/2026-03-17/2026-04-03/12, 2026-03-27",
            // limits reached or no earlier letter for a payment demand: never
            "NO, PRIVATE,  REMINDER,       2026-03-02, REMINDER/2026-03-16/2026-03-30/38;REMINDER/2026-03-31/2026-04-14/38, +999999999-12-31",
            "NO, PRIVATE,  PAYMENT_DEMAND, 2026-03-02, none, +999999999-12-31",
            "SE, PRIVATE,  REMINDER,       2026-03-02, REMINDER/2026-03-03/2026-03-13/60, +999999999-12-31",
            "DK, PRIVATE,  FRIENDLY_NOTICE, 2026-03-02, none, +999999999-12-31",
    })
    void earliestFeeDate(Country country, Segment segment, LetterKind kind, LocalDate due, String history,
                         LocalDate earliest) {
        assertThat(GUARD.earliestFeeDate(country, segment, kind, due, letters(country, history))).isEqualTo(earliest);
    }

    @ParameterizedTest(name = "{0} {1} sent {2}, table asks {3} days: pay by {4}")
    @CsvSource({
            // domain.md 2.1 inkassoloven § 9: notice ≥14 days; § 1-2 (3)/§ 1-3: 14 days in a reminder and a demand
            "NO, NOTICE,          2026-03-02, 7,  2026-03-16",
            "NO, REMINDER,        2026-03-02, 0,  2026-03-16",
            "NO, PAYMENT_DEMAND,  2026-03-02, 10, 2026-03-16",
            "NO, NOTICE,          2026-03-02, 21, 2026-03-23",
            // domain.md 2.2 inkassoloven § 10: ≥10 days; a reminder has no statutory minimum
            "DK, NOTICE,          2026-03-02, 0,  2026-03-12",
            "DK, REMINDER,        2026-03-02, 8,  2026-03-10",
            // domain.md 2.3: inkassokrav ≥8 days (guidance)
            "SE, NOTICE,          2026-03-02, 0,  2026-03-10",
            // domain.md 2.4/2.5: ≥10 days from presumed receipt, 7 post days assumed (UNVERIFIED)
            "FI, NOTICE,          2026-03-02, 0,  2026-03-19",
            "FI, REMINDER,        2026-03-02, 14, 2026-03-19",
            "FI, REMINDER,        2026-03-02, 21, 2026-03-23",
            // moved to a banking day: Good Friday 3 April 2026 → Tuesday 7 April; Midsummer Eve 19 June 2026 in SE
            "NO, NOTICE,          2026-03-20, 14, 2026-04-07",
            "SE, FRIENDLY_NOTICE, 2026-06-12, 7,  2026-06-22",
            "NO, FRIENDLY_NOTICE, 2026-06-12, 7,  2026-06-19",
    })
    void payByIsAtLeastTheStatutoryDeadlineOnABankingDay(Country country, LetterKind kind, LocalDate letterDate,
                                                         int requestedDays, LocalDate payBy) {
        assertThat(GUARD.payBy(country, kind, letterDate, requestedDays)).isEqualTo(payBy);
    }

    @ParameterizedTest(name = "{0} {1} on {2} (due {3}, claimed {4}): {5} {6}")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.1 NO by half-year: 470 / 460 / 460 / 430; 2.2 DK 310; 2.3 SE 450; 2.4 FI 40
            "NO, BUSINESS, 2025-06-30, 2025-06-02, false, NOK, 470.00, none",
            "NO, BUSINESS, 2025-07-01, 2025-06-02, false, NOK, 460.00, none",
            "NO, BUSINESS, 2026-06-30, 2026-06-01, false, NOK, 460.00, none",
            "NO, BUSINESS, 2026-07-01, 2026-06-01, false, NOK, 430.00, none",
            "DK, BUSINESS, 2026-03-03, 2026-03-02, false, DKK, 310.00, none",
            "SE, BUSINESS, 2026-03-03, 2026-03-02, false, SEK, 450.00, none",
            "FI, BUSINESS, 2026-03-03, 2026-03-02, false, EUR, 40.00, none",
            // never from a consumer, once per invoice, only after the due date
            "NO, PRIVATE,  2026-03-03, 2026-03-02, false, NOK, 0.00, NO forsinkelsesrenteloven § 3a",
            "DK, PRIVATE,  2026-03-03, 2026-03-02, false, DKK, 0.00, from a consumer",
            "SE, BUSINESS, 2026-03-20, 2026-03-02, true,  SEK, 0.00, once per invoice",
            "FI, BUSINESS, 2026-03-02, 2026-03-02, false, EUR, 0.00, only after the due date (from 2026-03-03)",
            "NO, BUSINESS, 2026-03-09, 2026-03-07, false, NOK, 0.00, only after the due date (from 2026-03-10)",
            // no amount known for 2027 yet; no conversion into another currency
            "NO, BUSINESS, 2027-01-05, 2027-01-01, false, NOK, 0.00, no fixed compensation for 2027-01-05",
            "NO, BUSINESS, 2026-03-03, 2026-03-02, false, EUR, 0.00, not converted",
    })
    void businessCompensationOnlyToBusinessesOnceAndAfterTheDueDate(Country country, Segment segment, LocalDate date,
                                                                   LocalDate due, boolean alreadyClaimed,
                                                                   String currency, String amount, String refusal) {
        CompensationDecision decision = GUARD.decideCompensation(country, segment, date, due, alreadyClaimed,
                Currency.getInstance(currency));

        assertThat(decision.amount()).isEqualTo(Money.of(amount, currency));
        if (refusal == null) {
            assertThat(decision.refusal()).isEmpty();
        } else {
            assertThat(decision.refusal()).get().asString().startsWith(country.name()).contains(refusal);
        }
    }
}
