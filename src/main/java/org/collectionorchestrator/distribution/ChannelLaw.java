package org.collectionorchestrator.distribution;

import java.util.Optional;
import org.collectionorchestrator.invoice.Channel;

/**
 * What the law and the formats forbid whatever the distribution table says (README "Distribution channels"):
 * <ul>
 *   <li>PEPPOL BIS Billing 3.0 has only Invoice and CreditNote: a reminder or collection notice never goes by EHF
 *       (the receiver's system would book it as a new invoice).</li>
 *   <li>Norway, inkassoloven § 9 with § 3a: a collection notice (and the payment demand, § 10) must reach the debtor
 *       in writing; electronically only "på betryggende måte", which we take to mean the debtor chose that electronic
 *       channel. Without that choice it goes on paper.</li>
 * </ul>
 */
public final class ChannelLaw {

    private ChannelLaw() {
    }

    /** Empty when the channel may carry the document; else why not. */
    public static Optional<String> refusal(DocumentKind kind, Channel channel, Recipient recipient, String creditorCountry) {
        boolean letter = kind == DocumentKind.REMINDER || kind == DocumentKind.COLLECTION_NOTICE;
        if (letter && channel == Channel.EHF) {
            return Optional.of("PEPPOL BIS Billing 3.0 has no " + kind + " document");
        }
        if (kind == DocumentKind.COLLECTION_NOTICE && "NO".equals(creditorCountry)
                && (channel == Channel.EMAIL || channel == Channel.EFAKTURA) && recipient.preferredChannel() != channel) {
            return Optional.of("inkassoloven § 9 and § 3a: a collection notice goes electronically only by the channel the "
                    + "debtor chose; the debtor did not choose " + channel);
        }
        return Optional.empty();
    }
}
