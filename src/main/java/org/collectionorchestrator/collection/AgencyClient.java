package org.collectionorchestrator.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.function.Supplier;
import org.collectionorchestrator.signature.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * POSTs a signed JSON message to an agency's webhook. Each attempt is signed afresh (the agency checks a five-minute
 * window) and carries the same {@code Idempotency-Key}, so a retry after a lost answer opens no second case.
 * Technical failures (no answer, timeout, 5xx, 408, 429) are retried by Resilience4j with exponential back-off and
 * jitter until the deadline; a 4xx is the agency's refusal and is not retried.
 */
@Component
class AgencyClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_PROBLEM_TEXT = 1000;

    private final AgencyProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;

    AgencyClient(AgencyProperties properties, Clock clock, ObjectMapper json) {
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.callTimeout()).build();
    }

    /** Sends until the agency accepts (2xx); throws {@link AgencyRefusedException} or {@link AgencyUnavailableException}. */
    void post(URI url, String secret, String idempotencyKey, byte[] body) {
        long deadline = System.nanoTime() + properties.deadline().toNanos();
        Retry retry = Retry.of("agency-" + idempotencyKey, RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.firstBackoff(), 2.0, 0.5,
                        properties.maxBackoff()))
                .retryOnException(e -> e instanceof AgencyUnavailableException && System.nanoTime() < deadline)
                .failAfterMaxAttempts(false)
                .build());
        Supplier<Void> attempt = () -> {
            attempt(url, secret, idempotencyKey, body);
            return null;
        };
        Retry.decorateSupplier(retry, attempt).get();
    }

    private void attempt(URI url, String secret, String idempotencyKey, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.callTimeout())
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AgencyUnavailableException("No answer from " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgencyUnavailableException("Interrupted calling " + url, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new AgencyUnavailableException(url + " answered HTTP " + status, null);
        }
        throw new AgencyRefusedException(status, problemText(response.body()));
    }

    /** The problem detail's detail (or title), else the start of the body. */
    private String problemText(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode problem = json.readTree(body);
            for (String field : new String[] {"detail", "title", "message"}) {
                if (problem.hasNonNull(field) && !problem.get(field).asText().isBlank()) {
                    return truncate(problem.get(field).asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the body as text
        }
        return truncate(body.strip());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_PROBLEM_TEXT ? text : text.substring(0, MAX_PROBLEM_TEXT) + "…";
    }
}
