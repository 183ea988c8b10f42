package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/v1/invoices/{id}/process: the lifecycle instance of a registered invoice, where it waits, as deployed. */
class InvoiceProcessApiTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegisteredInvoiceShowsItsLifecycleInstanceWaitingForTheFirstReminderDay() throws Exception {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "800.00", "NOK"));
        String id = invoice.get("id").asText();

        JsonNode lifecycle = await().atMost(Duration.ofSeconds(20)).until(() -> process(id).get("instances").get(0),
                instance -> contains(instance.get("activeElementIds"), "Event_ReminderDay"));

        assertThat(lifecycle.get("processInstanceKey").asLong()).isEqualTo(invoice.get("processInstanceKey").asLong());
        assertThat(lifecycle.get("parentProcessInstanceKey").isNull()).isTrue();
        assertThat(lifecycle.get("bpmnProcessId").asText()).isEqualTo("receivable-lifecycle");
        assertThat(lifecycle.get("processName").asText()).isEqualTo("Receivable lifecycle");
        assertThat(lifecycle.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(lifecycle.get("bpmnXml").asText()).isEqualTo(Files.readString(Path.of("bpmn/receivable-lifecycle.bpmn")));
        assertThat(texts(lifecycle.get("activeElementIds")))
                .containsExactly("Activity_FollowUpInvoice", "Activity_Reminder", "Event_ReminderDay");
        assertThat(texts(lifecycle.get("completedElementIds")))
                .startsWith("StartEvent_InvoiceRegistered", "Activity_LinkProcessToInvoice")
                .contains("Activity_PlanDunning").doesNotContain("Event_ReminderDay");
        assertThat(lifecycle.get("incidentElementIds")).isEmpty();
        assertThat(process(id).get("instances")).as("nothing called yet").hasSize(1);
    }

    @Test
    void anUnknownInvoiceOrOneWithoutAProcessTheEngineKnowsIsNotFound() {
        assertThat(get(UUID.randomUUID().toString()).getStatusCode().value()).isEqualTo(404);
        assertThat(get("not-a-uuid").getStatusCode().value()).isEqualTo(400);

        String creditor = createCreditor("NO", "NOK", "nb");
        String id = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "800.00", "NOK"))
                .get("id").asText();
        jdbc.sql("update invoice set process_instance_key = null where id = :id").param("id", UUID.fromString(id)).update();
        ResponseEntity<JsonNode> none = get(id);
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getBody().get("detail").asText()).contains("no process instance yet");

        jdbc.sql("update invoice set process_instance_key = 1 where id = :id").param("id", UUID.fromString(id)).update();
        assertThat(get(id).getBody().get("detail").asText()).contains("does not know process instance 1");
    }

    private ResponseEntity<JsonNode> get(String id) {
        return rest.getForEntity("/api/v1/invoices/" + id + "/process", JsonNode.class);
    }

    private JsonNode process(String id) {
        ResponseEntity<JsonNode> response = get(id);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static boolean contains(JsonNode array, String text) {
        return texts(array).contains(text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
