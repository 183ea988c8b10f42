package org.collectionorchestrator.dunning.law;

import java.time.LocalDate;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the law book comes from and the legal settings that are dates or conventions ({@code collection.law.*}).
 *
 * @param file                          the law book: a Spring resource location ({@code classpath:…}, {@code file:…})
 * @param norwayNewCollectionActFrom    commencement of the new Norwegian inkassolov (LOV-2026-05-22-19); null = not
 *                                      in force (no date had been set when this was written)
 * @param dayCount                      days per year in the interest formula per country; 365 where not set (Danish
 *                                      calculators use 360)
 */
@ConfigurationProperties("collection.law")
public record LawProperties(
        @DefaultValue(LawProperties.DEFAULT_FILE) String file,
        LocalDate norwayNewCollectionActFrom,
        Map<Country, Integer> dayCount) {

    public static final String DEFAULT_FILE = "classpath:law/nordic-law.yaml";

    public LawProperties {
        dayCount = dayCount == null ? Map.of() : Map.copyOf(dayCount);
        dayCount.forEach((country, days) -> {
            if (days != 360 && days != 365) {
                throw new IllegalArgumentException("collection.law.day-count." + country + " must be 360 or 365");
            }
        });
    }

    public static LawProperties defaults() {
        return new LawProperties(DEFAULT_FILE, null, Map.of());
    }

    public int dayCountBasis(Country country) {
        return dayCount.getOrDefault(country, 365);
    }
}
