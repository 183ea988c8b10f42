package org.collectionorchestrator.creditor;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** A company whose outgoing invoices we follow up; every invoice belongs to exactly one. */
public record Creditor(
        String id,
        String name,
        Country country,
        Currency currency,
        String language,
        ZoneId timeZone,
        CreditorPolicy policy,
        CreditorBanking banking) {

    public Creditor {
        Objects.requireNonNull(banking, "banking");
    }

    /** A creditor with its country's default banking settings and no bank accounts. */
    public Creditor(String id, String name, Country country, Currency currency, String language, ZoneId timeZone,
                    CreditorPolicy policy) {
        this(id, name, country, currency, language, timeZone, policy, CreditorBanking.defaultFor(country));
    }

    /**
     * The creditor's bank account {@code account} is (an IBAN or a national number, as a bank file or a person writes
     * it: spaces, dots, hyphens and case do not matter); empty when it is not one of the creditor's.
     */
    public Optional<BankAccount> ownsAccount(String account) {
        return banking.account(account);
    }
}
