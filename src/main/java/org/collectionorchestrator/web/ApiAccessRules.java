package org.collectionorchestrator.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what: the one table that maps every API endpoint to the token scopes allowed to call it (README
 * "Security"). Which creditors a caller may act for is the token's {@code creditors} claim, checked by
 * {@link CreditorAccess}; the scope says what, the claim says whose. An endpoint with no rule here is refused to
 * everyone (and {@code ApiSecurityTest} fails until it has one).
 */
public final class ApiAccessRules {

    /** Register invoices and send their changes: credit notes, cancellations, disputes, pauses (an ERP). */
    public static final String INVOICES_WRITE = "invoices:write";
    /** Register payments and import bank files (a bank integration, an ERP). */
    public static final String PAYMENTS_WRITE = "payments:write";
    /** Finance staff: match payments, write off, dispute and pause, import bank files, reconcile; and read. */
    public static final String FINANCE = "finance";
    /** Read invoices, letters, payments, creditors and reconciliation. */
    public static final String READ = "read";
    /** Everything, creditor settings included (still only for the creditors in the token's claim). */
    public static final String ADMIN = "admin";

    public static final List<String> SCOPES = List.of(INVOICES_WRITE, PAYMENTS_WRITE, FINANCE, READ, ADMIN);

    /** One endpoint (method and path pattern as mapped) and the scopes any one of which lets a caller in. */
    public record Rule(HttpMethod method, String pattern, Set<String> scopes) {
    }

    private static final Set<String> READERS = Set.of(READ, FINANCE, ADMIN);

    public static final List<Rule> RULES = List.of(
            rule(HttpMethod.GET, "/api/v1/creditors", READERS),
            rule(HttpMethod.PUT, "/api/v1/creditors/{id}", ADMIN),
            rule(HttpMethod.GET, "/api/v1/creditors/{id}", READERS),
            rule(HttpMethod.PUT, "/api/v1/creditors/{id}/agencies/{agencyId}", ADMIN),
            rule(HttpMethod.GET, "/api/v1/creditors/{id}/agencies/{agencyId}", READERS),
            rule(HttpMethod.GET, "/api/v1/creditors/{id}/agencies", READERS),
            rule(HttpMethod.PUT, "/api/v1/creditors/{id}/hand-over-settings", ADMIN),
            rule(HttpMethod.GET, "/api/v1/creditors/{id}/hand-over-settings", READERS),

            rule(HttpMethod.POST, "/api/v1/invoices", INVOICES_WRITE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/credit-notes", INVOICES_WRITE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/cancel", INVOICES_WRITE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/dispute", INVOICES_WRITE, FINANCE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/pause", INVOICES_WRITE, FINANCE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/resume", INVOICES_WRITE, FINANCE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/write-off", FINANCE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/invoices/{id}/recall", FINANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/invoices/{id}/collection-cases", READERS),
            rule(HttpMethod.GET, "/api/v1/invoices/{id}/deliveries", READERS),
            rule(HttpMethod.GET, "/api/v1/invoices", READERS),
            rule(HttpMethod.GET, "/api/v1/invoices/{id}", READERS),
            rule(HttpMethod.GET, "/api/v1/invoices/{id}/process", READERS),
            rule(HttpMethod.GET, "/api/v1/invoices/{id}/letters", READERS),
            rule(HttpMethod.GET, "/api/v1/invoices/{id}/letters/{number}", READERS),

            rule(HttpMethod.POST, "/api/v1/payments", PAYMENTS_WRITE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/payments/{id}/match", FINANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/payments", READERS),
            rule(HttpMethod.GET, "/api/v1/payments/{id}", READERS),
            rule(HttpMethod.POST, "/api/v1/bank-statements", PAYMENTS_WRITE, FINANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/reconciliation", READERS),
            rule(HttpMethod.GET, "/api/v1/reports/aging", READERS),

            // The local profile only (the Tasklist stand-in and the development tools), for a local run with security on.
            rule(HttpMethod.GET, "/api/v1/tasks", FINANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/tasks/{key}", FINANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/tasks/{key}/form", FINANCE, ADMIN),
            rule(HttpMethod.POST, "/api/v1/tasks/{key}/complete", FINANCE, ADMIN),
            rule(HttpMethod.GET, "/api/v1/dev/clock", ADMIN),
            rule(HttpMethod.POST, "/api/v1/dev/clock", ADMIN),
            rule(HttpMethod.GET, "/api/v1/dev/kafka", ADMIN),
            rule(HttpMethod.GET, "/api/v1/dev/mail", ADMIN),
            rule(HttpMethod.GET, "/api/v1/dev/providers", ADMIN),
            rule(HttpMethod.GET, "/api/v1/dev/simulated-agency", ADMIN),
            rule(HttpMethod.POST, "/api/v1/dev/simulated-agency/cases/{caseId}/collect", ADMIN));

    /**
     * Paths that carry their own HMAC signature ({@code X-Signature}, checked by their controllers with
     * {@code signature.WebhookSignature}) and so need no token: providers' delivery reports, agencies' case events.
     */
    public static final List<String> SIGNED_PATHS = List.of("/api/v1/delivery-reports/**", "/api/v1/agencies/*/events");

    /**
     * The local profile's simulated outside services that the application itself calls as it calls the real ones,
     * without a token: an agency's webhook (which checks the signature itself) and the providers' document intake.
     */
    public static final List<String> LOCAL_STAND_IN_PATHS = List.of("/api/v1/dev/simulated-agency/{agencyId}",
            "/api/v1/dev/providers/{channel}/documents");

    /** Open to anyone: the API description, the error dispatch, the health probes and the Prometheus scrape. */
    public static final List<String> OPEN_PATHS = List.of("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error");

    /** Where the web app asks how to sign in; open, as the app itself is. */
    public static final String WEB_APP_SETTINGS = "/web-app-settings";

    /**
     * The web app's static files (built from src/main/frontend) and its settings: open to anyone, since the app
     * holds no data; everything it shows comes from the API under the caller's token.
     */
    public static final List<String> WEB_APP_PATHS = List.of("/", "/index.html", "/assets/**", "/favicon.svg",
            WEB_APP_SETTINGS);

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private ApiAccessRules() {
    }

    /** The rule for a mapped endpoint, by its pattern as written in the controller (path variables by any name). */
    public static Optional<Rule> ruleFor(HttpMethod method, String mappedPattern) {
        String normalised = normalise(mappedPattern);
        return RULES.stream()
                .filter(rule -> rule.method().equals(method) && normalise(rule.pattern()).equals(normalised))
                .findFirst();
    }

    /** Whether a mapped endpoint is one of the signed paths. */
    public static boolean signed(String mappedPattern) {
        String concrete = mappedPattern.replaceAll("\\{[^}]+}", "x");
        return SIGNED_PATHS.stream().anyMatch(pattern -> PATHS.match(pattern, concrete));
    }

    /** Whether a mapped endpoint is one of the local stand-ins for outside services (any method). */
    public static boolean localStandIn(String mappedPattern) {
        return LOCAL_STAND_IN_PATHS.stream().anyMatch(path -> normalise(path).equals(normalise(mappedPattern)));
    }

    private static String normalise(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "{}");
    }

    private static Rule rule(HttpMethod method, String pattern, String... scopes) {
        return new Rule(method, pattern, Set.of(scopes));
    }

    private static Rule rule(HttpMethod method, String pattern, Set<String> scopes) {
        return new Rule(method, pattern, scopes);
    }
}
