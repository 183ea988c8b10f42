package org.collectionorchestrator.engine;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * Deploys the process owners' models from {@code bpmn/} and {@code dmn/} as they are, with their forms, at start-up.
 * {@code collection.models.deploy-at-start-up=false} (env {@code COLLECTION_MODELS_DEPLOY_AT_START_UP}) leaves that
 * to CI or an operator, so that replicas starting together do not each deploy and a rollback does not redeploy.
 * The bank polling model under {@code bpmn/scheduled/} deploys with its own condition (a bank connection).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "collection.models.deploy-at-start-up", havingValue = "true", matchIfMissing = true)
@Deployment(resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/bpmn/**/*.form", "classpath*:/dmn/**/*.dmn"})
public class ModelDeployment {
}
