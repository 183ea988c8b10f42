package org.collectionorchestrator.distribution;

/**
 * What a channel answered for one send.
 *
 * @param outcome  DELIVERED (done), ACCEPTED (the provider will report later), REJECTED (never deliverable as sent)
 * @param reference the provider's own id of the send, if it gave one
 * @param detail    the provider's reason for a rejection
 */
public record SendResult(DispatchStatus outcome, String reference, String detail) {

    public static SendResult delivered(String reference) {
        return new SendResult(DispatchStatus.DELIVERED, reference, null);
    }

    public static SendResult accepted(String reference) {
        return new SendResult(DispatchStatus.ACCEPTED, reference, null);
    }

    public static SendResult rejected(String detail) {
        return new SendResult(DispatchStatus.REJECTED, null, detail);
    }
}
