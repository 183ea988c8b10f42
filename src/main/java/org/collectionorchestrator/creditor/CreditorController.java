package org.collectionorchestrator.creditor;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/creditors")
@Tag(name = "Creditors", description = "The companies whose invoices are followed up, with country, currency and policy")
public class CreditorController {

    private final CreditorRepository creditors;
    private final CreditorAccess access;

    public CreditorController(CreditorRepository creditors, CreditorAccess access) {
        this.creditors = creditors;
        this.access = access;
    }

    /** The creditor's settings; every field is optional and a missing one takes its default. Amounts in the creditor's currency. */
    public record PolicyBody(
            @Schema(description = "The creditor's terms allow a reminder fee where the law needs prior agreement (SE); default false")
            Boolean reminderFeeAgreed,
            @Schema(description = "Which parts of a claim a payment pays first; default COSTS_INTEREST_PRINCIPAL")
            PaymentOrder paymentOrder,
            @Schema(description = "Once the principal is paid, waive the costs and interest still open and settle; default false")
            Boolean waiveCostsWhenPrincipalPaid,
            @PositiveOrZero @Digits(integer = 15, fraction = 4) @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = "string", example = "\"50.00\"", description = "No reminder while less is outstanding; default 0")
            BigDecimal minimumReminderAmount,
            @PositiveOrZero @Digits(integer = 15, fraction = 4) @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = "string", example = "\"10.00\"", description = "A residual up to this after a payment is written off; default 0")
            BigDecimal writeOffTolerance,
            @Min(0) @Max(CreditorPolicy.MAX_GRACE_BANKING_DAYS)
            @Schema(description = "Banking days after the due date for money in transit before the first reminder; default 0")
            Integer graceBankingDays,
            @Schema(description = "Who sends the collection notice; default OWN_NOTICE")
            CollectionModel collectionModel,
            @Size(max = 50) @NoControlCharacters @Schema(description = "Printed on letters; none when absent")
            String bankAccount) {

        static PolicyBody of(CreditorPolicy p) {
            return new PolicyBody(p.reminderFeeAgreed(), p.paymentOrder(), p.waiveCostsWhenPrincipalPaid(),
                    p.minimumReminderAmount(), p.writeOffTolerance(), p.graceBankingDays(), p.collectionModel(),
                    p.bankAccount());
        }
    }

    public record CreditorBody(
            @NotBlank @Size(max = 200) @NoControlCharacters @Schema(description = "The creditor's name, printed on letters",
                    example = "Acme AS") String name,
            @NotBlank @Pattern(regexp = "NO|DK|SE|FI", message = "must be one of NO, DK, SE, FI")
            @Schema(description = "Whose law applies: NO, DK, SE or FI", example = "NO") String country,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            @Schema(description = "ISO 4217 currency of the creditor's amounts", example = "NOK") String currency,
            @NotBlank @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code such as nb, da, sv, fi, en")
            @Schema(description = "ISO 639 language of the creditor's letters", example = "nb") String language,
            @Size(max = 64) @NoControlCharacters @Schema(description = "IANA time zone for due dates and deadlines; "
                    + "default the country's", example = "Europe/Oslo") String timeZone,
            @Valid @Schema(description = "Dunning policy; every field optional") PolicyBody policy,
            @Valid @Schema(description = "Payment references and bank accounts; every field optional") BankingBody banking) {
    }

    public record CreditorView(String id, String name, String country, String currency, String language,
                               @Size(max = 64) @NoControlCharacters String timeZone, PolicyBody policy,
                               BankingBody banking) {
        static CreditorView of(Creditor c) {
            return new CreditorView(c.id(), c.name(), c.country().name(), c.currency().getCurrencyCode(), c.language(),
                    c.timeZone().getId(), PolicyBody.of(c.policy()), BankingBody.of(c.banking()));
        }
    }

    @PutMapping("/{id}")
    @Operation(operationId = "putCreditor", summary = "Create or replace a creditor",
            description = "Replaces the whole creditor, its policy and banking settings included: a field left out "
                    + "takes its default.")
    @ApiResponse(responseCode = "201", description = "Created: the creditor")
    @ApiResponse(responseCode = "200", description = "Replaced: the creditor")
    public ResponseEntity<CreditorView> put(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id, @Valid @RequestBody CreditorBody body) {
        access.require(id);
        Creditor creditor = toCreditor(id, body);
        boolean created = creditors.save(creditor);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(CreditorView.of(creditor));
    }

    @GetMapping
    @Operation(operationId = "listCreditors", summary = "The creditors the caller may act for, by id",
            description = "Those in the token's creditors claim (every creditor for * and when security is off).")
    @ApiResponse(responseCode = "200", description = "The creditors, ordered by id")
    public List<CreditorView> list() {
        List<Creditor> found = access.restriction().map(creditors::all).orElseGet(creditors::all);
        return found.stream().map(CreditorView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCreditor", summary = "Read a creditor")
    @ApiResponse(responseCode = "200", description = "The creditor")
    @ProblemResponses(value = {404}, descriptions = {
            "No creditor with this id"})
    public CreditorView get(@PathVariable String id) {
        access.require(id);
        return creditors.find(id).map(CreditorView::of).orElseThrow(() -> new NotFoundException("No creditor " + id));
    }

    private static Creditor toCreditor(String id, CreditorBody body) {
        Country country = Country.valueOf(body.country());
        Currency currency;
        try {
            currency = Currency.getInstance(body.currency());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("currency", "unknown currency " + body.currency());
        }
        ZoneId zone = country.defaultZone();
        if (body.timeZone() != null && !body.timeZone().isBlank()) {
            try {
                zone = ZoneId.of(body.timeZone());
            } catch (RuntimeException e) {
                throw InvalidRequestException.field("timeZone", "unknown time zone " + body.timeZone());
            }
        }
        BankingBody banking = body.banking() != null ? body.banking() : new BankingBody(null, null, null, null);
        return new Creditor(id, body.name(), country, currency, body.language(), zone, toPolicy(body.policy(), currency),
                banking.toBanking(country, currency));
    }

    private static CreditorPolicy toPolicy(PolicyBody given, Currency currency) {
        PolicyBody body = given != null ? given : new PolicyBody(null, null, null, null, null, null, null, null);
        CreditorPolicy d = CreditorPolicy.DEFAULT;
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal minimum = amount(body.minimumReminderAmount(), d.minimumReminderAmount(), currency,
                "policy.minimumReminderAmount", problems);
        BigDecimal tolerance = amount(body.writeOffTolerance(), d.writeOffTolerance(), currency,
                "policy.writeOffTolerance", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String account = body.bankAccount() == null || body.bankAccount().isBlank() ? null : body.bankAccount().strip();
        return new CreditorPolicy(
                orDefault(body.reminderFeeAgreed(), d.reminderFeeAgreed()),
                orDefault(body.paymentOrder(), d.paymentOrder()),
                orDefault(body.waiveCostsWhenPrincipalPaid(), d.waiveCostsWhenPrincipalPaid()),
                minimum, tolerance,
                orDefault(body.graceBankingDays(), d.graceBankingDays()),
                orDefault(body.collectionModel(), d.collectionModel()),
                account);
    }

    /** The amount at the currency's scale, or a problem when it has more decimals than the currency. */
    private static BigDecimal amount(BigDecimal given, BigDecimal fallback, Currency currency, String field,
                                     List<FieldProblem> problems) {
        BigDecimal value = given != null ? given : fallback;
        if (!Money.fitsMinorUnit(value, currency)) {
            problems.add(new FieldProblem(field, "has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + currency.getDefaultFractionDigits() + ")"));
            return fallback;
        }
        return new Money(value, currency).amount();
    }

    private static <T> T orDefault(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
