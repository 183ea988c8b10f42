package org.collectionorchestrator.payment.bankpolling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A WireMock bank with the statement API the poller expects, and connections to it with short test timings. */
final class TestBank {

    static final String ACCOUNT = "NO9386011117947";
    static final String TOKEN_PATH = "/oauth/token";

    private TestBank() {
    }

    static BankConnection connection(WireMockServer bank, String creditorId, List<String> accounts) {
        return new BankConnection(creditorId, URI.create(bank.baseUrl() + "/api/"), URI.create(bank.baseUrl() + TOKEN_PATH),
                "client-1", "s3cret/+", "", accounts, Duration.ofSeconds(1), Duration.ofSeconds(1),
                new BankConnection.Retry(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50)),
                new BankConnection.CircuitBreaker(50, 10, 10, Duration.ofMinutes(1)));
    }

    static void token(WireMockServer bank, String token, long expiresIn) {
        bank.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("""
                {"access_token":"%s","token_type":"Bearer","expires_in":%d}""".formatted(token, expiresIn))));
    }

    static MappingBuilder listing(String account) {
        return get(urlPathEqualTo("/api/accounts/" + account + "/statements"));
    }

    static MappingBuilder statement(String id) {
        return get(urlPathEqualTo("/api/statements/" + id));
    }

    static String list(String... idsAndTimes) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < idsAndTimes.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idsAndTimes[i]).append("\",\"createdAt\":\"")
                    .append(idsAndTimes[i + 1]).append("\"}");
        }
        return json.append("]").toString();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body);
    }
}
