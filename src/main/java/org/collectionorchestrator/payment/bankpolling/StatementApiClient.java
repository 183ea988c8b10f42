package org.collectionorchestrator.payment.bankpolling;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The generic statement API of one bank connection (README "Bank polling"):
 * {@code GET {base}/accounts/{account}/statements[?after={id}]} answers a JSON list of {@code {id, createdAt}}, and
 * {@code GET {base}/statements/{id}} answers the camt.053/054 document. Every call carries a client-credentials
 * token (renewed once on a 401) and runs inside Resilience4j: a time limit, retries with exponential back-off on
 * technical failures, and a circuit breaker that stops calling a bank that keeps failing.
 */
class StatementApiClient {

    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final BankConnection connection;
    private final RestClient http;
    private final AccessTokens tokens;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    StatementApiClient(BankConnection connection, Clock clock, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        this.connection = connection;
        this.http = RestClient.builder().requestFactory(requestFactory(connection)).build();
        this.tokens = new AccessTokens(connection, http, clock);
        this.retry = retries.retry(connection.name(), retryConfig(connection.retry()));
        this.circuitBreaker = breakers.circuitBreaker(connection.name(), circuitBreakerConfig(connection.circuitBreaker()));
    }

    /** The statements after {@code after} (all the bank lists when empty), oldest first, each id once. */
    List<StatementRef> statementsAfter(String account, Optional<String> after) {
        JsonNode list = call("listing statements of " + account, connection.timeout(), token -> http.get()
                .uri(base() + "/accounts/{account}/statements" + (after.isPresent() ? "?after={after}" : ""),
                        after.isPresent() ? new Object[] {account, after.get()} : new Object[] {account})
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .exchange((request, response) -> {
                    check(response, token, "listing statements of " + account);
                    return response.bodyTo(JsonNode.class);
                }));
        return statements(list, account);
    }

    /** Downloads one statement to a temporary file (the caller deletes it): a large file never sits in the heap. */
    Path download(String statementId) {
        String what = "downloading statement " + statementId;
        return call(what, connection.downloadTimeout(), token -> http.get()
                .uri(base() + "/statements/{id}", statementId)
                .accept(MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM)
                .header("Authorization", "Bearer " + token)
                .exchange((request, response) -> {
                    check(response, token, what);
                    return toTemporaryFile(response.getBody());
                }));
    }

    private String base() {
        String base = connection.baseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private interface AuthorizedCall<T> {
        T call(String token) throws IOException;
    }

    /** Retry(CircuitBreaker(TimeLimiter(call, renewing the token once on 401))). */
    private <T> T call(String what, Duration timeout, AuthorizedCall<T> call) {
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
        Callable<T> limited = () -> {
            try {
                return limiter.executeFutureSupplier(() -> CALLS.submit(() -> withFreshTokenOn401(call)));
            } catch (TimeoutException e) {
                throw new BankUnavailableException(connection.name() + ": " + what + " took longer than " + timeout);
            } catch (ExecutionException e) {
                throw unwrap(e.getCause(), what);
            } catch (BankUnavailableException | BankRefusedException e) {
                throw e;
            } catch (Exception e) {
                throw unwrap(e, what);
            }
        };
        try {
            return Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(circuitBreaker, limited)).call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new BankUnavailableException(connection.name() + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T withFreshTokenOn401(AuthorizedCall<T> call) throws IOException {
        String token = tokens.token();
        try {
            return call.call(token);
        } catch (TokenRefused refused) {
            tokens.forget(token);
            try {
                return call.call(tokens.token());
            } catch (TokenRefused again) {
                throw new BankRefusedException(connection.name() + ": the bank refused a fresh access token too (401)");
            }
        }
    }

    private RuntimeException unwrap(Throwable cause, String what) {
        if (cause instanceof BankUnavailableException || cause instanceof BankRefusedException) {
            return (RuntimeException) cause;
        }
        return new BankUnavailableException(connection.name() + ": " + what + " failed: " + cause.getMessage(), cause);
    }

    /** A 401 inside one attempt: the token is renewed once. */
    private static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super(null, null, false, false);
        }
    }

    private void check(ClientHttpResponse response, String token, String what) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.is2xxSuccessful()) {
            return;
        }
        if (status.value() == 401) {
            throw new TokenRefused();
        }
        if (status.is5xxServerError() || status.value() == 429 || status.value() == 408) {
            throw new BankUnavailableException(connection.name() + ": " + what + ": the bank answered " + status.value());
        }
        throw new BankRefusedException(connection.name() + ": " + what + ": the bank answered " + status.value());
    }

    private List<StatementRef> statements(JsonNode list, String account) {
        if (list == null || !list.isArray()) {
            throw new BankUnavailableException(connection.name() + ": the statement list of " + account + " is not a JSON list");
        }
        Map<String, StatementRef> byId = new LinkedHashMap<>();
        for (JsonNode item : list) {
            String id = item.path("id").asText("");
            if (id.isBlank()) {
                throw new BankUnavailableException(connection.name() + ": a statement of " + account + " has no id");
            }
            byId.putIfAbsent(id, new StatementRef(id, instant(item.path("createdAt").asText(null))));
        }
        List<StatementRef> ordered = new ArrayList<>(byId.values());
        // Stable: statements without createdAt, or created at the same instant, keep the bank's order.
        ordered.sort(Comparator.comparing(StatementRef::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return ordered;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Path toTemporaryFile(InputStream body) throws IOException {
        Path file = Files.createTempFile("bank-statement-", ".xml");
        try (body) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static JdkClientHttpRequestFactory requestFactory(BankConnection connection) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connection.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(connection.downloadTimeout().compareTo(connection.timeout()) > 0
                ? connection.downloadTimeout() : connection.timeout());
        return factory;
    }

    static RetryConfig retryConfig(BankConnection.Retry retry) {
        return RetryConfig.custom()
                .maxAttempts(Math.max(1, retry.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.firstBackoff(), retry.multiplier(),
                        retry.maxBackoff()))
                .retryExceptions(BankUnavailableException.class)
                .build();
    }

    static CircuitBreakerConfig circuitBreakerConfig(BankConnection.CircuitBreaker breaker) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .recordExceptions(BankUnavailableException.class)
                .build();
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }
}
