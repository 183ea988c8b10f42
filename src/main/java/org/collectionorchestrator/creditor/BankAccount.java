package org.collectionorchestrator.creditor;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An account a creditor receives payments on: an IBAN or a national account number, always normalised (see
 * {@link #normalise(String)}), and the currency booked on it.
 */
public record BankAccount(String account, Currency currency) {

    public BankAccount {
        Objects.requireNonNull(currency, "currency");
        if (account == null || !account.equals(normalise(account)) || account.isEmpty()) {
            throw new IllegalArgumentException("Not a normalised account: " + account);
        }
    }

    /**
     * The account as it is stored and compared: whitespace, dots and hyphens removed ({@code NO93 8601 1117 947},
     * {@code 1503.12.34567}), upper case. {@code null} gives {@code ""}.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder normalised = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '.' && cp != '-')
                .forEach(normalised::appendCodePoint);
        return normalised.toString().toUpperCase(Locale.ROOT);
    }

    /** An IBAN starts with its country's two letters; a national account number is digits only. */
    public boolean isIban() {
        return Character.isLetter(account.charAt(0));
    }
}
