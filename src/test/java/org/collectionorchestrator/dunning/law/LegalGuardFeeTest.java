package org.collectionorchestrator.dunning.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fees a DMN table may ask for, judged by the law (domain.md 2.1–2.5). Due date Monday 2 March 2026 unless said. */
class LegalGuardFeeTest {

    static final BankCalendar CALENDAR = new BankCalendar();
    static final LegalGuard GUARD = new LegalGuard(new LawBook(LawProperties.defaults()), CALENDAR);
    static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} {1} {2} on {3}: fee {5}")
    @CsvSource({
            // domain.md 2.1 "When a fee may be charged": sent ≥14 days after the due date (day 14 allowed)
            "NO, PRIVATE,  REMINDER, 2026-03-15, 38, 0",
            "NO, PRIVATE,  REMINDER, 2026-03-16, 38, 38",
            "NO, PRIVATE,  REMINDER, 2026-03-17, 38, 38",
            "NO, BUSINESS, NOTICE,   2026-03-15, 38, 0",
            "NO, BUSINESS, NOTICE,   2026-03-16, 38, 38",
            // domain.md 2.4 "When": not before 14 days after the due date and not on the 14th day (KKV)
            "FI, PRIVATE,  REMINDER, 2026-03-15, 5,  0",
            "FI, PRIVATE,  REMINDER, 2026-03-16, 5,  0",
            "FI, PRIVATE,  REMINDER, 2026-03-17, 5,  5",
            "FI, BUSINESS, REMINDER, 2026-03-16, 12, 0",
            "FI, BUSINESS, REMINDER, 2026-03-17, 12, 12",
            // domain.md 2.2 / 2.3 "When": after the due date
            "DK, PRIVATE,  REMINDER, 2026-03-02, 100, 0",
            "DK, PRIVATE,  REMINDER, 2026-03-03, 100, 100",
            "SE, PRIVATE,  NOTICE,   2026-03-02, 180, 0",
            "SE, PRIVATE,  NOTICE,   2026-03-03, 180, 180",
    })
    void noFeeBeforeTheFirstFeeDayAfterTheDueDate(Country country, Segment segment, LetterKind kind, LocalDate date,
                                                  String requested, String expected) {
        FeeDecision decision = GUARD.decideFee(request(country, segment, kind, date, requested, List.of()));

        assertThat(decision.fee()).isEqualTo(money(country, expected));
        assertThat(decision.refusedSomething()).isEqualTo(!requested.equals(expected));
        if (decision.refusedSomething()) {
            assertThat(decision.refusals()).singleElement().asString()
                    .startsWith(country + " ").contains("no fee before");
        }
    }

    @Test
    void theRefusalNamesTheCountryAndTheRule() {
        FeeDecision decision = GUARD.decideFee(request(Country.NO, Segment.PRIVATE, LetterKind.REMINDER,
                LocalDate.of(2026, 3, 13), "38", List.of()));

        assertThat(decision.refusals()).containsExactly(
                "NO inkassoforskriften § 1-2: no fee before 14 days after the due date 2026-03-02 (earliest 2026-03-16)");
    }

    /** History: letters separated by ';', each KIND/letterDate/payBy/fee. */
    @ParameterizedTest(name = "{0}: after [{2}] a {3} on {4}: fee {6}")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.1 § 1-3: 2 reminders + 1 payment demand, each after a ≥14-day deadline expired
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-30/38, REMINDER, 2026-03-30, 38, 0, deadline",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-30/38, REMINDER, 2026-03-31, 38, 38, none",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-30/38;REMINDER/2026-03-31/2026-04-14/38, REMINDER, 2026-04-15, 38, 0, at most 2 fee-bearing reminders",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-30/38;REMINDER/2026-03-31/2026-04-14/38, NOTICE, 2026-04-15, 38, 0, at most 2 fee-bearing reminders and notices",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-30/38;REMINDER/2026-03-31/2026-04-14/38, PAYMENT_DEMAND, 2026-04-14, 113, 0, deadline",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-30/38;REMINDER/2026-03-31/2026-04-14/38, PAYMENT_DEMAND, 2026-04-15, 113, 113, none",
            // … or 1 reminder + 1 notice + 1 payment demand
            "NO, BUSINESS, REMINDER/2026-03-16/2026-03-30/38, NOTICE, 2026-03-31, 38, 38, none",
            "NO, BUSINESS, REMINDER/2026-03-16/2026-03-30/38;NOTICE/2026-03-31/2026-04-14/38, PAYMENT_DEMAND, 2026-04-15, 113, 113, none",
            "NO, BUSINESS, REMINDER/2026-03-16/2026-03-30/38;NOTICE/2026-03-31/2026-04-14/38, REMINDER, 2026-04-15, 38, 0, at most 2 fee-bearing reminders and notices",
            "NO, BUSINESS, REMINDER/2026-03-16/2026-03-30/38;NOTICE/2026-03-31/2026-04-14/38;PAYMENT_DEMAND/2026-04-15/2026-04-29/113, PAYMENT_DEMAND, 2026-05-01, 113, 0, at most 1 fee-bearing payment demands",
            "NO, PRIVATE,  NOTICE/2026-03-16/2026-03-30/38, NOTICE, 2026-04-01, 38, 0, at most 1 fee-bearing notices",
            // a payment demand needs an earlier reminder or notice; a short deadline counts as 14 days
            "NO, PRIVATE,  none, PAYMENT_DEMAND, 2026-03-20, 113, 0, only after a reminder or notice",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-23/38, REMINDER, 2026-03-30, 38, 0, deadline",
            "NO, PRIVATE,  REMINDER/2026-03-16/2026-03-23/38, REMINDER, 2026-03-31, 38, 38, none",
            // a reminder without a fee does not count, but its expired deadline opens the payment demand
            "NO, PRIVATE,  REMINDER/2026-03-05/2026-03-19/0, REMINDER, 2026-03-16, 38, 38, none",
            "NO, PRIVATE,  REMINDER/2026-03-05/2026-03-19/0, PAYMENT_DEMAND, 2026-03-20, 113, 113, none",
            // domain.md 2.2: at most 3 fee-bearing letters (reminders and § 10 notices together), ≥10 days apart
            "DK, PRIVATE,  REMINDER/2026-03-03/2026-03-13/100, REMINDER, 2026-03-12, 100, 0, at least 10 days",
            "DK, PRIVATE,  REMINDER/2026-03-03/2026-03-13/100, REMINDER, 2026-03-13, 100, 100, none",
            "DK, BUSINESS, REMINDER/2026-03-03/2026-03-13/100;REMINDER/2026-03-13/2026-03-23/100, NOTICE, 2026-03-23, 100, 100, none",
            "DK, PRIVATE,  REMINDER/2026-03-03/2026-03-13/100;REMINDER/2026-03-13/2026-03-23/100;NOTICE/2026-03-23/2026-04-02/100, REMINDER, 2026-04-10, 100, 0, at most 3 fee-bearing reminders and notices",
            // domain.md 2.4 "Spacing": consumer >14 days (not on the 14th), business ≥10 days; max 3 UNVERIFIED
            "FI, PRIVATE,  REMINDER/2026-03-17/2026-04-03/5, REMINDER, 2026-03-31, 5, 0, at least 15 days",
            "FI, PRIVATE,  REMINDER/2026-03-17/2026-04-03/5, REMINDER, 2026-04-01, 5, 5, none",
            "FI, BUSINESS, REMINDER/2026-03-17/2026-04-03/12, REMINDER, 2026-03-26, 12, 0, at least 10 days",
            "FI, BUSINESS, REMINDER/2026-03-17/2026-04-03/12, REMINDER, 2026-03-27, 12, 12, none",
            "FI, PRIVATE,  REMINDER/2026-03-17/2026-04-03/5;REMINDER/2026-04-01/2026-04-20/5;NOTICE/2026-04-16/2026-05-04/5, REMINDER, 2026-05-20, 5, 0, at most 3",
            // domain.md 2.3: one påminnelseavgift (UNVERIFIED), one inkassokrav fee (our choice)
            "SE, PRIVATE,  REMINDER/2026-03-03/2026-03-13/60, REMINDER, 2026-03-20, 60, 0, at most 1 fee-bearing reminders",
            "SE, PRIVATE,  REMINDER/2026-03-03/2026-03-13/60, NOTICE, 2026-03-20, 180, 180, none",
            "SE, PRIVATE,  NOTICE/2026-03-03/2026-03-13/180, NOTICE, 2026-03-20, 180, 0, at most 1 fee-bearing notices",
    })
    void countsAndSpacingOfFeeBearingLetters(Country country, Segment segment, String history, LetterKind kind,
                                             LocalDate date, String requested, String expected, String refusal) {
        FeeDecision decision = GUARD.decideFee(request(country, segment, kind, date, requested, letters(country, history)));

        assertThat(decision.fee()).isEqualTo(money(country, expected));
        if (refusal == null) {
            assertThat(decision.refusals()).isEmpty();
        } else {
            assertThat(decision.refusals()).anySatisfy(text -> assertThat(text).startsWith(country + " ").contains(refusal));
        }
    }

    @ParameterizedTest(name = "SE reminder, agreed {0}: fee {1}")
    @CsvSource({"false, 0", "true, 60"})
    void aSwedishReminderFeeOnlyWhenAgreedWhenTheDebtArose(boolean agreed, String expected) {
        FeeRequest request = new FeeRequest(Country.SE, Segment.PRIVATE, LetterKind.REMINDER, LocalDate.of(2026, 3, 10),
                DUE, money(Country.SE, "60"), agreed, false, false, List.of());

        FeeDecision decision = GUARD.decideFee(request);

        assertThat(decision.fee()).isEqualTo(money(Country.SE, expected));
        assertThat(decision.refusals()).hasSize(agreed ? 0 : 1);
        if (!agreed) {
            assertThat(decision.refusals().getFirst()).startsWith("SE lag (1981:739)").contains("2 §", "agreed");
        }
    }

    @ParameterizedTest(name = "{0} {1} disputed")
    @CsvSource({"NO, REMINDER, 38, NO inkassoloven § 17", "DK, REMINDER, 100, DK renteloven § 9 b",
            "SE, NOTICE, 180, SE house rule", "FI, REMINDER, 5, FI house rule"})
    void aDisputedClaimGetsNoFee(Country country, LetterKind kind, String requested, String rule) {
        FeeRequest request = new FeeRequest(country, Segment.PRIVATE, kind, LocalDate.of(2026, 4, 1), DUE,
                money(country, requested), true, true, false, List.of());

        FeeDecision decision = GUARD.decideFee(request);

        assertThat(decision.fee()).isEqualTo(money(country, "0"));
        assertThat(decision.refusals()).singleElement().asString().startsWith(rule).contains("disputed");
    }

    @ParameterizedTest(name = "{0} {1} {2}, compensation claimed: fee {4}")
    @CsvSource({
            // SE lag 1981:739 4 a §: förseningsersättning replaces fees; NO inkassoforskriften § 2-6 deduction
            "NO, BUSINESS, REMINDER, 38,  0",
            "SE, BUSINESS, NOTICE,   180, 0",
            "DK, BUSINESS, REMINDER, 100, 100",
            "FI, BUSINESS, REMINDER, 12,  12",
            // no compensation from a consumer, so the flag changes nothing there
            "NO, PRIVATE,  REMINDER, 38,  38",
    })
    void aClaimedCompensationCoversTheFeesInSwedenAndNorway(Country country, Segment segment, LetterKind kind,
                                                           String requested, String expected) {
        FeeRequest request = new FeeRequest(country, segment, kind, LocalDate.of(2026, 4, 1), DUE,
                money(country, requested), true, false, true, List.of());

        assertThat(GUARD.decideFee(request).fee()).isEqualTo(money(country, expected));
    }

    @ParameterizedTest(name = "{0} {1} asked {3} on {2}: {4}")
    @CsvSource({
            "NO, REMINDER,       2026-03-16, 50,  38",
            "NO, REMINDER,       2026-03-16, 35,  35",
            "NO, PAYMENT_DEMAND, 2025-12-20, 113, 105",
            "DK, REMINDER,       2026-03-16, 150, 100",
            "FI, REMINDER,       2026-03-17, 10,  5",
    })
    void aFeeAboveTheCapInForceOnTheLetterDateIsCapped(Country country, LetterKind kind, LocalDate date,
                                                       String requested, String expected) {
        List<PastLetter> earlier = kind == LetterKind.PAYMENT_DEMAND
                ? letters(country, "REMINDER/2025-12-01/2025-12-15/35") : List.of();
        LocalDate due = kind == LetterKind.PAYMENT_DEMAND ? LocalDate.of(2025, 11, 14) : DUE;
        FeeRequest request = new FeeRequest(country, Segment.PRIVATE, kind, date, due, money(country, requested),
                true, false, false, earlier);

        FeeDecision decision = GUARD.decideFee(request);

        assertThat(decision.fee()).isEqualTo(money(country, expected));
        if (!requested.equals(expected)) {
            assertThat(decision.refusals()).singleElement().asString().startsWith(country + " ")
                    .contains("at most " + money(country, expected));
        }
    }

    @ParameterizedTest(name = "new act from 2027-01-01: NO notice on {0}: fee {1}")
    @CsvSource({"2026-12-31, 38", "2027-01-01, 0"})
    void underTheNewNorwegianActACreditorsOwnNoticeCarriesNoFee(LocalDate date, String expected) {
        LegalGuard guard = new LegalGuard(new LawBook(new LawProperties(LawProperties.DEFAULT_FILE,
                LocalDate.of(2027, 1, 1), Map.of())), CALENDAR);

        FeeDecision decision = guard.decideFee(new FeeRequest(Country.NO, Segment.PRIVATE, LetterKind.NOTICE, date,
                LocalDate.of(2026, 12, 1), money(Country.NO, "38"), false, false, false, List.of()));

        assertThat(decision.fee()).isEqualTo(money(Country.NO, expected));
        if (expected.equals("0")) {
            assertThat(decision.refusals()).singleElement().asString().startsWith("NO inkassoloven 2026")
                    .contains("LOV-2026-05-22-19", "2027-01-01");
        }
    }

    @Test
    void aFriendlyNoticeAWrongCurrencyAndNothingAsked() {
        FeeDecision friendly = GUARD.decideFee(request(Country.NO, Segment.PRIVATE, LetterKind.FRIENDLY_NOTICE,
                LocalDate.of(2026, 2, 25), "10", List.of()));
        FeeDecision euros = GUARD.decideFee(new FeeRequest(Country.NO, Segment.PRIVATE, LetterKind.REMINDER,
                LocalDate.of(2026, 3, 16), DUE, Money.of("5", "EUR"), false, false, false, List.of()));
        FeeDecision nothing = GUARD.decideFee(request(Country.NO, Segment.PRIVATE, LetterKind.REMINDER,
                LocalDate.of(2026, 3, 3), "0", List.of()));

        assertThat(friendly.fee()).isEqualTo(money(Country.NO, "0"));
        assertThat(friendly.refusals()).containsExactly("NO: a friendly notice before the due date never carries a fee");
        assertThat(euros.fee()).isEqualTo(Money.of("0", "EUR"));
        assertThat(euros.refusals()).singleElement().asString().contains("no conversion");
        assertThat(nothing.refusedSomething()).isFalse();
    }

    static FeeRequest request(Country country, Segment segment, LetterKind kind, LocalDate date, String fee,
                              List<PastLetter> earlier) {
        return new FeeRequest(country, segment, kind, date, DUE, money(country, fee), true, false, false, earlier);
    }

    static List<PastLetter> letters(Country country, String history) {
        if (history == null) {
            return List.of();
        }
        return Arrays.stream(history.split(";")).map(letter -> letter.split("/"))
                .map(p -> new PastLetter(LetterKind.valueOf(p[0]), LocalDate.parse(p[1]), LocalDate.parse(p[2]),
                        money(country, p[3])))
                .toList();
    }

    static Money money(Country country, String amount) {
        return Money.of(amount, country.defaultCurrency());
    }
}
