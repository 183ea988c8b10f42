package org.collectionorchestrator.collection;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collection.agencies.*}: the agencies' signing secrets by reference (from the environment in production, never
 * from the database), and how hard a webhook to an agency is tried.
 *
 * @param secrets         secret reference → shared HMAC secret, e.g. {@code retrieve: ${AGENCY_RETRIEVE_SECRET}}
 * @param publicBaseUrl   where an agency fetches the documents a hand-over links to (our API's public address)
 * @param callTimeout     the longest one HTTP call to an agency may take
 * @param deadline        how long one job keeps retrying a failing agency before the job fails
 * @param firstBackoff    the wait before the first retry; doubles each time, with jitter
 * @param maxBackoff      the longest wait between two attempts
 */
@ConfigurationProperties("collection.agencies")
public record AgencyProperties(Map<String, String> secrets, URI publicBaseUrl, Duration callTimeout, Duration deadline,
                               Duration firstBackoff, Duration maxBackoff) {

    public AgencyProperties {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
        callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
        deadline = deadline == null ? Duration.ofMinutes(2) : deadline;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
    }
}
