package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.web.bind.annotation.RequestParam;
import org.collectionorchestrator.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Incoming payments: applied to invoices, settling them and stopping dunning")
public class PaymentController {

    private final PaymentService payments;
    private final CreditorAccess access;

    public PaymentController(PaymentService payments, CreditorAccess access) {
        this.payments = payments;
        this.access = access;
    }

    @PostMapping
    @Operation(operationId = "registerPayment", summary = "Register an incoming payment",
            description = "Idempotent on (creditorId, bankTransactionId). 201 when matched to an invoice, 202 when kept "
                    + "as unmatched for manual matching, 200 for a repeat of an earlier request.")
    @ApiResponse(responseCode = "201", description = "Matched to an invoice and booked")
    @ApiResponse(responseCode = "202", description = "Kept as UNMATCHED for manual matching")
    @ApiResponse(responseCode = "200", description = "A repeat of an earlier request: the payment as it was registered")
    @ProblemResponses(value = {409}, descriptions = {
            "The same creditorId and bankTransactionId with other content"})
    public ResponseEntity<PaymentResult> register(@RequestBody RegisterPayment body) {
        if (body != null && body.creditorId() != null) {
            access.require(body.creditorId());
        }
        PaymentService.Outcome outcome = payments.register(body);
        HttpStatus status = !outcome.created() ? HttpStatus.OK
                : "MATCHED".equals(outcome.result().status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(outcome.result());
    }

    /** The body of POST /api/v1/payments/{id}/match. */
    public record PaymentMatch(@NotNull UUID invoiceId) {
    }

    @PostMapping("/{id}/match")
    @Operation(operationId = "matchPayment", summary = "Match a kept UNMATCHED payment to an invoice",
            description = "Books the payment on the invoice (same creditor and currency) as a direct payment would: "
                    + "applied amount, customer credit for any excess, settlement. 200 with the payment; again to the "
                    + "same invoice 200 unchanged; to another invoice once matched 409; unknown payment 404; an invoice "
                    + "of another creditor, unknown, or in another currency 422.")
    @ApiResponse(responseCode = "200", description = "Matched (or already matched to this invoice): the payment")
    @ProblemResponses(value = {404, 409, 422}, descriptions = {
            "No payment with this id",
            "The payment is matched to another invoice, reversed or being refunded",
            "The invoice is unknown, of another creditor or in another currency"})
    public PaymentResult match(@PathVariable UUID id, @Valid @RequestBody PaymentMatch body) {
        access.require(payments.creditorOf(id));
        return payments.match(id, body.invoiceId());
    }

    @GetMapping
    @Operation(operationId = "listPayments", summary = "Payments in a status, oldest first (UNMATCHED: what waits for a person)")
    @ApiResponse(responseCode = "200", description = "The payments, oldest first")
    public List<PaymentResult> list(@RequestParam(required = false) String creditorId,
                                    @RequestParam(defaultValue = "UNMATCHED") PaymentStatus status,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return payments.list(access.listFor(creditorId), status.name(), limit, offset);
    }

    /** The statuses a payment can be in. */
    public enum PaymentStatus { MATCHED, UNMATCHED, REFUND_REQUESTED, REVERSED }

    @GetMapping("/{id}")
    @Operation(operationId = "getPayment", summary = "A payment: MATCHED with what was applied and credited, or UNMATCHED with the reason")
    @ApiResponse(responseCode = "200", description = "The payment")
    @ProblemResponses(value = {404}, descriptions = {
            "No payment with this id"})
    public PaymentResult get(@PathVariable UUID id) {
        access.require(payments.creditorOf(id));
        return payments.find(id).orElseThrow(() -> new NotFoundException("No payment " + id));
    }
}
