package org.collectionorchestrator.dunning.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Simple interest per day, split at rate periods and principal changes (domain.md 2.1–2.5 rate rows). */
class LateInterestTest {

    private static final BankCalendar CALENDAR = new BankCalendar();
    private static final LateInterest INTEREST = new LateInterest(new LawBook(LawProperties.defaults()), CALENDAR);

    @Test
    void norwegianInterestSplitsAtTheNewYear() {
        // domain.md 2.1: 12.25 % in H2 2025, 12.00 % in H1 2026; due Friday 28 Nov 2025, late from the 29th
        InterestCalculation calculation = INTEREST.calculate(Country.NO, Segment.PRIVATE, LocalDate.of(2025, 11, 28),
                changes("2025-11-01:10000"), LocalDate.of(2026, 1, 31), nok());

        assertThat(calculation.lines()).containsExactly(
                line("2025-11-29", "2025-12-31", 33, "12.25", "10000", "110.75"),   // 10000 × 12.25 % × 33 / 365
                line("2026-01-01", "2026-01-31", 31, "12.00", "10000", "101.92"));  // 10000 × 12.00 % × 31 / 365
        assertThat(calculation.total()).isEqualTo(Money.of("212.67", "NOK"));
        assertThat(calculation.complete()).isTrue();
    }

    @Test
    void aPartPaymentLowersThePrincipalFromItsBookingDay() {
        InterestCalculation calculation = INTEREST.calculate(Country.NO, Segment.BUSINESS, LocalDate.of(2025, 11, 28),
                changes("2025-11-01:10000", "2025-12-16:-4000"), LocalDate.of(2026, 1, 31), nok());

        assertThat(calculation.lines()).containsExactly(
                line("2025-11-29", "2025-12-15", 17, "12.25", "10000", "57.05"),
                line("2025-12-16", "2025-12-31", 16, "12.25", "6000", "32.22"),
                line("2026-01-01", "2026-01-31", 31, "12.00", "6000", "61.15"));
        assertThat(calculation.total()).isEqualTo(Money.of("150.42", "NOK"));
    }

    @Test
    void nothingAccruesOnceThePrincipalIsPaid() {
        InterestCalculation calculation = INTEREST.calculate(Country.NO, Segment.PRIVATE, LocalDate.of(2026, 3, 2),
                changes("2026-02-01:1000", "2026-03-10:-1000"), LocalDate.of(2026, 3, 31), nok());

        assertThat(calculation.lines()).containsExactly(line("2026-03-03", "2026-03-09", 7, "12.00", "1000", "2.30"));
        assertThat(calculation.complete()).isTrue();
    }

    @Test
    void aDueDateOnASundayStartsInterestAfterTheNextBankingDay() {
        InterestCalculation calculation = INTEREST.calculate(Country.NO, Segment.PRIVATE, LocalDate.of(2025, 11, 30),
                changes("2025-11-01:10000"), LocalDate.of(2025, 12, 31), nok());

        assertThat(calculation.lines()).containsExactly(line("2025-12-02", "2025-12-31", 30, "12.25", "10000", "100.68"));
    }

    @ParameterizedTest(name = "DK, {0}-day year: {1}")
    @CsvSource({
            // domain.md 2.2 9.75 % (H1 2026); 31 Jan – 31 Mar 2026 = 60 days; 2.5 "Day count": Danish calculators use 360
            "365, 160.27",
            "360, 162.50",
    })
    void theDayCountBasisIsConfigurablePerCountry(int basis, String amount) {
        LateInterest interest = new LateInterest(new LawBook(new LawProperties(LawProperties.DEFAULT_FILE, null,
                Map.of(Country.DK, basis))), CALENDAR);

        InterestCalculation calculation = interest.calculate(Country.DK, Segment.BUSINESS, LocalDate.of(2026, 1, 30),
                changes("2026-01-01:10000"), LocalDate.of(2026, 3, 31), Currency.getInstance("DKK"));

        assertThat(calculation.lines()).singleElement().satisfies(line -> {
            assertThat(line.days()).isEqualTo(60);
            assertThat(line.amount()).isEqualTo(Money.of(amount, "DKK"));
        });
    }

