package org.collectionorchestrator.distribution.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.distribution.ChannelUnavailableException;
import org.collectionorchestrator.distribution.DistributionProperties;
import org.collectionorchestrator.distribution.SendResult;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The REST API of one document provider (PEPPOL access point, e-invoice distributor, print house), the same shape for
 * all three: {@code POST {base}/documents} with a JSON body, {@code Authorization: Bearer <api key>} and
 * {@code Idempotency-Key: <dispatch id>}; a 2xx answers {@code {"id", "status": "ACCEPTED"|"DELIVERED"}}, a 409
 * means the provider has this key already (accepted before), a 400 or 422 refuses the document
 * ({@code {"detail": …}}), anything else is technical. Calls run in Resilience4j: retries with exponential back-off
 * on technical failures (the same idempotency key every time), a circuit breaker per provider, a time limit per call.
 */
public class ProviderClient {

    private final String name;
    private final DistributionProperties.Provider settings;
    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public ProviderClient(String name, DistributionProperties.Provider settings, RetryRegistry retries,
                          CircuitBreakerRegistry breakers) {
        this.name = name;
        this.settings = settings;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build());
        factory.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
        this.retry = retries.retry("distribution-" + name, RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2.0))
                .retryExceptions(ChannelUnavailableException.class)
                .build());
        this.breaker = breakers.circuitBreaker("distribution-" + name, CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .minimumNumberOfCalls(10)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordExceptions(ChannelUnavailableException.class)
                .build());
    }

    public SendResult send(UUID dispatchId, Map<String, Object> document) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> post(dispatchId, document)))
                    .get();
        } catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
            throw new ChannelUnavailableException(name + ": the provider failed too often; calls paused", e);
        }
    }

    private SendResult post(UUID dispatchId, Map<String, Object> document) {
        try {
            return http.post()
                    .uri(base() + "/documents")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + settings.apiKey())
                    .header("Idempotency-Key", dispatchId.toString())
                    .body(document)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        JsonNode body = status == 204 ? null : readJson(response);
                        if (status == 409) {
                            return SendResult.accepted(text(body, "id"));
                        }
                        if (response.getStatusCode().is2xxSuccessful()) {
                            String outcome = text(body, "status");
                            return "DELIVERED".equals(outcome) ? SendResult.delivered(text(body, "id"))
                                    : SendResult.accepted(text(body, "id"));
                        }
                        if (status == 400 || status == 422) {
                            String detail = text(body, "detail");
                            return SendResult.rejected(name + " refused the document" + (detail == null ? "" : ": " + detail));
                        }
                        throw new ChannelUnavailableException(name + " answered " + status);
                    }, true);
        } catch (ChannelUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChannelUnavailableException(name + " could not be reached: " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(org.springframework.http.client.ClientHttpResponse response) {
        try {
            byte[] bytes = response.getBody().readAllBytes();
            return bytes.length == 0 ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        return body == null || !body.hasNonNull(field) ? null : body.get(field).asText();
    }

    private String base() {
        String base = settings.baseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
