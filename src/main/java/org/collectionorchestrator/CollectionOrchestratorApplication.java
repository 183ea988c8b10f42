package org.collectionorchestrator;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/bpmn/**/*.form", "classpath*:/dmn/**/*.dmn"})
public class CollectionOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CollectionOrchestratorApplication.class, args);
    }
}
