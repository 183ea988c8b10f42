package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The local profile has no authentication: its HTTP port must not be reachable from other machines. */
class LocalProfileBindingTest {

    @Test
    void theLocalProfileBindsHttpToLoopbackOnly() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application-local", new ClassPathResource("application-local.yaml"));

        assertThat(sources).isNotEmpty();
        assertThat(sources.stream().map(s -> s.getProperty("server.address")).filter(java.util.Objects::nonNull)
                .map(Object::toString).toList()).containsExactly("127.0.0.1");
    }

    @Test
    void theDefaultProfileLeavesTheBindAddressToTheDeployment() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yaml"));

        assertThat(sources.stream().map(s -> s.getProperty("server.address")).filter(java.util.Objects::nonNull).toList()).isEmpty();
    }
}
