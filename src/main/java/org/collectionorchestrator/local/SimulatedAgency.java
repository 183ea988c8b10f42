package org.collectionorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.collectionorchestrator.signature.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Local profile only: a collection agency to watch a hand-over with (the reference receiver of
 * docs/agency-webhooks). It takes our webhooks at {@code /api/v1/dev/simulated-agency/{agencyId}}, checks the
 * signature with the secret {@code collection.agencies.secrets.simulated} and the Idempotency-Key as an agency must,
 * opens a case and calls back, signed: CASE_OPENED after a hand-over, CASE_CLOSED after a recall or a payment that
 * settles the claim. {@code POST …/cases/{caseId}/collect} makes the debtor pay the agency (PAYMENT_COLLECTED).
 */
@RestController
@Profile("local")
@RequestMapping("/api/v1/dev/simulated-agency")
@Tag(name = "Local development", description = "Only in the local profile")
public class SimulatedAgency {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAgency.class);
    private static final Duration CALLBACK_DELAY = Duration.ofSeconds(2);
    private static final int CALLBACK_ATTEMPTS = 10;

    /** What the agency received: a message, whether its signature held, and what it did. */
    public record Received(Instant at, String agencyId, String type, String caseId, String idempotencyKey,
                           boolean signatureValid, boolean repeat) {
    }

    /** A callback the agency sent and our service's answer. */
    public record Sent(Instant at, String agencyId, String type, String caseId, String eventId, int status) {
    }

    private record Case(String agencyId, String caseId, JsonNode handOver) {
    }

    private final String secret;
    private final ObjectMapper json;
    private final Clock clock;
    private final Environment environment;
    private final RestClient http = RestClient.create();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("simulated-agency").factory());
    private final Set<String> keysSeen = ConcurrentHashMap.newKeySet();
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    public SimulatedAgency(@Value("${collection.agencies.secrets.simulated:}") String secret, ObjectMapper json, Clock clock,
                           Environment environment) {
        this.secret = secret;
        this.json = json;
        this.clock = clock;
        this.environment = environment;
    }

    @PostMapping(path = "/{agencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The simulated agency's webhook (hand-over, payment-received, recall)")
    public ResponseEntity<Map<String, Object>> webhook(@PathVariable String agencyId,
                                                       @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
                                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                       @RequestBody byte[] body) throws IOException {
        WebhookSignature.Verification verification = secret.isBlank() ? WebhookSignature.Verification.MISSING
                : WebhookSignature.verify(signature, body, secret, clock.instant());
        JsonNode message = json.readTree(body);
        String type = message.path("type").asText();
        String caseId = message.path("caseId").asText();
        boolean repeat = key != null && !keysSeen.add(agencyId + "/" + key);
        received.add(new Received(clock.instant(), agencyId, type, caseId, key, verification.valid(), repeat));
        if (!verification.valid()) {
            log.warn("Simulated agency {}: {} refused, signature {}", agencyId, type, verification);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("title", "Signature refused",
                    "detail", "signature " + verification));
        }
        if (key == null || key.isBlank()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("title", "Unprocessable",
                    "detail", "Idempotency-Key missing"));
        }
        if (repeat) {
            return ResponseEntity.ok(Map.of("caseId", caseId, "repeat", true));
        }
        switch (type) {
            case "hand-over" -> {
                cases.put(caseId, new Case(agencyId, caseId, message));
                callBack(agencyId, caseId, "CASE_OPENED", Map.of("agencyReference", "SIM-" + caseId.substring(0, 8)));
            }
            case "recall" -> callBack(agencyId, caseId, "CASE_CLOSED", Map.of("outcome", "RECALLED"));
            case "payment-received" -> {
                if (message.path("outstanding").decimalValue().signum() <= 0) {
                    callBack(agencyId, caseId, "CASE_CLOSED", Map.of("outcome", "PAID"));
                }
            }
            default -> log.warn("Simulated agency {}: unknown message type {}", agencyId, type);
        }
        log.info("Simulated agency {} took {} for case {}", agencyId, type, caseId);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseId", caseId));
    }

    @PostMapping("/cases/{caseId}/collect")
    @Operation(summary = "The debtor pays the simulated agency: it reports PAYMENT_COLLECTED (default: all it was handed)")
    public ResponseEntity<Map<String, Object>> collect(@PathVariable String caseId,
                                                       @RequestBody(required = false) Map<String, String> request) {
        Case c = cases.get(caseId);
        if (c == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", "The simulated agency has no case " + caseId));
        }
        String amount = request != null && request.get("amount") != null ? request.get("amount")
                : c.handOver().at("/invoice/outstanding/total").asText();
        String currency = c.handOver().at("/invoice/currency").asText();
        int status = send(c.agencyId(), caseId, "PAYMENT_COLLECTED", Map.of("payment", Map.of("amount", amount,
                "currency", currency, "date", java.time.LocalDate.now(clock).toString(), "agencyFee", "0.00")));
        return ResponseEntity.ok(Map.of("caseId", caseId, "amount", amount, "callbackStatus", status));
    }

    @GetMapping
    @Operation(summary = "What the simulated agency received and the callbacks it sent, oldest first")
    public Map<String, Object> log() {
        return Map.of("received", new ArrayList<>(received), "sent", new ArrayList<>(sent));
    }

    /** After a short delay (our hand-over job records the case once we answered), retried while not yet taken. */
    private void callBack(String agencyId, String caseId, String type, Map<String, Object> fields) {
        String eventId = UUID.randomUUID().toString();
        Runnable attempt = new Runnable() {
            int attempts;

            @Override
            public void run() {
                int status = send(agencyId, caseId, type, fields, eventId);
                if (status >= 400 && status != 409 && ++attempts < CALLBACK_ATTEMPTS) {
                    callbacks.schedule(this, CALLBACK_DELAY.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        };
        callbacks.schedule(attempt, CALLBACK_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int send(String agencyId, String caseId, String type, Map<String, Object> fields) {
        return send(agencyId, caseId, type, fields, UUID.randomUUID().toString());
    }

    private int send(String agencyId, String caseId, String type, Map<String, Object> fields, String eventId) {
        ObjectNode event = json.createObjectNode().put("eventId", eventId).put("type", type).put("caseId", caseId)
                .put("occurredAt", clock.instant().toString());
        event.setAll((ObjectNode) json.valueToTree(fields));
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
                + "/api/v1/agencies/" + agencyId + "/events";
        int status;
        try {
            status = http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(), body))
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
        } catch (RuntimeException e) {
            log.warn("Simulated agency {}: callback {} for case {} failed: {}", agencyId, type, caseId, e.toString());
            status = 599;
        }
        sent.add(new Sent(clock.instant(), agencyId, type, caseId, eventId, status));
        log.info("Simulated agency {} called back {} for case {}: HTTP {}", agencyId, type, caseId, status);
        return status;
    }
}
