package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.collectionorchestrator.invoice.Disputes.ResolutionOutcome;
import org.collectionorchestrator.invoice.Disputes.ResolutionRefused;
import org.collectionorchestrator.invoice.DunningHolds.DunningHold;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What each resolution of a dispute does to ledger, status and audit trail, and the worker side of a pause. */
class DisputesTest extends ApplicationTestSupport {

    @Autowired
    Disputes disputes;
    @Autowired
    DunningHolds holds;
    @Autowired
    JdbcClient jdbc;

    private String creditor;

    /** An open NOK invoice of 1250.00, disputed once. */
    private UUID disputedInvoice() {
        UUID id = openInvoice();
        disputes.dispute(id, "The customer says the price is wrong");
        return id;
    }

    private UUID openInvoice() {
        creditor = createCreditor("NO", "NOK", "nb");
        return UUID.fromString(register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK"))
                .get("id").asText());
    }

    private JsonNode view(UUID id) {
        return invoice(id.toString());
    }

    private long audits(UUID id, String type) {
        return count(id.toString(), type);
    }

    private JsonNode lastAudit(UUID id, String type) {
        List<JsonNode> entries = StreamSupport.stream(view(id).get("auditTrail").spliterator(), false)
                .filter(e -> e.get("type").asText().equals(type)).toList();
        assertThat(entries).as("%s entries", type).isNotEmpty();
        return entries.getLast();
    }

    /** The invoice's ledger entries as "TYPE amount", in booking order. */
    private List<String> ledger(UUID id) {
        return jdbc.sql("select entry_type || ' ' || amount::numeric(19,2) from ledger_entry where invoice_id = :id order by id")
                .param("id", id).query(String.class).list();
    }

    private long engineMessages(UUID id, String name) {
        return jdbc.sql("select count(*) from outbox_message where channel = 'engine' and ordering_key = :key and message_type = :name")
                .param("key", id.toString()).param("name", name).query(Long.class).single();
    }

    // ---------------------------------------------------------------------------------------------- resolutions

