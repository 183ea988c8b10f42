package org.collectionorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The models deploy at start-up unless an operator deploys them from CI instead. */
class ModelDeploymentTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ModelDeployment.class);

    @Test
    void deploysByDefault() {
        context.run(started -> assertThat(started).hasSingleBean(ModelDeployment.class));
    }

    @Test
    void switchedOffItDeploysNothing() {
        context.withPropertyValues("collection.models.deploy-at-start-up=false")
                .run(started -> assertThat(started).doesNotHaveBean(ModelDeployment.class));
    }
}
