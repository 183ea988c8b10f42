package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every published camt file in {@code ../shared/samples/camt/} imports for a creditor owning its account, with the
 * counts read from the file, and books nothing the second time. No invoice exists, so every payment waits for a person.
 */
class BankStatementSamplesImportTest extends ApplicationTestSupport {

    private static final Path SAMPLES = Path.of("..", "shared", "samples", "camt");

    /**
     * @param payments    transactions of booked credits that are not reversals, in the account's currency, not wrong
     * @param ignored     entries only reported (pending, information, debits), and each transaction of a reversal of
     *                    no payment booked here
     * @param quarantined entries or transactions that are wrong (a zero amount, a batch that does not add up)
     */
    record Sample(String file, String account, String currency, int entries, int payments, int ignored, int quarantined) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample("ch_postfinance_camt053.001.04_esr-batches-dd-refund-reversals.xml", "CH0309000000250090342", "CHF", 13, 24, 8, 0),
                new Sample("ch_postfinance_camt053.001.08_statement-dup-acctsvcrref.xml", "CH2909000000250094239", "CHF", 5, 4, 1, 0),
                new Sample("ch_postfinance_camt054.001.04_esr-batch5-isr-refs-plus-debit.xml", "CH2909000000250094239", "CHF", 2, 5, 1, 0),
                new Sample("ch_postfinance_camt054.001.08_qrr-structured-refs-batch2.xml", "CH2909000000250094239", "CHF", 1, 2, 0, 0),
                new Sample("ch_postfinance_camt054.001.08_return-reversal-rtrinf.xml", "CH5109000000250092291", "CHF", 1, 0, 1, 0),
                new Sample("fi_fffs_camt053.001.02_statement-batches-rf-fx.xml", "FI7433010001222090", "EUR", 10, 6, 4, 0),
                new Sample("fi_fffs_camt054.001.02_batch-finref-rf-creditnote-reversal-info-multiccy.xml", "FI7433010001222090", "EUR", 6, 6, 3, 0),
                new Sample("fi_op-bank_camt053.001.02_real-statement-single-credit.xml", "FI1557169020004185", "EUR", 1, 1, 0, 0),
                new Sample("nl_oca_camt053.001.02_dd-return-reversal-batch2-ustrd.xml", "NL77ABNA0574908765", "EUR", 3, 1, 3, 0),
                new Sample("se_iso20022-business-example_camt053.001.04_sek-batch-without-txdtls-fx.xml", "50000000054910000003", "SEK", 3, 1, 1, 1),
                new Sample("xx_genkgo_camt053.001.08_scor-ref-othr-acct-mixed-ccy-balances.xml", "NL26VAYB8060476890", "EUR", 1, 0, 0, 1),
                new Sample("xx_genkgo_camt054.001.08_batch3-multi-strd-ustrd-mixed-ccy.xml", "CH2801234000123456789", "CHF", 1, 0, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void importsWithTheCountsOfTheFileAndBooksNothingTheSecondTime(Sample sample) throws IOException {
        Path path = SAMPLES.resolve(sample.file());
        Assumptions.assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the shared samples are not here)");
        String creditor = creditorOwning(sample.account(), sample.currency());
        byte[] xml = Files.readAllBytes(path);

        JsonNode first = upload(creditor, xml);

        assertThat(first.get("entries").asInt()).as("%s", first).isEqualTo(sample.entries());
        assertThat(first.get("paymentsCreated").asInt()).as("%s", first).isEqualTo(sample.payments());
        assertThat(first.get("unmatched").asInt()).isEqualTo(sample.payments());
        assertThat(first.get("ignored")).as("%s", first).hasSize(sample.ignored());
        assertThat(first.get("quarantined")).as("%s", first).hasSize(sample.quarantined());
        assertThat(first.get("reversed").asInt()).isZero();

        JsonNode again = upload(creditor, xml);

        assertThat(again.get("paymentsCreated").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(sample.payments());
        assertThat(rest.getForObject("/api/v1/payments?status=UNMATCHED&creditorId=" + creditor, JsonNode.class))
                .hasSize(sample.payments());
    }

    @org.junit.jupiter.api.Test
    void aFileWhoseAccountIsNoValidIbanBelongsToNoCreditorAndIsRefused() throws IOException {
        Path path = SAMPLES.resolve("ch_dvbern_camt054.001.04_reversal-pdng-debit.xml");
        Assumptions.assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the shared samples are not here)");
        ResponseEntity<JsonNode> refusedAccount = rest.exchange("/api/v1/creditors/" + unique("cred-ch"), HttpMethod.PUT,
                jsonEntity(Map.of("name", "DV Bern", "country", "FI", "currency", "EUR", "language", "fi",
                        "banking", Map.of("bankAccounts", List.of(Map.of("account", "CH160077401231234567"))))),
                JsonNode.class);
        String creditor = creditorOwning("CH9300762011623852957", "CHF");

        ResponseEntity<JsonNode> response = post(creditor, Files.readAllBytes(path));

        assertThat(refusedAccount.getStatusCode().value()).as("its IBAN fails the ISO 13616 check").isEqualTo(400);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("detail").asText()).contains("CH160077401231234567");
    }

    private String creditorOwning(String account, String currency) {
        String id = unique("cred-fi");
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT,
                jsonEntity(Map.of("name", "Creditor " + id, "country", "FI", "currency", "EUR", "language", "fi",
                        "banking", Map.of("bankAccounts", List.of(Map.of("account", account, "currency", currency))))),
                JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return id;
    }

    private JsonNode upload(String creditor, byte[] xml) {
        ResponseEntity<JsonNode> response = post(creditor, xml);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> post(String creditor, byte[] xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return rest.exchange("/api/v1/bank-statements?creditorId=" + creditor, HttpMethod.POST,
                new HttpEntity<>(xml, headers), JsonNode.class);
    }
}
