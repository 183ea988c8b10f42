package org.collectionorchestrator.distribution;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Distribution settings ({@code collection.distribution.*}, README "Distribution channels").
 *
 * @param enabled       false: letters are stored but not sent (the delivery step records them as not distributed)
 * @param fromAddress   the sender of e-mails
 * @param reportTimeout how long a provider's asynchronous delivery report is waited for before the next channel
 * @param providers     per channel ({@code ehf}, {@code efaktura}, {@code print}, and {@code email} for its report
 *                      secret): base URL, API key, the secret that signs its delivery reports
 * @param creditors     per creditor id: its PEPPOL participant id (the EHF sender) and logo (a resource location)
 */
@ConfigurationProperties("collection.distribution")
public record DistributionProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("invoices@collection-orchestrator.invalid") String fromAddress,
        @DefaultValue("P2D") Duration reportTimeout,
        @DefaultValue Map<String, Provider> providers,
        @DefaultValue Map<String, CreditorSettings> creditors) {

    public DistributionProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        creditors = creditors == null ? Map.of() : Map.copyOf(creditors);
    }

    public record CreditorSettings(String peppolParticipantId, String logo) {
    }

    public CreditorSettings creditor(String creditorId) {
        return creditors.getOrDefault(creditorId, new CreditorSettings(null, null));
    }

    /**
     * @param reportTimeout how long this provider's report is waited for; null: the global {@code report-timeout}
     */
    public record Provider(URI baseUrl, String apiKey, String signingSecret,
                           @DefaultValue("PT10S") Duration timeout,
                           @DefaultValue("3") int maxAttempts,
                           Duration reportTimeout) {
    }

    /** How long a report of {@code channel}'s provider is waited for. */
    public Duration reportTimeout(String channel) {
        return provider(channel).map(Provider::reportTimeout).orElse(reportTimeout);
    }

    /** Whether the provider of {@code channel} sends signed delivery reports. */
    public boolean reports(String channel) {
        return provider(channel).map(Provider::signingSecret).filter(s -> !s.isBlank()).isPresent();
    }

    public java.util.Optional<Provider> provider(String channel) {
        return java.util.Optional.ofNullable(providers.get(channel));
    }
}
