package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** GET /api/v1/invoices with its filters, over one creditor's five invoices; and each bad parameter named in a 400. */
class InvoiceListFilterTest extends ApplicationTestSupport {

    @Test
    void eachFilterAndTheirCombinationsListTheRightInvoicesByDueDateThenNumber() {
        String creditor = createCreditor("NO", "NOK", "nb");
        invoice(creditor, "INV-1", "PRIVATE", "NO", "Kari Nordmann", -40);
        String settled = invoice(creditor, "INV-4", "BUSINESS", "NO", "Fjord Bygg AS", -40);
        invoice(creditor, "INV-5", "PRIVATE", "NO", "Kari Nordmann", -20);
        invoice(creditor, "INV-2", "BUSINESS", "SE", "Nordlys AB", -10);
        invoice(creditor, "INV-3", "PRIVATE", "FI", "Matti Meikäläinen", 5);
        pay(creditor, settled, "5000.00", "NOK"); // more than any fee added meanwhile: settled
        assertThat(invoice(settled).get("status").asText()).isEqualTo("SETTLED");

        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("", List.of("INV-1", "INV-4", "INV-5", "INV-2", "INV-3"));
        table.put("status=SETTLED", List.of("INV-4"));
        table.put("segment=BUSINESS", List.of("INV-4", "INV-2"));
        table.put("country=se", List.of("INV-2"));
        table.put("country=NO&segment=PRIVATE", List.of("INV-1", "INV-5"));
        table.put("minDaysOverdue=0", List.of("INV-1", "INV-5", "INV-2"));
        table.put("minDaysOverdue=10", List.of("INV-1", "INV-5", "INV-2"));
        table.put("minDaysOverdue=11", List.of("INV-1", "INV-5"));
        table.put("minDaysOverdue=30&segment=PRIVATE", List.of("INV-1"));
        table.put("q=kari", List.of("INV-1", "INV-5"));
        table.put("q=NORDLYS", List.of("INV-2"));
        table.put("q=inv-3", List.of("INV-3"));
        table.put("q=%", List.of());
        table.put("q=_", List.of());
        table.put("q=  ", List.of("INV-1", "INV-4", "INV-5", "INV-2", "INV-3"));
        table.put("size=2&page=1", List.of("INV-5", "INV-2"));

        SoftAssertions softly = new SoftAssertions();
        table.forEach((query, expected) -> {
            JsonNode page = rest.getForObject("/api/v1/invoices?creditorId=" + creditor + "&" + query, JsonNode.class);
            softly.assertThat(numbers(page)).as(query).containsExactlyElementsOf(expected);
            if (!query.contains("size=")) {
                softly.assertThat(page.get("totalItems").asLong()).as("%s totalItems", query).isEqualTo(expected.size());
            }
        });
        softly.assertAll();
    }

    @Test
    void aBadParameterIsAProblemNamingIt() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("status=LOST", "status");
        table.put("segment=PUBLIC", "segment");
        table.put("country=NOR", "country");
        table.put("minDaysOverdue=-1", "minDaysOverdue");
        table.put("minDaysOverdue=many", "minDaysOverdue");
        table.put("q=" + "x".repeat(101), "q");
        table.put("size=0", "size");

        SoftAssertions softly = new SoftAssertions();
        table.forEach((query, parameter) -> {
            ResponseEntity<JsonNode> response = rest.getForEntity("/api/v1/invoices?" + query, JsonNode.class);
            softly.assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
            softly.assertThat(response.getBody().get("errors").findValuesAsText("field")).as(query)
                    .containsExactly(parameter);
        });
        softly.assertAll();
        assertThat(rest.getForObject("/api/v1/invoices?segment=PUBLIC", JsonNode.class).at("/errors/0/message").asText())
                .isEqualTo("must be one of PRIVATE, BUSINESS");
    }

    private String invoice(String creditor, String number, String segment, String country, String customer, int dueInDays) {
        ObjectNode body = invoiceBody(creditor, segment, false, today().plusDays(dueInDays), "500.00", "NOK");
        body.put("invoiceNumber", number);
        ((ObjectNode) body.get("customer")).put("country", country).put("name", customer);
        return register(body).get("id").asText();
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("invoiceNumber").asText()));
        return numbers;
    }
}
