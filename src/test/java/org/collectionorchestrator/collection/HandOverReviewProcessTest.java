package org.collectionorchestrator.collection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.collectionorchestrator.dunning.UnpaidInvoiceDecision;
import org.collectionorchestrator.dunning.UnpaidInvoiceDecisionService;
import org.collectionorchestrator.local.OpenUserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weekly hand-over review on the real engine, time advanced: the creditor's email, the task "Review hand-over"
 * with its list, stops with a reason, approval by a person or by the timer, an invoice paid while the list is open
 * dropping out.
 */
class HandOverReviewProcessTest extends HandOverTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    UnpaidInvoiceDecisionService decisions;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", "smtp"));

    private String agencyAcceptingAll() {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(201)));
        return agency;
    }

    private OpenUserTask openReview(String creditor) {
        long review = reviewProcess(creditor);
        advance(Duration.ofDays(2));
        return awaitUserTask(review, "credit-control");
    }

    @Test
    void approvedByAPersonWithTwoInvoicesStopped() throws Exception {
        String creditor = creditorWithAgency(agencyAcceptingAll());
        List<String> ids = List.of(readyInvoice(creditor, "1000.00"), readyInvoice(creditor, "2000.00"),
                readyInvoice(creditor, "3000.00"), readyInvoice(creditor, "4000.00"));
        reviewTomorrow(creditor, "finance@creditor.example");

        OpenUserTask task = openReview(creditor);

        assertThat(task.elementId()).isEqualTo("Activity_ReviewHandOver");
        MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(MAIL::getReceivedMessages, m -> m.length == 1)[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("finance@creditor.example");
        assertThat(mail.getSubject()).contains("4 invoice(s)");
        assertThat(GreenMailUtil.getBody(mail)).contains("Review hand-over");
        ArrayNode listed = (ArrayNode) variable(task.processInstanceKey(), "invoices");
        assertThat(listed).hasSize(4);
        assertThat(StreamSupport.stream(listed.spliterator(), false).map(l -> l.get("invoiceId").asText()))
                .containsExactlyInAnyOrderElementsOf(ids);
        JsonNode first = listed.get(0);
        assertThat(first.get("daysOverdue").asLong()).isEqualTo(41); // due 40 days ago, reviewed tomorrow
        assertThat(first.get("lettersSent").asInt()).isZero();
        assertThat(first.get("amount").asText()).isNotEmpty();

        Set<String> stop = Set.of(ids.get(1), ids.get(3));
        for (JsonNode line : listed) {
            if (stop.contains(line.get("invoiceId").asText())) {
                ((ObjectNode) line).put("stop", true).put("stopReason", "Customer is negotiating a settlement");
            }
        }
        userTasks.complete(task.userTaskKey(), Map.of("invoices", json.convertValue(listed, List.class)));

        awaitStatus(ids.get(0), "HANDED_OVER");
        awaitStatus(ids.get(2), "HANDED_OVER");
        for (String stopped : stop) {
            awaitAudit(stopped, "HAND_OVER_STOPPED", 1);
            JsonNode invoice = invoice(stopped);
            assertThat(invoice.get("status").asText()).isEqualTo("READY_FOR_COLLECTION");
            assertThat(lastAudit(invoice, "HAND_OVER_STOPPED").get("reason").asText())
                    .isEqualTo("Customer is negotiating a settlement");
        }
        assertThat(variable(task.processInstanceKey(), "approvedCount").asInt()).isEqualTo(2);
        assertThat(variable(task.processInstanceKey(), "stoppedCount").asInt()).isEqualTo(2);
    }

    @Test
    void approvedByTheTimerWhenNobodyActs() {
        String creditor = creditorWithAgency(agencyAcceptingAll());
        String a = readyInvoice(creditor, "1500.00");
        String b = readyInvoice(creditor, "2500.00");
        String decided = decidedForHandOver(creditor, "3500.00");
        reviewTomorrow(creditor, "finance@creditor.example");
        OpenUserTask task = openReview(creditor);

        advance(Duration.ofDays(3));

        awaitStatus(a, "HANDED_OVER");
        awaitStatus(b, "HANDED_OVER");
        awaitStatus(decided, "HANDED_OVER");
        assertThat(lastAudit(invoice(a), "COLLECTION_APPROVED").get("approvedBy").asText()).isEqualTo("timer");
        assertThat(count(decided, "COLLECTION_APPROVED")).isEqualTo(1); // credit control's decision, not again
        assertThat(userTasks.openTasks(task.processInstanceKey())).isEmpty();
        assertThat(completedElements(task.processInstanceKey())).contains("Activity_ApproveAsItStands");
    }

    /** An invoice credit control decided to hand over ("Decide on unpaid invoice"), its lifecycle ended there. */
    private String decidedForHandOver(String creditor, String amount) {
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", true, today().minusDays(60), amount, "NOK"));
        String id = invoice.get("id").asText();
        assertThat(decisions.record(java.util.UUID.fromString(id), UnpaidInvoiceDecision.HAND_OVER, "no payment plan"))
                .isEqualTo(UnpaidInvoiceDecisionService.Outcome.RECORDED);
        camunda.newCancelInstanceCommand(invoice.get("processInstanceKey").asLong()).send().join();
        assertThat(invoice(id).get("status").asText()).isEqualTo("COLLECTION_APPROVED");
        return id;
    }

    @Test
    void invoicesPaidCreditedOrDisputedWhileTheListIsOpenDropOut() {
        String creditor = creditorWithAgency(agencyAcceptingAll());
        String paid = readyInvoice(creditor, "1200.00");
        String unpaid = readyInvoice(creditor, "1300.00");
        String disputed = readyInvoice(creditor, "1400.00");
        String credited = readyInvoice(creditor, "1500.00");
        reviewTomorrow(creditor, "finance@creditor.example");
        OpenUserTask task = openReview(creditor);
        JsonNode listed = variable(task.processInstanceKey(), "invoices");

        pay(creditor, paid, invoice(paid).get("outstanding").asText(), "NOK");
        assertThat(post("/api/v1/invoices/" + disputed + "/dispute", Map.of("reason", "Never delivered"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/v1/invoices/" + credited + "/credit-notes", Map.of("creditNoteNumber", unique("cn"),
                "amount", invoice(credited).get("outstanding").asText(), "currency", "NOK", "date", today().toString(),
                "reason", "Goods returned")).getStatusCode().is2xxSuccessful()).isTrue();
        userTasks.complete(task.userTaskKey(), Map.of("invoices", json.convertValue(listed, List.class)));

        awaitStatus(unpaid, "HANDED_OVER");
        await().atMost(Duration.ofSeconds(20)).until(() -> variable(task.processInstanceKey(), "droppedOutCount").asInt() == 3);
        assertThat(auditTypes(credited)).doesNotContain("COLLECTION_APPROVED", "HANDED_OVER");
        assertThat(invoice(disputed).get("status").asText()).isEqualTo("READY_FOR_COLLECTION");
        assertThat(auditTypes(disputed)).doesNotContain("COLLECTION_APPROVED");
        assertThat(invoice(paid).get("status").asText()).isEqualTo("SETTLED");
        assertThat(auditTypes(paid)).doesNotContain("COLLECTION_APPROVED", "HANDED_OVER");
        assertThat(AGENCY.findAll(WireMock.postRequestedFor(WireMock.anyUrl())).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains(paid)).collect(Collectors.toList())).isEmpty();
    }
}
