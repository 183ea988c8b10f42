package org.collectionorchestrator.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.invoice.PostalAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelLawTest {

    @ParameterizedTest(name = "{0} by {1} in {2}, prefers {3}: allowed {4}")
    @CsvSource(delimiter = '|', textBlock = """
            INVOICE           | EHF      | NO |          | true
            CREDIT_NOTE       | EHF      | SE |          | true
            REMINDER          | EHF      | NO |          | false
            COLLECTION_NOTICE | EHF      | NO | EHF      | false
            COLLECTION_NOTICE | EMAIL    | NO |          | false
            COLLECTION_NOTICE | EMAIL    | NO | PRINT    | false
            COLLECTION_NOTICE | EMAIL    | NO | EMAIL    | true
            COLLECTION_NOTICE | EFAKTURA | NO | EMAIL    | false
            COLLECTION_NOTICE | PRINT    | NO |          | true
            COLLECTION_NOTICE | EMAIL    | SE |          | true
            REMINDER          | EMAIL    | NO |          | true
            """)
    void whatTheLawAndTheFormatsAllow(DocumentKind kind, Channel channel, String country, Channel preferred, boolean allowed) {
        Recipient recipient = new Recipient("C-1", "Kari", "nb", "kari@example.no",
                new PostalAddress("Storgata 1", "0155", "Oslo", "NO"), "0192:974760673", true, preferred, "NO");

        assertThat(ChannelLaw.refusal(kind, channel, recipient, country).isEmpty()).isEqualTo(allowed);
    }
}
