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

    private static final Map<String, Object> SECURITY = Map.of(
            "COLLECTION_SECURITY_ISSUER_URI", "https://login.example.test/realms/collection",
            "COLLECTION_SECURITY_AUDIENCE", "collection-orchestrator-api");

    /** The datasource lines of application.yaml as they are, with whatever the environment adds. */
    private static ConfigurableEnvironment environment(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(given)));
        environment.getPropertySources().addLast(new MapPropertySource("application.yaml", Map.of(
                "spring.datasource.url", "${COLLECTION_DB_URL}",
                "spring.datasource.username", "${COLLECTION_DB_USER}",
                "spring.datasource.password", "${COLLECTION_DB_PASSWORD}",
                "collection.security.issuer-uri", "${COLLECTION_SECURITY_ISSUER_URI:}",
                "collection.security.audience", "${COLLECTION_SECURITY_AUDIENCE:}")));
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
                .hasMessageContaining("COLLECTION_DB_PASSWORD")
                .hasMessageContaining("COLLECTION_SECURITY_ISSUER_URI")
                .hasMessageContaining("COLLECTION_SECURITY_AUDIENCE");
    }

    @Test
    void theTokenIssuerAndAudienceAreRequiredUnlessSecurityIsOff() {
        Map<String, Object> database = Map.of("COLLECTION_DB_URL", "jdbc:postgresql://db:5432/co",
                "COLLECTION_DB_USER", "collection_app", "COLLECTION_DB_PASSWORD", "secret");

        assertThat(RequiredSettings.missing(environment(database)))
                .hasSize(2).allSatisfy(m -> assertThat(m).startsWith("COLLECTION_SECURITY_"));
        Map<String, Object> off = new HashMap<>(database);
        off.put("collection.security.enabled", "false");
        assertThat(RequiredSettings.missing(environment(off))).isEmpty();
        Map<String, Object> on = new HashMap<>(database);
        on.putAll(SECURITY);
        assertThat(RequiredSettings.missing(environment(on))).isEmpty();
    }

    @Test
    void aPasswordLeftOutIsMissingButAnEmptyOneGivenOnPurposeIsNot() {
        Map<String, Object> withoutPassword = new HashMap<>(Map.of("COLLECTION_DB_URL", "jdbc:postgresql://db:5432/co",
                "COLLECTION_DB_USER", "collection_app"));
        withoutPassword.putAll(SECURITY);

        assertThat(RequiredSettings.missing(environment(withoutPassword))).singleElement().asString()
                .startsWith("COLLECTION_DB_PASSWORD");
        Map<String, Object> emptyPassword = new HashMap<>(withoutPassword);
        emptyPassword.put("COLLECTION_DB_PASSWORD", "");
        assertThat(RequiredSettings.missing(environment(emptyPassword))).isEmpty();
    }

    @Test
    void theDatasourcePropertiesThemselvesCountToo() {
        Map<String, Object> given = new HashMap<>(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/co",
                "spring.datasource.username", "collection_app", "spring.datasource.password", "secret"));
        given.putAll(SECURITY);

        prepare(environment(given));

        assertThat(RequiredSettings.missing(environment(given))).isEmpty();
    }
}
