package org.collectionorchestrator.invoice;

/**
 * How the customer can be reached beyond e-mail (which {@link Customer} carries itself).
 *
 * @param postalAddress        where letters are printed to; null: none known
 * @param peppolParticipantId  {@code scheme:id}, e.g. {@code 0192:974760673}, checked by {@link PeppolParticipantId}
 * @param efakturaConsent      the customer accepts eFaktura / Vipps eFaktura
 * @param preferredChannel     the customer's own choice; null: the distribution table decides alone
 */
public record ContactChannels(PostalAddress postalAddress, String peppolParticipantId, boolean efakturaConsent,
                              Channel preferredChannel) {

    public static final ContactChannels NONE = new ContactChannels(null, null, false, null);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
