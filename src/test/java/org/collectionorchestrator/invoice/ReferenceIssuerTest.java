package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorBanking;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.creditor.ReferenceTarget;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.web.UnprocessableException;
import org.junit.jupiter.api.Test;

class ReferenceIssuerTest {

    private final InvoiceRepository invoices = mock(InvoiceRepository.class);
    private final ReferenceIssuer issuer = new ReferenceIssuer(invoices);

    private static Creditor creditor(PaymentReferenceScheme scheme, Integer length) {
        return new Creditor("c", "C AS", Country.NO, Currency.getInstance("NOK"), "nb", ZoneId.of("Europe/Oslo"),
                CreditorPolicy.DEFAULT, new CreditorBanking(scheme, length, ReferenceTarget.INVOICE, List.of()));
    }

    @Test
    void aNumberWhoseMod11KidWouldEndInMinusIsSkipped() {
        when(invoices.nextReferenceNumber()).thenReturn(104L, 105L); // 104 -> 0104-, 105 -> 01058

        ReferenceIssuer.Issued issued = issuer.issue(creditor(PaymentReferenceScheme.NO_KID_MOD11, 5));

        assertThat(issued).isEqualTo(new ReferenceIssuer.Issued("01058", PaymentReferenceScheme.NO_KID_MOD11));
    }

    @Test
    void aReferenceTheCreditorHasAlreadyIsSkipped() {
        when(invoices.nextReferenceNumber()).thenReturn(1234L, 1235L);
        when(invoices.referenceTaken("c", "0000012344")).thenReturn(true);

        assertThat(issuer.issue(creditor(PaymentReferenceScheme.NO_KID_MOD10, 10)).reference()).isEqualTo("0000012351");
    }

    @Test
    void aNumberTooLongForTheCreditorsLengthIsUnprocessable() {
        when(invoices.nextReferenceNumber()).thenReturn(1_000_000L);

        assertThatThrownBy(() -> issuer.issue(creditor(PaymentReferenceScheme.SE_OCR_LENGTH, 7)))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("banking.referenceLength");
    }

    @Test
    void aCustomerKeepsTheReferenceItHas() {
        ReferenceIssuer.Issued existing = new ReferenceIssuer.Issued("12344", PaymentReferenceScheme.NO_KID_MOD10);
        when(invoices.customerReference("c", "k1")).thenReturn(Optional.of(existing));

        assertThat(issuer.forCustomer(creditor(PaymentReferenceScheme.NO_KID_MOD11, 10), "k1")).isEqualTo(existing);
        verify(invoices, never()).nextReferenceNumber();
        verify(invoices, never()).assignCustomerReference(any(), any(), any());
    }

    @Test
    void aCustomerWithoutReferenceGetsOne() {
        when(invoices.customerReference("c", "k1")).thenReturn(Optional.empty());
        when(invoices.nextReferenceNumber()).thenReturn(1000L);

        ReferenceIssuer.Issued issued = issuer.forCustomer(creditor(PaymentReferenceScheme.NO_KID_MOD10, 10), "k1");

        assertThat(issued).isEqualTo(new ReferenceIssuer.Issued("0000010009", PaymentReferenceScheme.NO_KID_MOD10));
        verify(invoices).assignCustomerReference(eq("c"), eq("k1"), eq(issued));
    }
}