    @Test
    void rejectLiftsTheHoldAndDunningResumesOnTheSameClaim() {
        UUID id = disputedInvoice();

        ResolutionOutcome outcome = disputes.resolveDispute(id, "REJECT", null, "Price as agreed in the contract");

        assertThat(outcome).isEqualTo(ResolutionOutcome.RESUME_DUNNING);
        assertThat(holds.of(id)).isEmpty();
        assertThat(view(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(view(id).get("outstanding").asText()).isEqualTo("1250.00");
        assertThat(ledger(id)).containsExactly("PRINCIPAL 1250.00");
        JsonNode resolved = lastAudit(id, "DISPUTE_RESOLVED");
        assertThat(resolved.get("resolution").asText()).isEqualTo("REJECT");
        assertThat(resolved.get("note").asText()).isEqualTo("Price as agreed in the contract");
        assertThat(resolved.get("disputeNumber").asInt()).isEqualTo(1);
    }

    @Test
    void correctCreditsTheDifferenceToTheCorrectedAmountAndDunningResumes() {
        UUID id = disputedInvoice();

        ResolutionOutcome outcome = disputes.resolveDispute(id, "CORRECT", new BigDecimal("1000.00"), "Discount forgotten");

        assertThat(outcome).isEqualTo(ResolutionOutcome.RESUME_DUNNING);
        assertThat(holds.of(id)).isEmpty();
        assertThat(view(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(view(id).get("outstanding").asText()).isEqualTo("1000.00");
        assertThat(ledger(id)).containsExactly("PRINCIPAL 1250.00", "CREDIT -250.00");
        JsonNode credited = lastAudit(id, "CREDITED");
        assertThat(credited.get("creditNoteNumber").asText()).isEqualTo("dispute-" + id + "-1");
        assertThat(credited.get("amount").asText()).isEqualTo("250.00");
        assertThat(lastAudit(id, "DISPUTE_RESOLVED").get("correctedAmount").asText()).isEqualTo("1000.00");
    }

    @Test
    void correctAfterAPartPaymentCreditsOnlyTheDifferenceInTheInvoicedAmount() {
        UUID id = disputedInvoice();
        pay(creditor, id.toString(), "300.00", "NOK");

        disputes.resolveDispute(id, "CORRECT", new BigDecimal("1000"), "Discount forgotten");

        assertThat(view(id).get("outstanding").asText()).isEqualTo("700.00");
        assertThat(view(id).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void correctCountsEarlierCreditNotes() {
        UUID id = openInvoice();
        disputes.dispute(id, "Wrong price");
        assertThat(post("/api/v1/invoices/" + id + "/credit-notes", Map.of("creditNoteNumber", unique("cn"),
                "amount", "50.00", "currency", "NOK", "date", today().toString())).getStatusCode().value()).isEqualTo(201);

        disputes.resolveDispute(id, "CORRECT", new BigDecimal("1000.00"), "Discount forgotten");

        assertThat(view(id).get("outstanding").asText()).as("1250 - 50 earlier - 200 now").isEqualTo("1000.00");
    }

    @Test
    void correctToNothingCreditsTheInvoiceAndDunningEnds() {
        UUID id = disputedInvoice();

        ResolutionOutcome outcome = disputes.resolveDispute(id, "CORRECT", BigDecimal.ZERO, "Nothing was delivered");

        assertThat(outcome).isEqualTo(ResolutionOutcome.DUNNING_ENDED);
        assertThat(view(id).get("status").asText()).isEqualTo("CREDITED");
        assertThat(view(id).get("outstanding").asText()).isEqualTo("0.00");
    }

    @Test
    void creditCreditsTheOutstandingAndEndsDunning() {
        UUID id = disputedInvoice();
        pay(creditor, id.toString(), "250.00", "NOK");

        ResolutionOutcome outcome = disputes.resolveDispute(id, "CREDIT", null, "Customer is right");

        assertThat(outcome).isEqualTo(ResolutionOutcome.DUNNING_ENDED);
        assertThat(holds.of(id)).isEmpty();
        assertThat(view(id).get("status").asText()).isEqualTo("CREDITED");
        assertThat(view(id).get("outstanding").asText()).isEqualTo("0.00");
        assertThat(ledger(id)).containsExactly("PRINCIPAL 1250.00", "PAYMENT -250.00", "CREDIT -1000.00");
        assertThat(lastAudit(id, "CREDITED").get("status").asText()).isEqualTo("CREDITED");
        assertThat(engineMessages(id, InvoiceLifecycle.INVOICE_SETTLED)).as("dunning ends wherever it is").isEqualTo(1);
    }

    @Test
    void writeOffWritesOffTheOutstandingAndEndsDunning() {
        UUID id = disputedInvoice();
        pay(creditor, id.toString(), "250.00", "NOK");

        ResolutionOutcome outcome = disputes.resolveDispute(id, "WRITE_OFF", null, "Not worth pursuing");

        assertThat(outcome).isEqualTo(ResolutionOutcome.DUNNING_ENDED);
        assertThat(holds.of(id)).isEmpty();
        assertThat(view(id).get("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(view(id).get("outstanding").asText()).isEqualTo("0.00");
        assertThat(ledger(id)).containsExactly("PRINCIPAL 1250.00", "PAYMENT -250.00", "WRITE_OFF -1000.00");
        JsonNode writtenOff = lastAudit(id, "WRITTEN_OFF");
        assertThat(writtenOff.get("outstanding").asText()).isEqualTo("1000.00");
        assertThat(writtenOff.get("disputeNumber").asInt()).isEqualTo(1);
    }

    @Test
    void anInvoicePaidWhileDisputedKeepsItsMoneyAndOnlyLosesTheHold() {
        UUID id = disputedInvoice();
        pay(creditor, id.toString(), "1250.00", "NOK");

        ResolutionOutcome outcome = disputes.resolveDispute(id, "CREDIT", null, "Customer is right");

        assertThat(outcome).isEqualTo(ResolutionOutcome.INVOICE_SETTLED);
        assertThat(view(id).get("status").asText()).isEqualTo("SETTLED");
        assertThat(ledger(id)).containsExactly("PRINCIPAL 1250.00", "PAYMENT -1250.00");
        assertThat(holds.of(id)).isEmpty();
        assertThat(audits(id, "DISPUTE_RESOLVED")).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------- idempotency

    @ParameterizedTest(name = "{0}")
    @CsvSource({"REJECT, RESUME_DUNNING", "CORRECT, RESUME_DUNNING", "CREDIT, DUNNING_ENDED", "WRITE_OFF, DUNNING_ENDED"})
    void aRedeliveredResolutionChangesNothing(String resolution, ResolutionOutcome expected) {
        UUID id = disputedInvoice();
        BigDecimal corrected = new BigDecimal("1000.00");
        assertThat(disputes.resolveDispute(id, resolution, corrected, "First")).isEqualTo(expected);
        String status = view(id).get("status").asText();
        List<String> ledgerBefore = ledger(id);

        ResolutionOutcome again = disputes.resolveDispute(id, resolution, corrected, "First");
        ResolutionOutcome otherAnswer = disputes.resolveDispute(id, "WRITE_OFF", null, "Changed my mind");

        assertThat(again).isEqualTo(expected);
        assertThat(otherAnswer).as("the first resolution of a dispute counts").isEqualTo(expected);
        assertThat(view(id).get("status").asText()).isEqualTo(status);
        assertThat(ledger(id)).isEqualTo(ledgerBefore);
        for (String type : List.of("DISPUTE_RESOLVED", "CREDITED", "WRITTEN_OFF")) {
            assertThat(audits(id, type)).as(type).isLessThanOrEqualTo(1);
        }
        assertThat(audits(id, "DISPUTE_RESOLVED")).isEqualTo(1);
    }

    @Test
    void aSecondDisputeIsResolvedOnItsOwn() {
        UUID id = disputedInvoice();
        disputes.resolveDispute(id, "REJECT", null, "Claim stands");

        disputes.dispute(id, "Now the customer says it was never delivered");
        ResolutionOutcome second = disputes.resolveDispute(id, "CREDIT", null, "Proof of delivery missing");

        assertThat(second).isEqualTo(ResolutionOutcome.DUNNING_ENDED);
        assertThat(view(id).get("status").asText()).isEqualTo("CREDITED");
        assertThat(lastAudit(id, "DISPUTED").get("disputeNumber").asInt()).isEqualTo(2);
        assertThat(lastAudit(id, "DISPUTE_RESOLVED").get("disputeNumber").asInt()).isEqualTo(2);
        assertThat(lastAudit(id, "CREDITED").get("creditNoteNumber").asText()).isEqualTo("dispute-" + id + "-2");
        assertThat(engineMessages(id, Disputes.INVOICE_DISPUTED)).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------- refusals

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", value = {
            "APPROVE, null, Unknown resolution",
            "null, null, Unknown resolution",
            "CORRECT, null, needs correctedAmount",
            "CORRECT, -1.00, zero or more",
            "CORRECT, 10.005, zero or more",
            "CORRECT, 1250.00, not below",
            "CORRECT, 2000, not below"})
    void aResolutionThatCannotBeCarriedOutIsRefusedAndChangesNothing(String resolution, BigDecimal corrected,
                                                                      String message) {
        UUID id = disputedInvoice();
        JsonNode before = view(id);

        assertThatThrownBy(() -> disputes.resolveDispute(id, resolution, corrected, "note"))
                .isInstanceOf(ResolutionRefused.class).hasMessageContaining(message);

        assertThat(holds.of(id)).contains(DunningHold.DISPUTED);
        assertThat(view(id)).isEqualTo(before);
    }

    @Test
    void anInvoiceWithoutAnOpenDisputeHasNothingToResolve() {
        UUID never = openInvoice();
        UUID paused = openInvoice();
        disputes.pause(paused, today().plusDays(5));

        assertThatThrownBy(() -> disputes.resolveDispute(never, "REJECT", null, "note"))
                .isInstanceOf(ResolutionRefused.class).hasMessageContaining("no open dispute");
        assertThatThrownBy(() -> disputes.resolveDispute(paused, "REJECT", null, "note"))
                .isInstanceOf(ResolutionRefused.class);
        assertThat(holds.of(paused)).contains(DunningHold.PAUSED);
    }

    // ---------------------------------------------------------------------------------------------- pause ended

    @Test
    void theEndOfAPauseLiftsIt() {
        UUID id = openInvoice();
        disputes.pause(id, today().plusDays(5));

        disputes.pauseEnded(id);

        assertThat(holds.of(id)).isEmpty();
        assertThat(lastAudit(id, "RESUMED").get("by").asText()).isEqualTo("pause ended");
        assertThat(engineMessages(id, Disputes.INVOICE_RESUMED)).as("the process ended the wait itself").isZero();
    }

    @Test
    void theEndOfAPauseAfterAResumeChangesNothing() {
        UUID id = openInvoice();
        disputes.pause(id, today().plusDays(5));
        disputes.resume(id);
        JsonNode before = view(id);

        disputes.pauseEnded(id);
        disputes.pauseEnded(id);

        assertThat(view(id)).isEqualTo(before);
        assertThat(audits(id, "RESUMED")).isEqualTo(1);
        assertThat(lastAudit(id, "RESUMED").get("by").asText()).isEqualTo("request");
    }

    @Test
    void theEndOfAPauseLeavesADisputeAlone() {
        UUID id = disputedInvoice();

        disputes.pauseEnded(id);

        assertThat(holds.of(id)).contains(DunningHold.DISPUTED);
        assertThat(audits(id, "RESUMED")).isZero();
    }
}
