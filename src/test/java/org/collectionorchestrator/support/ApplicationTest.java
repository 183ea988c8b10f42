package org.collectionorchestrator.support;

import io.camunda.zeebe.spring.test.ZeebeSpringTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real PostgreSQL (a throw-away database per run) and a fresh in-memory Zeebe engine
 * per test method. All test classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "collection.clock.movable=true",
})
@ZeebeSpringTest
public @interface ApplicationTest {
}
