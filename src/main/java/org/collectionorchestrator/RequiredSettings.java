package org.collectionorchestrator;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, naming every missing one at once, when a setting production must give is not given: the service
 * never falls back to a database on localhost or to an empty password. The local profile gives them itself.
 */
public class RequiredSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** A setting that has no default, the environment variable that usually gives it, and what it is. */
    record Setting(String property, String variable, String meaning) {
    }

    static final List<Setting> REQUIRED = List.of(
            new Setting("spring.datasource.url", "COLLECTION_DB_URL", "PostgreSQL JDBC URL"),
            new Setting("spring.datasource.username", "COLLECTION_DB_USER", "PostgreSQL user (the runtime role)"),
            new Setting("spring.datasource.password", "COLLECTION_DB_PASSWORD", "its password (may be empty, but must be given)"));

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<String> missing = missing(event.getEnvironment());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Cannot start: required settings are missing: " + String.join("; ", missing)
                    + ". Set them in the environment (the Helm chart does), or run the local profile "
                    + "(bash .ci/dev run) for the embedded defaults.");
        }
    }

    /** Required while API security is on (everywhere but the local profile); blank counts as missing. */
    static final List<Setting> SECURITY = List.of(
            new Setting("collection.security.issuer-uri", "COLLECTION_SECURITY_ISSUER_URI", "the token issuer (iss)"),
            new Setting("collection.security.audience", "COLLECTION_SECURITY_AUDIENCE", "this API's audience (aud)"));

    static List<String> missing(ConfigurableEnvironment environment) {
        List<String> missing = new ArrayList<>();
        for (Setting setting : REQUIRED) {
            if (!given(environment, setting.property())) {
                missing.add(setting.variable() + " (" + setting.property() + ": " + setting.meaning() + ")");
            }
        }
        if (!"false".equalsIgnoreCase(value(environment, "collection.security.enabled"))) {
            for (Setting setting : SECURITY) {
                String value = value(environment, setting.property());
                if (value == null || value.isBlank()) {
                    missing.add(setting.variable() + " (" + setting.property() + ": " + setting.meaning() + ")");
                }
            }
        }
        return missing;
    }

    private static String value(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return null;
        }
    }

    private static boolean given(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property) != null;
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return false;
        }
    }
}
