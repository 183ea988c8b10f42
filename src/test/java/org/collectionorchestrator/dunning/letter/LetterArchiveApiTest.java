package org.collectionorchestrator.dunning.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

class LetterArchiveApiTest extends ApplicationTestSupport {

    @Autowired
    LetterArchive archive;
    @Autowired
    LetterRenderer renderer;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aStoredLetterIsListedAndItsPdfServedAsProduced() {
        UUID invoice = registeredInvoice();
        LetterContent content = LetterFixtures.letter(LetterKind.NOTICE, "no");
        byte[] pdf = renderer.render(content);

        StoredLetter stored = transaction.execute(status -> archive.store(invoice, content, pdf));

        assertThat(stored.sha256()).isEqualTo(LetterArchive.sha256(pdf)).hasSize(64);
        assertThat(stored.language()).isEqualTo("nb");
        JsonNode list = rest.getForObject("/api/v1/invoices/" + invoice + "/letters", JsonNode.class);
        assertThat(list).hasSize(1);
        JsonNode letter = list.get(0);
        assertThat(letter.get("letterNumber").asInt()).isEqualTo(3);
        assertThat(letter.get("kind").asText()).isEqualTo("NOTICE");
        assertThat(letter.get("letterDate").asText()).isEqualTo("2026-03-10");
        assertThat(letter.get("payBy").asText()).isEqualTo("2026-03-24");
        assertThat(letter.get("language").asText()).isEqualTo("nb");
        assertThat(letter.get("fee").asText()).isEqualTo("38.00");
        assertThat(letter.get("totalToPay").asText()).isEqualTo("13017.59");
        assertThat(letter.get("currency").asText()).isEqualTo("NOK");
        assertThat(letter.get("sha256").asText()).isEqualTo(stored.sha256());
        assertThat(letter.get("createdAt").asText()).isNotBlank();

        ResponseEntity<byte[]> response = rest.getForEntity("/api/v1/invoices/" + invoice + "/letters/3", byte[].class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("letter-3-notice-" + invoice + ".pdf");
        assertThat(response.getHeaders().getETag()).isEqualTo("\"" + stored.sha256() + "\"");
        assertThat(response.getBody()).isEqualTo(pdf);
        assertThat(PdfText.of(response.getBody())).contains("Inkassovarsel", "13 017,59 NOK");
    }

    @Test
    void theSameLetterNumberTwiceIsStoredOnceAndTheSecondCallGetsTheFirst() {
        UUID invoice = registeredInvoice();
        LetterContent first = LetterFixtures.letter(LetterKind.REMINDER, "nb");
        LetterContent other = LetterFixtures.of(LetterKind.NOTICE, "en").with(l -> l.feeThisLetter = LetterFixtures.nok("0.00"))
                .build();
        byte[] firstPdf = renderer.render(first);

        StoredLetter stored = transaction.execute(status -> archive.store(invoice, first, firstPdf));
        StoredLetter again = transaction.execute(status -> archive.store(invoice, other, renderer.render(other)));

        assertThat(again).isEqualTo(stored);
        assertThat(again.kind()).isEqualTo(LetterKind.REMINDER);
        assertThat(archive.count(invoice)).isEqualTo(1);
        assertThat(archive.pdf(invoice, 3)).hasValueSatisfying(pdf -> assertThat(pdf).isEqualTo(firstPdf));
    }

    @Test
    void aSecondStoreRacingAnOpenFirstWaitsForItAndGetsItsLetter() throws Exception {
        UUID invoice = registeredInvoice();
        LetterContent first = LetterFixtures.letter(LetterKind.REMINDER, "da");
        LetterContent second = LetterFixtures.letter(LetterKind.REMINDER, "sv");
        CountDownLatch firstStored = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        CompletableFuture<StoredLetter> one = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            StoredLetter letter = archive.store(invoice, first, renderer.render(first));
            firstStored.countDown();
            await(commitFirst);
            return letter;
        }));
        await(firstStored);
        CompletableFuture<StoredLetter> two = CompletableFuture.supplyAsync(() ->
                transaction.execute(status -> archive.store(invoice, second, renderer.render(second))));
        Thread.sleep(300);
        assertThat(two).as("waits on the first transaction's key").isNotDone();
        commitFirst.countDown();

        assertThat(two.get(20, TimeUnit.SECONDS)).isEqualTo(one.get(20, TimeUnit.SECONDS));
        assertThat(archive.list(invoice)).extracting(StoredLetter::language).containsExactly("da");
    }

    @Test
    void aLetterIsStoredInTheCallersTransactionAndGoesIfItRollsBack() {
        UUID invoice = registeredInvoice();
        LetterContent content = LetterFixtures.letter(LetterKind.REMINDER, "fi");

        transaction.executeWithoutResult(status -> {
            archive.store(invoice, content, renderer.render(content));
            status.setRollbackOnly();
        });

        assertThat(archive.count(invoice)).isZero();
        assertThat(rest.getForObject("/api/v1/invoices/" + invoice + "/letters", JsonNode.class)).isEmpty();
    }

    @Test
    void lettersOfAnUnknownInvoiceOrNumberAreNotFoundAsProblemDetails() {
        UUID invoice = registeredInvoice();
        UUID unknown = UUID.randomUUID();

        for (String path : List.of("/api/v1/invoices/" + unknown + "/letters", "/api/v1/invoices/" + unknown + "/letters/1",
                "/api/v1/invoices/" + invoice + "/letters/1", "/api/v1/invoices/" + invoice + "/letters/0",
                "/api/v1/invoices/" + invoice + "/letters/-2")) {
            ResponseEntity<JsonNode> response = get(path, MediaType.ALL);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(response.getHeaders().getContentType().toString()).as(path).contains("application/problem+json");
            assertThat(response.getBody().get("type").asText()).as(path).endsWith("/not-found");
        }
    }

    @Test
    void aClientAskingForPdfStillGetsTheProblemDetails() {
        ResponseEntity<JsonNode> response = get("/api/v1/invoices/" + registeredInvoice() + "/letters/7",
                MediaType.APPLICATION_PDF);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().get("detail").asText()).contains("has no letter 7");
    }

    @Test
    void aLetterNumberThatIsNoNumberIsABadRequest() {
        for (String path : List.of("/api/v1/invoices/" + registeredInvoice() + "/letters/first",
                "/api/v1/invoices/not-a-uuid/letters", "/api/v1/invoices/" + UUID.randomUUID() + "/letters/99999999999")) {
            ResponseEntity<JsonNode> response = get(path, MediaType.ALL);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).as(path).contains("application/problem+json");
        }
    }

    private ResponseEntity<JsonNode> get(String path, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private UUID registeredInvoice() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "12345.50", "NOK"));
        return UUID.fromString(invoice.get("id").asText());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
