package org.collectionorchestrator.payment.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.matching.CandidateRanking.Candidate;
import org.collectionorchestrator.payment.matching.CandidateRanking.OpenInvoice;
import org.collectionorchestrator.payment.matching.CandidateRanking.Payment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateRankingTest {

    private static final LocalDate DUE = LocalDate.of(2026, 11, 15);

    private static OpenInvoice invoice(String number, String amount, String outstanding, String reference, String customer) {
        return new OpenInvoice(UUID.randomUUID(), number, Money.of(amount, "NOK"), Money.of(outstanding, "NOK"), reference,
                customer, DUE);
    }

    private static Payment payment(String amount, String reference, String debtor) {
        return new Payment(Money.of(amount, "NOK"), reference, debtor);
    }

    @ParameterizedTest(name = "paid {0} on {1} invoiced, {2} outstanding: {3}")
    @CsvSource({
            "1250.00, 1250.00, 1250.00, 60",
            "1000.00, 1000.00,  700.00, 40",
            " 690.00, 1000.00,  700.00, 15",
            " 500.00, 1000.00,  700.00,  0"})
    void amountPoints(String paid, String amount, String outstanding, int points) {
        assertThat(CandidateRanking.amountScore(Money.of(paid, "NOK"), invoice("1", amount, outstanding, null, "x")))
                .isEqualTo(points);
    }

    @ParameterizedTest(name = "reference {0}: {1}")
    @CsvSource({
            "1234567897,                 50",
            "12 3456 7897,               50",
            "10001,                      50",
            "Faktura 10001 november,     40",
            "1234567891,                 32",
            "9999999999,                  0",
            "'',                          0"})
    void referencePoints(String reference, int points) {
        assertThat(CandidateRanking.referenceScore(reference, invoice("10001", "1", "1", "1234567897", "x"))).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({
            "Kari Nordmann,       Kari Nordmann,        30",
            "NORDMANN KARI,       Kari Nordmann,        30",
            "Kari Nordmann,       Kari Anne Nordmann,   20",
            "Ola Hansen,          Kari Nordmann,         0",
            "'',                  Kari Nordmann,         0"})
    void debtorNamePoints(String debtor, String customer, int points) {
        assertThat(CandidateRanking.nameScore(debtor, customer)).isEqualTo(points);
    }

    @Test
    void theBestFitComesFirstAndAtMostTenAreKept() {
        List<OpenInvoice> invoices = new ArrayList<>();
        IntStream.range(0, 15).forEach(i -> invoices.add(invoice("2000" + i, "300.00", "300.00", null, "Someone Else")));
        OpenInvoice sameAmount = invoice("10002", "1250.00", "1250.00", null, "Ola Hansen");
        OpenInvoice sameReference = invoice("10003", "2000.00", "2000.00", "1234567897", "Per Olsen");
        OpenInvoice sameName = invoice("10004", "800.00", "800.00", null, "Kari Nordmann");
        invoices.addAll(List.of(sameName, sameReference, sameAmount));

        List<Candidate> ranked = CandidateRanking.rank(payment("1250.00", "1234567897", "Kari Nordmann"), invoices);

        assertThat(ranked).hasSize(CandidateRanking.MAX_CANDIDATES);
        assertThat(ranked.subList(0, 3)).extracting(Candidate::invoice).containsExactly(sameAmount, sameReference, sameName);
    }

    @Test
    void equalScoresKeepTheOldestDueDateFirst() {
        OpenInvoice later = new OpenInvoice(UUID.randomUUID(), "1", Money.of("100.00", "NOK"), Money.of("100.00", "NOK"),
                null, "A", DUE.plusDays(10));
        OpenInvoice earlier = new OpenInvoice(UUID.randomUUID(), "2", Money.of("100.00", "NOK"), Money.of("100.00", "NOK"),
                null, "A", DUE);

        assertThat(CandidateRanking.rank(payment("100.00", null, null), List.of(later, earlier)))
                .extracting(Candidate::invoice).containsExactly(earlier, later);
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertThat(CandidateRanking.editDistance("1234567897", "1234567891")).isEqualTo(1);
        assertThat(CandidateRanking.editDistance("abc", "")).isEqualTo(3);
        assertThat(CandidateRanking.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}
