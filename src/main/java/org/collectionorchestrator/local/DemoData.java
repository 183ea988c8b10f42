package org.collectionorchestrator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.time.LocalDate;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.invoice.InvoiceMessageListener;
import org.collectionorchestrator.invoice.RegisterInvoice;
import org.collectionorchestrator.events.Topics;
import org.collectionorchestrator.invoice.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Currency;

/**
 * Local profile: one creditor per country, each with invoices from private, business and priority customers, some
 * not yet due and some overdue, so the whole lifecycle can be watched by moving the clock. Creditors are stored
 * directly; the invoices arrive the way an ERP sends them, as invoice-issued messages on collection.invoices.v1, and
 * show up in the API a moment after start-up.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "collection.demo-data.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoCreditor(String id, String name, Country country, String[] customerNames) {
    }

    private static final DemoCreditor[] CREDITORS = {
            new DemoCreditor("acme-no", "Acme AS", Country.NO, new String[] {"Kari Nordmann", "Fjord Bygg AS", "Oslo kommune"}),
            new DemoCreditor("nordisk-dk", "Nordisk ApS", Country.DK, new String[] {"Mette Hansen", "Havn Logistik A/S", "Region Hovedstaden"}),
            new DemoCreditor("svea-se", "Svea AB", Country.SE, new String[] {"Anna Svensson", "Skog och Trä AB", "Region Stockholm"}),
            new DemoCreditor("suomi-fi", "Suomi Oy", Country.FI, new String[] {"Matti Virtanen", "Järvi Rakennus Oy", "Helsingin kaupunki"}),
    };

    private final CreditorRepository creditors;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<CompletableFuture<?>> sent = new ArrayList<>();

    public DemoData(CreditorRepository creditors, KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Clock clock) {
        this.creditors = creditors;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int count = 0;
        for (DemoCreditor demo : CREDITORS) {
            Country country = demo.country();
            creditors.save(new Creditor(demo.id(), demo.name(), country, Currency.getInstance(country.defaultCurrency()),
                    country.defaultLanguage(), country.defaultZone(), CreditorPolicy.DEFAULT));
            LocalDate today = LocalDate.now(clock.withZone(country.defaultZone()));
            // Not yet due, overdue by 20 days (private), by 35 days (business), by 10 days (priority customer).
            count += register(demo, 1, demo.customerNames()[0], Segment.PRIVATE, false, today.minusDays(5), today.plusDays(9), "1250.00");
            count += register(demo, 2, demo.customerNames()[0], Segment.PRIVATE, false, today.minusDays(34), today.minusDays(20), "640.50");
            count += register(demo, 3, demo.customerNames()[1], Segment.BUSINESS, false, today.minusDays(65), today.minusDays(35), "18400.00");
            count += register(demo, 4, demo.customerNames()[2], Segment.BUSINESS, true, today.minusDays(40), today.minusDays(10), "92000.00");
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        log.info("Demo data: {} creditors stored, {} invoice-issued messages published to {}", CREDITORS.length, count,
                Topics.INVOICES);
    }

    private int register(DemoCreditor demo, int n, String customerName, Segment segment, boolean priority,
                         LocalDate issued, LocalDate due, String amount) {
        Country country = demo.country();
        String customerId = demo.id() + "-c" + (segment == Segment.PRIVATE ? 1 : priority ? 3 : 2);
        var customer = new RegisterInvoice.CustomerBody(customerId, customerName, segment, priority, country.name(),
                country.defaultLanguage(), customerId + "@example.org");
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
