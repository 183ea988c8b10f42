package org.collectionorchestrator.distribution.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.collectionorchestrator.distribution.ChannelUnavailableException;
import org.collectionorchestrator.distribution.Delivery;
import org.collectionorchestrator.distribution.DispatchStatus;
import org.collectionorchestrator.distribution.DistributionProperties;
import org.collectionorchestrator.distribution.DocumentKind;
import org.collectionorchestrator.distribution.SendResult;
import org.collectionorchestrator.distribution.TestDeliveries;
import org.collectionorchestrator.distribution.ehf.EhfChannel;
import org.collectionorchestrator.distribution.ehf.PeppolRules;
import org.collectionorchestrator.distribution.ehf.UblDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Print, eFaktura and EHF against a provider API simulated by WireMock. */
class ProviderChannelsTest {

    private static PeppolRules rules;
    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void loadRules() {
        rules = new PeppolRules();
    }

    @BeforeEach
    void start() {
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    private ProviderClient client(String name) {
        return new ProviderClient(name, new DistributionProperties.Provider(URI.create(provider.baseUrl() + "/api"), "key-1",
                "secret", Duration.ofSeconds(2), 3, null), RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults());
    }

    private Delivery reminder() {
        return TestDeliveries.delivery(DocumentKind.REMINDER, TestDeliveries.recipient("nb", "kari@example.no", null));
    }

    @Test
    void printSendsThePdfAndAddressWithTheDispatchIdAsIdempotencyKey() {
        provider.stubFor(post("/api/documents").willReturn(okJson("{\"id\":\"p-1\",\"status\":\"ACCEPTED\"}").withStatus(202)));
        Delivery delivery = reminder();

        SendResult result = new PrintChannel(client("print")).send(delivery);

        assertThat(result).isEqualTo(SendResult.accepted("p-1"));
        provider.verify(1, postRequestedFor(urlEqualTo("/api/documents"))
                .withHeader("Idempotency-Key", equalTo(delivery.dispatchId().toString()))
                .withHeader("Authorization", equalTo("Bearer key-1"))
                .withRequestBody(matchingJsonPath("$.recipient.city", equalTo("Oslo")))
                .withRequestBody(matchingJsonPath("$.pdf", equalTo(Base64.getEncoder().encodeToString(TestDeliveries.PDF)))));
    }

    @Test
    void aProviderThatFailsIsAskedAgainWithTheSameKeyAndAKnownKeyCountsAsAccepted() {
        provider.stubFor(post("/api/documents").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError()).willSetStateTo("up"));
        provider.stubFor(post("/api/documents").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(409)));
        Delivery delivery = reminder();

        SendResult result = new PrintChannel(client("print-flaky")).send(delivery);

        assertThat(result.outcome()).isEqualTo(DispatchStatus.ACCEPTED);
        provider.verify(2, postRequestedFor(urlEqualTo("/api/documents"))
                .withHeader("Idempotency-Key", equalTo(delivery.dispatchId().toString())));
    }

    @Test
    void aProviderDownAfterEveryRetryIsATechnicalFailure() {
        provider.stubFor(post("/api/documents").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> new PrintChannel(client("print-down")).send(reminder()))
                .isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("503");
        provider.verify(3, postRequestedFor(urlEqualTo("/api/documents")));
    }

    @Test
    void eFakturaWithoutAReceiverIsRejected() {
        provider.stubFor(post("/api/documents").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"detail\":\"payer has no eFaktura address\"}")));

        SendResult result = new EfakturaChannel(client("efaktura")).send(reminder());

        assertThat(result.outcome()).isEqualTo(DispatchStatus.REJECTED);
        assertThat(result.detail()).contains("payer has no eFaktura address");
        provider.verify(postRequestedFor(urlEqualTo("/api/documents"))
                .withRequestBody(matchingJsonPath("$.kid", equalTo("1234567897")))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("1250.00"))));
    }

    @Test
    void ehfSendsAValidatedInvoiceToTheAccessPoint() {
        provider.stubFor(post("/api/documents").willReturn(okJson("{\"id\":\"as4-1\",\"status\":\"ACCEPTED\"}")));
        Delivery invoice = TestDeliveries.delivery(DocumentKind.INVOICE,
                TestDeliveries.recipient("nb", null, "0192:923609016"));

        SendResult result = new EhfChannel(client("ehf"), rules).send(invoice);

        assertThat(result.outcome()).isEqualTo(DispatchStatus.ACCEPTED);
        String sent = provider.getAllServeEvents().get(0).getRequest().getBodyAsString();
        String document = new String(Base64.getDecoder().decode(
                com.jayway.jsonpath.JsonPath.<String>read(sent, "$.document")), StandardCharsets.UTF_8);
        assertThat(rules.validate(document.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(sent, "$.receiver")).isEqualTo("iso6523-actorid-upis::0192:923609016");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(sent, "$.documentType")).isEqualTo(EhfChannel.INVOICE_DOCUMENT_TYPE);
        assertThat(document).contains(UblDocuments.CUSTOMIZATION_ID);
    }

    @Test
    void ehfRefusedByTheAccessPointIsRejected() {
        provider.stubFor(post("/api/documents").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"detail\":\"receiver not registered in SMP\"}")));

        SendResult result = new EhfChannel(client("ehf-refused"), rules).send(TestDeliveries.delivery(DocumentKind.INVOICE,
                TestDeliveries.recipient("nb", null, "0192:923609016")));

        assertThat(result.outcome()).isEqualTo(DispatchStatus.REJECTED);
        assertThat(result.detail()).contains("receiver not registered in SMP");
    }

    @Test
    void ehfNeverCarriesAReminderAndSendsNothingThatBreaksTheRules() {
        SendResult reminder = new EhfChannel(client("ehf-reminder"), rules).send(TestDeliveries.delivery(DocumentKind.REMINDER,
                TestDeliveries.recipient("nb", null, "0192:923609016")));
        Delivery broken = TestDeliveries.delivery(DocumentKind.INVOICE, TestDeliveries.recipient("nb", null, "0192:923609016"));
        broken = new Delivery(broken.dispatchId(), broken.invoiceId(), broken.kind(), 0, broken.creditorName(), "NO",
                broken.creditorParticipantId(), broken.recipient(), broken.title(), broken.pdf(),
                new Delivery.PaymentDetails("INV-1", broken.payment().issueDate(), broken.payment().issueDate().minusDays(1),
                        broken.payment().amount(), "NOK", "1234567897", null));

        SendResult invalid = new EhfChannel(client("ehf-invalid"), rules).send(broken);

        assertThat(reminder.outcome()).isEqualTo(DispatchStatus.REJECTED);
        assertThat(invalid.outcome()).as("%s", invalid.detail()).isEqualTo(DispatchStatus.REJECTED);
        assertThat(invalid.detail()).contains("PEPPOL BIS Billing 3.0 rules");
        provider.verify(0, postRequestedFor(urlEqualTo("/api/documents")));
    }
}
