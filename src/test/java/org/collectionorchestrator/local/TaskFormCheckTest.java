package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.local.TaskFormCheck.Problem;
import org.junit.jupiter.api.Test;

/** Submissions checked against the Camunda Forms as they are in bpmn/forms/, the files the processes deploy. */
class TaskFormCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDecisionMustBeOneOfTheFormsValuesAndIsRequired() throws IOException {
        JsonNode form = form("unpaid-invoice-decision");

        assertThat(TaskFormCheck.check(form, Map.of("decision", "nonsense"), Map.of()))
                .containsExactly(new Problem("decision", "must be one of HAND_OVER, WRITE_OFF"));
        assertThat(TaskFormCheck.check(form, Map.of(), Map.of("invoiceNumber", "INV-1")))
                .containsExactly(new Problem("decision", "is required"));
        assertThat(TaskFormCheck.check(form, Map.of("decision", ""), Map.of()))
                .containsExactly(new Problem("decision", "is required"));
        assertThat(TaskFormCheck.check(form, Map.of("decision", "WRITE_OFF", "decisionNote", "gone"), Map.of())).isEmpty();
        assertThat(TaskFormCheck.check(form, Map.of("decision", 7), Map.of()))
                .extracting(Problem::field).containsExactly("decision");
    }

    @Test
    void aFieldHiddenByItsConditionIsNotRequiredAndAShownOneIs() throws IOException {
        JsonNode form = form("match-payment");
        Map<String, Object> options = Map.of("candidateOptions",
                List.of(Map.of("label", "INV-1", "value", "id-1"), Map.of("label", "INV-2", "value", "id-2")));

        assertThat(TaskFormCheck.check(form, Map.of("matchDecision", "REFUND"), options)).isEmpty();
        assertThat(TaskFormCheck.check(form, Map.of("matchDecision", "BOOK"), options))
                .containsExactly(new Problem("invoiceToBook", "is required"));
        assertThat(TaskFormCheck.check(form, Map.of("matchDecision", "BOOK", "invoiceToBook", "id-3"), options))
                .containsExactly(new Problem("invoiceToBook", "must be one of id-1, id-2"));
        assertThat(TaskFormCheck.check(form, Map.of("matchDecision", "BOOK", "invoiceToBook", "id-2"), options)).isEmpty();
    }

    @Test
    void eachLineOfADynamicListIsCheckedWithItsOwnValues() throws IOException {
        JsonNode form = form("review-hand-over");
        Map<String, Object> kept = new HashMap<>(Map.of("invoiceId", "a", "stop", false));
        Map<String, Object> stoppedWithoutReason = new HashMap<>(Map.of("invoiceId", "b", "stop", true));
        Map<String, Object> stoppedWithReason = Map.of("invoiceId", "c", "stop", true, "stopReason", "paying in instalments");

        assertThat(TaskFormCheck.check(form, Map.of("invoices", List.of(kept, stoppedWithoutReason, stoppedWithReason)),
                Map.of())).containsExactly(new Problem("invoices[1].stopReason", "is required"));
        // as form-js has it: a line's own fields are `this.…` in a condition; a bare name is the form's data
        JsonNode bareName = JSON.readTree("""
                {"components": [{"type": "dynamiclist", "path": "lines", "components": [
                  {"type": "checkbox", "key": "stop"},
                  {"type": "textfield", "key": "reason", "validate": {"required": true},
                   "conditional": {"hide": "=stop != true"}}]}]}""");
        assertThat(TaskFormCheck.check(bareName, Map.of("stop", true, "lines", List.of(Map.of("stop", false))), Map.of()))
                .containsExactly(new Problem("lines[0].reason", "is required"));
        assertThat(TaskFormCheck.check(form, Map.of("invoices", List.of(Map.of("stop", "yes"))), Map.of()))
                .containsExactly(new Problem("invoices[0].stop", "must be true or false"));
        assertThat(TaskFormCheck.check(form, Map.of("invoices", "all"), Map.of()))
                .containsExactly(new Problem("invoices", "must be a list"));
        assertThat(TaskFormCheck.check(form, Map.of(), Map.of())).as("no list: the window closes as it stands").isEmpty();
    }

    @Test
    void patternsEmailsAndConditionsJoinedWithOrAreChecked() throws IOException {
        JsonNode form = form("fix-delivery");

        assertThat(TaskFormCheck.check(form, Map.of("fixDecision", "RESEND", "correctedEmail", "not-an-address"), Map.of()))
                .containsExactly(new Problem("correctedEmail", "must be an e-mail address"));
        assertThat(TaskFormCheck.check(form, Map.of("fixDecision", "RESEND", "correctedStreet", "Storgata 1"), Map.of()))
                .extracting(Problem::field).containsExactly("correctedPostalCode", "correctedCity", "correctedCountry");
        // form-js submits an untouched text field as "": the address stays as it is, as when the street is missing
        assertThat(TaskFormCheck.check(form, Map.of("fixDecision", "RESEND", "correctedEmail", "kari@example.no",
                "correctedStreet", ""), Map.of())).isEmpty();
        assertThat(TaskFormCheck.check(form, Map.of("fixDecision", "RESEND", "correctedStreet", "Storgata 1",
                "correctedPostalCode", "0150", "correctedCity", "Oslo", "correctedCountry", "Norway"), Map.of()))
                .containsExactly(new Problem("correctedCountry", "must match ^[A-Z]{2}$"));
        assertThat(TaskFormCheck.check(form, Map.of("fixDecision", "DELIVERED_OTHERWISE"), Map.of()))
                .containsExactly(new Problem("deliveredOn", "is required"));
    }

    @Test
    void numbersAreComparedAndAnExpressionNotUnderstoodShowsTheField() throws IOException {
        JsonNode numberForm = JSON.readTree("""
                {"components": [
                  {"type": "number", "key": "amount", "validate": {"required": true, "min": 0}},
                  {"type": "textfield", "key": "note", "validate": {"required": true},
                   "conditional": {"hide": "=count(items) > 2"}},
                  {"type": "textfield", "key": "shown", "validate": {"required": true},
                   "conditional": {"hide": "=candidateCount = 0"}}]}""");

        assertThat(TaskFormCheck.check(numberForm, Map.of("amount", -1, "note", "x", "shown", "y"), Map.of()))
                .containsExactly(new Problem("amount", "must be at least 0"));
        assertThat(TaskFormCheck.check(numberForm, Map.of("amount", "12"), Map.of("candidateCount", 0)))
                .containsExactly(new Problem("amount", "must be a number"), new Problem("note", "is required"));
        assertThat(TaskFormCheck.check(numberForm, Map.of("amount", 12.5, "note", "x"), Map.of("candidateCount", 3)))
                .containsExactly(new Problem("shown", "is required"));
    }

    private static JsonNode form(String name) throws IOException {
        return JSON.readTree(Path.of("bpmn/forms/" + name + ".form").toFile());
    }
}
