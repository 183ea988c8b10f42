package org.collectionorchestrator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * API security. On (everywhere but the local profile): every API call needs a bearer JWT from the configured issuer
 * for this API's audience, with a scope that {@link ApiAccessRules} allows for the endpoint; creditor scoping is
 * {@link CreditorAccess}. Off ({@code collection.security.enabled=false}: the local profile and the tests' shared
 * context): every request is served without a token, and the start-up log says so.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Configuration
    @ConditionalOnProperty(name = "collection.security.enabled", havingValue = "true", matchIfMissing = true)
    static class On {

        @Bean
        SecurityFilterChain apiSecurity(HttpSecurity http, SecuritySettings settings, ObjectMapper json,
                                        @Value("${management.server.port:}") String managementPort) throws Exception {
            boolean separateManagementPort = StringUtils.hasText(managementPort);
            BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
            BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
            http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(auth -> {
                        auth.requestMatchers(EndpointRequest.to("health")).permitAll();
                        // Scraped without a token only where the actuator has a port of its own, off the ingress.
                        if (separateManagementPort) {
                            auth.requestMatchers(EndpointRequest.to("prometheus", "info")).permitAll();
                        }
                        auth.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(authority(ApiAccessRules.ADMIN));
                        ApiAccessRules.OPEN_PATHS.forEach(path -> auth.requestMatchers(matcher(path)).permitAll());
                        ApiAccessRules.WEB_APP_PATHS.forEach(path -> auth.requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path)).permitAll());
                        ApiAccessRules.SIGNED_PATHS.forEach(path -> auth.requestMatchers(matcher(path)).permitAll());
                        ApiAccessRules.LOCAL_STAND_IN_PATHS.forEach(path -> auth.requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path)).permitAll());
                        ApiAccessRules.RULES.forEach(rule -> auth
                                .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern()))
                                .hasAnyAuthority(rule.scopes().stream().map(SecurityConfiguration::authority).toArray(String[]::new)));
                        auth.anyRequest().denyAll();
                    })
                    .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { })
                            .authenticationEntryPoint((request, response, e) -> {
                                bearer.commence(request, response, e);
                                writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Not authenticated",
                                        "A valid bearer token from the configured issuer for this API is required");
                            })
                            .accessDeniedHandler((request, response, e) -> {
                                denied.handle(request, response, e);
                                writeProblem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                        "The token's scopes do not allow this request");
                            }))
                    .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                        bearer.commence(request, response, ex);
                        writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Not authenticated",
                                "A valid bearer token from the configured issuer for this API is required");
                    }));
            log.info("API security on: bearer JWT from issuer {} for audience {}; scopes {}; creditors from claim '{}'",
                    settings.issuerUri(), settings.audience(), ApiAccessRules.SCOPES, settings.creditorsClaim());
            return http.build();
        }

        /**
         * Signature, expiry, issuer and audience checked on every token. The keys: the given key set, else a PEM
         * public key, else the issuer's published keys (discovered on first use, so start-up does not need the
         * issuer).
         */
        @Bean
        JwtDecoder jwtDecoder(SecuritySettings settings) {
            List<String> missing = new ArrayList<>();
            if (!StringUtils.hasText(settings.issuerUri())) {
                missing.add("COLLECTION_SECURITY_ISSUER_URI (collection.security.issuer-uri)");
            }
            if (!StringUtils.hasText(settings.audience())) {
                missing.add("COLLECTION_SECURITY_AUDIENCE (collection.security.audience)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("API security is on and needs " + String.join(" and ", missing)
                        + "; only the local profile runs without a token server");
            }
            OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            aud -> aud != null && aud.contains(settings.audience())));
            if (StringUtils.hasText(settings.jwkSetUri())) {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
                decoder.setJwtValidator(validator);
                return decoder;
            }
            if (StringUtils.hasText(settings.publicKeyLocation())) {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(settings.publicKeyLocation())).build();
                decoder.setJwtValidator(validator);
                return decoder;
            }
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
                decoder.setJwtValidator(validator);
                return decoder;
            });
        }
    }

    @Configuration
    @ConditionalOnProperty(name = "collection.security.enabled", havingValue = "false")
    static class Off {

        @Bean
        SecurityFilterChain openApi(HttpSecurity http) throws Exception {
            log.warn("API security is OFF (collection.security.enabled=false, the local profile): every request is "
                    + "served without a token. Never run so where anyone else can reach the port.");
            return http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .build();
        }
    }

    static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    private static PathPatternRequestMatcher matcher(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(path);
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("collection.security.public-key-location " + location
                    + " is not a readable PEM RSA public key", e);
        }
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
                                     String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://collection-orchestrator.org/problems/" + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
