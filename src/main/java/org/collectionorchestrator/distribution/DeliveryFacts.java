package org.collectionorchestrator.distribution;

/**
 * What the distribution table and the "Fix delivery" form need to know about the customer of an invoice.
 *
 * @param contactData the addresses as one line each, for a person to read
 */
public record DeliveryFacts(String segment, String customerCountry, boolean hasParticipantId, boolean efakturaConsent,
                            boolean hasEmail, boolean hasPostalAddress, String preferredChannel, String contactData) {
}
