package org.collectionorchestrator.local;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Local profile only: where the embedded Kafka broker listens, for producers outside the application. */
@RestController
@Profile("local")
@RequestMapping("/api/v1/dev/kafka")
@Tag(name = "Local development", description = "Only in the local profile")
public class DevKafkaController {

    private final Environment env;

    public DevKafkaController(Environment env) {
        this.env = env;
    }

    public record KafkaView(String bootstrapServers) {
    }

    @GetMapping
    @Operation(summary = "The bootstrap servers of the Kafka broker the application uses (the embedded one locally)")
    public KafkaView kafka() {
        return new KafkaView(env.getProperty("spring.kafka.bootstrap-servers"));
    }
}
