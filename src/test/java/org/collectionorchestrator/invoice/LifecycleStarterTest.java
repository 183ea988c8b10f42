package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LifecycleStarterTest extends ApplicationTestSupport {

    @Autowired
    InvoiceRepository invoices;
    @Autowired
    LifecycleStarter lifecycle;

    @Test
    void anInvoiceStoredWhileTheEngineWasUnreachableGetsItsProcessOnTheNextSweep() {
        String creditor = createCreditor("SE", "SEK", "sv");
        Customer customer = new Customer(unique("cust"), "Anna Svensson", Segment.PRIVATE, false, "SE", "sv", null);
        invoices.upsertCustomer(creditor, customer);
        UUID id = UUID.randomUUID();
        LocalDate due = today().plusDays(20);
        invoices.insert(new Invoice(id, creditor, unique("inv"), customer, due.minusDays(30), due, Money.of("100.00", "SEK"),
                null, null, InvoiceStatus.OPEN, null, "fingerprint", clock.instant().minusSeconds(120)));

        lifecycle.startMissing();
        lifecycle.startMissing();

        Long key = invoices.find(id).orElseThrow().processInstanceKey();
        assertThat(key).isNotNull();
        assertThat(count(id.toString(), "PROCESS_STARTED")).isEqualTo(1);
    }
}
