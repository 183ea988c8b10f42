package org.collectionorchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database error nobody expected is a 500 problem detail that gives nothing away (no SQL, no stack trace, no class
 * names) and carries an error id that is also in the log; Boot's own error body never appears.
 */
@ExtendWith(OutputCaptureExtension.class)
class InternalErrorTest extends ApplicationTestSupport {

    private static final String SECRET = "relation secret_internals_42 is on fire";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDatabaseErrorIsAProblemDetailWithAnErrorIdThatIsLogged(CapturedOutput output) {
        String marker = unique("explode");
        String function = "test_fail_" + marker.replace('-', '_');
        // A real PostgreSQL error, raised only for this test's creditor name.
        jdbc.sql("create function " + function + "() returns trigger language plpgsql as $$ begin "
                + "if new.name = '" + marker + "' then raise exception '" + SECRET + "'; end if; return new; end; $$").update();
        jdbc.sql("create trigger " + function + " before insert or update on creditor for each row execute function "
                + function + "()").update();
        ResponseEntity<String> response;
        try {
            response = rest.exchange("/api/v1/creditors/" + unique("c"), HttpMethod.PUT, jsonEntity(Map.of(
                    "name", marker, "country", "NO", "currency", "NOK", "language", "nb")), String.class);
        } finally {
            jdbc.sql("drop trigger " + function + " on creditor").update();
            jdbc.sql("drop function " + function + "()").update();
        }

        assertInternalErrorProblem(response);
        JsonNode problem = read(response);
        assertThat(output.getAll()).contains(problem.get("errorId").asText()).contains(SECRET);
    }

    @Test
    void theErrorPageItselfIsAProblemDetailNotBootsErrorBody() {
        ResponseEntity<String> response = rest.getForEntity("/error", String.class);

        assertThat(response.getStatusCode().value()).isGreaterThanOrEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(read(response).has("timestamp")).isFalse();
        assertThat(read(response).has("error")).isFalse();
    }

    private void assertInternalErrorProblem(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        JsonNode problem = read(response);
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("title").asText()).isEqualTo("Internal error");
        assertThat(problem.get("errorId").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(problem.get("errorId").asText());
        // Boot's error attributes and anything internal stay out of the answer.
        assertThat(problem.has("timestamp")).isFalse();
        assertThat(problem.has("error")).isFalse();
        assertThat(problem.has("trace")).isFalse();
        assertThat(problem.has("exception")).isFalse();
        assertThat(problem.has("message")).isFalse();
        assertThat(response.getBody()).doesNotContainIgnoringCase("sql")
                .doesNotContain(SECRET)
                .doesNotContain("Exception")
                .doesNotContain("org.");
        assertThat(problem.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errorId");
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
