package org.collectionorchestrator.distribution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.local.OpenUserTask;
import org.collectionorchestrator.signature.WebhookSignature;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.collectionorchestrator.support.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Letters delivered end to end: the lifecycle sends a reminder through "Deliver document" on the in-memory engine,
 * e-mail goes to GreenMail, print, eFaktura and EHF to a provider simulated by WireMock, reports come in signed over
 * REST. A context of its own (distribution switched on) on a database of its own, closed after the class.
 */
@DirtiesContext
class DeliveryProcessTest extends ApplicationTestSupport {

    static final String EMAIL_SECRET = "email-report-secret";
    static final String PRINT_SECRET = "print-report-secret";
    static final String EHF_SENDER = "ehf-sender-no";
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer PROVIDERS = new WireMockServer(options().dynamicPort());

    static {
        SMTP.start();
        PROVIDERS.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry);
        registry.add("collection.distribution.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("collection.distribution.providers.email.signing-secret", () -> EMAIL_SECRET);
        registry.add("collection.distribution.providers.email.report-timeout", () -> "PT2H");
        for (String provider : List.of("print", "efaktura", "ehf")) {
            String prefix = "collection.distribution.providers." + provider + ".";
            registry.add(prefix + "base-url", () -> PROVIDERS.baseUrl() + "/" + provider);
            registry.add(prefix + "api-key", () -> provider + "-key");
            registry.add(prefix + "signing-secret", () -> provider.equals("print") ? PRINT_SECRET : provider + "-secret");
            registry.add(prefix + "max-attempts", () -> "2");
        }
        registry.add("collection.distribution.creditors." + EHF_SENDER + ".peppol-participant-id", () -> "0192:974760673");
    }

    @AfterAll
    static void stopProviders() {
        SMTP.stop();
        PROVIDERS.stop();
    }

    @Autowired
    DeliveryHistory history;
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
    Dispatches dispatches;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshProviders() throws Exception {
        PROVIDERS.resetAll();
        SMTP.purgeEmailFromAllMailboxes();
    }

    /** An overdue Norwegian invoice whose first reminder is due at once. */
    private String overdueInvoice(String segment, java.util.function.Consumer<ObjectNode> customer) {
        return overdueInvoice(createCreditor("NO", "NOK", "nb"), segment, customer);
    }

    private String overdueInvoice(String creditor, String segment, java.util.function.Consumer<ObjectNode> customer) {
        ObjectNode body = invoiceBody(creditor, segment, false, today().minusDays(20), "1250.00", "NOK");
        ObjectNode c = (ObjectNode) body.get("customer");
        c.remove("email");
        customer.accept(c);
        return register(body).get("id").asText();
    }

    private static void address(ObjectNode customer) {
        customer.putObject("postalAddress").put("street", "Storgata 1").put("postalCode", "0155").put("city", "Oslo")
                .put("country", "NO");
    }

