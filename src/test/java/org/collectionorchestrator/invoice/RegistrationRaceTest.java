package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests that race for the same unique key get a business answer (201/200/409), never a 500. */
class RegistrationRaceTest extends ApplicationTestSupport {

    private static final int ROUNDS = 5;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInvoicesWithTheSamePaymentReferenceAtOnceAre201And409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String creditor = createCreditor("NO", "NOK", "nb");
            var first = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK").put("paymentReference", "1234567897");
            var second = invoiceBody(creditor, "BUSINESS", false, today().plusDays(20), "200.00", "NOK").put("paymentReference", "1234567897");

            List<Integer> statuses = together(
                    () -> post("/api/v1/invoices", first),
                    () -> post("/api/v1/invoices", second));

            assertThat(statuses).as("round %s", round).containsExactlyInAnyOrder(201, 409);
            assertThat(jdbc.sql("select count(*) from invoice where creditor_id = :c").param("c", creditor)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void theSameInvoiceWithAPaymentReferenceTwiceAtOnceIs201And200() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String creditor = createCreditor("NO", "NOK", "nb");
            var body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK").put("paymentReference", "1234567897");

            List<Integer> statuses = together(() -> post("/api/v1/invoices", body), () -> post("/api/v1/invoices", body));

            assertThat(statuses).as("round %s", round).containsExactlyInAnyOrder(201, 200);
        }
    }

    @Test
    void twoFirstPutsOfACreditorAtOnceAre201And200() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = unique("race");
            Callable<ResponseEntity<JsonNode>> put = () -> rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT,
                    jsonEntity(Map.of("name", "Race AS", "country", "NO", "currency", "NOK", "language", "nb")), JsonNode.class);

            List<Integer> statuses = together(put, put);

            assertThat(statuses).as("round %s", round).containsExactlyInAnyOrder(201, 200);
            assertThat(rest.getForObject("/api/v1/creditors/" + id, JsonNode.class).get("name").asText()).isEqualTo("Race AS");
        }
    }

}
