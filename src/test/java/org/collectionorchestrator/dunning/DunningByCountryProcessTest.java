package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each country and segment from issue to "ready for collection" on the real engine, timers advanced: which letters
 * go out, with which fees (domain.md §2.1–2.5 at the letter's date), the B2B compensation, interest on the first
 * letter, deadlines the law accepts, and every date a banking day.
 */
class DunningByCountryProcessTest extends ApplicationTestSupport {

    @Autowired
    BankCalendar calendar;

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # country | segment  | late interest % H2 2026 (domain.md; none: no rate known) | letters (kind:fee at a 2026/2027 date)              | compensation | notice deadline days (law)
            NO        | PRIVATE  | 12.25 | REMINDER:38.00 NOTICE:38.00 PAYMENT_DEMAND:113.00           | 0.00   | 14
            NO        | BUSINESS | 12.25 | REMINDER:0.00 NOTICE:0.00 PAYMENT_DEMAND:0.00               | 430.00 | 14
            DK        | PRIVATE  | none  | REMINDER:100.00 REMINDER:100.00 NOTICE:100.00               | 0.00   | 10
            DK        | BUSINESS | none  | REMINDER:100.00 REMINDER:100.00 NOTICE:100.00               | 310.00 | 10
            SE        | PRIVATE  | 10.00 | REMINDER:0.00 NOTICE:180.00                                 | 0.00   | 8
            SE        | BUSINESS | 10.00 | REMINDER:0.00 NOTICE:0.00                                   | 450.00 | 8
            FI        | PRIVATE  | 9.50  | REMINDER:5.00 NOTICE:5.00                                   | 0.00   | 10
            FI        | BUSINESS | 10.50 | REMINDER:12.00 NOTICE:12.00                                 | 40.00  | 10
            """)
    void walksFromIssueToReadyForCollection(String country, String segment, String ratePercent, String letters,
                                            String compensation, int noticeDeadlineDays) {
        Country c = Country.valueOf(country);
        String creditor = createCreditor(country, c.defaultCurrency(), c.defaultLanguage());
        LocalDate due = today();
        JsonNode invoice = register(invoiceBody(creditor, segment, false, due, "10000.00", c.defaultCurrency()));
        String id = invoice.get("id").asText();

        advance(Duration.ofDays(110));

        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() -> invoice(id),
                body -> "READY_FOR_COLLECTION".equals(body.get("status").asText()));
        JsonNode stored = rest.getForObject("/api/v1/invoices/" + id + "/letters", JsonNode.class);
        List<String> expected = Arrays.asList(letters.trim().split("\\s+"));
        List<String> actual = new ArrayList<>();
        stored.forEach(l -> actual.add(l.get("kind").asText() + ":" + l.get("fee").asText()));
        assertThat(actual).as("letters and fees of %s %s", country, segment).isEqualTo(expected);

        LocalDate previous = due;
        for (JsonNode letter : stored) {
            LocalDate date = LocalDate.parse(letter.get("letterDate").asText());
            LocalDate payBy = LocalDate.parse(letter.get("payBy").asText());
            assertThat(calendar.isBankingDay(c, date)).as("letter date %s is a banking day", date).isTrue();
            assertThat(calendar.isBankingDay(c, payBy)).as("deadline %s is a banking day", payBy).isTrue();
            assertThat(date).isAfter(previous);
            if (!"REMINDER".equals(letter.get("kind").asText())) {
                assertThat(ChronoUnit.DAYS.between(date, payBy)).as("notice deadline").isGreaterThanOrEqualTo(noticeDeadlineDays);
            }
            previous = date;
        }
        BigDecimal fees = sum(expected);
        assertThat(after.get("fees").asText()).isEqualTo(fees.setScale(2).toPlainString());
        assertThat(after.get("compensation").asText()).isEqualTo(compensation);
        assertThat(after.get("principal").asText()).isEqualTo("10000.00");
        assertThat(after.get("dunningStage").asText()).isEqualTo("READY_FOR_COLLECTION");

        assertThat(auditTypes(id)).containsSubsequence("INVOICE_REGISTERED", "REMINDER_SENT", "READY_FOR_COLLECTION")
                .doesNotContain("SETTLED");

        JsonNode first = stored.get(0);
        LocalDate firstDate = LocalDate.parse(first.get("letterDate").asText());
        assertThat(firstDate).isBefore(LocalDate.of(2027, 1, 1));
        if ("none".equals(ratePercent)) {
            assertThat(firstInterestAdded(id)).as("no rate for the period in domain.md: no interest").isEqualTo("none");
            return;
        }
        long days = ChronoUnit.DAYS.between(calendar.onOrNextBankingDay(c, due), firstDate); // from the day after the (banking) due date
        BigDecimal interest = new BigDecimal("10000").multiply(new BigDecimal(ratePercent)).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100L * 365), 2, RoundingMode.HALF_UP);
        assertThat(firstInterestAdded(id)).as("interest on the first letter: %s days at %s %%", days, ratePercent)
                .isEqualTo(interest.toPlainString());
    }

    private String firstInterestAdded(String id) {
        for (JsonNode entry : invoice(id).get("auditTrail")) {
            if ("INTEREST_ADDED".equals(entry.get("type").asText())) {
                return entry.get("amount").asText();
            }
        }
        return "none";
    }

    private static BigDecimal sum(List<String> letters) {
        return letters.stream().map(l -> new BigDecimal(l.split(":")[1])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    ObjectNode withCustomer(ObjectNode body, String field, Object value) {
        ((ObjectNode) body.get("customer")).putPOJO(field, value);
        return body;
    }
}
