package org.collectionorchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.collectionorchestrator.dunning.letter.LetterArchive;
import org.collectionorchestrator.dunning.letter.StoredLetters;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.collectionorchestrator.support.OwnDatabase;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.SecurityTokens;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API with security on: every endpoint the application maps (read from its request mappings, so a new endpoint
 * without an access rule or without a sample here fails) refuses a missing, badly signed, expired, wrong-issuer and
 * wrong-audience token (401), a token without an allowed scope and a token for another creditor (403), and serves a
 * token with an allowed scope for the right creditor (2xx). A context of its own: the shared one runs without tokens.
 */
@DirtiesContext
class ApiSecurityTest extends ApplicationTestSupport {

    private static final String ACCOUNT = "NO9386011117947";
    private static final String ADMIN_ALL = SecurityTokens.token("admin", "*");

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry);
        SecurityTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    LetterArchive letters;
    @Autowired
    TransactionTemplate transaction;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The helpers of ApplicationTestSupport (creditors, invoices, payments) call as an operator for every creditor. */
    @BeforeEach
    void fixturesAsOperator() {
        if (rest.getRestTemplate().getInterceptors().isEmpty()) {
            rest.getRestTemplate().getInterceptors().add((request, body, execution) -> {
                request.getHeaders().setBearerAuth(ADMIN_ALL);
                return execution.execute(request, body);
            });
        }
    }

    /** One mapped endpoint. */
    record Endpoint(HttpMethod method, String pattern) {
        String key() {
            return method.name() + " " + pattern;
        }
    }

    /**
     * A request to send: path with query, body (JSON unless contentType says otherwise). {@code callerScoped}:
     * a list of what the token's own creditors have, which a token for another creditor gets too, without A's data.
     */
    record Call(String path, String body, String contentType, int answeredWith, boolean callerScoped) {
        Call(String path, String body, String contentType) {
            this(path, body, contentType, 0, false);
        }

        static Call of(String path) {
            return new Call(path, null, null);
        }

        static Call json(String path, Object body) {
            return new Call(path, body == null ? null : body.toString(), "application/json");
        }

        /**
         * The right token gets past security to the endpoint's own rule, which answers {@code status}: for a call
         * whose success needs more than the fixture can give (a recall needs an invoice at an agency).
         */
        Call answeredBy(int status) {
            return new Call(path, body, contentType, status, callerScoped);
        }

        Call ofCallersCreditors() {
            return new Call(path, body, contentType, answeredWith, true);
        }
    }

    /** What exists before the checks: creditor A's invoice, payment and letter; creditor B has nothing of A's. */
    private final class Fixture {
        final String a = creditorWithBankAccount("NO", "NOK", "nb", ACCOUNT, "INVOICE");
        final String b = createCreditor("NO", "NOK", "nb");
        final String invoice = invoiceOfA("1000.00");
        final String payment = unmatchedPayment(a, "400.00", "NOK").get("id").asText();

        final String agency = unique("agency");

        Fixture() {
            StoredLetters.storeNotice(letters, transaction, UUID.fromString(invoice));
            assertThat(put("/api/v1/creditors/" + a + "/agencies/" + agency, agencyBody()).getStatusCode().value())
                    .isEqualTo(201);
            assertThat(put("/api/v1/creditors/" + a + "/hand-over-settings", handOverSettingsBody())
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }

        String invoiceOfA(String amount) {
            return register(invoiceBody(a, "PRIVATE", false, today().plusDays(14), amount, "NOK")).get("id").asText();
        }
    }

    /**
     * A request for each endpoint: {@code fresh=false} may reuse the fixture (the call is refused before anything
     * happens), {@code fresh=true} makes what a successful call changes (an invoice to cancel, a payment to match).
     */
    private Map<String, java.util.function.BiFunction<Fixture, Boolean, Call>> samples() {
        Map<String, java.util.function.BiFunction<Fixture, Boolean, Call>> samples = new LinkedHashMap<>();
        samples.put("PUT /api/v1/creditors/{id}", (f, fresh) -> Call.json("/api/v1/creditors/" + f.a, json.createObjectNode()
                .put("name", "Creditor A").put("country", "NO").put("currency", "NOK").put("language", "nb")
                .set("banking", json.valueToTree(Map.of("referenceTarget", "INVOICE",
                        "bankAccounts", List.of(Map.of("account", ACCOUNT)))))));
        samples.put("GET /api/v1/creditors", (f, fresh) -> Call.of("/api/v1/creditors").ofCallersCreditors());
        samples.put("GET /api/v1/creditors/{id}", (f, fresh) -> Call.of("/api/v1/creditors/" + f.a));
        samples.put("PUT /api/v1/creditors/{creditorId}/agencies/{agencyId}", (f, fresh) -> Call.json(
                "/api/v1/creditors/" + f.a + "/agencies/" + (fresh ? unique("agency") : f.agency), agencyBody()));
        samples.put("GET /api/v1/creditors/{creditorId}/agencies/{agencyId}", (f, fresh) -> Call.of(
                "/api/v1/creditors/" + f.a + "/agencies/" + f.agency));
        samples.put("GET /api/v1/creditors/{creditorId}/agencies", (f, fresh) -> Call.of(
                "/api/v1/creditors/" + f.a + "/agencies"));
        samples.put("PUT /api/v1/creditors/{creditorId}/hand-over-settings", (f, fresh) -> Call.json(
                "/api/v1/creditors/" + f.a + "/hand-over-settings", handOverSettingsBody()));
        samples.put("GET /api/v1/creditors/{creditorId}/hand-over-settings", (f, fresh) -> Call.of(
                "/api/v1/creditors/" + f.a + "/hand-over-settings"));
        samples.put("POST /api/v1/invoices/{id}/recall", (f, fresh) -> Call.json(
                "/api/v1/invoices/" + f.invoice + "/recall", json.createObjectNode().put("reason", "Paid us directly"))
                .answeredBy(409));
        samples.put("GET /api/v1/invoices/{id}/collection-cases", (f, fresh) -> Call.of(
                "/api/v1/invoices/" + f.invoice + "/collection-cases"));
        samples.put("GET /api/v1/invoices/{id}/deliveries", (f, fresh) -> Call.of(
                "/api/v1/invoices/" + f.invoice + "/deliveries"));
        samples.put("POST /api/v1/invoices", (f, fresh) -> Call.json("/api/v1/invoices",
                invoiceBody(f.a, "PRIVATE", false, today().plusDays(14), "500.00", "NOK")));
        samples.put("POST /api/v1/invoices/{id}/credit-notes", (f, fresh) -> Call.json(
                "/api/v1/invoices/" + invoice(f, fresh) + "/credit-notes", json.createObjectNode()
                        .put("creditNoteNumber", unique("cn")).put("amount", "100.00").put("currency", "NOK")
                        .put("date", today().toString()).put("reason", "Returned goods")));
        samples.put("POST /api/v1/invoices/{id}/cancel", (f, fresh) -> Call.json(
                "/api/v1/invoices/" + invoice(f, fresh) + "/cancel", json.createObjectNode()
                        .put("reason", "Issued by mistake").put("date", today().toString())));
        samples.put("POST /api/v1/invoices/{id}/dispute", (f, fresh) -> Call.json(
                "/api/v1/invoices/" + invoice(f, fresh) + "/dispute", json.createObjectNode().put("reason", "Never delivered")));
        samples.put("POST /api/v1/invoices/{id}/pause", (f, fresh) -> Call.json(
                "/api/v1/invoices/" + invoice(f, fresh) + "/pause", pauseBody()));
        samples.put("POST /api/v1/invoices/{id}/resume", (f, fresh) -> {
            String id = invoice(f, fresh);
            if (fresh) {
                assertThat(post("/api/v1/invoices/" + id + "/pause", pauseBody()).getStatusCode().value()).isEqualTo(200);
            }
            return Call.json("/api/v1/invoices/" + id + "/resume", null);
        });
        samples.put("POST /api/v1/invoices/{id}/write-off", (f, fresh) -> Call.json(
                "/api/v1/invoices/" + invoice(f, fresh) + "/write-off", json.createObjectNode().put("reason", "Debtor bankrupt")));
        samples.put("GET /api/v1/invoices", (f, fresh) -> Call.of("/api/v1/invoices?creditorId=" + f.a));
        samples.put("GET /api/v1/invoices/{id}", (f, fresh) -> Call.of("/api/v1/invoices/" + f.invoice));
        samples.put("GET /api/v1/invoices/{id}/process", (f, fresh) -> Call.of("/api/v1/invoices/" + f.invoice + "/process"));
        samples.put("GET /api/v1/invoices/{id}/letters", (f, fresh) -> Call.of("/api/v1/invoices/" + f.invoice + "/letters"));
        samples.put("GET /api/v1/invoices/{id}/letters/{number}", (f, fresh) -> Call.of("/api/v1/invoices/" + f.invoice + "/letters/3"));
        samples.put("POST /api/v1/payments", (f, fresh) -> Call.json("/api/v1/payments", json.createObjectNode()
                .put("creditorId", f.a).put("amount", "75.00").put("currency", "NOK")
                .put("paymentReference", "27078413730011702").put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"))));
        samples.put("POST /api/v1/payments/{id}/match", (f, fresh) -> fresh
                ? Call.json("/api/v1/payments/" + unmatchedPayment(f.a, "300.00", "NOK").get("id").asText() + "/match",
                        json.createObjectNode().put("invoiceId", f.invoiceOfA("300.00")))
                : Call.json("/api/v1/payments/" + f.payment + "/match", json.createObjectNode().put("invoiceId", f.invoice)));
        samples.put("GET /api/v1/payments", (f, fresh) -> Call.of("/api/v1/payments?status=UNMATCHED&creditorId=" + f.a));
        samples.put("GET /api/v1/payments/{id}", (f, fresh) -> Call.of("/api/v1/payments/" + f.payment));
        samples.put("POST /api/v1/bank-statements", (f, fresh) -> new Call(
                "/api/v1/bank-statements?preview=true&creditorId=" + f.a,
                CamtFiles.notification(Version.V02).account(ACCOUNT).currency("NOK")
                        .entry(e -> e.credit("100.00").servicerRef(unique("svc")).tx(t -> t.amount("100.00").scor("12344")))
                        .xml(), "application/xml"));
        samples.put("GET /api/v1/reconciliation", (f, fresh) -> Call.of("/api/v1/reconciliation?creditorId=" + f.a
                + "&from=" + today().minusDays(30) + "&to=" + today()));
        samples.put("GET /api/v1/reports/aging", (f, fresh) -> Call.of("/api/v1/reports/aging?creditorId=" + f.a));
        return samples;
    }

    private ResponseEntity<JsonNode> put(String path, Object body) {
        return rest.exchange(path, HttpMethod.PUT, jsonEntity(body), JsonNode.class);
    }

    private ObjectNode agencyBody() {
        ObjectNode body = json.createObjectNode().put("name", "Agency of A").put("webhookUrl", "https://agency.example/hooks")
                .put("secretRef", "test-agency");
        body.putArray("countries").add("NO");
        body.putArray("segments").add("PRIVATE").add("BUSINESS");
        return body;
    }

    private ObjectNode handOverSettingsBody() {
        return json.createObjectNode().put("reviewDay", "MONDAY").put("reviewTime", "08:00");
    }

    private String invoice(Fixture f, boolean fresh) {
        return fresh ? f.invoiceOfA("800.00") : f.invoice;
    }

    private ObjectNode pauseBody() {
        return json.createObjectNode().put("until", today().plusDays(30).toString());
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesWrongTokensAndServesTheRightOne() {
        List<Endpoint> endpoints = mappedEndpoints();
        assertThat(endpoints).extracting(Endpoint::key).contains("POST /api/v1/invoices", "GET /api/v1/payments/{id}");
        Fixture fixture = new Fixture();
        var samples = samples();
        return endpoints.stream().map(endpoint -> dynamicTest(endpoint.key(), () -> {
            if (ApiAccessRules.signed(endpoint.pattern())) {
                Call call = Call.json(endpoint.pattern().replaceAll("\\{[^}]+}", "x"), "{}");
                assertThat(problemType(send(endpoint.method(), call, null)))
                        .as("a signed path is let through to its own signature check").doesNotEndWith("/unauthorized");
                return;
            }
            ApiAccessRules.Rule rule = ApiAccessRules.ruleFor(endpoint.method(), endpoint.pattern())
                    .orElseThrow(() -> new AssertionError(endpoint.key() + " has no rule in ApiAccessRules"));
            var sample = samples.get(endpoint.key());
            if (sample == null) {
                fail(endpoint.key() + " has no sample request in ApiSecurityTest");
            }
            checkEndpoint(endpoint, rule, () -> sample.apply(fixture, false), () -> sample.apply(fixture, true), fixture);
        }));
    }

    private void checkEndpoint(Endpoint endpoint, ApiAccessRules.Rule rule, Supplier<Call> refused, Supplier<Call> fresh,
                               Fixture f) {
        String anyAllowed = rule.scopes().iterator().next();
        Call call = refused.get();
        Map<String, String> unauthenticated = new LinkedHashMap<>();
        unauthenticated.put("no token", null);
        unauthenticated.put("not a JWT", "not-a-token");
        unauthenticated.put("unknown signing key", SecurityTokens.signedByStranger(anyAllowed, f.a));
        unauthenticated.put("expired", SecurityTokens.expired(anyAllowed, f.a));
        unauthenticated.put("other issuer", SecurityTokens.otherIssuer(anyAllowed, f.a));
        unauthenticated.put("other audience", SecurityTokens.otherAudience(anyAllowed, f.a));
        unauthenticated.forEach((what, token) -> {
            HttpResponse<String> response = send(endpoint.method(), call, token);
            assertThat(response.statusCode()).as("%s with %s", endpoint.key(), what).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("%s with %s", endpoint.key(), what)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(problemType(response)).endsWith("/unauthorized");
        });
        for (String scope : ApiAccessRules.SCOPES) {
            if (!rule.scopes().contains(scope)) {
                HttpResponse<String> response = send(endpoint.method(), call, SecurityTokens.token(scope, f.a));
                assertThat(response.statusCode()).as("%s with scope %s", endpoint.key(), scope).isEqualTo(403);
                assertThat(problemType(response)).endsWith("/forbidden");
            }
        }
        for (String scope : rule.scopes()) {
            HttpResponse<String> other = send(endpoint.method(), call, SecurityTokens.token(scope, f.b));
            if (call.callerScoped()) {
                assertThat(other.statusCode()).as("%s with scope %s for another creditor", endpoint.key(), scope)
                        .isEqualTo(200);
                assertThat(other.body()).as("%s for another creditor", endpoint.key()).contains(f.b).doesNotContain(f.a);
            } else {
                assertThat(other.statusCode()).as("%s with scope %s for another creditor: %s", endpoint.key(), scope,
                        other.body()).isEqualTo(403);
                assertThat(problemType(other)).endsWith("/forbidden");
            }
            Call freshCall = fresh.get();
            HttpResponse<String> right = send(endpoint.method(), freshCall, SecurityTokens.token(scope, f.a));
            if (freshCall.answeredWith() != 0) {
                assertThat(right.statusCode()).as("%s with scope %s: %s", endpoint.key(), scope, right.body())
                        .isEqualTo(freshCall.answeredWith());
                continue;
            }
            assertThat(right.statusCode()).as("%s with scope %s: %s", endpoint.key(), scope, right.body())
                    .isBetween(200, 299);
        }
    }

    @Test
    void aListWithoutCreditorIdShowsTheTokensOnlyCreditorAndNeedsOneForSeveral() throws IOException {
        String a = createCreditor("NO", "NOK", "nb");
        String b = createCreditor("NO", "NOK", "nb");
        String ofA = register(invoiceBody(a, "PRIVATE", false, today().plusDays(14), "100.00", "NOK")).get("id").asText();
        String ofB = register(invoiceBody(b, "PRIVATE", false, today().plusDays(14), "100.00", "NOK")).get("id").asText();

        JsonNode onlyB = json.readTree(send(HttpMethod.GET, Call.of("/api/v1/invoices?size=500"),
                SecurityTokens.token("read", b)).body());
        assertThat(ids(onlyB)).containsExactly(ofB);

        HttpResponse<String> several = send(HttpMethod.GET, Call.of("/api/v1/invoices"), SecurityTokens.token("read", a, b));
        assertThat(several.statusCode()).isEqualTo(400);
        assertThat(several.body()).contains("creditorId");
        HttpResponse<String> named = send(HttpMethod.GET, Call.of("/api/v1/invoices?creditorId=" + a),
                SecurityTokens.token("read", a, b));
        assertThat(ids(json.readTree(named.body()))).containsExactly(ofA);
        HttpResponse<String> payments = send(HttpMethod.GET, Call.of("/api/v1/payments"), SecurityTokens.token("finance", a, b));
        assertThat(payments.statusCode()).isEqualTo(400);
    }

    @Test
    void theCreditorListHoldsTheTokensCreditorsOrEveryOneForAStar() throws IOException {
        String a = createCreditor("NO", "NOK", "nb");
        String b = createCreditor("SE", "SEK", "sv");
        String other = createCreditor("DK", "DKK", "da");

        JsonNode mine = json.readTree(send(HttpMethod.GET, Call.of("/api/v1/creditors"),
                SecurityTokens.token("read", b, a, "no-such-creditor")).body());
        assertThat(mine.findValuesAsText("id")).containsExactly(a, b);
        JsonNode every = json.readTree(send(HttpMethod.GET, Call.of("/api/v1/creditors"), SecurityTokens.token("read", "*"))
                .body());
        assertThat(every.findValuesAsText("id")).contains(a, b, other);
        assertThat(json.readTree(send(HttpMethod.GET, Call.of("/api/v1/creditors"), SecurityTokens.token("read")).body()))
                .as("no creditors claim: none").isEmpty();
    }

    @Test
    void scopesAreSeparateFromCreditorsAndAStarClaimAllowsEveryCreditor() {
        String a = createCreditor("NO", "NOK", "nb");
        String invoice = register(invoiceBody(a, "PRIVATE", false, today().plusDays(14), "100.00", "NOK")).get("id").asText();

        assertThat(send(HttpMethod.GET, Call.of("/api/v1/invoices/" + invoice), SecurityTokens.token("read", "*"))
                .statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, Call.of("/api/v1/invoices/" + invoice), SecurityTokens.token("read")).statusCode())
                .as("no creditors claim: no creditor").isEqualTo(403);
        assertThat(send(HttpMethod.POST, Call.json("/api/v1/invoices/" + invoice + "/write-off",
                json.createObjectNode().put("reason", "x")), SecurityTokens.token("read", "*")).statusCode())
                .as("reading every creditor is no right to write off").isEqualTo(403);
        assertThat(send(HttpMethod.GET, Call.of("/api/v1/invoices/" + UUID.randomUUID()), SecurityTokens.token("read", a))
                .statusCode()).as("an unknown invoice is still a 404").isEqualTo(404);
    }

    @Test
    void probesAndTheApiDescriptionAreOpenButDetailsAndOtherActuatorEndpointsAreNot() throws IOException {
        HttpResponse<String> health = send(HttpMethod.GET, Call.of("/actuator/health"), null);
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(json.readTree(health.body()).has("components")).isFalse();
        assertThat(send(HttpMethod.GET, Call.of("/actuator/health/liveness"), null).statusCode()).isEqualTo(200);
        assertThat(json.readTree(send(HttpMethod.GET, Call.of("/actuator/health"), ADMIN_ALL).body()).has("components"))
                .as("details for an admin").isTrue();
        assertThat(json.readTree(send(HttpMethod.GET, Call.of("/actuator/health"), SecurityTokens.token("read", "*")).body())
                .has("components")).as("no details for a reader").isFalse();
        assertThat(send(HttpMethod.GET, Call.of("/actuator/metrics"), null).statusCode()).isEqualTo(401);
        assertThat(send(HttpMethod.GET, Call.of("/actuator/info"), null).statusCode())
                .as("on the API's own port only the probes are open").isEqualTo(401);
        assertThat(send(HttpMethod.GET, Call.of("/actuator/metrics"), SecurityTokens.token("read", "*")).statusCode())
                .isEqualTo(403);
        assertThat(send(HttpMethod.GET, Call.of("/actuator/metrics"), ADMIN_ALL).statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, Call.of("/v3/api-docs"), null).statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, Call.of("/api/v1/not-mapped"), ADMIN_ALL).statusCode())
                .as("a path without a rule is refused even to an admin").isEqualTo(403);
    }

    @Test
    void theWebAppAndItsSignInSettingsAreOpenWhileTheDataStaysBehindTokens() throws IOException {
        HttpResponse<String> index = send(HttpMethod.GET, Call.of("/"), null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Collection Orchestrator</title>");
        String script = index.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        assertThat(send(HttpMethod.GET, Call.of(script), null).statusCode()).as(script).isEqualTo(200);
        JsonNode settings = json.readTree(send(HttpMethod.GET, Call.of("/web-app-settings"), null).body());
        assertThat(settings.get("localRun").asBoolean()).isFalse();
        assertThat(settings.at("/signIn/enabled").asBoolean()).isTrue();
        assertThat(settings.at("/signIn/issuerUri").asText()).isEqualTo(SecurityTokens.ISSUER);
        assertThat(send(HttpMethod.POST, Call.of("/web-app-settings"), null).statusCode())
                .as("only reading is open").isIn(401, 403);
        assertThat(send(HttpMethod.GET, Call.of("/api/v1/invoices"), null).statusCode()).isEqualTo(401);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private List<Endpoint> mappedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(method ->
                        endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern)));
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    fail(pattern + " answers every HTTP method: map it to the ones it serves");
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::key));
        return endpoints;
    }

    private HttpResponse<String> send(HttpMethod method, Call call, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .method(method.name(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header(HttpHeaders.CONTENT_TYPE, call.contentType());
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String problemType(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body != null && body.has("type") ? body.get("type").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