    private Dispatch awaitDispatch(String invoiceId, Channel channel, DispatchStatus status) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> history.dispatches(UUID.fromString(invoiceId)).stream()
                .filter(d -> d.channel() == channel && d.status() == status).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private ResponseEntity<JsonNode> report(String channel, String secret, String eventId, UUID dispatchId, String status,
                                            String detail) {
        String body = json.createObjectNode().put("eventId", eventId).put("dispatchId", dispatchId.toString())
                .put("status", status).put("detail", detail).toString();
        return postSigned(channel, body, WebhookSignature.sign(secret, clock.instant(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<JsonNode> postSigned(String channel, String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set(WebhookSignature.HEADER, signature);
        }
        return rest.exchange("/api/v1/delivery-reports/" + channel, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private OpenUserTask awaitFixDelivery() {
        return await().atMost(Duration.ofSeconds(90)).until(() -> userTasks.openTasks().stream()
                .filter(t -> t.elementId().equals("Activity_FixDelivery")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void aBouncedEmailGoesOnPaperAndARejectedLetterEndsInFixDeliveryThenTheDeadlineCountsFromDelivery() throws Exception {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents").willReturn(okJson("{\"id\":\"print-1\",\"status\":\"ACCEPTED\"}")));
        String invoiceId = overdueInvoice("PRIVATE", c -> {
            c.put("email", "kari@example.no");
            address(c);
        });

        // 1. e-mail: the server took it; the mail provider reports a bounce
        Dispatch email = awaitDispatch(invoiceId, Channel.EMAIL, DispatchStatus.ACCEPTED);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(report("email", EMAIL_SECRET, "bounce-1", email.id(), "BOUNCED", "mailbox unknown")
                .getStatusCode().value()).isEqualTo(200);

        // 2. paper: the print house takes it, then reports the address unknown (an asynchronous failure)
        Dispatch print = awaitDispatch(invoiceId, Channel.PRINT, DispatchStatus.ACCEPTED);
        LoggedRequest printed = PROVIDERS.findAll(postRequestedFor(urlEqualTo("/print/documents"))).get(0);
        assertThat(printed.getHeader("Idempotency-Key")).isEqualTo(print.id().toString());
        assertThat(report("print", PRINT_SECRET, "ret-1", print.id(), "REJECTED", "addressee unknown")
                .getStatusCode().value()).isEqualTo(200);

        // 3. no channel left: credit control fixes the e-mail address five days later and sends again
        OpenUserTask fix = awaitFixDelivery();
        assertThat(fix.candidateGroups()).containsExactly("credit-control");
        assertThat(fix.formKey()).isNotNull();
        advance(Duration.ofDays(5));
        userTasks.complete(fix.userTaskKey(), Map.of("fixDecision", "RESEND", "correctedEmail", "kari.nordmann@example.no"));

        Dispatch again = awaitDispatch(invoiceId, Channel.EMAIL, DispatchStatus.ACCEPTED);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(SMTP.getReceivedMessages()[1].getAllRecipients()[0].toString()).isEqualTo("kari.nordmann@example.no");
        advance(Duration.ofHours(3)); // no bounce within the e-mail report time: delivered
        awaitAudit(invoiceId, "LETTER_DELIVERED", 1);

        assertThat(history.dispatches(UUID.fromString(invoiceId))).extracting(Dispatch::channel, Dispatch::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, DispatchStatus.BOUNCED),
                        org.assertj.core.groups.Tuple.tuple(Channel.PRINT, DispatchStatus.REJECTED),
                        org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, DispatchStatus.DELIVERED));
        assertThat(PROVIDERS.findAll(postRequestedFor(urlEqualTo("/print/documents")))).hasSize(1);
        assertThat(auditTypes(invoiceId)).contains("DELIVERY_FAILED", "CONTACT_CORRECTED");
        assertThat(invoice(invoiceId).get("customer").get("email").asText()).isEqualTo("kari.nordmann@example.no");

        LocalDate deliveredOn = history.dispatches(UUID.fromString(invoiceId)).get(2).deliveredAt()
                .atZoneSameInstant(ZoneId.of("Europe/Oslo")).toLocalDate();
        Map<String, Object> letter = jdbc.sql("select letter_date, pay_by, delivered_on, deadline from letter "
                + "where invoice_id = :id and letter_number = 1").param("id", UUID.fromString(invoiceId)).query().singleRow();
        LocalDate letterDate = ((java.sql.Date) letter.get("letter_date")).toLocalDate();
        LocalDate payBy = ((java.sql.Date) letter.get("pay_by")).toLocalDate();
        LocalDate deadline = ((java.sql.Date) letter.get("deadline")).toLocalDate();
        assertThat(((java.sql.Date) letter.get("delivered_on")).toLocalDate()).isEqualTo(deliveredOn)
                .isAfterOrEqualTo(letterDate.plusDays(5));
        assertThat(deadline).isAfter(payBy).isAfterOrEqualTo(deliveredOn.plusDays(14));
        JsonNode deliveries = rest.getForObject("/api/v1/invoices/" + invoiceId + "/deliveries", JsonNode.class);
        assertThat(deliveries.findValuesAsText("status")).containsExactly("BOUNCED", "REJECTED", "DELIVERED");
        JsonNode shown = rest.getForObject("/api/v1/invoices/" + invoiceId + "/letters", JsonNode.class).get(0);
        assertThat(shown.get("deliveredOn").asText()).isEqualTo(deliveredOn.toString());
        assertThat(shown.get("deadline").asText()).isEqualTo(deadline.toString());
        assertThat(history.deliveredLetters(UUID.fromString(invoiceId)))
                .extracting(DeliveryHistory.DeliveredLetter::letterNumber, DeliveryHistory.DeliveredLetter::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "EMAIL"));
    }

    @Test
    void aCustomerWithNoAddressAtAllEndsInFixDeliveryAndALetterHandedOverCountsFromThatDay() {
        String invoiceId = overdueInvoice("PRIVATE", c -> { });   // neither e-mail nor postal address

        OpenUserTask fix = awaitFixDelivery();
        assertThat(history.dispatches(UUID.fromString(invoiceId))).extracting(Dispatch::channel, Dispatch::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.PRINT, DispatchStatus.UNAVAILABLE));
        advance(Duration.ofDays(2));
        userTasks.complete(fix.userTaskKey(), Map.of("fixDecision", "DELIVERED_OTHERWISE", "deliveredOn", today().toString()));

        awaitAudit(invoiceId, "LETTER_DELIVERED", 1);
        assertThat(history.deliveredLetters(UUID.fromString(invoiceId)))
                .extracting(DeliveryHistory.DeliveredLetter::letterNumber, DeliveryHistory.DeliveredLetter::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "OTHER"));
        JsonNode letter = rest.getForObject("/api/v1/invoices/" + invoiceId + "/letters", JsonNode.class).get(0);
        assertThat(letter.get("deliveredOn").asText()).isEqualTo(today().toString());
        assertThat(LocalDate.parse(letter.get("deadline").asText())).isAfterOrEqualTo(today().plusDays(14));
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo("/print/documents")));
    }

    @Test
    void aReminderGoesByTheChannelOfItsCustomersTableRow() {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents").willReturn(okJson("{\"id\":\"p\",\"status\":\"DELIVERED\"}")));
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/efaktura/documents").willReturn(okJson("{\"id\":\"e\",\"status\":\"DELIVERED\"}")));
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/ehf/documents").willReturn(okJson("{\"id\":\"x\",\"status\":\"DELIVERED\"}")));
        String business = overdueInvoice("BUSINESS", c -> {
            c.put("email", "ap@kunde.no");
            c.put("peppolParticipantId", "0192:923609016");
            address(c);
        });
        String efaktura = overdueInvoice("PRIVATE", c -> {
            c.put("email", "ola@example.no");
            c.put("efakturaConsent", true);
        });
        String paper = overdueInvoice("PRIVATE", DeliveryProcessTest::address);

        assertThat(awaitDispatch(business, Channel.EMAIL, DispatchStatus.ACCEPTED).kind()).isEqualTo(DocumentKind.REMINDER);
        awaitDispatch(efaktura, Channel.EFAKTURA, DispatchStatus.DELIVERED);
        awaitDispatch(paper, Channel.PRINT, DispatchStatus.DELIVERED);
        awaitAudit(efaktura, "LETTER_DELIVERED", 1);
        awaitAudit(paper, "LETTER_DELIVERED", 1);

        assertThat(history.dispatches(UUID.fromString(business))).extracting(Dispatch::channel).containsExactly(Channel.EMAIL);
        assertThat(history.dispatches(UUID.fromString(efaktura))).extracting(Dispatch::channel).containsExactly(Channel.EFAKTURA);
        assertThat(history.dispatches(UUID.fromString(paper))).extracting(Dispatch::channel).containsExactly(Channel.PRINT);
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo("/ehf/documents"))); // a reminder never goes by EHF
    }

    @Test
    void aSendJobFailedAfterTheProviderTookTheLetterIsRetriedWithoutASecondDelivery() {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents")
                .willReturn(okJson("{\"id\":\"p\",\"status\":\"DELIVERED\"}")));
        // the first "Send by next channel" job of this creditor's invoice reaches the print house, then fails (its
        // completion is lost); sends for other invoices (work left over from earlier tests) pass untouched
        String creditor = createCreditor("NO", "NOK", "nb");
        java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        org.mockito.Mockito.doAnswer(call -> {
            Object sent = call.callRealMethod();
            if (creditor.equals(creditorOf(call.getArgument(0))) && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("the job failed after the provider took the letter");
            }
            return sent;
        }).when(dispatches).send(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        String invoiceId = overdueInvoice(creditor, "PRIVATE", DeliveryProcessTest::address);
        UUID id = UUID.fromString(invoiceId);
        awaitDispatch(invoiceId, Channel.PRINT, DispatchStatus.DELIVERED);

        advance(Duration.ofSeconds(15)); // the engine retries the failed job after its back-off
        awaitAudit(invoiceId, "LETTER_DELIVERED", 1);

        assertThat(failedOnce).isTrue();
        org.mockito.Mockito.verify(dispatches, org.mockito.Mockito.times(2)).send(org.mockito.ArgumentMatchers.eq(id),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any());
        assertThat(history.dispatches(id)).hasSize(1);
        String key = history.dispatches(id).get(0).id().toString();
        assertThat(PROVIDERS.findAll(postRequestedFor(urlEqualTo("/print/documents"))))
                .filteredOn(request -> key.equals(request.getHeader("Idempotency-Key"))).hasSize(1);
    }

    private String creditorOf(UUID invoiceId) {
        return jdbc.sql("select creditor_id from invoice where id = :id").param("id", invoiceId).query(String.class)
                .optional().orElse(null);
    }

    @Test
    void aRetriedSendAfterTheProviderAcceptedSendsNothingTwice() {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents").willReturn(okJson("{\"id\":\"p\",\"status\":\"ACCEPTED\"}")));
        String invoiceId = overdueInvoiceWithoutDunning();
        UUID id = UUID.fromString(invoiceId);

        Dispatch first = dispatches.send(id, DocumentKind.INVOICE, 0, Channel.PRINT, "test:retry:1");
        // the job is failed after the provider accepted (the engine never heard of the completion) and runs again
        Dispatch retried = dispatches.send(id, DocumentKind.INVOICE, 0, Channel.PRINT, "test:retry:1");

        assertThat(retried).isEqualTo(first);
        assertThat(first.status()).isEqualTo(DispatchStatus.ACCEPTED);
        List<LoggedRequest> requests = PROVIDERS.findAll(postRequestedFor(urlEqualTo("/print/documents")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isEqualTo(first.id().toString());
        // the invoice's own document was rendered once and kept with its hash
        Map<String, Object> document = jdbc.sql("select pdf_sha256, ubl_sha256, length(pdf) as size from invoice_document "
                + "where invoice_id = :id").param("id", id).query().singleRow();
        assertThat((String) document.get("pdf_sha256")).hasSize(64);
        assertThat(((Number) document.get("size")).intValue()).isGreaterThan(1000);
    }

    @Test
    void aRequestKeyThatBelongsToAnotherInvoicesDispatchIsRefusedNotAnswered() {
        UUID first = UUID.fromString(overdueInvoiceWithoutDunning());
        UUID second = UUID.fromString(overdueInvoiceWithoutDunning());
        Dispatch sent = dispatches.send(first, DocumentKind.INVOICE, 0, Channel.EHF, "test:same-key");

        // e.g. a process instance key of a new engine that an earlier engine's attempt used too
        assertThatThrownBy(() -> dispatches.send(second, DocumentKind.INVOICE, 0, Channel.EHF, "test:same-key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(sent.id().toString());
        assertThat(history.dispatches(second)).isEmpty();
    }

    @Test
    void aProviderThatTimesOutAfterTakingTheDocumentIsAskedAgainUnderTheSameKey() {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents").willReturn(aResponse().withStatus(503)));
        UUID id = UUID.fromString(overdueInvoiceWithoutDunning());

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                dispatches.send(id, DocumentKind.INVOICE, 0, Channel.PRINT, "test:retry:2"))
                .isInstanceOf(ChannelUnavailableException.class);
        PROVIDERS.resetAll();
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents").willReturn(aResponse().withStatus(409)));
        Dispatch retried = dispatches.send(id, DocumentKind.INVOICE, 0, Channel.PRINT, "test:retry:2");

        assertThat(retried.status()).isEqualTo(DispatchStatus.ACCEPTED);
        assertThat(PROVIDERS.findAll(postRequestedFor(urlEqualTo("/print/documents"))))
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(retried.id().toString());
    }

    @Test
    void aReportWithABadStaleOrMissingSignatureIs401AndChangesNothing() {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/print/documents").willReturn(okJson("{\"id\":\"p\",\"status\":\"ACCEPTED\"}")));
        UUID id = UUID.fromString(overdueInvoiceWithoutDunning());
        Dispatch dispatch = dispatches.send(id, DocumentKind.INVOICE, 0, Channel.PRINT, "test:report:1");
        String body = json.createObjectNode().put("eventId", "evt-1").put("dispatchId", dispatch.id().toString())
                .put("status", "BOUNCED").toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        List<String> refused = List.of(
                WebhookSignature.sign("wrong-secret", clock.instant(), bytes),
                WebhookSignature.sign(PRINT_SECRET, clock.instant().minus(Duration.ofMinutes(6)), bytes),
                "t=1,v1=nonsense",
                WebhookSignature.sign(EMAIL_SECRET, clock.instant(), bytes)); // another provider's secret
        for (String signature : refused) {
            ResponseEntity<JsonNode> answer = postSigned("print", body, signature);
            assertThat(answer.getStatusCode().value()).as(signature).isEqualTo(401);
            assertThat(answer.getBody().get("type").asText()).contains("invalid-signature");
        }
        assertThat(postSigned("print", body, null).getStatusCode().value()).isEqualTo(401);
        assertThat(dispatches.find(dispatch.id()).orElseThrow().status()).isEqualTo(DispatchStatus.ACCEPTED);

        assertThat(report("print", PRINT_SECRET, "evt-1", dispatch.id(), "BOUNCED", "returned").getBody()
                .get("status").asText()).isEqualTo("BOUNCED");
        // the same event again, and a later contradicting one, change nothing
        assertThat(report("print", PRINT_SECRET, "evt-1", dispatch.id(), "DELIVERED", null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(report("print", PRINT_SECRET, "evt-2", dispatch.id(), "DELIVERED", null).getBody().get("status").asText())
                .isEqualTo("BOUNCED");
        assertThat(count(id.toString(), "DELIVERY_FAILED")).isEqualTo(1);
        assertThat(report("print", PRINT_SECRET, "evt-3", UUID.randomUUID(), "DELIVERED", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(report("print", PRINT_SECRET, "evt-4", dispatch.id(), "ACCEPTED", null).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void anInvoiceWeSendGoesByEhfAndAfterTheAccessPointReportsAFailureByEmail() throws Exception {
        PROVIDERS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/ehf/documents")
                .willReturn(okJson("{\"id\":\"as4-1\",\"status\":\"ACCEPTED\"}")));
        rest.exchange("/api/v1/creditors/" + EHF_SENDER, HttpMethod.PUT, jsonEntity(Map.of("name", "Acme AS", "country",
                "NO", "currency", "NOK", "language", "nb", "policy", Map.of("bankAccount", "86011117947"))), JsonNode.class);
        ObjectNode body = invoiceBody(EHF_SENDER, "BUSINESS", false, today().plusDays(30), "18400.00", "NOK");
        body.put("sendInvoice", true);
        ((ObjectNode) body.get("customer")).put("email", "ap@kunde.no").put("peppolParticipantId", "0192:923609016");
        String invoiceId = register(body).get("id").asText();

        Dispatch ehf = awaitDispatch(invoiceId, Channel.EHF, DispatchStatus.ACCEPTED);
        assertThat(ehf.kind()).isEqualTo(DocumentKind.INVOICE);
        String sent = PROVIDERS.findAll(postRequestedFor(urlEqualTo("/ehf/documents"))).get(0).getBodyAsString();
        byte[] ubl = java.util.Base64.getDecoder().decode(json.readTree(sent).get("document").asText());
        assertThat(new org.collectionorchestrator.distribution.ehf.PeppolRules().validate(ubl).errors()).isEmpty();
        assertThat(new String(ubl, StandardCharsets.UTF_8)).contains("18400.00", "923609016");
        // the access point could not deliver after all (an asynchronous failure): e-mail is next
        report("ehf", "ehf-secret", "ap-evt-1", ehf.id(), "REJECTED", "receiver's access point unreachable");

        Dispatch email = awaitDispatch(invoiceId, Channel.EMAIL, DispatchStatus.ACCEPTED);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Faktura " + body.get("invoiceNumber").asText()
                + " fra Acme AS");
        report("email", EMAIL_SECRET, "mail-evt-1", email.id(), "DELIVERED", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> dispatches.find(email.id()).orElseThrow().status()
                == DispatchStatus.DELIVERED);
        Map<String, Object> document = jdbc.sql("select pdf_sha256, ubl_sha256 from invoice_document where invoice_id = :id")
                .param("id", UUID.fromString(invoiceId)).query().singleRow();
        assertThat((String) document.get("ubl_sha256")).isEqualTo(InvoiceDocuments.sha256(ubl));
        assertThat(auditTypes(invoiceId)).contains("DELIVERY_FAILED");
    }

    /** An invoice not yet due: no letter goes out while the test runs. */
    private String overdueInvoiceWithoutDunning() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(30), "990.00", "NOK");
        address((ObjectNode) body.get("customer"));
        return register(body).get("id").asText();
    }
}
