package org.collectionorchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CollectionOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CollectionOrchestratorApplication.class);
        application.addListeners(new RequiredSettings());
        application.run(args);
    }
}
