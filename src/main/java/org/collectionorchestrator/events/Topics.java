package org.collectionorchestrator.events;

import java.util.List;

/** The Kafka topics of the service; each inbound topic has a dead-letter topic named {@code <topic>.dlt}. */
public final class Topics {

    /** Inbound: invoice-issued, invoice-credited, invoice-cancelled (schema schemas/invoice-message.v1.json). */
    public static final String INVOICES = "collection.invoices.v1";
    /** Inbound: payment-received (schema schemas/payment-message.v1.json). */
    public static final String PAYMENTS = "collection.payments.v1";
    /** Outbound: CloudEvents (structured mode) for every change of a receivable, keyed by invoice id. */
    public static final String RECEIVABLE_EVENTS = "collection.receivable-events.v1";

    public static final String DLT_SUFFIX = ".dlt";

    /** Every topic the service reads or writes, dead-letter topics included. */
    public static final List<String> ALL = List.of(INVOICES, dlt(INVOICES), PAYMENTS, dlt(PAYMENTS), RECEIVABLE_EVENTS);

    private Topics() {
    }

    public static String dlt(String topic) {
        return topic + DLT_SUFFIX;
    }
}
