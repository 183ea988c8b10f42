package org.collectionorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Local profile only: the print house, the e-invoice distributor, the PEPPOL access point and the mail provider's
 * bounce reports, simulated. Providers take documents at {@code /api/v1/dev/providers/{channel}/documents} (the API
 * the real clients speak) and report back a few seconds later, signed, on {@code /api/v1/delivery-reports/{channel}}:
 * delivered, except a printed letter whose street contains "Ukjent" or "Unknown" (returned to sender: REJECTED) and
 * an e-mail to an address starting with "bounce" (BOUNCED). {@code GET /api/v1/dev/providers} lists what they got.
 */
@RestController
@RequestMapping("/api/v1/dev")
@Profile("local")
public class SimulatedProviders {

    private static final Logger log = LoggerFactory.getLogger(SimulatedProviders.class);
    private static final Set<String> CHANNELS = Set.of("ehf", "efaktura", "print");

    /** One document a simulated provider took. */
    public record Received(String channel, String dispatchId, String outcome) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> reportedMails = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final LocalMailServer mail;
    private final Environment environment;
    private final Clock clock;
    private final RestClient http = RestClient.create();

    public SimulatedProviders(LocalMailServer mail, Environment environment, Clock clock) {
        this.mail = mail;
        this.environment = environment;
        this.clock = clock;
    }

    @PostMapping(path = "/providers/{channel}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> take(@PathVariable String channel,
                                                    @RequestHeader("Idempotency-Key") String dispatchId,
                                                    @RequestBody JsonNode document) {
        if (!CHANNELS.contains(channel)) {
            return ResponseEntity.notFound().build();
        }
        if (received.stream().anyMatch(r -> r.dispatchId().equals(dispatchId))) {
            return ResponseEntity.status(409).body(Map.of("id", dispatchId));
        }
        String street = document.path("recipient").path("street").asText("");
        String outcome = channel.equals("print") && (street.contains("Ukjent") || street.contains("Unknown"))
                ? "REJECTED" : "DELIVERED";
        received.add(new Received(channel, dispatchId, outcome));
        later.schedule(() -> report(channel, dispatchId, outcome,
                outcome.equals("REJECTED") ? "returned to sender: addressee unknown" : null), 3, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(Map.of("id", dispatchId, "status", "ACCEPTED"));
    }

    @GetMapping("/providers")
    public List<Received> received() {
        return List.copyOf(received);
    }

    @GetMapping("/mail")
    public List<LocalMailServer.ReceivedMail> mail() {
        return mail.received();
    }

    /** The mail provider: a report for every e-mail the local SMTP server got, bounced for "bounce…" addresses. */
    @Scheduled(fixedDelay = 2000)
    void reportMail() {
        for (LocalMailServer.ReceivedMail m : mail.received()) {
            String id = m.messageId() == null ? null : m.messageId().replaceAll("[<>]", "").split("@")[0];
            if (id == null || id.length() != 36 || !reportedMails.add(id)) {
                continue;
            }
            boolean bounce = m.to().stream().anyMatch(to -> to.startsWith("bounce"));
            report("email", id, bounce ? "BOUNCED" : "DELIVERED", bounce ? "550 mailbox unavailable" : null);
        }
    }

    private void report(String channel, String dispatchId, String status, String detail) {
        String secret = environment.getProperty("collection.distribution.providers." + channel + ".signing-secret");
        String port = environment.getProperty("local.server.port", "8080");
        String body = "{\"eventId\":\"sim-" + dispatchId + "\",\"dispatchId\":\"" + dispatchId + "\",\"status\":\""
                + status + "\"" + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}";
        try {
            http.post().uri("http://127.0.0.1:" + port + "/api/v1/delivery-reports/" + channel)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(),
                            body.getBytes(StandardCharsets.UTF_8)))
                    .body(body)
                    .retrieve().toBodilessEntity();
            log.info("Simulated {} provider reported {} for dispatch {}", channel, status, dispatchId);
        } catch (RuntimeException e) {
            log.warn("Simulated {} provider could not report dispatch {}: {}", channel, dispatchId, e.getMessage());
        }
    }
}
