package org.collectionorchestrator.dunning.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The {@code collection.law} block of application.yaml binds as intended (YAML reads a bare NO as false). */
class LawPropertiesBindingTest {

    @Test
    void theShippedConfigurationHasTheDefaultBookNoNewNorwegianActAndA365DayYear() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yaml"));

        LawProperties properties = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("collection.law", LawProperties.class).get();

        assertThat(properties.file()).isEqualTo(LawProperties.DEFAULT_FILE);
        assertThat(properties.norwayNewCollectionActFrom()).isNull();
        assertThat(properties.dayCount()).containsOnlyKeys(Country.values());
        assertThat(properties.dayCountBasis(Country.NO)).isEqualTo(365);
    }

    @Test
    void anOperatorSetsTheCommencementDateAndTheDanishDayCount() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "collection.law.norway-new-collection-act-from", "2027-01-01",
                "collection.law.day-count.DK", "360"));

        LawProperties properties = new Binder(source).bind("collection.law", LawProperties.class).get();

        assertThat(properties.norwayNewCollectionActFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(properties.dayCountBasis(Country.DK)).isEqualTo(360);
        assertThat(properties.dayCountBasis(Country.SE)).isEqualTo(365);
        assertThat(properties.file()).isEqualTo(LawProperties.DEFAULT_FILE);
    }
}
