package org.collectionorchestrator.payment.bankpolling;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Deploys "Bank statement polling" only where a bank connection is configured and polling is on: its timer then
 * starts it daily. Elsewhere (tests, the local profile, a creditor-less installation) the model is not deployed by
 * this class, so no timer of it runs. See the README section "Bank polling" for how the application's own
 * deployment of {@code bpmn/} must leave this model out for that to hold.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(BankPollingDeployment.ConnectionsConfigured.class)
@Deployment(resources = BankPollingDeployment.MODEL)
public class BankPollingDeployment {

    public static final String MODEL = "classpath*:/bpmn/scheduled/bank-statement-polling.bpmn";

    static final class ConnectionsConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (!context.getEnvironment().getProperty("collection.models.deploy-at-start-up", Boolean.class, true)) {
                return ConditionOutcome.noMatch("models are not deployed at start-up (collection.models.deploy-at-start-up)");
            }
            BankPollingProperties properties = Binder.get(context.getEnvironment())
                    .bind("collection.bank-polling", BankPollingProperties.class)
                    .orElseGet(() -> new BankPollingProperties(true, null));
            return properties.active().isEmpty()
                    ? ConditionOutcome.noMatch("no bank connection configured (collection.bank-polling.connections)")
                    : ConditionOutcome.match(properties.active().size() + " bank connection(s) configured");
        }
    }
}