    @ParameterizedTest(name = "FI {0}: {1} % → {2}")
    @CsvSource({
            // domain.md 2.4: viitekorko 2.5 + 7 (consumer) / + 8 (business); 28 Feb – 31 Mar 2026 = 32 days
            "PRIVATE,  9.5,  8.33",
            "BUSINESS, 10.5, 9.21",
    })
    void finnishInterestDependsOnTheSegment(Segment segment, String rate, String amount) {
        InterestCalculation calculation = INTEREST.calculate(Country.FI, segment, LocalDate.of(2026, 2, 27),
                changes("2026-01-15:1000"), LocalDate.of(2026, 3, 31), Currency.getInstance("EUR"));

        assertThat(calculation.lines()).singleElement().satisfies(line -> {
            assertThat(line.ratePercent()).isEqualByComparingTo(rate);
            assertThat(line.days()).isEqualTo(32);
            assertThat(line.amount()).isEqualTo(Money.of(amount, "EUR"));
        });
    }

    @Test
    void eachRatePeriodIsItsOwnLineEvenWhenTheRateStaysTheSame() {
        // domain.md 2.3: 10.00 % in H1 2026 and (UNVERIFIED) in H2 2026
        InterestCalculation calculation = INTEREST.calculate(Country.SE, Segment.PRIVATE, LocalDate.of(2026, 6, 15),
                changes("2026-05-15:10000"), LocalDate.of(2026, 7, 15), Currency.getInstance("SEK"));

        assertThat(calculation.lines()).extracting(InterestLine::from, InterestLine::days)
                .containsExactly(tuple(LocalDate.of(2026, 6, 16), 15),
                        tuple(LocalDate.of(2026, 7, 1), 15));
        assertThat(calculation.total()).isEqualTo(Money.of("82.20", "SEK"));
    }

    @Test
    void daysWithoutARateCarryNoInterestAndAreReported() {
        // domain.md 2.2: the Danish rate from 1 Jul 2026 was not found
        InterestCalculation calculation = INTEREST.calculate(Country.DK, Segment.PRIVATE, LocalDate.of(2026, 6, 15),
                changes("2026-05-15:1000"), LocalDate.of(2026, 7, 10), Currency.getInstance("DKK"));

        assertThat(calculation.lines()).extracting(InterestLine::through, line -> line.amount().toPlainString())
                .containsExactly(tuple(LocalDate.of(2026, 6, 30), "4.01"));
        assertThat(calculation.missingRates())
                .containsExactly(new MissingRate(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 10), 10));
        assertThat(calculation.complete()).isFalse();
    }

    @Test
    void nothingIsDueOnOrBeforeTheDueDate() {
        InterestCalculation calculation = INTEREST.calculate(Country.NO, Segment.PRIVATE, LocalDate.of(2026, 3, 2),
                changes("2026-02-01:1000"), LocalDate.of(2026, 3, 2), nok());

        assertThat(calculation.lines()).isEmpty();
        assertThat(calculation.total()).isEqualTo(Money.of("0", "NOK"));
    }

    private static List<PrincipalChange> changes(String... changes) {
        return Arrays.stream(changes).map(change -> change.split(":"))
                .map(p -> new PrincipalChange(LocalDate.parse(p[0]), new BigDecimal(p[1])))
                .toList();
    }

    private static InterestLine line(String from, String through, int days, String rate, String principal,
                                     String amount) {
        return new InterestLine(LocalDate.parse(from), LocalDate.parse(through), days, new BigDecimal(rate),
                Money.of(principal, "NOK"), Money.of(amount, "NOK"));
    }

    private static Currency nok() {
        return Currency.getInstance("NOK");
    }
}
