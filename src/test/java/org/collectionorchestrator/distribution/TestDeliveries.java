package org.collectionorchestrator.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.invoice.PostalAddress;

/** Deliveries for the channel tests. */
public final class TestDeliveries {

    public static final byte[] PDF = "%PDF-1.7 test document".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TestDeliveries() {
    }

    public static Recipient recipient(String language, String email, String participantId) {
        return new Recipient("C-42", "Kari Nordmann", language, email,
                new PostalAddress("Storgata 1", "0155", "Oslo", "NO"), participantId, true, Channel.EMAIL, "NO");
    }

    public static Delivery delivery(DocumentKind kind, Recipient recipient) {
        return new Delivery(UUID.randomUUID(), UUID.randomUUID(), kind, kind == DocumentKind.INVOICE ? 0 : 1, "Acme AS",
                "NO", "0192:974760673", recipient, "Reminder 1", PDF,
                new Delivery.PaymentDetails("INV-1001", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 15),
                        new BigDecimal("1250.00"), "NOK", "1234567897", "NO9386011117947"));
    }
}
