package org.collectionorchestrator.collection;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One hand-over of one invoice to one agency, from approval until the agency closes it (or the invoice settles). */
public record CollectionCase(UUID id, UUID invoiceId, String creditorId, String agencyId, Status status,
                             String agencyStatus, String agencyReference, String reviewId, OffsetDateTime approvedAt,
                             OffsetDateTime handedOverAt, String recallReason, OffsetDateTime closedAt,
                             String closeOutcome) {

    public enum Status { APPROVED, HANDED_OVER, OPENED, RECALL_REQUESTED, CLOSED }

    /** The agency has (or may have) the case: callbacks, payments and recalls concern it. */
    public boolean atAgency() {
        return status == Status.HANDED_OVER || status == Status.OPENED || status == Status.RECALL_REQUESTED;
    }

    /** The Idempotency-Key of this case's hand-over: the same on every retry, so the agency opens one case. */
    public String handOverKey() {
        return "hand-over-" + id;
    }
}
