package org.collectionorchestrator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.collectionorchestrator.collection.Agencies;
import org.collectionorchestrator.collection.Agency;
import org.collectionorchestrator.collection.HandOverSettings;
import org.collectionorchestrator.creditor.CollectionModel;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.creditor.PaymentOrder;
import org.collectionorchestrator.events.Topics;
import org.collectionorchestrator.invoice.InvoiceMessageListener;
import org.collectionorchestrator.invoice.PostalAddress;
import org.collectionorchestrator.invoice.RegisterInvoice;
import org.collectionorchestrator.invoice.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Local profile: one creditor per country (and a Norwegian one whose agency sends the collection notice), each with
 * invoices from private, business and priority customers, some not yet due and some overdue, so that one clock jump
 * of P90D shows letters, fees, interest, compensation and notices for every country and segment. Creditors are stored
 * directly; the invoices arrive the way an ERP sends them, as invoice-issued messages on collection.invoices.v1, and
 * show up in the API a moment after start-up.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "collection.demo-data.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoCreditor(String id, String name, Country country, CollectionModel model, String account,
                                String[] customerNames) {
    }

    private static final DemoCreditor[] CREDITORS = {
            new DemoCreditor("acme-no", "Acme AS", Country.NO, CollectionModel.OWN_NOTICE, "8601.11.17947",
                    new String[] {"Kari Nordmann", "Fjord Bygg AS", "Oslo kommune"}),
            new DemoCreditor("retrieve-no", "Retrieve Demo AS", Country.NO, CollectionModel.AGENCY_NOTICE, "1503.12.34567",
                    new String[] {"Ola Nordmann", "Vik Transport AS", "Bergen kommune"}),
            new DemoCreditor("nordisk-dk", "Nordisk ApS", Country.DK, CollectionModel.OWN_NOTICE, "5301 0001234567",
                    new String[] {"Mette Hansen", "Havn Logistik A/S", "Region Hovedstaden"}),
            new DemoCreditor("svea-se", "Svea AB", Country.SE, CollectionModel.OWN_NOTICE, "Bankgiro 5050-1055",
                    new String[] {"Anna Svensson", "Skog och Trä AB", "Region Stockholm"}),
            new DemoCreditor("suomi-fi", "Suomi Oy", Country.FI, CollectionModel.OWN_NOTICE, "FI21 1234 5600 0007 85",
                    new String[] {"Matti Virtanen", "Järvi Rakennus Oy", "Helsingin kaupunki"}),
    };

    private final CreditorRepository creditors;
    private final Agencies agencies;
    private final Environment environment;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<CompletableFuture<?>> sent = new ArrayList<>();

    public DemoData(CreditorRepository creditors, Agencies agencies, Environment environment,
                    KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Clock clock) {
        this.creditors = creditors;
        this.agencies = agencies;
        this.environment = environment;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int count = 0;
        for (DemoCreditor demo : CREDITORS) {
            Country country = demo.country();
            CreditorPolicy policy = new CreditorPolicy(false, PaymentOrder.COSTS_INTEREST_PRINCIPAL, false, BigDecimal.ZERO,
                    BigDecimal.ZERO, 0, demo.model(), demo.account());
            creditors.save(new Creditor(demo.id(), demo.name(), country, Currency.getInstance(country.defaultCurrency()),
                    country.defaultLanguage(), country.defaultZone(), policy));
            LocalDate today = LocalDate.now(clock.withZone(country.defaultZone()));
            // Not yet due, overdue by 20 days (private), by 35 days (business), by 10 days (priority customer).
            count += register(demo, 1, demo.customerNames()[0], Segment.PRIVATE, false, today.minusDays(5), today.plusDays(9), "1250.00");
            count += register(demo, 2, demo.customerNames()[0], Segment.PRIVATE, false, today.minusDays(34), today.minusDays(20), "640.50");
            count += register(demo, 3, demo.customerNames()[1], Segment.BUSINESS, false, today.minusDays(65), today.minusDays(35), "18400.00");
            count += register(demo, 4, demo.customerNames()[2], Segment.BUSINESS, true, today.minusDays(40), today.minusDays(10), "92000.00");
            if (country == Country.SE) {
                // Sweden: a reminder fee only where the customer agreed to it when the debt arose
                count += register(demo, 5, "Erik Lind", Segment.PRIVATE, false, today.minusDays(30), today.minusDays(2), "880.00",
                        true, null);
            }
            if (country == Country.DK) {
                count += register(demo, 5, "Jens Holm", Segment.PRIVATE, false, today.minusDays(30), today.minusDays(5), "1200.00",
                        false, "Customer under debt counselling: follow up by phone");
            }
        }
        collectionAgencies();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        log.info("Demo data: {} creditors stored, {} invoice-issued messages published to {}", CREDITORS.length, count,
                Topics.INVOICES);
    }

    /**
     * The two Norwegian creditors hand over to the simulated agency (local.SimulatedAgency); acme-no's large business
     * claims go to a second one (dmn/agency-selection.dmn). Reviews every Monday at 08:00, approved after three days.
     */
    private void collectionAgencies() {
        String base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/api/v1/dev/simulated-agency/";
        Set<String> bothSegments = new LinkedHashSet<>(List.of("PRIVATE", "BUSINESS"));
        agencies.save(new Agency("acme-no-retrieve", "acme-no", "Retrieve (simulated)", URI.create(base + "acme-no-retrieve"),
                "simulated", Set.of("NO"), bothSegments, BigDecimal.ZERO));
        agencies.save(new Agency("acme-no-commercial", "acme-no", "Commercial debt agency (simulated)",
                URI.create(base + "acme-no-commercial"), "simulated", Set.of("NO"), Set.of("BUSINESS"), new BigDecimal("20000")));
        agencies.save(new Agency("retrieve-no-retrieve", "retrieve-no", "Retrieve (simulated)",
                URI.create(base + "retrieve-no-retrieve"), "simulated", Set.of("NO"), bothSegments, BigDecimal.ZERO));
        for (String creditor : List.of("acme-no", "retrieve-no")) {
            agencies.saveSettings(new HandOverSettings(creditor, HandOverSettings.DEFAULT_DAY, HandOverSettings.DEFAULT_TIME,
                    HandOverSettings.DEFAULT_WINDOW, "finance@" + creditor + ".example"));
        }
    }

    private int register(DemoCreditor demo, int n, String customerName, Segment segment, boolean priority,
                         LocalDate issued, LocalDate due, String amount) {
        return register(demo, n, customerName, segment, priority, issued, due, amount, null, null);
    }

    private int register(DemoCreditor demo, int n, String customerName, Segment segment, boolean priority,
                         LocalDate issued, LocalDate due, String amount, Boolean reminderFeeAgreed, String manualFollowUpReason) {
        Country country = demo.country();
        String customerId = demo.id() + "-c" + (n == 5 ? 4 : segment == Segment.PRIVATE ? 1 : priority ? 3 : 2);
        // Channel data (README "Distribution channels"): Acme's private customer has an address that bounces and a
        // street the print house returns, so her letters end in "Fix delivery"; Retrieve's consented to eFaktura;
        // the Norwegian businesses have a PEPPOL participant id.
        boolean undeliverable = demo.id().equals("acme-no") && segment == Segment.PRIVATE && n <= 2;
        String email = (undeliverable ? "bounce-" : "") + customerId + "@example.org";
        var address = new PostalAddress(undeliverable ? "Ukjent adresse 1" : "Storgata 1", "0155", "Oslo", country.name());
        String participantId = country == Country.NO && segment == Segment.BUSINESS ? "0192:923609016" : null;
        boolean efaktura = demo.id().equals("retrieve-no") && segment == Segment.PRIVATE;
        var customer = new RegisterInvoice.CustomerBody(customerId, customerName, segment, priority, country.name(),
                country.defaultLanguage(), email, reminderFeeAgreed, manualFollowUpReason, address, participantId,
                efaktura, null);
        RegisterInvoice invoice = new RegisterInvoice(demo.id(), "DEMO-" + n, customer, issued, due, country.defaultCurrency(),
                new BigDecimal(amount), null);
        ObjectNode message = json.createObjectNode().put("type", InvoiceMessageListener.ISSUED);
        message.setAll((ObjectNode) json.valueToTree(invoice));
        try {
            sent.add(kafka.send(Topics.INVOICES, invoice.creditorId() + ":" + invoice.invoiceNumber(),
                    json.writeValueAsBytes(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return 1;
    }
}
