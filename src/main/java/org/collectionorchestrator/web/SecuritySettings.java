package org.collectionorchestrator.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API security ({@code collection.security.*}, README "Security").
 *
 * @param enabled           false only in the local profile and the tests' shared context: every request is served
 *                          without a token
 * @param issuerUri         the token issuer ({@code iss}); also where the signing keys are discovered when
 *                          jwkSetUri is not given
 * @param audience          the audience a token must name ({@code aud}): this API
 * @param jwkSetUri         where the issuer publishes its signing keys; optional
 * @param publicKeyLocation a PEM RSA public key instead of a key set (a resource: {@code file:...}); optional
 * @param creditorsClaim    the claim that lists the creditor ids a token may act for ({@code *}: all)
 * @param webClientId       the public OAuth client the web app at {@code /} signs people in with (authorization code
 *                          with PKCE at the issuer); optional, without it the web app cannot sign in
 * @param webScopes         the scopes the web app asks for
 */
@ConfigurationProperties("collection.security")
public record SecuritySettings(
        @DefaultValue("true") boolean enabled,
        String issuerUri,
        String audience,
        String jwkSetUri,
        String publicKeyLocation,
        @DefaultValue("creditors") String creditorsClaim,
        String webClientId,
        @DefaultValue("openid read finance") String webScopes) {
}
