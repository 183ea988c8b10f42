package org.collectionorchestrator.creditor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.reference.PaymentReferences;

/**
 * How a creditor is paid: the payment references it issues when the ERP sends none, and the accounts payments
 * arrive on.
 *
 * @param referenceScheme the scheme of the references we generate (see {@link PaymentReferences#generate})
 * @param referenceLength the total length of a generated KID or OCR reference; null for the schemes whose length is
 *                        their own (FIK +71, Finnish, RF)
 * @param referenceTarget whether a generated reference names the invoice or the customer
 * @param bankAccounts    the accounts whose bank statements belong to this creditor, none twice
 */
public record CreditorBanking(
        PaymentReferenceScheme referenceScheme,
        Integer referenceLength,
        ReferenceTarget referenceTarget,
        List<BankAccount> bankAccounts) {

    public static final int DEFAULT_REFERENCE_LENGTH = 10;
    /** Shorter KID or OCR references would run out of internal numbers too soon (they are shared by all creditors). */
    public static final int MINIMUM_REFERENCE_LENGTH = 6;

    public CreditorBanking {
        Objects.requireNonNull(referenceScheme, "referenceScheme");
        Objects.requireNonNull(referenceTarget, "referenceTarget");
        bankAccounts = List.copyOf(bankAccounts);
        if (PaymentReferences.hasConfigurableLength(referenceScheme) != (referenceLength != null)) {
            throw new IllegalArgumentException("A reference length is set exactly for KID and OCR: " + referenceScheme
                    + " " + referenceLength);
        }
        if (bankAccounts.stream().map(BankAccount::account).distinct().count() != bankAccounts.size()) {
            throw new IllegalArgumentException("An account is listed twice");
        }
    }

    /** Invoice references of the country's usual scheme (KID MOD10, OCR with length digit, FIK +71, Finnish), no accounts. */
    public static CreditorBanking defaultFor(Country country) {
        PaymentReferenceScheme scheme = defaultScheme(country);
        return new CreditorBanking(scheme, defaultLength(scheme), ReferenceTarget.INVOICE, List.of());
    }

    public static PaymentReferenceScheme defaultScheme(Country country) {
        return switch (country) {
            case NO -> PaymentReferenceScheme.NO_KID_MOD10;
            case SE -> PaymentReferenceScheme.SE_OCR_LENGTH;
            case DK -> PaymentReferenceScheme.DK_FIK71;
            case FI -> PaymentReferenceScheme.FI_REF;
        };
    }

    /** {@link #DEFAULT_REFERENCE_LENGTH} for KID and OCR, null for the others. */
    public static Integer defaultLength(PaymentReferenceScheme scheme) {
        return PaymentReferences.hasConfigurableLength(scheme) ? DEFAULT_REFERENCE_LENGTH : null;
    }

    /** The listed account {@code raw} is, compared normalised (see {@link BankAccount#normalise(String)}). */
    public Optional<BankAccount> account(String raw) {
        String account = BankAccount.normalise(raw);
        return bankAccounts.stream().filter(a -> a.account().equals(account)).findFirst();
    }

}
