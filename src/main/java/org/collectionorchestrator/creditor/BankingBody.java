package org.collectionorchestrator.creditor;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.reference.PaymentReferences;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.collectionorchestrator.web.NoControlCharacters;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/** The creditor's {@code banking} settings in the creditor PUT body and view; every field is optional. */
public record BankingBody(
        @Schema(description = "Scheme of the references generated when the ERP sends none; default by country: "
                + "NO NO_KID_MOD10, SE SE_OCR_LENGTH, DK DK_FIK71, FI FI_REF; RF allowed everywhere")
        PaymentReferenceScheme referenceScheme,
        @Schema(description = "Total length of a generated KID or OCR reference, 6-25; default 10; "
                + "only for NO_KID_MOD10, NO_KID_MOD11, SE_OCR, SE_OCR_LENGTH")
        Integer referenceLength,
        @Schema(description = "Whether a generated reference names the INVOICE or the CUSTOMER (one fixed reference "
                + "per customer); default INVOICE")
        ReferenceTarget referenceTarget,
        @Valid @Size(max = 20) @Schema(description = "The accounts payments arrive on; default none")
        List<@NotNull @Valid Account> bankAccounts) {

    public record Account(
            @NotBlank @Size(max = 50) @NoControlCharacters
            @Schema(example = "NO93 8601 1117 947", description = "An IBAN, or a national account number (5-34 digits); "
                    + "stored without spaces, dots and hyphens, upper case")
            String account,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            @Schema(description = "The currency booked on the account; default the creditor's")
            String currency) {
    }

    static BankingBody of(CreditorBanking b) {
        return new BankingBody(b.referenceScheme(), b.referenceLength(), b.referenceTarget(), b.bankAccounts().stream()
                .map(a -> new Account(a.account(), a.currency().getCurrencyCode())).toList());
    }

    /** The settings, defaults filled in; every broken rule is a problem naming its field under {@code banking.}. */
    CreditorBanking toBanking(Country country, Currency creditorCurrency) {
        List<FieldProblem> problems = new ArrayList<>();
        PaymentReferenceScheme scheme = referenceScheme != null ? referenceScheme : CreditorBanking.defaultScheme(country);
        if (!PaymentReferences.schemesFor(country.name()).contains(scheme)) {
            problems.add(new FieldProblem("banking.referenceScheme", "is not used in " + country + "; one of "
                    + PaymentReferences.schemesFor(country.name())));
        }
        Integer length = referenceLength;
        if (!PaymentReferences.hasConfigurableLength(scheme)) {
            if (length != null) {
                problems.add(new FieldProblem("banking.referenceLength", "only KID and OCR references have a length to "
                        + "choose; leave it out for " + scheme));
            }
        } else if (length == null) {
            length = CreditorBanking.DEFAULT_REFERENCE_LENGTH;
        } else if (length < CreditorBanking.MINIMUM_REFERENCE_LENGTH || length > PaymentReferences.MAXIMUM_LENGTH) {
            problems.add(new FieldProblem("banking.referenceLength", "must be " + CreditorBanking.MINIMUM_REFERENCE_LENGTH
                    + " to " + PaymentReferences.MAXIMUM_LENGTH));
        }
        List<BankAccount> accounts = accounts(creditorCurrency, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CreditorBanking(scheme, length, referenceTarget != null ? referenceTarget : ReferenceTarget.INVOICE,
                accounts);
    }

    private List<BankAccount> accounts(Currency creditorCurrency, List<FieldProblem> problems) {
        List<BankAccount> accounts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; bankAccounts != null && i < bankAccounts.size(); i++) {
            String field = "banking.bankAccounts[" + i + "]";
            String account = BankAccount.normalise(bankAccounts.get(i).account());
            String problem = accountProblem(account);
            if (problem != null) {
                problems.add(new FieldProblem(field + ".account", problem));
            } else if (!seen.add(account)) {
                problems.add(new FieldProblem(field + ".account", "is listed twice"));
            }
            Currency currency = creditorCurrency;
            String given = bankAccounts.get(i).currency();
            if (given != null) {
                try {
                    currency = Currency.getInstance(given);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(field + ".currency", "unknown currency " + given));
                }
            }
            if (problem == null) {
                accounts.add(new BankAccount(account, currency));
            }
        }
        return accounts;
    }

    /** Why a normalised account is neither a valid IBAN nor a national number; null when it is one of them. */
    static String accountProblem(String account) {
        if (account.isEmpty()) {
            return "must not be blank";
        }
        if (Character.isLetter(account.charAt(0))) {
            try {
                IbanUtil.validate(account);
                return null;
            } catch (Iban4jException e) {
                return "is not a valid IBAN: " + e.getMessage();
            }
        }
        return account.matches("[0-9]{5,34}") ? null
                : "must be an IBAN or a national account number of 5 to 34 digits";
    }
}
