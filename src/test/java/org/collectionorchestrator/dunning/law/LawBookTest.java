package org.collectionorchestrator.dunning.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LawBookTest {

    private static final LawBook LAW = new LawBook(LawProperties.defaults());

    @ParameterizedTest(name = "{0} {1} {2} on {3}: {4}")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.1 purregebyr / inkassovarsel / betalingsoppfordring: 35 / 105 to 2025, 38 / 113 from 2026
            "NO, PRIVATE,  REMINDER,        2025-12-31, 35.00 NOK",
            "NO, PRIVATE,  REMINDER,        2026-01-01, 38.00 NOK",
            "NO, BUSINESS, REMINDER,        2025-12-31, 35.00 NOK",
            "NO, BUSINESS, REMINDER,        2026-01-01, 38.00 NOK",
            "NO, PRIVATE,  NOTICE,          2025-12-31, 35.00 NOK",
            "NO, BUSINESS, NOTICE,          2026-01-01, 38.00 NOK",
            "NO, PRIVATE,  PAYMENT_DEMAND,  2025-12-31, 105.00 NOK",
            "NO, BUSINESS, PAYMENT_DEMAND,  2026-01-01, 113.00 NOK",
            // domain.md 2.2 rykkergebyr 100 DKK; a § 10 påkrav combined with a rykker carries it
            "DK, PRIVATE,  REMINDER,        2025-12-31, 100.00 DKK",
            "DK, BUSINESS, REMINDER,        2026-01-01, 100.00 DKK",
            "DK, PRIVATE,  NOTICE,          2026-01-01, 100.00 DKK",
            // domain.md 2.3 påminnelseavgift 60 SEK, inkassokrav 180 SEK
            "SE, PRIVATE,  REMINDER,        2025-12-31, 60.00 SEK",
            "SE, BUSINESS, REMINDER,        2026-01-01, 60.00 SEK",
            "SE, PRIVATE,  NOTICE,          2026-01-01, 180.00 SEK",
            "SE, BUSINESS, NOTICE,          2025-12-31, 180.00 SEK",
            // domain.md 2.4 maksumuistutus 5 EUR consumer, 12 EUR business
            "FI, PRIVATE,  REMINDER,        2025-12-31, 5.00 EUR",
            "FI, PRIVATE,  REMINDER,        2026-01-01, 5.00 EUR",
            "FI, BUSINESS, REMINDER,        2026-01-01, 12.00 EUR",
            "FI, PRIVATE,  NOTICE,          2026-01-01, 5.00 EUR",
            "FI, BUSINESS, NOTICE,          2026-01-01, 12.00 EUR",
            // a friendly notice never carries a fee; a payment demand is Norwegian only
            "NO, PRIVATE,  FRIENDLY_NOTICE, 2026-01-01, none",
            "DK, BUSINESS, FRIENDLY_NOTICE, 2026-01-01, none",
            "DK, PRIVATE,  PAYMENT_DEMAND,  2026-01-01, none",
            "SE, PRIVATE,  PAYMENT_DEMAND,  2026-01-01, none",
            "FI, BUSINESS, PAYMENT_DEMAND,  2026-01-01, none",
            // before the law book's first row (2025-01-01)
            "NO, PRIVATE,  REMINDER,        2024-12-31, none",
    })
    void feeCapsPerCountrySegmentKindAndLetterDate(Country country, Segment segment, LetterKind kind, LocalDate date,
                                                    String cap) {
        assertThat(LAW.feeCap(country, segment, kind, date).map(Money::toString).orElse(null)).isEqualTo(cap);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3} %")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.1 NO: 12.5 / 12.25 / 12.00 / 12.25, nothing after 2026 yet
            "NO, PRIVATE,  2025-06-30, 12.50",
            "NO, BUSINESS, 2025-07-01, 12.25",
            "NO, PRIVATE,  2025-12-31, 12.25",
            "NO, PRIVATE,  2026-01-01, 12.00",
            "NO, BUSINESS, 2026-07-01, 12.25",
            "NO, PRIVATE,  2027-01-01, none",
            // domain.md 2.2 DK: 10.75 / 9.75 / 9.75, from 2026-07-01 not found
            "DK, PRIVATE,  2025-01-01, 10.75",
            "DK, BUSINESS, 2025-07-01, 9.75",
            "DK, PRIVATE,  2026-06-30, 9.75",
            "DK, PRIVATE,  2026-07-01, none",
            // domain.md 2.3 SE: 11.00 / 10.00 / 10.00 / 10.00 (H2 2026 UNVERIFIED)
            "SE, PRIVATE,  2025-01-01, 11.00",
            "SE, BUSINESS, 2025-07-01, 10.00",
            "SE, PRIVATE,  2026-12-31, 10.00",
            // domain.md 2.4 FI: viitekorko + 7 consumer, + 8 business
            "FI, PRIVATE,  2025-01-01, 10.5",
            "FI, BUSINESS, 2025-01-01, 11.5",
            "FI, PRIVATE,  2025-07-01, 9.5",
            "FI, BUSINESS, 2026-03-01, 10.5",
            "FI, PRIVATE,  2026-12-31, 9.5",
            "FI, BUSINESS, 2026-12-31, 10.5",
    })
    void lateInterestRatesPerHalfYear(Country country, Segment segment, LocalDate day, BigDecimal rate) {
        assertThat(LAW.lateInterestRate(country, segment, day).orElse(null)).isEqualTo(rate);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.1 standardkompensasjon: 470 (H1 2025), 460 (H2 2025, H1 2026), 430 (H2 2026)
            "NO, 2025-06-30, 470.00 NOK",
            "NO, 2025-07-01, 460.00 NOK",
            "NO, 2026-06-30, 460.00 NOK",
            "NO, 2026-07-01, 430.00 NOK",
            "NO, 2027-01-01, none",
            // domain.md 2.2, 2.3, 2.4
            "DK, 2026-03-01, 310.00 DKK",
            "SE, 2026-03-01, 450.00 SEK",
            "FI, 2026-03-01, 40.00 EUR",
    })
    void businessCompensationByDate(Country country, LocalDate date, String amount) {
        assertThat(LAW.compensation(country, date).map(Money::toString).orElse(null)).isEqualTo(amount);
    }

    @ParameterizedTest(name = "new act from 2027-01-01, {0} on {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            // domain.md 2.1 "New inkassolov": a creditor's own inkassovarsel / betalingsoppfordring carries no fee
            "NOTICE,         2026-12-31, 38.00 NOK",
            "NOTICE,         2027-01-01, none",
            "PAYMENT_DEMAND, 2026-12-31, 113.00 NOK",
            "PAYMENT_DEMAND, 2027-01-01, none",
            "REMINDER,       2027-01-01, 38.00 NOK",
    })
    void theNewNorwegianActTakesTheFeeOffACreditorsOwnNoticeFromItsConfiguredDate(LetterKind kind, LocalDate date,
                                                                                 String cap) {
        LawBook law = new LawBook(new LawProperties(LawProperties.DEFAULT_FILE, LocalDate.of(2027, 1, 1), Map.of()));

        assertThat(law.norwegianNewCollectionActInForce(date)).isEqualTo(!date.isBefore(LocalDate.of(2027, 1, 1)));
        assertThat(law.feeCap(Country.NO, Segment.PRIVATE, kind, date).map(Money::toString).orElse(null))
                .isEqualTo(cap);
    }

    @Test
    void withoutACommencementDateTheNewNorwegianActIsNeverInForce() {
        assertThat(LAW.norwegianNewCollectionActInForce(LocalDate.of(2099, 1, 1))).isFalse();
        assertThat(LAW.feeCap(Country.NO, Segment.PRIVATE, LetterKind.NOTICE, LocalDate.of(2027, 6, 1)))
                .contains(Money.of("38", "NOK"));
    }

    @Test
    void dayCountBasisIs365UnlessConfigured() {
        LawBook danish360 = new LawBook(new LawProperties(LawProperties.DEFAULT_FILE, null, Map.of(Country.DK, 360)));

        assertThat(LAW.dayCountBasis(Country.DK)).isEqualTo(365);
        assertThat(danish360.dayCountBasis(Country.DK)).isEqualTo(360);
        assertThat(danish360.dayCountBasis(Country.NO)).isEqualTo(365);
        assertThatThrownBy(() -> new LawProperties(LawProperties.DEFAULT_FILE, null, Map.of(Country.SE, 366)))
                .hasMessageContaining("360 or 365");
    }

    @Test
    void everyRowNamesItsLawItsSourceAndAConfidence() {
        assertThat(LAW.rows()).hasSizeGreaterThan(50).allSatisfy(row -> {
            assertThat(row.law()).isNotBlank();
            assertThat(row.source()).isNotBlank();
            assertThat(row.confidence()).isNotNull();
            assertThat(row.validFrom()).isAfterOrEqualTo(LocalDate.of(2025, 1, 1));
        });
        assertThat(LAW.rows()).filteredOn(row -> row.rule() == LawRule.LATE_INTEREST_RATE).allSatisfy(row -> {
            assertThat(row.referenceRate()).isNotNull();
            assertThat(row.margin()).isNotNull();
        });
    }

    @Test
    void everyHalfYearOf2025And2026HasARateExceptDenmarkFromJuly2026() {
        for (Country country : Country.values()) {
            for (Segment segment : Segment.values()) {
                for (LocalDate start = LocalDate.of(2025, 1, 1); start.getYear() < 2027; start = start.plusMonths(6)) {
                    boolean expected = !(country == Country.DK && start.equals(LocalDate.of(2026, 7, 1)));
                    assertThat(LAW.lateInterestRate(country, segment, start).isPresent())
                            .as("%s %s from %s", country, segment, start).isEqualTo(expected);
                    assertThat(LAW.lateInterestRate(country, segment, start.plusMonths(6).minusDays(1)).isPresent())
                            .as("%s %s until the end of the half-year from %s", country, segment, start)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theUnverifiedValuesAreExactlyThoseTheReadmeLists() {
        assertThat(LAW.rows()).filteredOn(row -> row.confidence() == Confidence.UNVERIFIED)
                .extracting(row -> row.rule() + " " + row.country() + " " + row.segment()
                        + (row.kind() == null ? "" : " " + row.kind()) + " " + row.validFrom() + " " + row.value())
                .containsExactlyInAnyOrder(
                        "FEE_CAP FI PRIVATE NOTICE 2025-01-01 5",
                        "FEE_CAP FI BUSINESS NOTICE 2025-01-01 12",
                        "FIRST_FEE_DAY_AFTER_DUE FI BUSINESS 2025-01-01 15",
                        "MAX_FEE_REMINDERS SE BOTH 2025-01-01 1",
                        "MAX_FEE_NOTICES SE BOTH 2025-01-01 1",
                        "MAX_FEE_LETTERS FI BOTH 2025-01-01 3",
                        "ASSUMED_POST_DAYS FI BOTH 2025-01-01 7",
                        "LATE_INTEREST_RATE SE BOTH 2026-07-01 10.00",
                        "LATE_INTEREST_RATE FI PRIVATE 2026-07-01 9.5",
                        "LATE_INTEREST_RATE FI BUSINESS 2026-07-01 10.5");
    }

    @Test
    void anOperatorCanPointTheLawBookAtAnotherFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("law.yaml");
        Files.writeString(file, row("FEE_CAP", "2026-01-01", "40", "H"));

        LawBook law = new LawBook(new LawProperties("file:" + file, null, Map.of()));

        assertThat(law.feeCap(Country.NO, Segment.PRIVATE, LetterKind.REMINDER, LocalDate.of(2026, 3, 1)))
                .contains(Money.of("40", "NOK"));
        assertThat(law.rows()).hasSize(1);
    }

    @Test
    void aLawBookWithOverlappingRowsOrARowWithoutSourceIsRefused(@TempDir Path dir) throws IOException {
        Path overlapping = dir.resolve("overlapping.yaml");
        Files.writeString(overlapping, row("FEE_CAP", "2026-01-01", "38", "H")
                + row("FEE_CAP", "2026-06-01", "40", "M").replace("rows:\n", ""));
        Path unsourced = dir.resolve("unsourced.yaml");
        Files.writeString(unsourced, row("FEE_CAP", "2026-01-01", "38", "H").replace("    source: x\n", ""));

        assertThatThrownBy(() -> new LawBook(new LawProperties("file:" + overlapping, null, Map.of())))
                .hasMessageContaining("overlapping rows");
        assertThatThrownBy(() -> new LawBook(new LawProperties("file:" + unsourced, null, Map.of())))
                .hasStackTraceContaining("has no source");
    }

    private static String row(String rule, String from, String value, String confidence) {
        return """
                rows:
                  - rule: %s
                    country: "NO"
                    kind: REMINDER
                    validFrom: %s
                    value: %s
                    law: test
                    source: x
                    confidence: %s
                """.formatted(rule, from, value, confidence);
    }
}
