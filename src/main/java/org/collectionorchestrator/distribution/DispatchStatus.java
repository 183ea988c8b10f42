package org.collectionorchestrator.distribution;

/** Where one dispatch stands. Only PENDING and ACCEPTED may still change. */
public enum DispatchStatus {
    /** Stored, not yet answered by the provider (a send may be under way). */
    PENDING,
    /** The provider took it; its delivery report follows. */
    ACCEPTED,
    DELIVERED,
    /** The address does not exist or refused the document (e-mail bounce, returned letter, unknown receiver). */
    BOUNCED,
    /** The provider refused the document as sent (invalid document, no such participant). */
    REJECTED,
    /** No report came in time. */
    TIMED_OUT,
    /** The channel cannot be used for this recipient (no address) or is not configured. */
    UNAVAILABLE;

    public boolean isFinal() {
        return this != PENDING && this != ACCEPTED;
    }

    public boolean undeliverable() {
        return this == BOUNCED || this == REJECTED || this == TIMED_OUT || this == UNAVAILABLE;
    }
}
