package org.collectionorchestrator.creditor;

import java.time.ZoneId;
import java.util.Currency;

/** A company whose outgoing invoices we follow up; every invoice belongs to exactly one. */
public record Creditor(
        String id,
        String name,
        Country country,
        Currency currency,
        String language,
        ZoneId timeZone,
        CreditorPolicy policy) {
}
