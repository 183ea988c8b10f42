package org.collectionorchestrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

class LedgerTest extends ApplicationTestSupport {

    private static final Currency NOK = Currency.getInstance("NOK");

    @Autowired
    JdbcClient jdbc;

    @Test
    void ledgerEntriesCanBeNeitherChangedNorDeletedNorTruncated() {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "80.00", "EUR"));
        UUID id = UUID.fromString(invoice.get("id").asText());

        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount = 0 where invoice_id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_entry where invoice_id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate ledger_entry").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(invoice(id.toString()).get("outstanding").asText()).isEqualTo("80.00");
    }

    @Test
    void theBalanceIsTheSumOfPrincipalAndPayments() {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "EUR"));
        String id = invoice.get("id").asText();

        pay(creditor, id, "30.00", "EUR");
        pay(creditor, id, "20.50", "EUR");

        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("49.50");
        assertThat(jdbc.sql("select count(*) from ledger_entry where invoice_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(3);
    }

    @Autowired
    Ledger ledger;

    /** A registered 1000.00 NOK invoice (not yet due) and its account. */
    private record Registered(UUID id, Ledger.Account account) {
    }

    private Registered registered(String amount) {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), amount, "NOK");
        UUID id = UUID.fromString(register(body).get("id").asText());
        return new Registered(id, new Ledger.Account(creditor, body.get("customer").get("id").asText()));
    }

    private static Money nok(String amount) {
        return Money.of(amount, "NOK");
    }

    @Test
    void eachComponentHasItsOwnBalanceAndTheirSumIsTheInvoiceBalance() {
        Registered invoice = registered("1000.00");
        LocalDate day = today();
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.FEE, nok("35.00"), day, "reminder 1");
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.FEE, nok("35.00"), day, "reminder 2");
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.INTEREST, nok("8.20"), day, "interest");
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.COMPENSATION, nok("460.00"), day, "compensation");
        ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.PAYMENT, Component.FEES, nok("35.00"), day, "payment");
        ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.CREDIT, Component.PRINCIPAL, nok("100.00"), day, "credit");

        InvoiceBalance balance = ledger.balance(invoice.id(), NOK);

        assertThat(balance).isEqualTo(new InvoiceBalance(nok("900.00"), nok("35.00"), nok("8.20"), nok("460.00")));
        assertThat(balance.outstanding()).isEqualTo(ledger.invoiceBalance(invoice.id(), NOK)).isEqualTo(nok("1403.20"));
        assertThat(ledger.charged(invoice.id(), LedgerEntryType.FEE, NOK)).isEqualTo(nok("70.00"));
        assertThat(ledger.charged(invoice.id(), LedgerEntryType.INTEREST, NOK)).isEqualTo(nok("8.20"));
        assertThat(ledger.charged(invoice.id(), LedgerEntryType.PRINCIPAL, NOK)).isEqualTo(nok("1000.00"));
        assertThat(ledger.invoiceTotals(List.of(invoice.id())).get(invoice.id())).isEqualTo(new Ledger.InvoiceTotals(
                new BigDecimal("1403.2000"), new BigDecimal("900.0000"), new BigDecimal("35.0000"), new BigDecimal("8.2000"),
                new BigDecimal("460.0000")));
        JsonNode view = invoice(invoice.id().toString());
        assertThat(List.of(view.get("principal").asText(), view.get("fees").asText(), view.get("interest").asText(),
                view.get("compensation").asText(), view.get("outstanding").asText()))
                .containsExactly("900.00", "35.00", "8.20", "460.00", "1403.20");
    }

    @Test
    void principalChangesAreTheNetChangePerBookingDateInDateOrder() {
        Registered invoice = registered("1000.00");
        LocalDate issued = today();   // due in 14 days, issued 14 days before that
        ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.PAYMENT, Component.PRINCIPAL, nok("300.00"),
                issued.plusDays(40), "payment 2");
        ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.PAYMENT, Component.PRINCIPAL, nok("200.00"),
                issued.plusDays(20), "payment 1");
        ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.CREDIT, Component.PRINCIPAL, nok("50.00"),
                issued.plusDays(40), "credit note");
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.FEE, nok("35.00"), issued.plusDays(30), "fee");
        ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.PAYMENT, Component.FEES, nok("35.00"),
                issued.plusDays(30), "fee paid");

        assertThat(ledger.principalChanges(invoice.id())).containsExactly(
                new PrincipalChange(issued, new BigDecimal("1000.0000")),
                new PrincipalChange(issued.plusDays(20), new BigDecimal("-200.0000")),
                new PrincipalChange(issued.plusDays(40), new BigDecimal("-350.0000")));
    }

    @Test
    void clearingReducesEveryComponentStillOwedAndNothingElse() {
        Registered invoice = registered("500.00");
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.INTEREST, nok("4.10"), today(), "interest");

        Map<Component, Money> cleared = ledger.clearOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.WRITE_OFF,
                ledger.balance(invoice.id(), NOK), today(), "write-off");

        assertThat(cleared).containsExactly(Map.entry(Component.PRINCIPAL, nok("500.00")), Map.entry(Component.INTEREST, nok("4.10")));
        assertThat(ledger.balance(invoice.id(), NOK)).isEqualTo(InvoiceBalance.zero(NOK));
    }

    @Test
    void aReductionPostedWithoutAComponentReducesThePrincipal() {
        Registered invoice = registered("500.00");
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.FEE, nok("35.00"), today(), "fee");

        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.WRITE_OFF, nok("100.00"), today(), "write-off");

        assertThat(ledger.balance(invoice.id(), NOK)).isEqualTo(new InvoiceBalance(nok("400.00"), nok("35.00"), nok("0.00"), nok("0.00")));
    }

    @Test
    void chargesAndReductionsCannotBeMixedUp() {
        Registered invoice = registered("500.00");

        assertThatThrownBy(() -> ledger.reduceOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.FEE, Component.FEES,
                nok("1.00"), today(), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.charged(invoice.id(), LedgerEntryType.PAYMENT, NOK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Component.chargedBy(LedgerEntryType.CREDIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into ledger_entry (creditor_id, customer_id, invoice_id, entry_type, component, amount, currency,
                                                  booking_date, source, recorded_at)
                        values (:c, :cu, :id, 'FEE', 'PRINCIPAL', 35, 'NOK', current_date, 'x', now())""")
                .param("c", invoice.account().creditorId()).param("cu", invoice.account().customerId()).param("id", invoice.id())
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("ledger_entry_charge_component");
    }
}
