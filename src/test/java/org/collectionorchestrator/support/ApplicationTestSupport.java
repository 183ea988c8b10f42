package org.collectionorchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.collectionorchestrator.local.EngineRecords;
import org.collectionorchestrator.local.EngineTime;
import org.collectionorchestrator.local.InMemoryEngineUserTasks;
import org.collectionorchestrator.local.MovableClock;
import org.collectionorchestrator.local.OpenUserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Drives the application over its REST API and the in-memory engine the way a reviewer would. */
@ApplicationTest
public abstract class ApplicationTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected ZeebeTestEngine engine;
    @Autowired
    protected Clock clock;

    protected EngineTime engineTime;
    protected InMemoryEngineUserTasks userTasks;

    @Autowired
    protected CamundaClient camunda;
    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void freshEngine() {
        ((MovableClock) clock).reset();
        engineTime = new EngineTime(engine, (MovableClock) clock);
        userTasks = new InMemoryEngineUserTasks(engine);
    }

    @AfterEach
    void forgetScannedBeans() {
        StarterLeakWorkaround.forgetScannedBeans(context);
    }

    /** A unique suffix so tests sharing the database never collide on business keys. */
    protected static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Oslo")));
    }

    protected String createCreditor(String country, String currency, String language) {
        String id = unique("cred-" + country.toLowerCase());
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT,
                jsonEntity(Map.of("name", "Creditor " + id, "country", country, "currency", currency, "language", language)),
                JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return id;
    }

    /** A creditor receiving payments on {@code account} (an IBAN or national number) in its own currency. */
    protected String creditorWithBankAccount(String country, String currency, String language, String account,
                                             String referenceTarget) {
        String id = unique("cred-" + country.toLowerCase());
        Map<String, Object> banking = Map.of("referenceTarget", referenceTarget,
                "bankAccounts", List.of(Map.of("account", account)));
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT,
                jsonEntity(Map.of("name", "Creditor " + id, "country", country, "currency", currency, "language", language,
                        "banking", banking)), JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return id;
    }

    /** POST /api/v1/bank-statements with a camt file as the body. */
    protected ResponseEntity<JsonNode> uploadBankFile(String creditorId, String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return rest.exchange("/api/v1/bank-statements?creditorId=" + creditorId, HttpMethod.POST,
                new HttpEntity<>(xml, headers), JsonNode.class);
    }

    /** Imports the camt file and answers its summary; fails unless it was imported (200). */
    protected JsonNode importBankFile(String creditorId, String xml) {
        ResponseEntity<JsonNode> response = uploadBankFile(creditorId, xml);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    /** A payment whose reference names no invoice: kept UNMATCHED (202); answers it. */
    protected JsonNode unmatchedPayment(String creditorId, String amount, String currency) {
        ObjectNode body = json.createObjectNode()
                .put("creditorId", creditorId)
                .put("amount", amount)
                .put("currency", currency)
                .put("paymentReference", "27078413730011702")
                .put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"));
        ResponseEntity<JsonNode> response = post("/api/v1/payments", body);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
        assertThat(response.getBody().get("status").asText()).isEqualTo("UNMATCHED");
        return response.getBody();
    }

    /** The last audit entry of that type in an invoice view (dunning may have stopped after it). */
    protected static JsonNode lastAudit(JsonNode invoice, String type) {
        JsonNode found = null;
        for (JsonNode entry : invoice.get("auditTrail")) {
            if (entry.get("type").asText().equals(type)) {
                found = entry;
            }
        }
        assertThat(found).as("audit entry %s", type).isNotNull();
        return found;
    }

    protected ObjectNode invoiceBody(String creditorId, String segment, boolean priority, LocalDate dueDate, String amount,
                                     String currency) {
        ObjectNode customer = json.createObjectNode()
                .put("id", unique("cust"))
                .put("name", "Kari Nordmann")
                .put("segment", segment)
                .put("priority", priority)
                .put("country", "NO")
                .put("language", "nb")
                .put("email", "kari@example.no");
        ObjectNode body = json.createObjectNode()
                .put("creditorId", creditorId)
                .put("invoiceNumber", unique("inv"))
                .put("issueDate", dueDate.minusDays(14).toString())
                .put("dueDate", dueDate.toString())
                .put("currency", currency)
                .put("amount", amount);
        body.set("customer", customer);
        return body;
    }

    protected ResponseEntity<JsonNode> post(String path, Object body) {
        return rest.exchange(path, HttpMethod.POST, jsonEntity(body), JsonNode.class);
    }

    protected static HttpEntity<Object> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    protected ResponseEntity<JsonNode> postRaw(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Registers the invoice and waits until the outbox relay has started its process; returns the invoice. */
    protected JsonNode register(ObjectNode invoice) {
        ResponseEntity<JsonNode> response = post("/api/v1/invoices", invoice);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return awaitProcess(response.getBody().get("id").asText());
    }

    /** The invoice, once its lifecycle process is linked to it. */
    protected JsonNode awaitProcess(String invoiceId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> invoice(invoiceId),
                body -> body.get("processInstanceKey").isNumber());
    }

    protected JsonNode invoice(String id) {
        return rest.getForObject("/api/v1/invoices/" + id, JsonNode.class);
    }

    protected JsonNode pay(String creditorId, String invoiceId, String amount, String currency) {
        ObjectNode payment = json.createObjectNode()
                .put("creditorId", creditorId)
                .put("invoiceId", invoiceId)
                .put("amount", amount)
                .put("currency", currency)
                .put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"));
        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    protected void advance(Duration duration) {
        engineTime.advance(duration);
    }

    protected List<String> auditTypes(String invoiceId) {
        return StreamSupport.stream(invoice(invoiceId).get("auditTrail").spliterator(), false)
                .map(entry -> entry.get("type").asText())
                .toList();
    }

    protected long count(String invoiceId, String auditType) {
        return auditTypes(invoiceId).stream().filter(auditType::equals).count();
    }

    protected void awaitAudit(String invoiceId, String auditType, long times) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(count(invoiceId, auditType)).as("%s entries of %s", auditType, invoiceId).isEqualTo(times));
    }

    protected boolean processCompleted(long processInstanceKey) {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .map(r -> (Record<ProcessInstanceRecordValue>) (Record<?>) r)
                .anyMatch(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                        && r.getValue().getProcessInstanceKey() == processInstanceKey);
    }

    /** The ids of the BPMN elements the instance has completed, e.g. an end event. */
    protected List<String> completedElements(long processInstanceKey) {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .map(r -> (ProcessInstanceRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
                .map(ProcessInstanceRecordValue::getElementId)
                .toList();
    }

    protected void awaitProcessCompleted(long processInstanceKey) {
        await().atMost(Duration.ofSeconds(20)).until(() -> processCompleted(processInstanceKey));
    }

    /** Waits for the instance's open user task offered to {@code candidateGroup}. */
    protected OpenUserTask awaitUserTask(long processInstanceKey, String candidateGroup) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> userTasks.openTasks(processInstanceKey).stream()
                        .filter(t -> t.candidateGroups().contains(candidateGroup)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }
    /** Starts the calls at the same instant on their own threads and returns their HTTP statuses. */
    @SafeVarargs
    protected static List<Integer> together(Callable<ResponseEntity<JsonNode>>... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (Callable<ResponseEntity<JsonNode>> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                ResponseEntity<JsonNode> response = future.get(30, TimeUnit.SECONDS);
                assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isLessThan(500);
                statuses.add(response.getStatusCode().value());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
