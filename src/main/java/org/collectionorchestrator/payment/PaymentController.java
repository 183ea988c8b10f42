package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Incoming payments: applied to invoices, settling them and stopping dunning")
public class PaymentController {

    private final PaymentService payments;

    public PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping
    @Operation(summary = "Register an incoming payment",
            description = "Idempotent on (creditorId, bankTransactionId). 201 when matched to an invoice, 202 when kept "
                    + "as unmatched for manual matching, 200 for a repeat of an earlier request.")
    public ResponseEntity<PaymentResult> register(@RequestBody RegisterPayment body) {
        PaymentService.Outcome outcome = payments.register(body);
        HttpStatus status = !outcome.created() ? HttpStatus.OK
                : "MATCHED".equals(outcome.result().status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(outcome.result());
    }
}
