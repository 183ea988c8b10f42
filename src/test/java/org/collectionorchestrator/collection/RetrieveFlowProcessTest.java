package org.collectionorchestrator.collection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Seed 001's Retrieve routine end to end: a Norwegian creditor that lets the agency send the collection notice; the
 * creditor's own reminder, ready for collection at 14 days overdue, the weekly list (nobody stops anything, so the
 * window approves it), the signed hand-over, the agency's case opened and the debtor's payment collected, the
 * invoice settled and the case ended.
 */
class RetrieveFlowProcessTest extends HandOverTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", "smtp"));

    @Test
    void fromInvoiceToCollectedByTheAgency() throws Exception {
        String agency = unique("retrieve");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(201)));
        String creditor = unique("cred-no");
        ResponseEntity<JsonNode> put = rest.exchange("/api/v1/creditors/" + creditor, HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Progressum Kunde AS", "country", "NO", "currency", "NOK", "language", "nb",
                "policy", Map.of("collectionModel", "AGENCY_NOTICE"))), JsonNode.class);
        assertThat(put.getStatusCode().value()).isEqualTo(201);
        putAgency(creditor, agency, List.of("NO"), List.of("PRIVATE", "BUSINESS"), "0");
        reviewTomorrow(creditor, "regnskap@kunde.example");
        JsonNode registered = register(invoiceBody(creditor, "PRIVATE", false, today(), "4200.00", "NOK"));
        String invoiceId = registered.get("id").asText();

        // 14 days overdue it is ready; the weekly review lists it; nobody stops it within three days
        advance(Duration.ofDays(30));

        JsonNode handedOver = awaitStatus(invoiceId, "HANDED_OVER");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).contains("1 invoice(s)");
        assertThat(auditTypes(invoiceId)).containsSubsequence("REMINDER_SENT", "READY_FOR_COLLECTION",
                "COLLECTION_APPROVED", "HANDED_OVER");
        assertThat(lastAudit(handedOver, "COLLECTION_APPROVED").get("approvedBy").asText()).isEqualTo("timer");
        LoggedRequest handOver = AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency))).getFirst();
        JsonNode body = json.readTree(handOver.getBody());
        assertThat(body.get("ourCollectionNoticeSent").asBoolean()).isFalse();
        assertThat(body.get("letters")).hasSize(1);
        assertThat(body.at("/letters/0/kind").asText()).isEqualTo("REMINDER");
        assertThat(body.at("/letters/0/channel").isNull()).isTrue();
        assertThat(body.at("/documents/0/url").asText()).endsWith("/api/v1/invoices/" + invoiceId + "/letters/1");
        String caseId = body.get("caseId").asText();
        long caseProcess = caseProcess(caseId);

        assertThat(signedEvent(agency, "{\"eventId\":\"r-1\",\"type\":\"CASE_OPENED\",\"caseId\":\"" + caseId
                + "\",\"agencyReference\":\"RET-2026-0001\"}").getStatusCode().value()).isEqualTo(200);
        String owed = invoice(invoiceId).get("outstanding").asText();
        assertThat(signedEvent(agency, "{\"eventId\":\"r-2\",\"type\":\"PAYMENT_COLLECTED\",\"caseId\":\"" + caseId
                + "\",\"payment\":{\"amount\":\"" + owed + "\",\"currency\":\"NOK\",\"date\":\"" + today()
                + "\",\"agencyFee\":\"700.00\"}}").getStatusCode().value()).isEqualTo(200);

        JsonNode settled = awaitStatus(invoiceId, "SETTLED");
        assertThat(settled.get("outstanding").asText()).isEqualTo("0.00");
        awaitProcessCompleted(caseProcess);
        assertThat(caseOf(invoiceId).get("agencyReference").asText()).isEqualTo("RET-2026-0001");
    }
}
