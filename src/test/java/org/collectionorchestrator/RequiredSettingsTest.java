package org.collectionorchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Production never falls back to a database on localhost or an empty password: a missing setting stops the start. */
class RequiredSettingsTest {

    /** The datasource lines of application.yaml as they are, with whatever the environment adds. */
    private static ConfigurableEnvironment environment(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(given)));
        environment.getPropertySources().addLast(new MapPropertySource("application.yaml", Map.of(
                "spring.datasource.url", "${COLLECTION_DB_URL}",
                "spring.datasource.username", "${COLLECTION_DB_USER}",
                "spring.datasource.password", "${COLLECTION_DB_PASSWORD}")));
        return environment;
    }

    private static void prepare(ConfigurableEnvironment environment) {
        new RequiredSettings().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(null,
                new SpringApplication(), new String[0], environment));
    }

    @Test
    void nothingGivenNamesEveryMissingSettingAtOnce() {
        assertThatThrownBy(() -> prepare(environment(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COLLECTION_DB_URL")
                .hasMessageContaining("COLLECTION_DB_USER")
                .hasMessageContaining("COLLECTION_DB_PASSWORD");
    }

    @Test
    void aPasswordLeftOutIsMissingButAnEmptyOneGivenOnPurposeIsNot() {
        Map<String, Object> withoutPassword = Map.of("COLLECTION_DB_URL", "jdbc:postgresql://db:5432/co",
                "COLLECTION_DB_USER", "collection_app");

        assertThat(RequiredSettings.missing(environment(withoutPassword))).singleElement().asString()
                .startsWith("COLLECTION_DB_PASSWORD");
        Map<String, Object> emptyPassword = new HashMap<>(withoutPassword);
        emptyPassword.put("COLLECTION_DB_PASSWORD", "");
        assertThat(RequiredSettings.missing(environment(emptyPassword))).isEmpty();
    }

    @Test
    void theDatasourcePropertiesThemselvesCountToo() {
        Map<String, Object> given = Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/co",
                "spring.datasource.username", "collection_app", "spring.datasource.password", "secret");

        prepare(environment(given));

        assertThat(RequiredSettings.missing(environment(given))).isEmpty();
    }
}
