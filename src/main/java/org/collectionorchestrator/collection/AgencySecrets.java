package org.collectionorchestrator.collection;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves an agency's secret reference to the shared secret from the settings; the database holds only the reference. */
@Component
class AgencySecrets {

    private final AgencyProperties properties;

    AgencySecrets(AgencyProperties properties) {
        this.properties = properties;
    }

    Optional<String> find(String secretRef) {
        return Optional.ofNullable(properties.secrets().get(secretRef)).filter(s -> !s.isBlank());
    }

    String of(Agency agency) {
        return find(agency.secretRef()).orElseThrow(() -> new IllegalStateException("No secret configured for agency "
                + agency.id() + ": set collection.agencies.secrets." + agency.secretRef()));
    }
}
