package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.collectionorchestrator.creditor.CollectionModel;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.creditor.PaymentOrder;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a payment leaves: followed up, paid, costs waived or written off, by the creditor's settings; no Spring. */
class ResidualTest {

    static Stream<Arguments> residuals() {
        return Stream.of(
                // principal, fees, interest, compensation left; waive; tolerance; outcome
                Arguments.of("0.00", "0.00", "0.00", "0.00", false, "0.00", Residual.PAID),
                Arguments.of("0.00", "0.00", "0.00", "0.00", true, "50.00", Residual.PAID),
                Arguments.of("100.00", "0.00", "0.00", "0.00", false, "0.00", Residual.OPEN),
                Arguments.of("0.00", "35.00", "4.20", "0.00", false, "0.00", Residual.OPEN),
                Arguments.of("0.00", "35.00", "4.20", "0.00", true, "0.00", Residual.COSTS_WAIVED),
                Arguments.of("0.00", "35.00", "4.20", "460.00", true, "0.00", Residual.COSTS_WAIVED),
                Arguments.of("0.01", "35.00", "0.00", "0.00", true, "0.00", Residual.OPEN),
                Arguments.of("0.00", "35.00", "4.20", "0.00", true, "100.00", Residual.COSTS_WAIVED),
                Arguments.of("0.00", "35.00", "4.20", "0.00", false, "39.20", Residual.WRITTEN_OFF),
                Arguments.of("0.00", "35.00", "4.21", "0.00", false, "39.20", Residual.OPEN),
                Arguments.of("9.99", "0.00", "0.00", "0.00", false, "10.00", Residual.WRITTEN_OFF),
                Arguments.of("10.00", "0.00", "0.00", "0.00", false, "10.00", Residual.WRITTEN_OFF),
                Arguments.of("10.01", "0.00", "0.00", "0.00", false, "10.00", Residual.OPEN),
                Arguments.of("10.00", "0.00", "0.00", "0.00", true, "10.00", Residual.WRITTEN_OFF),
                Arguments.of("0.01", "0.00", "0.00", "0.00", false, "0.00", Residual.OPEN));
    }

    @ParameterizedTest(name = "left {0}/{1}/{2}/{3}, waive {4}, tolerance {5}: {6}")
    @MethodSource("residuals")
    void theCreditorsSettingsDecideWhatBecomesOfTheRest(String principal, String fees, String interest, String compensation,
                                                        boolean waive, String tolerance, Residual expected) {
        InvoiceBalance left = new InvoiceBalance(nok(principal), nok(fees), nok(interest), nok(compensation));
        CreditorPolicy policy = new CreditorPolicy(false, PaymentOrder.COSTS_INTEREST_PRINCIPAL, waive, BigDecimal.ZERO,
                new BigDecimal(tolerance), 0, CollectionModel.OWN_NOTICE, null);

        Residual residual = Residual.after(left, policy);

        assertThat(residual).isEqualTo(expected);
        assertThat(residual.settles()).isEqualTo(expected != Residual.OPEN);
        assertThat(residual.writesOff()).isEqualTo(expected == Residual.COSTS_WAIVED || expected == Residual.WRITTEN_OFF);
    }

    private static Money nok(String amount) {
        return Money.of(amount, "NOK");
    }
}
