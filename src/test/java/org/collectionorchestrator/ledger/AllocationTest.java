package org.collectionorchestrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.collectionorchestrator.creditor.PaymentOrder;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How a payment divides over principal, fees, interest and compensation, per payment order; no Spring. */
class AllocationTest {

    /** Principal 1000, fees 35, interest 12.50, compensation 460 (a NO business claim with a reminder). */
    private static final InvoiceBalance OWED = balance("1000.00", "35.00", "12.50", "460.00");

    static Stream<Arguments> payments() {
        return Stream.of(
                // order, paid, then principal / fees / interest / compensation received, excess
                row(PaymentOrder.COSTS_INTEREST_PRINCIPAL, "20.00", "0.00", "20.00", "0.00", "0.00", "0.00"),
                row(PaymentOrder.COSTS_INTEREST_PRINCIPAL, "100.00", "0.00", "35.00", "0.00", "65.00", "0.00"),
                row(PaymentOrder.COSTS_INTEREST_PRINCIPAL, "500.00", "0.00", "35.00", "5.00", "460.00", "0.00"),
                row(PaymentOrder.COSTS_INTEREST_PRINCIPAL, "600.00", "92.50", "35.00", "12.50", "460.00", "0.00"),
                row(PaymentOrder.COSTS_INTEREST_PRINCIPAL, "1507.50", "1000.00", "35.00", "12.50", "460.00", "0.00"),
                row(PaymentOrder.COSTS_INTEREST_PRINCIPAL, "1600.00", "1000.00", "35.00", "12.50", "460.00", "92.50"),
                row(PaymentOrder.INTEREST_COSTS_PRINCIPAL, "10.00", "0.00", "0.00", "10.00", "0.00", "0.00"),
                row(PaymentOrder.INTEREST_COSTS_PRINCIPAL, "40.00", "0.00", "27.50", "12.50", "0.00", "0.00"),
                row(PaymentOrder.INTEREST_COSTS_PRINCIPAL, "600.00", "92.50", "35.00", "12.50", "460.00", "0.00"),
                row(PaymentOrder.INTEREST_COSTS_PRINCIPAL, "1600.00", "1000.00", "35.00", "12.50", "460.00", "92.50"),
                row(PaymentOrder.PRINCIPAL_INTEREST_COSTS, "600.00", "600.00", "0.00", "0.00", "0.00", "0.00"),
                row(PaymentOrder.PRINCIPAL_INTEREST_COSTS, "1000.00", "1000.00", "0.00", "0.00", "0.00", "0.00"),
                row(PaymentOrder.PRINCIPAL_INTEREST_COSTS, "1040.00", "1000.00", "27.50", "12.50", "0.00", "0.00"),
                row(PaymentOrder.PRINCIPAL_INTEREST_COSTS, "1100.00", "1000.00", "35.00", "12.50", "52.50", "0.00"),
                row(PaymentOrder.PRINCIPAL_INTEREST_COSTS, "1600.00", "1000.00", "35.00", "12.50", "460.00", "92.50"));
    }

    private static Arguments row(PaymentOrder order, String paid, String principal, String fees, String interest,
                                 String compensation, String excess) {
        return Arguments.of(order, paid, principal, fees, interest, compensation, excess);
    }

    @ParameterizedTest(name = "{0}: {1} pays principal {2}, fees {3}, interest {4}, compensation {5}, excess {6}")
    @MethodSource("payments")
    void aPaymentPaysTheComponentsInTheCreditorsOrder(PaymentOrder order, String paid, String principal, String fees,
                                                      String interest, String compensation, String excess) {
        Allocation allocation = Allocation.of(OWED, order.components(), nok(paid));

        assertThat(received(allocation)).containsExactlyEntriesOf(expected(principal, fees, interest, compensation));
        assertThat(allocation.excess()).isEqualTo(nok(excess));
        assertThat(allocation.applied().plus(allocation.excess())).isEqualTo(nok(paid));
        InvoiceBalance after = allocation.after(OWED);
        assertThat(after.outstanding()).isEqualTo(OWED.outstanding().minus(allocation.applied()));
        assertThat(after.parts().values()).noneMatch(left -> left.amount().signum() < 0);
    }

    @ParameterizedTest
    @EnumSource(PaymentOrder.class)
    void componentsFirstInTheOrderAreFullyPaidBeforeTheNextGetsAnything(PaymentOrder order) {
        Allocation allocation = Allocation.of(OWED, order.components(), nok("50.00"));

        Component first = order.components().get(0);
        Money expectedFirst = OWED.of(first).min(nok("50.00"));
        assertThat(allocation.parts().keySet().iterator().next()).isEqualTo(first);
        assertThat(allocation.parts().get(first)).isEqualTo(expectedFirst);
        assertThat(order.components()).containsExactlyInAnyOrder(Component.values());
    }

    @Test
    void partialPaymentsOneAfterTheOtherPayInTheSameOrderAsOnePayment() {
        InvoiceBalance balance = OWED;
        for (String part : new String[] {"30.00", "30.00", "30.00"}) {
            balance = Allocation.of(balance, PaymentOrder.COSTS_INTEREST_PRINCIPAL.components(), nok(part)).after(balance);
        }

        InvoiceBalance once = Allocation.of(OWED, PaymentOrder.COSTS_INTEREST_PRINCIPAL.components(), nok("90.00")).after(OWED);
        assertThat(balance).isEqualTo(once);
        assertThat(balance).isEqualTo(balance("1000.00", "0.00", "12.50", "405.00"));
    }

    @Test
    void nothingIsAppliedWhenNothingIsOwed() {
        Allocation allocation = Allocation.of(balance("0.00", "0.00", "0.00", "0.00"),
                PaymentOrder.COSTS_INTEREST_PRINCIPAL.components(), nok("100.00"));

        assertThat(allocation.parts()).isEmpty();
        assertThat(allocation.applied()).isEqualTo(nok("0.00"));
        assertThat(allocation.excess()).isEqualTo(nok("100.00"));
    }

    @Test
    void neverMoreIsAppliedThanIsOwedInAllEvenWhenOneComponentIsOverpaid() {
        // A principal written off in full by a pre-component write-off of everything: fees still show, nothing is owed.
        InvoiceBalance balance = balance("-35.00", "35.00", "0.00", "0.00");

        Allocation allocation = Allocation.of(balance, PaymentOrder.COSTS_INTEREST_PRINCIPAL.components(), nok("50.00"));

        assertThat(allocation.applied()).isEqualTo(nok("0.00"));
        assertThat(allocation.excess()).isEqualTo(nok("50.00"));
    }

    private static Map<Component, Money> received(Allocation allocation) {
        Map<Component, Money> received = new LinkedHashMap<>();
        for (Component component : Component.values()) {
            received.put(component, allocation.parts().getOrDefault(component, nok("0.00")));
        }
        return received;
    }

    private static Map<Component, Money> expected(String principal, String fees, String interest, String compensation) {
        Map<Component, Money> expected = new LinkedHashMap<>();
        expected.put(Component.PRINCIPAL, nok(principal));
        expected.put(Component.FEES, nok(fees));
        expected.put(Component.INTEREST, nok(interest));
        expected.put(Component.COMPENSATION, nok(compensation));
        return expected;
    }

    static InvoiceBalance balance(String principal, String fees, String interest, String compensation) {
        return new InvoiceBalance(nok(principal), nok(fees), nok(interest), nok(compensation));
    }

    static Money nok(String amount) {
        return Money.of(amount, "NOK");
    }
}
