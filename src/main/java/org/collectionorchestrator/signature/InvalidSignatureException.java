package org.collectionorchestrator.signature;

/** A signed message that failed its check; the web layer answers 401 with the reason and changes nothing. */
public class InvalidSignatureException extends RuntimeException {

    private final WebhookSignature.Verification verification;

    public InvalidSignatureException(WebhookSignature.Verification verification) {
        super(switch (verification) {
            case MISSING -> "The X-Signature header is missing.";
            case MALFORMED -> "The X-Signature header is not of the form t=<unix seconds>,v1=<hex>.";
            case STALE -> "The signature's timestamp is more than five minutes away from our clock.";
            case MISMATCH -> "The signature does not match the body.";
            case VALID -> throw new IllegalArgumentException("a valid signature is not an error");
        });
        this.verification = verification;
    }

    public WebhookSignature.Verification verification() {
        return verification;
    }
}
