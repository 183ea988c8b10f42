package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

class LocalDatabaseInitializerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.prod.example.com:5432/collection_orchestrator_local",
            "jdbc:postgresql://localhost:5432/collection_orchestrator",
            "jdbc:postgresql://10.0.0.5/collection_orchestrator_local",
    })
    void theLocalProfileRefusesADatabaseItMustNotWipe(String url) {
        GenericApplicationContext context = new GenericApplicationContext();
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
        environment.setActiveProfiles("local");
        context.setEnvironment(environment);

        assertThatThrownBy(() -> new LocalDatabaseInitializer().initialize(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing " + url);
    }
}
