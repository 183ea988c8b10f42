package org.collectionorchestrator.outbox;

import java.util.concurrent.CompletableFuture;

/**
 * Where the relay delivers the rows of one channel ({@link Outbox#ENGINE}, {@link Outbox#EVENTS}). A send must be
 * idempotent on the row: a row whose acknowledgement was lost is sent again.
 */
public interface OutboxChannel {

    /** The channel whose rows this delivers. */
    String name();

    /** Starts delivering; the future completes when the receiver has accepted the row, exceptionally otherwise. */
    CompletableFuture<?> send(OutboxRecord record);
}
