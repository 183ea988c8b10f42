package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.invoice.PayableInvoices.PayableInvoice;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.PaymentMatch.Rule;
import org.collectionorchestrator.payment.bankfile.BankTransaction.ReferredDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The matching rules in their order, on an index built by hand: no database. */
class PaymentMatcherTest {

    private static final PayableInvoice KID = invoice("2026-0001", "12344", "c1", "Kari Nordmann", "1000.00", "NOK");
    private static final PayableInvoice SECOND = invoice("2026-0002", "123456782", "c1", "Kari Nordmann", "500.00", "NOK");
    private static final PayableInvoice OLDER = invoice("2026-0003", null, "c2", "Ola Hansen AS", "300.00", "NOK");
    private static final PayableInvoice NEWER = invoice("2026-0004", null, "c2", "Ola Hansen AS", "400.00", "NOK");
    private static final PayableInvoice SAME_AMOUNT_A = invoice("2026-0005", null, "c3", "Acme Oy", "777.00", "NOK");
    private static final PayableInvoice SAME_AMOUNT_B = invoice("2026-0006", null, "c4", "Birk Bakeri", "777.00", "NOK");
    private static final PayableInvoice IN_EURO = invoice("2026-0007", "1232", "c5", "Euro Kunde", "50.00", "EUR");

    private static final MatchIndex INDEX = new MatchIndex()
            .addInvoices(List.of(KID, SECOND, OLDER, NEWER, SAME_AMOUNT_A, SAME_AMOUNT_B, IN_EURO))
            .addCustomerReferences(Map.of("10000009", "c2"))
            .addAwaitingOfCustomers(Map.of("c2", List.of(OLDER, NEWER)))
            .addAwaitingByAmount(List.of(SAME_AMOUNT_A, SAME_AMOUNT_B))
            .addDebtorAccounts(Map.of("NO8330001234567", Set.of("c4")));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("structured KID", facts("1000.00", List.of("12344"), List.of(), List.of(), null, null),
                        Rule.STRUCTURED_REFERENCE, List.of(KID), null, null),
                Arguments.of("KID written with spaces", facts("1000.00", List.of("1234 4"), List.of(), List.of(), null, null),
                        Rule.STRUCTURED_REFERENCE, List.of(KID), null, null),
                Arguments.of("two KIDs split in order", facts("1500.00", List.of("12344", "123456782"), List.of(), List.of(), null, null),
                        Rule.STRUCTURED_REFERENCE, List.of(KID, SECOND), null, null),
                Arguments.of("customer reference: oldest first", facts("800.00", List.of("10000009"), List.of(), List.of(), null, null),
                        Rule.CUSTOMER_REFERENCE, List.of(OLDER, NEWER), "c2", null),
                Arguments.of("referred invoice numbers", facts("1500.00", List.of(), List.of(
                                new ReferredDocument("2026-0002", false, new BigDecimal("500.00")),
                                new ReferredDocument("CN-9", true, new BigDecimal("100.00")),
                                new ReferredDocument("2026-0001", false, null)), List.of(), null, null),
                        Rule.REFERRED_DOCUMENT, List.of(SECOND, KID), null, null),
                Arguments.of("KID in free text", facts("1000.00", List.of(), List.of(), List.of("Betaling KID: 12344, takk"), null, null),
                        Rule.REMITTANCE_TEXT, List.of(KID), null, null),
                Arguments.of("grouped reference in free text", facts("500.00", List.of(), List.of(), List.of("ref 1234 56782"), null, null),
                        Rule.REMITTANCE_TEXT, List.of(SECOND), null, null),
                Arguments.of("invoice number in free text, any case", facts("500.00", List.of(), List.of(), List.of("faktura 2026-0002."), null, null),
                        Rule.REMITTANCE_TEXT, List.of(SECOND), null, null),
                Arguments.of("amount and known payer account", facts("777.00", List.of(), List.of(), List.of(), "Someone Else", "NO83 3000 1234 567"),
                        Rule.AMOUNT_AND_DEBTOR, List.of(SAME_AMOUNT_B), null, null),
                Arguments.of("amount and payer name without legal form", facts("777.00", List.of(), List.of(), List.of(), "ACME", null),
                        Rule.AMOUNT_AND_DEBTOR, List.of(SAME_AMOUNT_A), null, null),
                Arguments.of("amount alone never matches", facts("777.00", List.of(), List.of(), List.of(), "Nobody Known", null),
                        null, List.of(), null, PaymentMatch.NO_REFERENCE),
                Arguments.of("unknown structured reference", facts("10.00", List.of("27078413730011702"), List.of(), List.of(), null, null),
                        null, List.of(), null, PaymentMatch.UNKNOWN_REFERENCE),
                Arguments.of("reference of an invoice in another currency", facts("50.00", List.of("1232"), List.of(), List.of(), null, null),
                        null, List.of(), null, PaymentMatch.CURRENCY_MISMATCH),
                Arguments.of("nothing to go on", facts("50.00", List.of(), List.of(), List.of("thanks"), null, null),
                        null, List.of(), null, PaymentMatch.NO_REFERENCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matches(String name, PaymentFacts facts, Rule rule, List<PayableInvoice> invoices, String customer, String reason) {
        PaymentMatch match = PaymentMatcher.match(facts, INDEX);

        assertThat(match.rule()).isEqualTo(rule);
        assertThat(match.targets()).extracting(PaymentBooking.Target::invoiceId)
                .containsExactlyElementsOf(invoices.stream().map(PayableInvoice::id).toList());
        assertThat(match.customerId()).isEqualTo(customer);
        assertThat(match.unmatchedReason()).isEqualTo(reason);
    }

    @org.junit.jupiter.api.Test
    void twoInvoicesOfTheAmountWhosePayersBothFitAreAmbiguous() {
        MatchIndex index = new MatchIndex().addAwaitingByAmount(List.of(SAME_AMOUNT_A, SAME_AMOUNT_B))
                .addDebtorAccounts(Map.of("FI1557169020004185", Set.of("c3", "c4")));

        PaymentMatch match = PaymentMatcher.match(facts("777.00", List.of(), List.of(), List.of(), null, "FI1557169020004185"), index);

        assertThat(match.unmatchedReason()).isEqualTo(PaymentMatch.AMBIGUOUS);
    }

    @org.junit.jupiter.api.Test
    void aReferredInvoiceTakesAtMostTheAmountRemittedForIt() {
        PaymentMatch match = PaymentMatcher.match(facts("900.00", List.of(), List.of(
                new ReferredDocument("2026-0001", false, new BigDecimal("400.00"))), List.of(), null, null), INDEX);

        assertThat(match.targets()).singleElement().satisfies(t -> assertThat(t.upTo()).isEqualTo(Money.of("400.00", "NOK")));
    }

    private static PaymentFacts facts(String amount, List<String> references, List<ReferredDocument> documents,
                                      List<String> text, String debtor, String account) {
        return new PaymentFacts(Money.of(amount, "NOK"), null, references, documents, text, debtor, account);
    }

    private static PayableInvoice invoice(String number, String reference, String customer, String name, String amount,
                                          String currency) {
        return new PayableInvoice(UUID.nameUUIDFromBytes(number.getBytes()), number, reference, customer, name,
                Money.of(amount, currency), InvoiceStatus.OPEN, LocalDate.of(2026, 11, 1));
    }
}
