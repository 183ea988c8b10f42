package org.collectionorchestrator.creditor;

import java.time.ZoneId;

/** The Nordic countries we follow invoices up in, with the defaults a new creditor gets. */
public enum Country {
    NO("NOK", "nb", "Europe/Oslo"),
    DK("DKK", "da", "Europe/Copenhagen"),
    SE("SEK", "sv", "Europe/Stockholm"),
    FI("EUR", "fi", "Europe/Helsinki");

    private final String currency;
    private final String language;
    private final ZoneId zone;

    Country(String currency, String language, String zone) {
        this.currency = currency;
        this.language = language;
        this.zone = ZoneId.of(zone);
    }

    public String defaultCurrency() {
        return currency;
    }

    public String defaultLanguage() {
        return language;
    }

    public ZoneId defaultZone() {
        return zone;
    }

    public static boolean isSupported(String code) {
        for (Country country : values()) {
            if (country.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
