package org.collectionorchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code openapi.yaml} is what the code documents: any change to an endpoint, a body or a response
 * shows up as a diff to review. Regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
class OpenApiDocumentTest extends ApplicationTestSupport {

    private static final Path COMMITTED = Path.of("openapi.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theCommittedDocumentIsWhatTheCodeDocuments() throws Exception {
        String generated = rest.getForObject("/v3/api-docs.yaml", String.class);
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("openapi.yaml at the repository root").exists();
        JsonNode expected = YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        JsonNode actual = YAML.readTree(generated);
        if (!expected.equals(actual)) {
            List<String> differences = new ArrayList<>();
            diff("", expected, actual, differences);
            fail("openapi.yaml differs from what the code documents at " + differences.size() + " place(s):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                    + "\nIf the change is intended, regenerate the file and commit it:\n"
                    + "  ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true");
        }
    }

    @Test
    void theDocumentHasTitleSecurityAndProblemAnswers() throws Exception {
        JsonNode api = YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(api.at("/info/title").asText()).isEqualTo("Collection Orchestrator API");
        assertThat(api.at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/paths").has("/api/v1/dev/clock")).as("local-profile endpoints stay out").isFalse();
        api.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode responses = op.getValue().get("responses");
            assertThat(responses.has("401") && responses.has("403") && responses.has("500"))
                    .as(op.getKey() + " " + path.getKey() + " lists 401, 403 and 500").isTrue();
        }));
    }

    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null || actual == null) {
            out.add(at + ": " + (expected == null ? "only in the code" : "only in openapi.yaml"));
        } else if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                diff(at + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()), out);
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    out.add(at + "/" + name + ": only in the code");
                }
            });
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": openapi.yaml has " + abbreviate(expected) + ", the code " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
