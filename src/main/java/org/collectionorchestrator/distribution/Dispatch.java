package org.collectionorchestrator.distribution;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.collectionorchestrator.invoice.Channel;

/** One attempt to send one document by one channel, as stored. */
public record Dispatch(UUID id, UUID invoiceId, DocumentKind kind, int letterNumber, Channel channel,
                       DispatchStatus status, String detail, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
}
