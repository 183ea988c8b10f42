package org.collectionorchestrator.support;

import io.camunda.client.spring.annotation.processor.DeploymentAnnotationProcessor;
import io.camunda.client.spring.annotation.processor.JobWorkerAnnotationProcessor;
import java.lang.reflect.Field;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * camunda-spring-boot-starter 8.8 scans the annotated beans again for every new client and appends what it finds to
 * the lists it keeps (job workers, deployments) without clearing them. With a fresh test engine per test method, the
 * n-th test of a run opened n workers of each job type and deployed the models n times: the suite slowed down
 * quadratically and the engine's gateway, flooded with long polls, timed out. After each test the lists are emptied,
 * so the next engine gets exactly one of each. Fails loudly if the starter's fields move.
 */
final class StarterLeakWorkaround {

    private StarterLeakWorkaround() {
    }

    static void forgetScannedBeans(ApplicationContext context) {
        clear(context.getBean(JobWorkerAnnotationProcessor.class), "jobWorkerValues");
        clear(context.getBean(DeploymentAnnotationProcessor.class), "deploymentValues");
    }

    private static void clear(Object processor, String field) {
        try {
            Field values = processor.getClass().getDeclaredField(field);
            values.setAccessible(true);
            ((List<?>) values.get(processor)).clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The Camunda starter changed; revisit " + StarterLeakWorkaround.class, e);
        }
    }
}
