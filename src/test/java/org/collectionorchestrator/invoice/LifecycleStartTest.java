package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.collectionorchestrator.engine.EngineMessageChannel;
import org.collectionorchestrator.local.EngineRecords;
import org.collectionorchestrator.outbox.OutboxChannel;
import org.collectionorchestrator.outbox.OutboxProperties;
import org.collectionorchestrator.outbox.OutboxRecord;
import org.collectionorchestrator.outbox.OutboxRelay;
import org.collectionorchestrator.outbox.OutboxRelays;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle process is started through the outbox after commit, at most one per invoice, whatever is repeated
 * or lost between the relay and the engine.
 */
class LifecycleStartTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    InvoiceService invoices;
    @Autowired
    EngineMessageChannel engineChannel;
    @Autowired
    OutboxRelays relays;

    /** The process instances that carry this invoice id, duplicates included. */
    private Set<Long> processInstancesOf(String invoiceId) {
        String value = "\"" + invoiceId + "\"";
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getIntent() == VariableIntent.CREATED)
                .map(r -> (VariableRecordValue) r.getValue())
                .filter(v -> v.getName().equals("invoiceId") && v.getValue().equals(value))
                .map(VariableRecordValue::getProcessInstanceKey)
                .collect(Collectors.toSet());
    }

    private OutboxRecord startRow(String invoiceId) {
        return jdbc.sql("""
                        select id, channel, ordering_key, message_type, payload::text, attempts from outbox_message
                         where ordering_key = :key and message_type = 'invoice-registered'""")
                .param("key", invoiceId)
                .query((rs, row) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .single();
    }

    @Test
    void registrationAnswersFromTheDatabaseAndTheRelayStartsTheProcessAfterCommit() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ResponseEntity<JsonNode> response = post("/api/v1/invoices",
                invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "500.00", "NOK"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("processInstanceKey").isNull()).as("not waiting for the engine").isTrue();
        String id = response.getBody().get("id").asText();
        long process = awaitProcess(id).get("processInstanceKey").asLong();

        assertThat(processInstancesOf(id)).containsExactly(process);
        assertThat(auditTypes(id)).containsExactly("INVOICE_REGISTERED", "PROCESS_STARTED");
        assertThat(jdbc.sql("select status from outbox_message where id = :id").param("id", startRow(id).id())
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void aStartWhoseReplyIsLostIsSentAgainAndStillStartsOneProcess() throws Exception {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "500.00", "NOK");
        String channel = unique("lost-reply");
        // Register and, in the same transaction, hand the start row to a relay of this test's own.
        String id = transaction.execute(status -> {
            String invoiceId = invoices.register(json.convertValue(body, RegisterInvoice.class)).invoice().id().toString();
            jdbc.sql("update outbox_message set channel = :channel where ordering_key = :key and channel = 'engine'")
                    .param("channel", channel).param("key", invoiceId).update();
            return invoiceId;
        });
        AtomicInteger repliesToLose = new AtomicInteger(2);
        OutboxChannel lossyNetwork = new OutboxChannel() {
            @Override
            public String name() {
                return channel;
            }

            @Override
            public CompletableFuture<?> send(OutboxRecord record) {
                return engineChannel.send(record).thenApply(reply -> {
                    if (repliesToLose.getAndDecrement() > 0) {
                        throw new IllegalStateException("connection reset before the reply arrived");
                    }
                    return reply;
                });
            }
        };
        OutboxRelay relay = relays.relayFor(lossyNetwork, new OutboxProperties(List.of(), Duration.ofMillis(10), 10, 10,
                Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofDays(7)));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayBatch();
            return jdbc.sql("select status from outbox_message where ordering_key = :key and channel = :channel")
                    .param("key", id).param("channel", channel).query(String.class).single().equals("SENT");
        });

        long process = awaitProcess(id).get("processInstanceKey").asLong();
        assertThat(repliesToLose.get()).as("the start was sent three times").isNegative();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> processInstancesOf(id).size() == 1);
        assertThat(processInstancesOf(id)).containsExactly(process);
        assertThat(count(id, "PROCESS_STARTED")).isEqualTo(1);
    }

    @Test
    void anInvoicePaidBeforeItsProcessStartedGetsAProcessThatEndsAtOnce() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "300.00", "NOK");
        String held = unique("held");
        String id = transaction.execute(status -> {
            String invoiceId = invoices.register(json.convertValue(body, RegisterInvoice.class)).invoice().id().toString();
            jdbc.sql("update outbox_message set channel = :held where ordering_key = :key and channel = 'engine'")
                    .param("held", held).param("key", invoiceId).update();
            return invoiceId;
        });
        pay(creditor, id, "300.00", "NOK");
        // The engine is reachable again: the start goes out first, then the settlement (same key, in order).
        jdbc.sql("update outbox_message set channel = 'engine' where channel = :held").param("held", held).update();

        long process = awaitProcess(id).get("processInstanceKey").asLong();
        awaitProcessCompleted(process);
        assertThat(processInstancesOf(id)).containsExactly(process);
        assertThat(completedElements(process)).containsAnyOf("EndEvent_DunningEnded", "EndEvent_NothingToFollowUp")
                .doesNotContain("Event_InvoiceOverdue");
        assertThat(auditTypes(id)).doesNotContain("REMINDER_SENT");
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void twoRelaysSendingTheSameStartAtOnceStartOneProcess() throws Exception {
        String creditor = createCreditor("DK", "DKK", "da");
        String id = register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(10), "800.00", "DKK")).get("id").asText();
        OutboxRecord start = startRow(id);

        CompletableFuture.allOf(engineChannel.send(start), engineChannel.send(start), engineChannel.send(start))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> processInstancesOf(id).size() == 1);
        assertThat(processInstancesOf(id)).hasSize(1);
        assertThat(count(id, "PROCESS_STARTED")).isEqualTo(1);
    }

    @Test
    void aStartArrivingAfterTheProcessEndedIsEndedAtOnceAndTheInvoiceKeepsItsProcess() throws Exception {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "120.00", "EUR"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();
        pay(creditor, id, "120.00", "EUR");
        awaitProcessCompleted(process);

        engineChannel.send(startRow(id)).get(10, java.util.concurrent.TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).until(() -> processInstancesOf(id).size() == 2);
        long duplicate = processInstancesOf(id).stream().filter(key -> key != process).findFirst().orElseThrow();
        awaitProcessCompleted(duplicate);
        assertThat(completedElements(duplicate)).contains("EndEvent_NothingToFollowUp")
                .doesNotContain("Activity_ChooseDunningStrategy");
        assertThat(invoice(id).get("processInstanceKey").asLong()).isEqualTo(process);
        assertThat(count(id, "PROCESS_STARTED")).isEqualTo(1);
        assertThat(count(id, "DUNNING_STOPPED")).isEqualTo(1);
    }

    @Test
    void aPaymentCommitsTheSettlementMessageWithTheStatusAndTheProcessEndsWithinASecondOrSo() {
        String creditor = createCreditor("SE", "SEK", "sv");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "450.00", "SEK"));
        String id = invoice.get("id").asText();

        long before = System.nanoTime();
        pay(creditor, id, "450.00", "SEK");
        assertThat(jdbc.sql("select count(*) from outbox_message where ordering_key = :key and message_type = 'invoice-settled'")
                .param("key", id).query(Integer.class).single()).isEqualTo(1);
        awaitAudit(id, "DUNNING_STOPPED", 1);
        long millis = Duration.ofNanos(System.nanoTime() - before).toMillis();

        awaitProcessCompleted(invoice.get("processInstanceKey").asLong());
        assertThat(completedElements(invoice.get("processInstanceKey").asLong())).contains("EndEvent_DunningEnded");
        assertThat(millis).as("payment to dunning stopped, in ms (a loose bound; the benchmark measures it)")
                .isLessThan(10_000);
    }

    @Test
    void aPaymentWhileThePriorityFollowUpIsOpenClosesTheTaskAndEndsTheProcess() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", true, today().plusDays(1), "9000.00", "NOK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();
        advance(Duration.ofDays(5));
        awaitUserTask(process, "key-account-managers");

        pay(creditor, id, "9000.00", "NOK");

        awaitProcessCompleted(process);
        assertThat(userTasks.openTasks(process)).isEmpty();
        assertThat(completedElements(process)).contains("EndEvent_DunningEnded");
        awaitAudit(id, "DUNNING_STOPPED", 1);
    }

    @Test
    void everyAuditEntryIsAnOutboxEventWithAStableIdKeyedByTheInvoice() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String id = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "500.00", "NOK")).get("id").asText();

        List<JsonNode> events = jdbc.sql("select payload::text from outbox_message where channel = 'events' and ordering_key = :key order by id")
                .param("key", id).query(String.class).list().stream().map(text -> {
                    try {
                        return json.readTree(text);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "org.collectionorchestrator.invoice.invoice-registered.v1",
                "org.collectionorchestrator.invoice.process-started.v1");
        assertThat(events).allSatisfy(e -> {
            assertThat(UUID.fromString(e.get("id").asText())).isNotNull();
            assertThat(e.get("subject").asText()).isEqualTo(id);
            assertThat(e.get("specversion").asText()).isEqualTo("1.0");
            assertThat(e.get("data").get("invoiceId").asText()).isEqualTo(id);
        });
        assertThat(events.get(0).get("data").get("amount").asText()).isEqualTo("500.00");
    }
}
