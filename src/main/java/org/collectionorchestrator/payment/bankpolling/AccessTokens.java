package org.collectionorchestrator.payment.bankpolling;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * OAuth2 client credentials for one bank connection (RFC 6749 §4.4, client authentication by HTTP Basic): a token is
 * kept until shortly before it expires, or until the bank answers 401 to it.
 */
class AccessTokens {

    /** A token is renewed this long before the bank says it expires. */
    static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final BankConnection connection;
    private final RestClient http;
    private final Clock clock;
    private Token current;

    private record Token(String value, Instant renewAt) {
    }

    AccessTokens(BankConnection connection, RestClient http, Clock clock) {
        this.connection = connection;
        this.http = http;
        this.clock = clock;
    }

    synchronized String token() {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
        }
        return current.value();
    }

    /** The bank refused the token: the next call fetches a new one. */
    synchronized void forget(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    private Token fetch() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        if (!connection.scope().isBlank()) {
            form.add("scope", connection.scope());
        }
        Instant askedAt = clock.instant();
        JsonNode answer = http.post()
                .uri(connection.tokenUrl())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", basic())
                .body(form)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.is5xxServerError() || status.value() == 429) {
                        throw new BankUnavailableException("token endpoint answered " + status.value());
                    }
                    if (!status.is2xxSuccessful()) {
                        throw new BankRefusedException("token endpoint refused the client credentials of "
                                + connection.name() + " (" + status.value() + ")");
                    }
                    return response.bodyTo(JsonNode.class);
                });
        if (answer == null || !answer.path("access_token").isTextual() || answer.path("access_token").asText().isBlank()) {
            throw new BankUnavailableException("token endpoint answered without an access_token");
        }
        Duration lifetime = answer.path("expires_in").canConvertToLong()
                ? Duration.ofSeconds(answer.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        Instant renewAt = askedAt.plus(lifetime).minus(EARLY_RENEWAL);
        return new Token(answer.path("access_token").asText(), renewAt);
    }

    private String basic() {
        String pair = encode(connection.clientId()) + ":" + encode(connection.clientSecret());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6749 §2.3.1: client id and secret are form-url-encoded before Basic encoding. */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
