package org.collectionorchestrator.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.SaneDate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/reports/aging")
@Tag(name = "Reports", description = "Accounts-receivable aging from the ledger, as of any date")
public class AgingController {

    private final AgingReport report;
    private final CreditorRepository creditors;
    private final CreditorAccess access;
    private final Clock clock;

    public AgingController(AgingReport report, CreditorRepository creditors, CreditorAccess access, Clock clock) {
        this.report = report;
        this.creditors = creditors;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping(produces = "application/json")
    @Operation(operationId = "getAgingReport", summary = "Outstanding per currency in buckets of days overdue as of a date"
            + " (default today in the creditor's zone), and per customer a page at a time")
    @ApiResponse(responseCode = "200", description = "The aging report; with Accept: text/csv every customer row as CSV"
            + " (page and size do not apply)", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = AgingReport.Report.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public AgingReport.Report aging(@RequestParam @NoControlCharacters String creditorId,
                                    @RequestParam(required = false) @SaneDate LocalDate asOf,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return report.report(creditorId, asOfOrToday(creditorId, asOf), page, size);
    }

    @GetMapping(produces = "text/csv")
    @Operation(operationId = "getAgingReportCsv", summary = "The aging report's customer rows, all of them, as CSV")
    @ApiResponse(responseCode = "200", description = "One row per customer and currency, largest outstanding first")
    public void agingCsv(@RequestParam @NoControlCharacters String creditorId,
                         @RequestParam(required = false) @SaneDate LocalDate asOf,
                         HttpServletResponse response) throws IOException {
        LocalDate date = asOfOrToday(creditorId, asOf);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"aging-" + creditorId.replaceAll("[^A-Za-z0-9_-]", "_")
                + "-" + date + ".csv\"");
        PrintWriter out = response.getWriter();
        out.print(AgingCsv.HEADER);
        report.eachCustomer(creditorId, date, row -> out.print(AgingCsv.line(row)));
        out.flush();
    }

    /** Checks access and that the creditor exists; the report date, defaulting to today in the creditor's zone. */
    private LocalDate asOfOrToday(String creditorId, LocalDate asOf) {
        access.require(creditorId);
        Creditor creditor = creditors.find(creditorId)
                .orElseThrow(() -> new NotFoundException("No creditor " + creditorId));
        return asOf != null ? asOf : LocalDate.now(clock.withZone(creditor.timeZone()));
    }
}
