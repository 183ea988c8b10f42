package org.collectionorchestrator.invoice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects a customer's contact data after a failed delivery (the "Fix delivery" task): a new e-mail address and/or
 * postal address; what is left out stays. The correction is in the audit trail of the invoice it was made for.
 */
@Service
public class CustomerContacts {

    private final InvoiceRepository invoices;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public CustomerContacts(InvoiceRepository invoices, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void correct(UUID invoiceId, String email, PostalAddress address) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new IllegalArgumentException("No invoice " + invoiceId));
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        jdbc.sql("""
                        update customer set email = coalesce(:email, email),
                               address_street = coalesce(:street, address_street),
                               address_postal_code = coalesce(:postalCode, address_postal_code),
                               address_city = coalesce(:city, address_city),
                               address_country = coalesce(:country, address_country), updated_at = :now
                         where creditor_id = :creditor and id = :customer""")
                .param("email", email)
                .param("street", address == null ? null : address.street())
                .param("postalCode", address == null ? null : address.postalCode())
                .param("city", address == null ? null : address.city())
                .param("country", address == null ? null : address.country())
                .param("now", OffsetDateTime.now(clock))
                .param("creditor", invoice.creditorId())
                .param("customer", invoice.customer().id())
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("customerId", invoice.customer().id());
        if (email != null) {
            details.put("email", email);
        }
        if (address != null) {
            details.put("postalAddress", address.street() + ", " + address.postalCode() + " " + address.city() + ", "
                    + address.country());
        }
        audit.record(invoiceId, AuditEventType.CONTACT_CORRECTED, details);
    }
}
