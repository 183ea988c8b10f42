package org.collectionorchestrator.support;

import io.camunda.zeebe.spring.test.ZeebeSpringTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real PostgreSQL (a throw-away database per run), an embedded Kafka broker (one per
 * test JVM) and a fresh in-memory Zeebe engine per test method. All test classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "collection.clock.movable=true",
        // the in-memory engine's record stream answers the process view (local.RecordStreamProcessViews)
        "collection.engine.in-memory=true",
        // The shared context serves requests without a token; ApiSecurityTest boots one with security on.
        "collection.security.enabled=false",
        "collection.kafka.embedded=true",
        "collection.kafka.retry.initial-interval=PT0.2S",
        "collection.kafka.retry.max-interval=PT2S",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN",
        // collection hand-over: the test agencies' secret, quick retries, the tests' GreenMail server
        "collection.agencies.secrets.test-agency=test-agency-secret",
        "collection.agencies.call-timeout=PT2S",
        "collection.agencies.deadline=PT6S",
        "collection.agencies.first-backoff=PT0.1S",
        "collection.agencies.max-backoff=PT0.5S",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=39251",
        "management.health.mail.enabled=false",
})
@ZeebeSpringTest
public @interface ApplicationTest {
}
