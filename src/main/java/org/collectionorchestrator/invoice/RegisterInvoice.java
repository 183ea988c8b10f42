package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.SaneDate;

/**
 * Register an invoice for follow-up, as an ERP sends it: the body of POST /api/v1/invoices and the invoice-issued
 * message on Kafka. Its Bean Validation rules are checked by {@link InvoiceService}, whichever way it came.
 */
@Schema(name = "InvoiceRegistration")
public record RegisterInvoice(
        @NotBlank @Size(max = 64) @NoControlCharacters String creditorId,
        @NotBlank @Size(max = 64) @NoControlCharacters String invoiceNumber,
        @NotNull @Valid CustomerBody customer,
        @NotNull @SaneDate LocalDate issueDate,
        @NotNull @SaneDate LocalDate dueDate,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK") String currency,
        @NotNull @Positive @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "1250.00") BigDecimal amount,
        @Size(max = 35) @NoControlCharacters String paymentReference) {

    public record CustomerBody(
            @NotBlank @Size(max = 64) @NoControlCharacters String id,
            @NotBlank @Size(max = 200) @NoControlCharacters String name,
            @NotNull Segment segment,
            Boolean priority,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 code such as NO") String country,
            @NotBlank @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code such as nb") String language,
            @Email @Size(max = 320) @NoControlCharacters String email,
            @Schema(description = "The customer agreed to a reminder fee when the debt arose (needed in Sweden); default false")
            Boolean reminderFeeAgreed,
            @Size(max = 200) @NoControlCharacters @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank; leave it out for automatic dunning")
            @Schema(description = "Excludes the customer from automatic dunning: followed up by hand, for this reason")
            String manualFollowUpReason) {

        /** A customer body without fee agreement or manual follow-up. */
        public CustomerBody(String id, String name, Segment segment, Boolean priority, String country, String language,
                            String email) {
            this(id, name, segment, priority, country, language, email, null, null);
        }

        static CustomerBody of(Customer c) {
            return new CustomerBody(c.id(), c.name(), c.segment(), c.priority(), c.country(), c.language(), c.email(),
                    c.reminderFeeAgreed(), c.manualFollowUpReason());
        }

        Customer toCustomer() {
            return new Customer(id, name, segment, Boolean.TRUE.equals(priority), country, language, email,
                    Boolean.TRUE.equals(reminderFeeAgreed), manualFollowUpReason);
        }
    }
}
