package org.collectionorchestrator.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Tokens for tests with security on, signed by an RSA key made for the test run (no token server): the decoder
 * reads the key's public half from a PEM file ({@code collection.security.public-key-location}).
 */
public final class SecurityTokens {

    public static final String ISSUER = "https://login.example.test/realms/collection";
    public static final String AUDIENCE = "collection-orchestrator-api";

    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey STRANGER = generate("stranger-key");
    private static final Path PUBLIC_KEY = writePublicKey();

    private SecurityTokens() {
    }

    /** Security on, pointed at the test key, issuer and audience. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("collection.security.enabled", () -> "true");
        registry.add("collection.security.issuer-uri", () -> ISSUER);
        registry.add("collection.security.audience", () -> AUDIENCE);
        registry.add("collection.security.public-key-location", () -> "file:" + PUBLIC_KEY);
    }

    /** A valid token with these scopes (space-separated) for these creditors ("*": all). */
    public static String token(String scopes, String... creditors) {
        return sign(KEY, claims(scopes, creditors).build());
    }

    /** The same claims signed by a key the service does not know. */
    public static String signedByStranger(String scopes, String... creditors) {
        return sign(STRANGER, claims(scopes, creditors).build());
    }

    public static String expired(String scopes, String... creditors) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return sign(KEY, claims(scopes, creditors).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build());
    }

    public static String otherIssuer(String scopes, String... creditors) {
        return sign(KEY, claims(scopes, creditors).issuer("https://login.example.test/realms/other").build());
    }

    public static String otherAudience(String scopes, String... creditors) {
        return sign(KEY, claims(scopes, creditors).audience("some-other-api").build());
    }

    private static JWTClaimsSet.Builder claims(String scopes, String... creditors) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject("test-client")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("scope", scopes)
                .claim("creditors", List.of(creditors));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("collection-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
