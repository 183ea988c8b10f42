package org.collectionorchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.collectionorchestrator.report.AgingReport.Bucket;
import org.collectionorchestrator.report.AgingReport.BucketTotal;
import org.collectionorchestrator.report.AgingReport.CurrencyTotal;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aging from the dated ledger on real PostgreSQL: the same invoices, payments and fees reported as of several dates,
 * so a later registration, payment or fee must not count for an earlier date.
 */
class AgingReportTest extends ApplicationTestSupport {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private AgingReport report;

    private String creditor;

    /**
     * NOK unless said: A 100 due 07-10; B 200 due 06-15 paid 50 on 06-20; C 300 due 05-15 with a 35 fee and 4
     * interest booked 06-01; D 400 due 04-15 paid in full 07-05; G 80 due 05-31 paid in full 06-10; F 70 registered
     * 07-02 due 07-05; E EUR 500 due 01-31.
     */
    @BeforeEach
    void ledger() {
        creditor = createCreditor("NO", "NOK", "nb");
        customer("c-small", "Småbedrift AS");
        customer("c-big", "=Stor, \"Kunde\" AB");
        UUID a = invoice("c-small", "NOK", "2026-06-01", "2026-07-10", "100");
        UUID b = invoice("c-small", "NOK", "2026-05-16", "2026-06-15", "200");
        entry(b, "c-small", "PAYMENT", "PRINCIPAL", "-50", "NOK", "2026-06-20");
        UUID c = invoice("c-big", "NOK", "2026-04-15", "2026-05-15", "300");
        entry(c, "c-big", "FEE", "FEES", "35", "NOK", "2026-06-01");
        entry(c, "c-big", "INTEREST", "INTEREST", "4", "NOK", "2026-06-01");
        UUID d = invoice("c-big", "NOK", "2026-03-16", "2026-04-15", "400");
        entry(d, "c-big", "PAYMENT", "PRINCIPAL", "-400", "NOK", "2026-07-05");
        UUID g = invoice("c-small", "NOK", "2026-05-01", "2026-05-31", "80");
        entry(g, "c-small", "PAYMENT", "PRINCIPAL", "-80", "NOK", "2026-06-10");
        invoice("c-small", "NOK", "2026-07-02", "2026-07-05", "70");
        invoice("c-big", "EUR", "2026-01-01", "2026-01-31", "500");
        assertThat(List.of(a, b, c, d, g)).doesNotHaveDuplicates();
    }

    /** asOf, currency, bucket, count, principal, fees, interest, outstanding. */
    private record Expected(String asOf, String currency, Bucket bucket, long count, String principal, String fees,
                            String interest, String outstanding) {
    }

