package org.collectionorchestrator.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies {@code X-Signature: t=<unix seconds>,v1=<hex>} where the hex is HMAC-SHA256 over the ASCII
 * timestamp, a dot and the raw body bytes, as sent. Stateless; event-id deduplication (replays inside the window) is
 * the receiver's business, by its own key in the database.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Signature";
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code at}. */
    public static String sign(String secret, Instant at, byte[] body) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * Checks a received header against the body as received. Refuses a missing or malformed header, a timestamp more
     * than the replay window away from {@code now} (either way), and a signature that does not match.
     */
    public static Verification verify(String header, byte[] body, String secret, Instant now) {
        Objects.requireNonNull(secret, "secret");
        if (header == null || header.isBlank()) {
            return Verification.MISSING;
        }
        Long timestamp = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return Verification.MALFORMED;
            }
            try {
                switch (pair[0]) {
                    case "t" -> timestamp = Long.parseLong(pair[1]);
                    case "v1" -> given = HexFormat.of().parseHex(pair[1]);
                    default -> { } // later versions may add schemes beside v1
                }
            } catch (IllegalArgumentException e) {
                return Verification.MALFORMED;
            }
        }
        if (timestamp == null || given == null) {
            return Verification.MALFORMED;
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > REPLAY_WINDOW.toSeconds()) {
            return Verification.STALE;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given) ? Verification.VALID : Verification.MISMATCH;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The outcome of a check; only {@link #VALID} lets a message in. */
    public enum Verification {
        VALID, MISSING, MALFORMED, STALE, MISMATCH;

        public boolean valid() {
            return this == VALID;
        }
    }
}
