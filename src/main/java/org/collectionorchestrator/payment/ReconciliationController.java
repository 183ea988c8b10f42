package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reconciliation")
@Tag(name = "Reconciliation", description = "What the bank files said against what was booked")
public class ReconciliationController {

    private static final int MAX_DAYS = 366;

    private final Reconciliation reconciliation;
    private final CreditorAccess access;

    public ReconciliationController(Reconciliation reconciliation, CreditorAccess access) {
        this.reconciliation = reconciliation;
        this.access = access;
    }

    @GetMapping
    @Operation(operationId = "getReconciliation", summary = "Bank credits and booked payments per currency for a period, and every difference")
    @ApiResponse(responseCode = "200", description = "The report for the period")
    public Reconciliation.Report report(@RequestParam String creditorId, @RequestParam LocalDate from,
                                        @RequestParam LocalDate to) {
        access.require(creditorId);
        if (to.isBefore(from)) {
            throw InvalidRequestException.field("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw InvalidRequestException.field("to", "a period is at most " + MAX_DAYS + " days");
        }
        return reconciliation.report(creditorId, from, to);
    }
}
