package org.collectionorchestrator.distribution;

import org.collectionorchestrator.invoice.Channel;

/**
 * One way out to the customer. Implementations are thin: they format the document for their provider and call its
 * client, which carries the Resilience4j time limit, retry and circuit breaker. A technical failure (provider down,
 * time-out) is a {@link ChannelUnavailableException}: the job is retried, with the same dispatch id.
 */
public interface DeliveryChannel {

    Channel channel();

    /** Whether this recipient can be reached this way at all (an address of the right kind). */
    boolean canReach(Recipient recipient);

    SendResult send(Delivery delivery);
}
