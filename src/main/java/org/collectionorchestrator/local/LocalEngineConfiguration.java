package org.collectionorchestrator.local;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The local profile's embedded engine: the in-memory Zeebe engine, gRPC on loopback only, started before the
 * Camunda client connects. Its state lives on the heap and is gone after a restart.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalEngineConfiguration {

    static final String ENGINE_BEAN = "localZeebeEngine";
    private static final Logger log = LoggerFactory.getLogger(LocalEngineConfiguration.class);

    @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
    ZeebeTestEngine localZeebeEngine(@Value("${collection.local-engine.port:26500}") int port) {
        ZeebeTestEngine engine = LoopbackEngineFactory.create(port);
        engine.start();
        log.info("In-memory Zeebe engine listening on 127.0.0.1:{} (loopback only)", port);
        return engine;
    }

    /** The Camunda client must not try to deploy or stream jobs before the engine listens. */
    @Bean
    static BeanFactoryPostProcessor camundaClientAfterLocalEngine() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                definition.setDependsOn(ENGINE_BEAN);
            }
        };
    }

    @Bean
    InMemoryEngineUserTasks localUserTasks(ZeebeTestEngine engine) {
        return new InMemoryEngineUserTasks(engine);
    }

    @Bean
    EngineTime localEngineTime(ZeebeTestEngine engine, Clock clock) {
        if (!(clock instanceof MovableClock movable)) {
            throw new IllegalStateException("The local profile needs collection.clock.movable=true");
        }
        return new EngineTime(engine, movable);
    }
}