    @Test
    void bucketsEveryCurrencyAsOfAnyDateFromTheEntriesBookedByThen() {
        List<Expected> table = List.of(
                new Expected("2026-06-30", "NOK", Bucket.NOT_DUE, 1, "100", "0", "0", "100"),
                new Expected("2026-06-30", "NOK", Bucket.DAYS_1_30, 1, "150", "0", "0", "150"),
                new Expected("2026-06-30", "NOK", Bucket.DAYS_31_60, 1, "300", "35", "4", "339"),
                new Expected("2026-06-30", "NOK", Bucket.DAYS_61_90, 1, "400", "0", "0", "400"),
                new Expected("2026-06-30", "NOK", Bucket.OVER_90, 0, "0", "0", "0", "0"),
                new Expected("2026-06-30", "EUR", Bucket.OVER_90, 1, "500", "0", "0", "500"),
                new Expected("2026-06-30", "EUR", Bucket.NOT_DUE, 0, "0", "0", "0", "0"),
                // D paid on 07-05 and F registered on 07-02: due on the 5th, 5 days overdue
                new Expected("2026-07-10", "NOK", Bucket.NOT_DUE, 1, "100", "0", "0", "100"),
                new Expected("2026-07-10", "NOK", Bucket.DAYS_1_30, 2, "220", "0", "0", "220"),
                new Expected("2026-07-10", "NOK", Bucket.DAYS_31_60, 1, "300", "35", "4", "339"),
                new Expected("2026-07-10", "NOK", Bucket.DAYS_61_90, 0, "0", "0", "0", "0"),
                // before A was registered, before B's payment, C's fee and G's payment
                new Expected("2026-05-31", "NOK", Bucket.NOT_DUE, 2, "280", "0", "0", "280"),
                new Expected("2026-05-31", "NOK", Bucket.DAYS_1_30, 1, "300", "0", "0", "300"),
                new Expected("2026-05-31", "NOK", Bucket.DAYS_31_60, 1, "400", "0", "0", "400"),
                new Expected("2026-05-31", "EUR", Bucket.OVER_90, 1, "500", "0", "0", "500"),
                // before anything was registered
                new Expected("2025-12-31", "NOK", Bucket.NOT_DUE, 0, "0", "0", "0", "0"));

        SoftAssertions softly = new SoftAssertions();
        for (Expected row : table) {
            List<CurrencyTotal> totals = report.report(creditor, LocalDate.parse(row.asOf()), 0, 50).totals();
            BucketTotal actual = totals.stream().filter(t -> t.currency().equals(row.currency()))
                    .flatMap(t -> t.buckets().stream()).filter(b -> b.bucket() == row.bucket()).findFirst()
                    .orElse(new BucketTotal(row.bucket(), 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            String label = row.asOf() + " " + row.currency() + " " + row.bucket();
            softly.assertThat(actual.count()).as(label + " count").isEqualTo(row.count());
            softly.assertThat(actual.principal()).as(label + " principal").isEqualByComparingTo(row.principal());
            softly.assertThat(actual.fees()).as(label + " fees").isEqualByComparingTo(row.fees());
            softly.assertThat(actual.interest()).as(label + " interest").isEqualByComparingTo(row.interest());
            softly.assertThat(actual.outstanding()).as(label + " outstanding").isEqualByComparingTo(row.outstanding());
        }
        softly.assertThat(report.report(creditor, LocalDate.parse("2025-12-31"), 0, 50).totals()).as("nothing registered yet").isEmpty();
        softly.assertAll();
    }

    @Test
    void servesCustomersAPageAtATimeLargestFirst() {
        JsonNode first = rest.getForObject("/api/v1/reports/aging?creditorId=" + creditor + "&asOf=2026-06-30&size=2",
                JsonNode.class);
        assertThat(first.get("asOf").asText()).isEqualTo("2026-06-30");
        assertThat(first.get("totals")).extracting(t -> t.get("currency").asText()).containsExactly("EUR", "NOK");
        JsonNode nok = first.get("totals").get(1);
        assertThat(nok.get("count").asLong()).isEqualTo(4);
        assertThat(nok.get("outstanding").decimalValue()).isEqualByComparingTo("989");
        assertThat(nok.get("buckets")).hasSize(5);

        JsonNode customers = first.get("customers");
        assertThat(customers.get("totalItems").asLong()).as("c-big in NOK and EUR, c-small in NOK").isEqualTo(3);
        assertThat(customers.get("items")).extracting(i -> i.get("customerId").asText() + " " + i.get("currency").asText())
                .containsExactly("c-big NOK", "c-big EUR");
        JsonNode bigNok = customers.get("items").get(0);
        assertThat(bigNok.get("outstanding").decimalValue()).isEqualByComparingTo("739");
        assertThat(bigNok.get("days31To60").decimalValue()).isEqualByComparingTo("339");
        assertThat(bigNok.get("days61To90").decimalValue()).isEqualByComparingTo("400");

        JsonNode second = rest.getForObject("/api/v1/reports/aging?creditorId=" + creditor + "&asOf=2026-06-30&size=2&page=1",
                JsonNode.class).get("customers");
        assertThat(second.get("items")).extracting(i -> i.get("customerId").asText()).containsExactly("c-small");
        assertThat(second.get("items").get(0).get("count").asLong()).isEqualTo(2);
        JsonNode beyond = rest.getForObject("/api/v1/reports/aging?creditorId=" + creditor + "&asOf=2026-06-30&size=2&page=5",
                JsonNode.class).get("customers");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void downloadsEveryCustomerRowAsCsv() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        var response = rest.exchange("/api/v1/reports/aging?creditorId=" + creditor + "&asOf=2026-06-30&size=1",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment").contains(".csv");
        assertThat(response.getBody().split("\r\n")).containsExactly(
                "customerId,customerName,currency,invoices,notDue,days1To30,days31To60,days61To90,over90,outstanding",
                "c-big,\"'=Stor, \"\"Kunde\"\" AB\",NOK,2,0.00,0.00,339.00,400.00,0.00,739.00",
                "c-big,\"'=Stor, \"\"Kunde\"\" AB\",EUR,1,0.00,0.00,0.00,0.00,500.00,500.00",
                "c-small,Småbedrift AS,NOK,2,100.00,150.00,0.00,0.00,0.00,250.00");
    }

    @Test
    void badParametersAndUnknownCreditorsAreProblems() {
        var badDate = rest.getForEntity("/api/v1/reports/aging?creditorId=" + creditor + "&asOf=30.06.2026", JsonNode.class);
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getHeaders().getContentType().toString()).contains("problem+json");

        var badSize = rest.getForEntity("/api/v1/reports/aging?creditorId=" + creditor + "&size=0", JsonNode.class);
        assertThat(badSize.getStatusCode().value()).isEqualTo(400);
        assertThat(badSize.getBody().toString()).contains("size");

        var noCreditor = rest.getForEntity("/api/v1/reports/aging", JsonNode.class);
        assertThat(noCreditor.getStatusCode().value()).isEqualTo(400);

        var unknown = rest.getForEntity("/api/v1/reports/aging?creditorId=" + unique("nobody"), JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anEntryBookedWithAnEarlierDateThanTheLastCountsFromItsOwnDay() {
        customer("c-late", "Sen Betaler AS");
        UUID h = invoice("c-late", "NOK", "2026-05-01", "2026-05-31", "1000");
        entry(h, "c-late", "PAYMENT", "PRINCIPAL", "-300", "NOK", "2026-07-01");
        entry(h, "c-late", "PAYMENT", "PRINCIPAL", "-200", "NOK", "2026-06-10"); // a bank file read late

        assertThat(outstandingOfCustomer("c-late", "2026-06-09")).isEqualByComparingTo("1000");
        assertThat(outstandingOfCustomer("c-late", "2026-06-30")).isEqualByComparingTo("800");
        assertThat(outstandingOfCustomer("c-late", "2026-07-01")).isEqualByComparingTo("500");
    }

    @Test
    void bookingsOnOneInvoiceFromConcurrentTransactionsAllCount() throws Exception {
        customer("c-busy", "Travel Kunde AS");
        UUID h = invoice("c-busy", "NOK", "2026-05-01", "2026-05-31", "1000");
        int threads = 4;
        int each = 10;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int day = 10 + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        entry(h, "c-busy", "PAYMENT", "PRINCIPAL", "-1", "NOK", "2026-06-" + day);
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        }
        assertThat(outstandingOfCustomer("c-busy", "2026-07-01")).isEqualByComparingTo("960");
        assertThat(outstandingOfCustomer("c-busy", "2026-06-11")).isEqualByComparingTo("980");
    }

    private BigDecimal outstandingOfCustomer(String customer, String asOf) {
        return report.report(creditor, LocalDate.parse(asOf), 0, 50).customers().items().stream()
                .filter(row -> row.customerId().equals(customer)).map(AgingReport.CustomerRow::outstanding)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void defaultsToTodayInTheCreditorsZone() {
        JsonNode today = rest.getForObject("/api/v1/reports/aging?creditorId=" + creditor, JsonNode.class);
        assertThat(today.get("asOf").asText()).isEqualTo(today().toString());
    }

    private void customer(String id, String name) {
        jdbc.sql("""
                        insert into customer (creditor_id, id, name, segment, priority, country, language, updated_at)
                        values (:creditor, :id, :name, 'BUSINESS', false, 'NO', 'nb', now())""")
                .param("creditor", creditor).param("id", id).param("name", name).update();
    }

    /** An invoice and its principal entry booked on the issue date; a made-up process key so no process starts. */
    private UUID invoice(String customer, String currency, String issued, String due, String amount) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into invoice (id, creditor_id, invoice_number, customer_id, issue_date, due_date, currency,
                                             amount, status, process_instance_key, request_fingerprint, registered_at)
                        values (:id, :creditor, :number, :customer, :issued, :due, :currency, :amount, 'OPEN', -1,
                                'test', :registered)""")
                .param("id", id).param("creditor", creditor).param("number", unique("inv"))
                .param("customer", customer).param("issued", LocalDate.parse(issued)).param("due", LocalDate.parse(due))
                .param("currency", currency).param("amount", new BigDecimal(amount))
                .param("registered", OffsetDateTime.parse(issued + "T08:00:00Z"))
                .update();
        entry(id, customer, "PRINCIPAL", "PRINCIPAL", amount, currency, issued);
        return id;
    }

    private void entry(UUID invoice, String customer, String type, String component, String amount, String currency,
                       String booked) {
        jdbc.sql("""
                        insert into ledger_entry (creditor_id, customer_id, invoice_id, entry_type, component, amount,
                                                  currency, booking_date, source, recorded_at)
                        values (:creditor, :customer, :invoice, :type, :component, :amount, :currency, :booked, 'test', now())""")
                .param("creditor", creditor).param("customer", customer).param("invoice", invoice).param("type", type)
                .param("component", component).param("amount", new BigDecimal(amount)).param("currency", currency)
                .param("booked", LocalDate.parse(booked)).update();
    }
}
