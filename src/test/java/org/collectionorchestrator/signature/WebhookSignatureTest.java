package org.collectionorchestrator.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.collectionorchestrator.signature.WebhookSignature.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final byte[] BODY = "{\"event\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT = Instant.parse("2025-12-01T08:00:00Z");

    @Test
    void signsTimestampDotBodyWithHmacSha256AsHex() {
        // Computed independently: printf '1764576000.{"event":"delivered"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign(SECRET, SENT, BODY))
                .isEqualTo("t=1764576000,v1=a77761d80318d24088e16751607bdb56086ace7117297d4415850c8f291d650d");
    }

    @Test
    void acceptsItsOwnSignatureInsideTheWindow() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plusSeconds(299))).isEqualTo(Verification.VALID);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.minusSeconds(299))).isEqualTo(Verification.VALID);
    }

    @Test
    void refusesAnotherBodyAnotherSecretAndAnOldOrFutureTimestamp() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        byte[] changed = "{\"event\":\"bounced\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(header, changed, SECRET, SENT)).isEqualTo(Verification.MISMATCH);
        assertThat(WebhookSignature.verify(header, BODY, "other", SENT)).isEqualTo(Verification.MISMATCH);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plusSeconds(301))).isEqualTo(Verification.STALE);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.minusSeconds(301))).isEqualTo(Verification.STALE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|MISSING",
            "v1=abcd|MALFORMED",
            "t=1764576000|MALFORMED",
            "t=yesterday,v1=abcd|MALFORMED",
            "t=1764576000,v1=not-hex|MALFORMED",
            "t=1764576000;v1=abcd|MALFORMED",
            "t=1764576000,v1=abcd|MISMATCH",
    })
    void refusesHeadersThatAreNotASignature(String header, Verification expected) {
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT)).isEqualTo(expected);
    }

    @Test
    void aMissingHeaderIsMissing() {
        assertThat(WebhookSignature.verify(null, BODY, SECRET, SENT)).isEqualTo(Verification.MISSING);
    }
}
