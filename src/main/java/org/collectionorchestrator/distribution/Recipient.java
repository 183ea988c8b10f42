package org.collectionorchestrator.distribution;

import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.invoice.PostalAddress;

/** Who a document goes to, with every address a channel may use. */
public record Recipient(String customerId, String name, String language, String email, PostalAddress postalAddress,
                        String peppolParticipantId, boolean efakturaConsent, Channel preferredChannel, String country) {
}
