package org.collectionorchestrator.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The OpenAPI document at {@code /v3/api-docs} (committed as {@code openapi.yaml}; {@code OpenApiDocumentTest} fails
 * when the code drifts from it): title, description, the bearer-token scheme production requires, the problem-detail
 * schemas, and on every operation the problem answers it can give. Every operation may answer 401, 403 and 500;
 * one with parameters or a body 400; one with a body 413; the rest ({@code 404}, {@code 409}, {@code 422}) come from
 * {@link ProblemResponses} on the controller method.
 *
 * <p>Examples of string fields that look like numbers (amounts, references) are written quoted,
 * {@code example = "\"1250.00\""}: OpenAPI 3.1 reads an example as JSON, and unquoted it would be the number 1250.0.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String BEARER = "bearer-jwt";
    private static final String TYPES = "https://collection-orchestrator.org/problems/";
    private static final Map<String, ApiResponse> SHARED = responses();

    private static final String DESCRIPTION = """
            Debt collection for Nordic creditors (Norway, Denmark, Sweden, Finland): an ERP registers its outgoing \
            invoices and the payments it receives, and the service follows each unpaid invoice up through reminders, \
            the collection notice and collection, settles it when it is paid, and keeps a ledger and an audit trail \
            per invoice.

            **Errors** are RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`, \
            `detail`, `instance`. A validation problem (400, type `.../invalid-request`) lists every broken rule in \
            `errors` as `{field, message}`; an internal error (500) carries an `errorId` to quote when reporting it, \
            and says nothing else about the cause.

            **Idempotency**: registering an invoice (creditorId, invoiceNumber), a payment (creditorId, \
            bankTransactionId) or a credit note (creditor, creditNoteNumber) again with the same body answers 200 \
            with the earlier result; the same key with a different body answers 409. Cancelling, writing off and \
            matching again answer 200 unchanged. Bank files book each transaction once.

            **Limits**: a JSON body is at most 64 KiB, a bank file (XML) at most 200 MB by default; a larger one is \
            refused with 413.

            **Authentication**: production requires a bearer JWT (scheme `bearer-jwt`) from the operator's issuer \
            for this API's audience. Its `scope` claim must hold one of the scopes each operation lists under \
            `security` (`invoices:write`, `payments:write`, `finance`, `read`, `admin`), and its `creditors` claim \
            the creditor concerned (`*`: every creditor). A missing, invalid, expired or foreign token is 401 (type \
            `.../unauthorized`); a token without the scope or for another creditor 403 (type `.../forbidden`). A \
            list without `creditorId` shows the token's only creditor; a token for several must name one. Delivery \
            reports and agency events carry an HMAC signature (`X-Signature`) instead. The local profile (the \
            README's one-command run) needs no token.
            """;

    @Bean
    OpenAPI collectionOrchestratorOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Collection Orchestrator API")
                        .version("v1")
                        .description(DESCRIPTION)
                        .license(new License().name("See the project's README, section Licences")))
                .servers(List.of(new Server().url("/").description("The service itself")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token from the operator's identity provider (issuer and "
                                        + "audience configured in production). Not needed in the local profile."))
                        .addSchemas("Problem", problemSchema())
                        .addSchemas("FieldProblem", new ObjectSchema()
                                .description("One broken rule of a validation problem")
                                .addProperty("field", new StringSchema().description("The field, dotted for nested "
                                        + "ones and with [index] for list items").example("customer.email"))
                                .addProperty("message", new StringSchema().description("What is wrong with it")
                                        .example("must be a well-formed email address")))
                        .responses(new LinkedHashMap<>(SHARED)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().format("uri").description("Identifies the kind of problem")
                        .example(TYPES + "not-found"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem")
                        .example("Not found"))
                .addProperty("status", new IntegerSchema().description("The HTTP status").example(404))
                .addProperty("detail", new StringSchema().description("What went wrong with this request")
                        .example("No payment 6f1c2a9e-3b7d-4f0a-9c55-2d8e1b7a4c10"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request").example("/api/v1/payments/6f1c2a9e-3b7d-4f0a-9c55-2d8e1b7a4c10"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                        .description("Validation problems (400, type .../invalid-request) only: every broken rule, "
                                + "sorted by field"))
                .addProperty("errorId", new StringSchema().description("Internal errors (500) only: the id under "
                        + "which the error was logged").example("0b9e6f55-8f0e-4f8c-a1a5-3c1f4c7a2d11"));
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problem("The request breaks a rule: a parameter or body field is missing, malformed "
                + "or out of range (type .../invalid-request, with errors), or the body is not JSON of the expected shape "
                + "(type .../malformed-body)", Map.of(
                "invalid-request", example(400, "invalid-request", "Invalid request",
                        "The request breaks 1 rule(s); see 'errors'",
                        List.of(Map.of("field", "dueDate", "message", "must not be null"))),
                "malformed-body", example(400, "malformed-body", "Malformed request body",
                        "The request body is not valid JSON of the expected shape", null))));
        responses.put("Unauthorized", problem("Production only: no bearer token, or one that is invalid, expired, from "
                + "another issuer or for another audience",
                Map.of("unauthorized", example(401, "unauthorized", "Not authenticated",
                        "A valid bearer token from the configured issuer for this API is required", null))));
        responses.put("Forbidden", problem("Production only: the token lacks the scope for this operation, or is for "
                + "another creditor", Map.of("forbidden", example(403, "forbidden", "Not allowed",
                        "The token does not allow creditor acme-no", null))));
        responses.put("NotFound", problem("What the path names does not exist",
                Map.of("not-found", example(404, "not-found", "Not found", "No payment 6f1c2a9e-3b7d-4f0a-9c55-2d8e1b7a4c10", null))));
        responses.put("Conflict", problem("Conflicts with an earlier request or with the state of what it names",
                Map.of("conflict", example(409, "conflict", "Conflicts with an earlier request",
                        "Invoice INV-1001 of creditor acme-no was registered with other content", null))));
        responses.put("PayloadTooLarge", problem("The body is larger than the limit (64 KiB for JSON, 200 MB for a bank file)",
                Map.of("body-too-large", example(413, "body-too-large", "Request body too large",
                        "The request body is larger than 65536 bytes", null))));
        responses.put("Unprocessable", problem("Well-formed, but cannot be done as asked",
                Map.of("unprocessable", example(422, "unprocessable", "Cannot be done as asked",
                        "The invoice is in another currency", null))));
        responses.put("InternalError", problem("An unexpected error; quote the errorId when reporting it",
                Map.of("internal-error", example(500, "internal-error", "Internal error",
                        "The request could not be completed because of an internal error; quote error id "
                                + "0b9e6f55-8f0e-4f8c-a1a5-3c1f4c7a2d11 when reporting it", null))));
        return responses;
    }

    private static ApiResponse problem(String description, Map<String, Example> examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        examples.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> media.addExamples(e.getKey(), e.getValue()));
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private static Example example(int status, String type, String title, String detail, List<Map<String, String>> errors) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", TYPES + type);
        value.put("title", title);
        value.put("status", status);
        value.put("detail", detail);
        if (errors != null) {
            value.put("errors", errors);
        }
        if (status == 500) {
            value.put("errorId", "0b9e6f55-8f0e-4f8c-a1a5-3c1f4c7a2d11");
        }
        return new Example().value(value);
    }

    /** The problem answers of each operation: the common ones, and those its {@link ProblemResponses} names. */
    @Bean
    GlobalOperationCustomizer problemResponsesPerOperation() {
        return (operation, handlerMethod) -> {
            ProblemResponses specific = handlerMethod.getMethodAnnotation(ProblemResponses.class);
            if (specific != null) {
                for (int i = 0; i < specific.value().length; i++) {
                    int status = specific.value()[i];
                    String description = i < specific.descriptions().length ? specific.descriptions()[i] : null;
                    add(operation, status, description);
                }
            }
            boolean hasBody = operation.getRequestBody() != null;
            boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
            if (hasBody || hasParameters) {
                add(operation, 400, null);
            }
            add(operation, 401, null);
            add(operation, 403, null);
            if (hasBody) {
                add(operation, 413, null);
            }
            add(operation, 500, null);
            requiredScopes(operation, handlerMethod);
            return operation;
        };
    }

    /** The scopes ApiAccessRules allows for the operation, as its security requirement (none for a signed path). */
    private static void requiredScopes(Operation operation, org.springframework.web.method.HandlerMethod handlerMethod) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        if (method == null || method.method().length != 1) {
            return;
        }
        String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
        String path = prefix + (method.path().length == 0 ? "" : method.path()[0]);
        if (ApiAccessRules.signed(path)) {
            operation.setSecurity(List.of());
            return;
        }
        ApiAccessRules.ruleFor(HttpMethod.valueOf(method.method()[0].name()), path).ifPresent(rule ->
                operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER,
                        ApiAccessRules.SCOPES.stream().filter(rule.scopes()::contains).toList()))));
    }

    private static void add(Operation operation, int status, String description) {
        String name = switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 422 -> "Unprocessable";
            case 500 -> "InternalError";
            default -> throw new IllegalArgumentException("No shared problem response for " + status);
        };
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponse response = new ApiResponse().$ref("#/components/responses/" + name);
        if (description != null) {
            // This operation's own wording, with the shared schema and examples (a 400 of its own has its own types).
            response = problem(description, Map.of());
            if (status != 400) {
                response.getContent().get(PROBLEM_JSON).setExamples(SHARED.get(name).getContent().get(PROBLEM_JSON).getExamples());
            }
        }
        operation.getResponses().putIfAbsent(String.valueOf(status), response);
    }

    /**
     * Sorts the tags by name and each operation's responses by status, so the document reads (and diffs) in order
     * whatever order the controllers were found in.
     */
    @Bean
    GlobalOpenApiCustomizer stableOrder() {
        return openApi -> {
            if (openApi.getTags() != null) {
                openApi.setTags(openApi.getTags().stream().sorted(java.util.Comparator.comparing(
                        io.swagger.v3.oas.models.tags.Tag::getName)).toList());
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) {
                    ApiResponses sorted = new ApiResponses();
                    operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
                    operation.setResponses(sorted);
                }
            }));
        };
    }
}
