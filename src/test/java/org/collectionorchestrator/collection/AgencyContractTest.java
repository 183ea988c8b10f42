package org.collectionorchestrator.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.distribution.DeliveryHistory.DeliveredLetter;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.dunning.SentLetters.SentLetter;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.ContactChannels;
import org.collectionorchestrator.invoice.Customer;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.invoice.PostalAddress;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;

/** What we send to agencies fits the JSON Schemas of docs/agency-webhooks, and the schemas refuse what they should. */
class AgencyContractTest {

    private static final String BASE = "https://collection-orchestrator.org/agency-webhooks/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE,
                    Path.of("docs/agency-webhooks/schemas").toAbsolutePath().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static List<String> problems(String schema, Object document) {
        JsonSchema json = FACTORY.getSchema(SchemaLocation.of(BASE + schema), CONFIG);
        return json.validate(JSON.valueToTree(document)).stream().map(ValidationMessage::getMessage).toList();
    }

    private static final Currency NOK = Currency.getInstance("NOK");
    private final Agency agency = new Agency("retrieve-acme", "acme-no", "Retrieve AS", URI.create("https://r.example/hook"),
            "retrieve", Set.of("NO"), Set.of("PRIVATE"), BigDecimal.ZERO);
    private final CollectionCase collectionCase = new CollectionCase(UUID.randomUUID(), UUID.randomUUID(), "acme-no",
            "retrieve-acme", CollectionCase.Status.RECALL_REQUESTED, null, null, "review-1", OffsetDateTime.now(),
            OffsetDateTime.now(), "The debtor paid us directly", null, null);

    private Map<String, Object> handOver() {
        Creditor creditor = new Creditor("acme-no", "Acme AS", Country.NO, NOK, "nb", ZoneId.of("Europe/Oslo"),
                CreditorPolicy.DEFAULT);
        Invoice invoice = new Invoice(collectionCase.invoiceId(), "acme-no", "10001",
                new Customer("c-42", "Kari Nordmann", Segment.PRIVATE, false, "NO", "nb", "kari@example.no", false, null,
                        new ContactChannels(new PostalAddress("Storgata 1", "0155", "Oslo", "NO"), null, false, null)),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), Money.of("1250.00", "NOK"), "1234567897", "NO_KID_MOD10",
                InvoiceStatus.COLLECTION_APPROVED, 1L, "f", Instant.now());
        InvoiceBalance balance = new InvoiceBalance(Money.of("1250.00", "NOK"), Money.of("38.00", "NOK"),
                Money.of("4.20", "NOK"), Money.of("0.00", "NOK"));
        List<SentLetter> letters = List.of(new SentLetter(1, LetterKind.REMINDER, LocalDate.of(2026, 11, 29),
                LocalDate.of(2026, 12, 14), Money.of("38.00", "NOK"), "ab12"));
        List<AuditTrail.Entry> audit = List.of(
                new AuditTrail.Entry(OffsetDateTime.now(), AuditEventType.DISPUTED, Map.of("reason", "Never delivered", "disputeNumber", 1)),
                new AuditTrail.Entry(OffsetDateTime.now(), AuditEventType.DISPUTE_RESOLVED, Map.of("resolution", "REJECT")),
                new AuditTrail.Entry(OffsetDateTime.now(), AuditEventType.REMINDER_SENT, Map.of()));
        List<DeliveredLetter> delivered = List.of(new DeliveredLetter(1, "REMINDER", "EMAIL",
                OffsetDateTime.parse("2026-11-29T09:00:00+01:00")));
        return HandOverPayloads.handOver(collectionCase, agency, creditor, invoice, balance, letters, delivered, audit,
                "https://collection.example", Instant.now());
    }

    @Test
    void theHandOverFitsItsSchema() {
        Map<String, Object> body = handOver();
        assertThat(problems("hand-over.v1.json", body)).isEmpty();
        assertThat(((List<?>) body.get("disputes"))).hasSize(2);
        Map<?, ?> letter = (Map<?, ?>) ((List<?>) body.get("letters")).get(0);
        assertThat(letter.get("channel")).as("from the delivery history").isEqualTo("EMAIL");
        assertThat(letter.get("deliveredAt")).isEqualTo("2026-11-29T08:00:00Z");
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("debtor")).get("postalAddress")).get("city")).isEqualTo("Oslo");
    }

    @Test
    void paymentAndRecallFitTheirSchemas() {
        assertThat(problems("payment-received.v1.json", HandOverPayloads.payment(collectionCase, agency,
                UUID.randomUUID().toString(), Money.of("250.00", "NOK"), "2026-12-01", Money.of("1042.20", "NOK"),
                Instant.now()))).isEmpty();
        assertThat(problems("recall.v1.json", HandOverPayloads.recall(collectionCase, agency, Instant.now()))).isEmpty();
    }

    @Test
    void theSchemasRefuseWhatIsMissingOrMistyped() {
        Map<String, Object> body = new LinkedHashMap<>(handOver());
        body.remove("debtor");
        body.put("schemaVersion", 2);
        assertThat(problems("hand-over.v1.json", body)).hasSizeGreaterThanOrEqualTo(2);
        ObjectNode event = JSON.createObjectNode().put("eventId", "e-1").put("type", "PAYMENT_COLLECTED")
                .put("caseId", UUID.randomUUID().toString());
        assertThat(problems("agency-event.v1.json", event)).isNotEmpty();
        event.set("payment", JSON.createObjectNode().put("amount", "100.00").put("currency", "NOK").put("date", "2026-12-01"));
        assertThat(problems("agency-event.v1.json", event)).isEmpty();
        JsonNode closedWithoutOutcome = JSON.createObjectNode().put("eventId", "e-2").put("type", "CASE_CLOSED")
                .put("caseId", UUID.randomUUID().toString());
        assertThat(problems("agency-event.v1.json", closedWithoutOutcome)).isNotEmpty();
    }
}
