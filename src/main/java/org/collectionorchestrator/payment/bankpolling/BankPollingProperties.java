package org.collectionorchestrator.payment.bankpolling;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bank statement polling ({@code collection.bank-polling.*}).
 *
 * @param enabled     false: the worker polls nothing even when connections are configured
 * @param connections one per creditor bank connection; none configured: nothing is polled and the polling process
 *                    is not deployed by {@link BankPollingDeployment}
 */
@ConfigurationProperties("collection.bank-polling")
public record BankPollingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<BankConnection> connections) {

    public BankPollingProperties {
        connections = connections == null ? List.of() : List.copyOf(connections);
    }

    /** The connections polled now: none while polling is switched off. */
    public List<BankConnection> active() {
        return enabled ? connections : List.of();
    }
}
