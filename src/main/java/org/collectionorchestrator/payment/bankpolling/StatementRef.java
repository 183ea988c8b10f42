package org.collectionorchestrator.payment.bankpolling;

import java.time.Instant;

/** One statement as the bank lists it: its id in the bank's API and when the bank created it (null if not given). */
public record StatementRef(String id, Instant createdAt) {
}
